"""A toolkit section as the app runs it, and the parser of its file (sections/NN.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crt_desktop.domain.template import Template

from .fields import Fields, unique_keys


@dataclass(frozen=True)
class Step:
    """One timed step of a section's key activity; guidance is for the facilitator only."""

    title: str
    minutes: int
    guidance: str


@dataclass(frozen=True)
class Visual:
    """The text of the section's poster: a title and a few short lines."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Component:
    """One item of the comprehensive components checklist (the same for every section)."""

    key: str
    title: str
    help: str


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    template: str
    purpose: str = ""
    # Column this section centres on (e.g. "mind" on the Wellness Compass); "" for none.
    focus: str = ""
    steps: tuple[Step, ...] = ()
    # Discussion prompts; each fits on one projector line.
    prompts: tuple[str, ...] = ()
    leadership_considerations: tuple[str, ...] = ()
    visual: Visual = Visual("", ())
    # The gist of the handout, as bullet points.
    handout: tuple[str, ...] = ()
    components: tuple[Component, ...] = ()

    @property
    def minutes(self) -> int:
        """Suggested length of the key activity, in minutes."""
        return sum(step.minutes for step in self.steps)


_SECTION_FIELDS = (
    "number",
    "title",
    "template",
    "purpose",
    "focus",
    "steps",
    "prompts",
    "leadership_considerations",
    "visual",
    "handout",
    "components",
)


def parse_components(data: dict[str, Any], file: str) -> tuple[Component, ...]:
    f = Fields(data, file)
    f.only(("components",))
    components = []
    for c in f.tables("components"):
        c.only(("key", "title", "help"))
        components.append(Component(key=c.text("key"), title=c.text("title"), help=c.text("help")))
    unique_keys(f, "components", [c.key for c in components], "components")
    return tuple(components)


def _step(s: Fields) -> Step:
    s.only(("title", "minutes", "guidance"))
    minutes = s.number("minutes")
    if minutes <= 0:
        raise s.fail("minutes", "must be more than zero")
    return Step(title=s.text("title"), minutes=minutes, guidance=s.text("guidance"))


def _visual(v: Fields) -> Visual:
    v.only(("title", "lines"))
    return Visual(title=v.text("title"), lines=v.lines("lines"))


def _components(f: Fields, shared: tuple[Component, ...]) -> tuple[Component, ...]:
    """The shared checklist, or the subset a section names by key (in the shared order)."""
    if "components" not in f.data:
        return shared
    wanted = f.lines("components")
    known = {c.key for c in shared}
    for i, key in enumerate(wanted):
        if key not in known:
            raise f.fail(f"components[{i}]", f"names no known component ({key!r})")
    return tuple(c for c in shared if c.key in wanted)


def parse_section(
    data: dict[str, Any],
    file: str,
    templates: dict[str, Template],
    components: tuple[Component, ...],
) -> Section:
    f = Fields(data, file)
    f.only(_SECTION_FIELDS)
    template = f.text("template")
    if template not in templates:
        raise f.fail("template", f"names no known template ({template!r})")
    focus = f.text("focus", required=False)
    if focus and focus not in templates[template].column_keys:
        raise f.fail("focus", f"names no column of template {template!r} ({focus!r})")
    return Section(
        number=f.number("number"),
        title=f.text("title"),
        template=template,
        purpose=f.text("purpose"),
        focus=focus,
        steps=tuple(_step(s) for s in f.tables("steps")),
        prompts=f.lines("prompts"),
        leadership_considerations=f.lines("leadership_considerations"),
        visual=_visual(f.table("visual")),
        handout=f.lines("handout"),
        components=_components(f, components),
    )
