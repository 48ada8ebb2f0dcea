"""Loads the toolkit content (TOML files shipped in this package) into frozen dataclasses.

Every file is validated at load; a malformed one raises ContentError naming the file and field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from crt_desktop.domain.template import Column, Template
from crt_desktop.domain.vocabulary import Kind, Level


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    template: str


@dataclass(frozen=True)
class Content:
    sections: tuple[Section, ...]
    templates: dict[str, Template]

    def section(self, number: int) -> Section:
        for section in self.sections:
            if section.number == number:
                return section
        raise KeyError(number)

    def template_for(self, section: int) -> Template:
        return self.templates[self.section(section).template]


def _read(file: Traversable, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ContentError(f"{name}: not valid TOML ({exc}).") from exc


class _Fields:
    """Typed access to one TOML table, with errors that name the file and the field."""

    def __init__(self, data: dict[str, Any], file: str, where: str = "") -> None:
        self.data, self.file, self.where = data, file, where

    def _fail(self, key: str, problem: str) -> ContentError:
        return ContentError(f"{self.file}: field '{self.where}{key}' {problem}.")

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key, None if required else default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise self._fail(key, "must be non-empty text" if required else "must be text")
        return value

    def number(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._fail(key, "must be a whole number")
        return value

    def text_list(self, key: str, default: list[str] | None = None) -> list[str]:
        value = self.data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(key, "must be a list of text")
        return value

    def tables(self, key: str) -> list[_Fields]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self._fail(key, "must be a non-empty list of tables")
        return [_Fields(v, self.file, f"{self.where}{key}[{i}].") for i, v in enumerate(value)]


E = TypeVar("E", Kind, Level)


def _enum_list(fields: _Fields, key: str, enum: type[E]) -> tuple[E, ...]:
    names = fields.text_list(key, [m.value for m in enum])
    try:
        return tuple(enum(n) for n in names)
    except ValueError as exc:
        raise fields._fail(key, f"has an unknown value ({exc})") from exc


def parse_template(data: dict[str, Any], file: str) -> Template:
    f = _Fields(data, file)
    columns = []
    for c in f.tables("columns"):
        columns.append(Column(key=c.text("key"), title=c.text("title"), help=c.text("help")))
    keys = [c.key for c in columns]
    if len(set(keys)) != len(keys):
        raise f._fail("columns", "has two columns with the same key")
    entry = f.text("entry_column", required=False, default=keys[0])
    if entry not in keys:
        raise f._fail("entry_column", f"names no column of this template ({entry!r})")
    return Template(
        key=f.text("key"),
        title=f.text("title"),
        columns=tuple(columns),
        kinds=_enum_list(f, "kinds", Kind),
        levels=_enum_list(f, "levels", Level),
        entry_column=entry,
    )


def parse_sections(
    data: dict[str, Any], file: str, templates: dict[str, Template]
) -> tuple[Section, ...]:
    sections = []
    for s in _Fields(data, file).tables("sections"):
        section = Section(
            number=s.number("number"), title=s.text("title"), template=s.text("template")
        )
        if section.template not in templates:
            raise s._fail("template", f"names no known template ({section.template!r})")
        sections.append(section)
    numbers = [s.number for s in sections]
    if sorted(numbers) != list(range(1, 13)):
        raise ContentError(f"{file}: field 'sections' must number the sections 1 to 12 once each.")
    return tuple(sorted(sections, key=lambda s: s.number))


def load_content(root: Traversable | None = None) -> Content:
    """Load and validate every content file (from the package unless `root` is given)."""
    root = root or resources.files(__package__)
    templates: dict[str, Template] = {}
    for file in sorted(root.joinpath("templates").iterdir(), key=lambda f: f.name):
        if file.name.endswith(".toml"):
            name = f"templates/{file.name}"
            template = parse_template(_read(file, name), name)
            templates[template.key] = template
    sections = parse_sections(
        _read(root / "sections.toml", "sections.toml"), "sections.toml", templates
    )
    return Content(sections=sections, templates=templates)


@cache
def content() -> Content:
    """The packaged content, loaded once."""
    return load_content()
