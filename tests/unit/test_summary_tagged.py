"""The PDFs are tagged (PDF/UA-1): a structure tree in reading order that a screen reader
follows, every drawn thing in it or marked as an artifact, fields in Form elements, language,
title and embedded fonts; checked with poppler, pikepdf and the pdfua checker."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfua import validate

from crt_desktop.content import Content, Section
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import ProgressUpdate, Response
from crt_desktop.domain.operations import AddNote, SetResponse
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.export.poster import write_poster
from crt_desktop.export.report_back_pdf import write_report_back
from crt_desktop.export.summary import write_leader_summary
from tests.unit.builders import control_board

COLUMNS = (
    Column("unsorted", "Unsorted", "New notes wait here."),
    Column("i_control", "I control", "What each of us can change."),
    Column("leadership_controls", "Leadership controls", "What we ask leaders to look at."),
    Column("cannot_control", "Cannot control", "What we set down for now."),
)
TEMPLATE = Template("control-board", "What can we control?", COLUMNS)
CONTENT = Content(
    sections=tuple(Section(n, f"Title of section {n}", "control-board") for n in range(1, 13)),
    templates={"control-board": TEMPLATE},
)
HEADINGS = ("At a glance", "Unsorted", "I control", "Leadership controls", "Cannot control")
# Painting and text operators: each must be inside marked content or an artifact.
DRAWING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh"}


def forty_notes() -> Board:
    session = Session("Outpatient nursing", 4, date(2026, 11, 20), "control-board", id=3)
    board = Board(session=session, template=TEMPLATE)
    for i in range(40):
        column = COLUMNS[i % 4].key
        apply_patch(board, AddNote(f"Note {i:02d} about the ward", column=column).patch(board))
    leader = next(n for n in board.notes.values() if n.column == "leadership_controls")
    answer = Response(
        ResponseStatus.THIS_YEAR,
        "A pilot in January",
        updates=(ProgressUpdate(date(2027, 1, 5), "Started on two units"),),
    )
    apply_patch(board, SetResponse(leader.id, answer).patch(board))
    return board


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tagged") / "summary.pdf"
    return write_leader_summary(forty_notes(), out, content=CONTENT, pagesize="Letter")


@pytest.fixture(scope="module")
def others(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("others")
    board = forty_notes()
    report = write_report_back(
        board, folder / "report.pdf", content=CONTENT, as_of=date(2027, 2, 1), pagesize="A4"
    )
    poster = write_poster(
        control_board(section=2), folder / "poster.pdf", content=packaged_content()
    )
    return [report, poster]


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is installed by scripts/setup.sh (poppler-utils)"
    return found


def test_struct_text_reads_every_heading_and_note_in_order(summary: Path) -> None:
    """`pdfinfo -struct-text` gives the headings and then each column's notes in board order."""
    out = subprocess.run(
        [tool("pdfinfo"), "-struct-text", str(summary)], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(re.findall(r'"(.*)"', out))
    at = 0
    for heading in HEADINGS:
        found = text.index(f"{heading}", at)
        at = found
        if heading == "At a glance":
            continue
        column = next(c for c in COLUMNS if c.title == heading)
        for i in range(COLUMNS.index(column), 40, 4):
            at = text.index(f"Note {i:02d} about the ward", at)
    assert text.index("Leadership items", at) > at
    assert text.startswith("Leader summary")


def _walk(element: Any, seen: set[tuple[int, int]], forms: set[tuple[int, int]]) -> None:
    kids = element.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            seen.add((kid.Pg.objgen[0], int(kid.MCID)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
            assert element.S == "/Form", "a field outside a Form element"
            forms.add(kid.Obj.objgen)
        elif isinstance(kid, pikepdf.Dictionary):
            _walk(kid, seen, forms)


def _marked(page: Any) -> list[int]:
    """The MCIDs on a page; fails if anything is drawn outside marked content or artifacts."""
    depth, mcids = 0, []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            depth += 1
            properties = operands[1] if op == "BDC" else None
            if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                mcids.append(int(properties.MCID))
        elif op == "EMC":
            depth -= 1
        elif op in DRAWING:
            assert depth > 0, f"{op} drawn outside any marked content or artifact"
    assert depth == 0
    return mcids


@pytest.mark.parametrize("which", ["summary", "report", "poster"])
def test_every_mark_reaches_the_tree_and_every_field_is_in_a_form(
    summary: Path, others: list[Path], which: str
) -> None:
    path = {"summary": summary, "report": others[0], "poster": others[1]}[which]
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert b"<pdfuaid:part>1</pdfuaid:part>" in root.Metadata.read_bytes()
        seen: set[tuple[int, int]] = set()
        forms: set[tuple[int, int]] = set()
        _walk(root.StructTreeRoot, seen, forms)
        widgets = []
        for page in pdf.pages:
            marks = _marked(page)
            assert len(marks) == len(set(marks))
            for mcid in marks:
                assert (page.obj.objgen[0], mcid) in seen, "marked content not in the tree"
            annots = page.obj.get("/Annots") or []
            if annots:
                assert page.obj.Tabs == "/S"
            widgets += [a for a in annots if a.get("/Subtype") == "/Widget"]
        for widget in widgets:
            assert widget.objgen in forms
            tooltip = widget.get("/TU") or widget.get("/Parent", {}).get("/TU")
            assert tooltip, "a field without a tooltip"
        if which == "summary":
            assert len(widgets) > 10


def test_the_counts_table_has_header_cells_and_the_chart_its_numbers(summary: Path) -> None:
    with pikepdf.open(summary) as pdf:
        roles: list[Any] = []

        def collect(element: Any) -> None:
            roles.append(element)
            for kid in element.get("/K") or []:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    collect(kid)

        collect(pdf.Root.StructTreeRoot.K[0])
        figure = next(e for e in roles if e.S == "/Figure")
        assert "Unsorted: 10 fatigue" in str(figure.Alt)
        headers = [e for e in roles if e.S == "/TH"]
        assert {str(h.A.Scope) for h in headers} == {"/Column", "/Row"}
        assert any(e.S == "/TD" for e in roles)
        assert [e.S for e in roles].count("/H1") == 1


def test_pdffonts_lists_every_font_embedded_but_the_standard_field_font(summary: Path) -> None:
    """Every font of the printed page is embedded. The form's fields keep the PDF's standard
    Helvetica (ReportLab cannot make a field font from a TrueType font): the one exception."""
    out = subprocess.run(
        [tool("pdffonts"), str(summary)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    assert rows
    for row in rows:
        name, embedded = row[0], row[-5]
        assert embedded == "yes" or name == "Helvetica", row


def test_the_pdfua_checker_finds_nothing(summary: Path, others: list[Path]) -> None:
    """pdfua checks a machine-checkable subset of PDF/UA-1 (structure tree, MarkInfo, tagged
    content, language, figure alternatives, table structure, annotation descriptions,
    headings, title, XMP identification); it is no full conformance check (veraPDF is).

    Its heading rule (UA-14-001) cannot run on these files: pdfua 0.1 asks an array for
    `/is_integer` and stops; headings being non-empty is checked by the struct-text test."""
    for path in (summary, *others):
        report = validate(str(path))
        findings = [f for f in report.findings if f.rule_id != "UA-14-001"]
        assert not findings, [(f.rule_id, f.message) for f in findings]


def test_the_language_is_a_parameter(tmp_path: Path) -> None:
    """English today; a Spanish summary will say so to the screen reader."""
    path = write_leader_summary(
        forty_notes(), tmp_path / "es.pdf", content=CONTENT, pagesize="A4", lang="es-US"
    )
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "es-US"
        assert b"<rdf:li>es-US</rdf:li>" in pdf.Root.Metadata.read_bytes()
