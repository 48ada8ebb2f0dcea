"""Writing the leader summary to disk: atomic, private, and one clear sentence on failure."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.export.pdf.files import write_atomically
from crt_desktop.export.pdf.paper import check_paper
from crt_desktop.export.summary import ExportError, paper_for_locale, write_leader_summary

TEMPLATE = Template("t", "T", (Column("unsorted", "Unsorted", "New notes."),))


def board() -> Board:
    return Board(Session("Team", 4, date(2026, 3, 2), "t"), TEMPLATE)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failure_mid_write_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    """If writing stops halfway, neither the final file nor the temporary one remains."""

    def half(file: BinaryIO) -> None:
        file.write(b"%PDF-1.4 half of a document")
        raise RuntimeError("stopped halfway")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "out.pdf", half)
    assert leftovers(tmp_path) == []


def test_a_failure_keeps_the_previous_file_intact(tmp_path: Path) -> None:
    """An earlier summary under the same name survives a failed export untouched."""
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the earlier summary")

    def broken(file: BinaryIO) -> None:
        file.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match=r"disk .* is full"):
        write_atomically(target, broken)
    assert target.read_bytes() == b"the earlier summary"
    assert leftovers(tmp_path) == ["out.pdf"]


def test_disk_full_during_sync_gives_one_sentence_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk found when syncing is reported plainly and leaves nothing behind."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as caught:
        write_leader_summary(
            board(), tmp_path / "out.pdf", pagesize="A4", content=packaged_content()
        )
    assert "full" in str(caught.value)
    assert leftovers(tmp_path) == []


def test_the_written_file_is_private_and_complete(tmp_path: Path) -> None:
    """The summary is readable by its owner only and is a whole PDF."""
    out = write_leader_summary(
        board(), tmp_path / "out.pdf", pagesize="A4", content=packaged_content()
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert leftovers(tmp_path) == ["out.pdf"]


def test_a_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    """Exporting into a folder that does not exist says so in one sentence."""
    with pytest.raises(ExportError, match="does not exist") as caught:
        write_leader_summary(
            board(), tmp_path / "gone" / "out.pdf", pagesize="A4", content=packaged_content()
        )
    message = str(caught.value)
    assert str(tmp_path / "gone") in message
    assert message.endswith(".") and "\n" not in message


def test_an_unwritable_folder_gives_export_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the app may not write in gives ExportError, not a traceback."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="may not write in"):
        write_leader_summary(
            board(), tmp_path / "out.pdf", pagesize="A4", content=packaged_content()
        )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_folder_gives_export_error(tmp_path: Path) -> None:
    """A real read-only folder is refused with a clear sentence."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError):
            write_leader_summary(
                board(), folder / "out.pdf", pagesize="A4", content=packaged_content()
            )
    finally:
        folder.chmod(0o700)


def test_a_locked_target_file_says_to_close_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the old file cannot be replaced (open in a viewer), the message says so."""
    target = tmp_path / "out.pdf"
    target.write_bytes(b"open elsewhere")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        write_leader_summary(board(), target, pagesize="A4", content=packaged_content())
    assert target.read_bytes() == b"open elsewhere"
    assert leftovers(tmp_path) == ["out.pdf"]


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    """Giving a folder's name instead of a file name is explained."""
    with pytest.raises(ExportError):
        write_leader_summary(board(), tmp_path, pagesize="A4", content=packaged_content())
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("names", "paper"),
    [
        (["en_US.UTF-8"], "Letter"),
        (["fr_CA.UTF-8"], "Letter"),
        (["es_MX"], "Letter"),
        (["en_PH.UTF-8"], "Letter"),
        (["English_United States.1252"], "Letter"),
        (["en_GB.UTF-8"], "A4"),
        (["de_DE.UTF-8@euro"], "A4"),
        (["C.UTF-8"], "A4"),
        (["", "POSIX"], "A4"),
        (["", "en_US.UTF-8"], "Letter"),
    ],
)
def test_paper_follows_the_locale(names: list[str], paper: str) -> None:
    """Letter for the US, Canada, Mexico and the Philippines; A4 everywhere else."""
    assert paper_for_locale(names) == paper


def test_paper_names_are_checked() -> None:
    """Paper names are matched without regard to case; unknown ones are refused."""
    assert check_paper("letter") == "Letter"
    assert check_paper("a4") == "A4"
    with pytest.raises(ValueError, match="A4 or Letter"):
        check_paper("A5")


def test_importing_the_package_does_not_load_reportlab() -> None:
    """The app can import the summary package at start without paying for ReportLab."""
    code = "import sys, crt_desktop.export.summary; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "C.UTF-8"}, "A4"),
        ({"LC_ALL": "C"}, "A4"),
        ({"LANG": "en_CA.UTF-8"}, "Letter"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "A4"),
        ({"LC_PAPER": "en_US.UTF-8", "LANG": "C.UTF-8"}, "Letter"),
        ({}, "Letter"),  # nothing set (Windows): the system's locale decides
    ],
)
def test_paper_from_the_environment(monkeypatch, environ: dict[str, str], paper: str) -> None:
    """The first locale variable set decides, as POSIX reads them: under C.UTF-8 (no territory)
    the paper is A4, although Python names that locale en_US; only with none set is the
    system's own locale asked."""
    import locale

    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(locale, "getlocale", lambda *_: ("en_US", "UTF-8"))
    assert paper_for_locale() == paper
