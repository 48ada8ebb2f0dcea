"""A toolkit section as the app runs it, and the parser of its file (sections/NN.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crt_desktop.domain.template import Template

from .fields import ContentError, unique_keys
from .shapes import ComponentsFile, SectionFile, StepTable, convert


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


def parse_components(data: dict[str, Any], file: str) -> tuple[Component, ...]:
    shape = convert(data, ComponentsFile, file)
    components = tuple(Component(key=c.key, title=c.title, help=c.help) for c in shape.components)
    unique_keys(file, "components", [c.key for c in components], "components")
    return components


def _step(s: StepTable, file: str, i: int) -> Step:
    if s.minutes <= 0:
        raise ContentError(f"{file}: field 'steps[{i}].minutes' must be more than zero.")
    return Step(title=s.title, minutes=s.minutes, guidance=s.guidance)


def _components(
    wanted: list[str] | None, file: str, shared: tuple[Component, ...]
) -> tuple[Component, ...]:
    """The shared checklist, or the subset a section names by key (in the shared order)."""
    if wanted is None:
        return shared
    known = {c.key for c in shared}
    for i, key in enumerate(wanted):
        if key not in known:
            raise ContentError(
                f"{file}: field 'components[{i}]' names no known component ({key!r})."
            )
    return tuple(c for c in shared if c.key in wanted)


def parse_section(
    data: dict[str, Any],
    file: str,
    templates: dict[str, Template],
    components: tuple[Component, ...],
) -> Section:
    f = convert(data, SectionFile, file)
    if f.template not in templates:
        raise ContentError(f"{file}: field 'template' names no known template ({f.template!r}).")
    if f.focus and f.focus not in templates[f.template].column_keys:
        raise ContentError(
            f"{file}: field 'focus' names no column of template {f.template!r} ({f.focus!r})."
        )
    return Section(
        number=f.number,
        title=f.title,
        template=f.template,
        purpose=f.purpose,
        focus=f.focus,
        steps=tuple(_step(s, file, i) for i, s in enumerate(f.steps)),
        prompts=tuple(f.prompts),
        leadership_considerations=tuple(f.leadership_considerations),
        visual=Visual(title=f.visual.title, lines=tuple(f.visual.lines)),
        handout=tuple(f.handout),
        components=_components(f.components, file, components),
    )
