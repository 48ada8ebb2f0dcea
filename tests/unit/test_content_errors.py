"""Malformed content files: the loader refuses them with a message naming the file and field."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from crt_desktop.content import ContentError, load_content


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A writable copy of the packaged content."""
    source = resources.files("crt_desktop.content")
    copy = tmp_path / "content"
    copy.mkdir()
    shutil.copy(str(source / "components.toml"), copy)
    for folder in ("sections", "templates"):
        shutil.copytree(str(source / folder), copy / folder)
    return copy


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_copy_loads_unchanged(root):
    """The unedited copy loads, so every failure below comes from its one edit."""
    assert len(load_content(root).sections) == 12


CASES = [
    pytest.param(
        "sections/05.toml",
        'purpose = "Many',
        'purposes = "Many',
        "sections/05.toml: field 'purposes' is not a known field here",
        id="misspelt-field",
    ),
    pytest.param(
        "sections/06.toml",
        'title = "Boundaries that protect compassion"\n',
        "",
        "sections/06.toml: field 'title' must be non-empty text",
        id="missing-field",
    ),
    pytest.param(
        "sections/01.toml",
        "minutes = 5",
        'minutes = "five"',
        "sections/01.toml: field 'steps[0].minutes' must be a whole number",
        id="wrong-type",
    ),
    pytest.param(
        "sections/01.toml",
        "minutes = 5",
        "minutes = 0",
        "sections/01.toml: field 'steps[0].minutes' must be more than zero",
        id="zero-minutes",
    ),
    pytest.param(
        "sections/02.toml",
        'template = "wellness-compass"',
        'template = "sticky-wall"',
        "sections/02.toml: field 'template' names no known template ('sticky-wall')",
        id="unknown-template",
    ),
    pytest.param(
        "sections/08.toml",
        'focus = "mind"',
        'focus = "soul"',
        "sections/08.toml: field 'focus' names no column of template 'wellness-compass'",
        id="unknown-focus",
    ),
    pytest.param(
        "sections/03.toml",
        "prompts = [\n",
        'prompts = [\n    "  ",\n',
        "sections/03.toml: field 'prompts[0]' must be non-empty text",
        id="blank-prompt",
    ),
    pytest.param(
        "sections/07.toml",
        "[visual]\n",
        "[visual]\nsubtitle = 1\n",
        "sections/07.toml: field 'visual.subtitle' is not a known field here",
        id="unknown-visual-field",
    ),
    pytest.param(
        "sections/04.toml",
        "handout = [",
        'components = ["handout", "snacks"]\nhandout = [',
        "sections/04.toml: field 'components[1]' names no known component ('snacks')",
        id="unknown-component",
    ),
    pytest.param(
        "sections/09.toml",
        "number = 9",
        "number = 10",
        "sections/09.toml: field 'number' must match the file name (10)",
        id="number-not-file-name",
    ),
    pytest.param(
        "templates/wellness-compass.toml",
        'key = "spirit"',
        'key = "mind"',
        "templates/wellness-compass.toml: field 'columns' has two columns with the same key",
        id="duplicate-column-key",
    ),
    pytest.param(
        "templates/expectations.toml",
        'kinds = ["fatigue", "resilience"]',
        'kinds = ["fatigue", "sadness"]',
        "templates/expectations.toml: field 'kinds' has an unknown value",
        id="bad-kind",
    ),
    pytest.param(
        "templates/resilience-stories.toml",
        'kinds = ["resilience"]',
        "kinds = []",
        "templates/resilience-stories.toml: field 'kinds' must name at least one kind",
        id="no-kinds",
    ),
    pytest.param(
        "templates/keep-practices.toml",
        'levels = ["team", "system"]',
        'levels = ["team", "galaxy"]',
        "templates/keep-practices.toml: field 'levels' has an unknown value",
        id="bad-level",
    ),
    pytest.param(
        "templates/fatigue-stages.toml",
        'mode = "dots"',
        'mode = "stars"',
        "templates/fatigue-stages.toml: field 'mode' must be one of 'notes', 'dots'",
        id="bad-mode",
    ),
    pytest.param(
        "templates/culture-agreements.toml",
        'result_column = "agreements"\n',
        "",
        "templates/culture-agreements.toml: field 'result_column' must name the column",
        id="ranked-without-result-column",
    ),
    pytest.param(
        "templates/culture-agreements.toml",
        "keep_top = 6",
        "keep_top = -1",
        "templates/culture-agreements.toml: field 'keep_top' must be zero (no limit) or more",
        id="negative-keep-top",
    ),
    pytest.param(
        "templates/culture-agreements.toml",
        "ranked = true",
        'ranked = "yes"',
        "templates/culture-agreements.toml: field 'ranked' must be true or false",
        id="flag-not-boolean",
    ),
    pytest.param(
        "templates/expectations.toml",
        'entry_column = "unsorted"',
        'entry_column = "inbox"',
        "templates/expectations.toml: field 'entry_column' names no column of this template",
        id="unknown-entry-column",
    ),
    pytest.param(
        "templates/expectations.toml",
        'title = "How"',
        "title = 3",
        "templates/expectations.toml: field 'card_parts[2].title' must be non-empty text",
        id="card-part-wrong-type",
    ),
    pytest.param(
        "templates/action-steps.toml",
        'key = "action-steps"',
        'key = "steps"',
        "templates/action-steps.toml: field 'key' must match the file name ('steps')",
        id="template-key-not-file-name",
    ),
    pytest.param(
        "components.toml",
        'key = "surveys"',
        'key = "handout"',
        "components.toml: field 'components' has two components with the same key ('handout')",
        id="duplicate-component",
    ),
    pytest.param(
        "sections/03.toml",
        "prompts = [\n",
        "prompts = []\nold_prompts = [\n",
        "sections/03.toml: field 'prompts' must list at least one line",
        id="no-prompts",
    ),
    pytest.param(
        "sections/05.toml",
        "[visual]\n",
        "visual = 3\n[old_visual]\n",
        "sections/05.toml: field 'visual' must be a table",
        id="visual-not-a-table",
    ),
    pytest.param(
        "templates/culture-agreements.toml",
        "keep_top = 6",
        "keep_top = 6.0",
        "templates/culture-agreements.toml: field 'keep_top' must be a whole number",
        id="float-not-whole-number",
    ),
    pytest.param(
        "sections/11.toml",
        "[visual]",
        "[visual",
        "sections/11.toml: not valid TOML",
        id="not-toml",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), CASES)
def test_malformed_file_names_file_and_field(root, name, old, new, message):
    """Each kind of mistake is refused with a message naming the file and the field."""
    edit(root, name, old, new)
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert message in str(caught.value)


def test_missing_section_file_is_named(root):
    """A missing section file is refused, naming which one is missing."""
    (root / "sections" / "07.toml").unlink()
    with pytest.raises(ContentError, match=r"missing: 07\.toml"):
        load_content(root)


def test_section_outside_one_to_twelve_is_refused(root):
    """A thirteenth section file is refused by number."""
    text = (root / "sections" / "12.toml").read_text(encoding="utf-8")
    (root / "sections" / "13.toml").write_text(
        text.replace("number = 12", "number = 13"), encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"sections/13\.toml: field 'number' must be 1 to 12"):
        load_content(root)


def test_missing_components_file_is_named(root):
    """Without the shared checklist the loader says which file it could not read."""
    (root / "components.toml").unlink()
    with pytest.raises(ContentError, match=r"^components\.toml: cannot be read"):
        load_content(root)
