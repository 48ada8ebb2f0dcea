"""Loads the toolkit content (TOML files shipped in this package) into frozen dataclasses.

Layout: components.toml (the checklist every section shares), sections/NN.toml (one file per
section, 01 to 12) and templates/<key>.toml (board templates). Every file is validated at load;
a malformed one raises ContentError naming the file and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from crt_desktop.domain.template import Template

from .fields import ContentError, read_toml
from .section import Component, Section, Step, Visual, parse_components, parse_section
from .template_file import parse_template

__all__ = [
    "Component",
    "Content",
    "ContentError",
    "Section",
    "Step",
    "Visual",
    "content",
    "load_content",
    "parse_template",
]

SECTION_COUNT = 12


@dataclass(frozen=True)
class Content:
    sections: tuple[Section, ...]
    templates: dict[str, Template]
    # The comprehensive components checklist, shared by every section.
    components: tuple[Component, ...] = ()

    def section(self, number: int) -> Section:
        for section in self.sections:
            if section.number == number:
                return section
        raise KeyError(number)

    def title_of(self, section: int, fallback: str) -> str:
        """The section's title, the one name the whole app gives it (`fallback`, say the
        board template's title, for a section these contents do not have)."""
        try:
            return self.section(section).title
        except KeyError:
            return fallback

    def template_for(self, section: int) -> Template:
        return self.templates[self.section(section).template]


def _toml_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def _load_templates(root: Traversable) -> dict[str, Template]:
    templates: dict[str, Template] = {}
    for file in _toml_files(root / "templates"):
        name = f"templates/{file.name}"
        template = parse_template(read_toml(file, name), name)
        if template.key != file.name.removesuffix(".toml"):
            raise ContentError(f"{name}: field 'key' must match the file name ({template.key!r}).")
        templates[template.key] = template
    if not templates:
        raise ContentError("templates/: there must be at least one template file.")
    return templates


def _load_sections(
    root: Traversable, templates: dict[str, Template], components: tuple[Component, ...]
) -> tuple[Section, ...]:
    sections: dict[int, Section] = {}
    for file in _toml_files(root / "sections"):
        name = f"sections/{file.name}"
        data: dict[str, Any] = read_toml(file, name)
        section = parse_section(data, name, templates, components)
        if not 1 <= section.number <= SECTION_COUNT:
            raise ContentError(f"{name}: field 'number' must be 1 to {SECTION_COUNT}.")
        if file.name != f"{section.number:02d}.toml":
            raise ContentError(
                f"{name}: field 'number' must match the file name ({section.number})."
            )
        sections[section.number] = section
    missing = [n for n in range(1, SECTION_COUNT + 1) if n not in sections]
    if missing or len(sections) != SECTION_COUNT:
        raise ContentError(
            f"sections/: there must be one file per section, 01.toml to {SECTION_COUNT}.toml"
            f" (missing: {', '.join(f'{n:02d}.toml' for n in missing) or 'none'})."
        )
    return tuple(sections[n] for n in sorted(sections))


def load_content(root: Traversable | None = None) -> Content:
    """Load and validate every content file (from the package unless `root` is given)."""
    root = root or resources.files(__package__)
    templates = _load_templates(root)
    components = parse_components(
        read_toml(root / "components.toml", "components.toml"), "components.toml"
    )
    sections = _load_sections(root, templates, components)
    return Content(sections=sections, templates=templates, components=components)


@cache
def content() -> Content:
    """The packaged content, loaded once."""
    return load_content()
