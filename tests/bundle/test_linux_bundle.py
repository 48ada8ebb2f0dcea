"""The standalone Linux build on a clean Debian 12: no Python, only the libraries the install
guide lists. It opens a session, exports a leader summary with its own fonts, upgrades an old
database with its own migrations, and names the package to install when a library is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from crt_desktop.storage.database import open_database
from crt_desktop.storage.migration import MIGRATIONS, known_revisions

from . import machine

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.geteuid() != 0 or shutil.which("debootstrap") is None,
        reason="needs root and debootstrap (scripts/setup.sh installs it)",
    ),
]

LIMIT_MB = 150
FACILITATOR = "/home/facilitator"


@pytest.fixture(scope="module")
def tarball() -> Path:
    return machine.bundle()


@pytest.fixture(scope="module")
def unpacked(tarball: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="tar")
    return folder / "crt-desktop"


class Machine:
    """A cached Debian root with this run's copy of the bundle in /opt and an empty home."""

    def __init__(self, root: Path, tarball: Path) -> None:
        self.root = root
        self.name = f"crt-desktop-test-{uuid.uuid4().hex[:8]}"
        with tarfile.open(tarball) as archive:
            archive.extractall(root / "opt" / self.name, filter="tar")
        self.home = root / FACILITATOR.lstrip("/")
        shutil.rmtree(self.home, ignore_errors=True)
        self.home.mkdir(parents=True)

    def app(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        executable = f"/opt/{self.name}/crt-desktop/crt-desktop"
        variables = {"HOME": FACILITATOR, "QT_QPA_PLATFORM": "offscreen", **env}
        return machine.run_in(self.root, [executable, *args], variables, timeout=120)

    def remove(self) -> None:
        shutil.rmtree(self.root / "opt" / self.name)
        shutil.rmtree(self.home)


@pytest.fixture(scope="module")
def bare(tarball: Path) -> Iterator[Machine]:
    """Debian minbase as debootstrap leaves it: none of the listed libraries, no fonts."""
    made = Machine(machine.minbase(), tarball)
    yield made
    made.remove()


@pytest.fixture(scope="module")
def clean(tarball: Path) -> Iterator[Machine]:
    """Debian minbase with the packages docs/installing.md lists for Linux, and nothing more."""
    made = Machine(machine.with_packages(machine.listed_packages()), tarball)
    yield made
    made.remove()


def without_note_ids(exported: Path) -> dict[str, object]:
    """The exported session with its notes' ids (new random ones at every import) left out."""
    session = json.loads(exported.read_text(encoding="utf-8"))
    for note in session["notes"]:
        assert note.pop("id")
    return dict(session)


def summary_fonts(pdf: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    fonts.add(str(font["/BaseFont"]).split("+")[-1])
    return fonts


def test_the_build_is_one_small_folder_with_its_launcher(unpacked: Path) -> None:
    size_mb = sum(f.stat().st_size for f in unpacked.rglob("*") if not f.is_symlink()) / 2**20
    print(f"unpacked size: {size_mb:.0f} MB")
    assert size_mb <= LIMIT_MB
    assert os.access(unpacked / "crt-desktop", os.X_OK)
    entry = (unpacked / "crt-desktop.desktop").read_text(encoding="utf-8")
    assert "Exec=crt-desktop" in entry and "Icon=crt-desktop" in entry
    assert (unpacked / "crt-desktop.png").read_bytes().startswith(b"\x89PNG")
    names = {p.name for p in unpacked.rglob("*")}
    qt_extras = [n for n in names if any(m in n for m in ("Qml", "Quick", "WebEngine", "Network"))]
    assert qt_extras == []
    assert not [n for n in names if n.endswith(".qm")]  # no Qt translations
    # Content, fonts and migrations travel inside the bundle.
    for part in ("content/sections", "resources/fonts", "storage/migrations/versions"):
        assert any((unpacked / "_internal" / "crt_desktop" / part).iterdir())


def test_add_to_menu_puts_the_app_in_the_applications_menu(unpacked: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    subprocess.run(["sh", str(unpacked / "add-to-menu.sh")], env=env, check=True)
    entry = (tmp_path / "applications" / "crt-desktop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{unpacked}/crt-desktop"' in entry.splitlines()
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "crt-desktop.png").is_file()


def test_without_the_listed_libraries_the_app_names_the_package(bare: Machine) -> None:
    assert not (bare.root / "usr" / "bin" / "python3").exists()
    started = bare.app()
    assert started.returncode == 1
    lines = started.stderr.strip().splitlines()
    assert len(lines) == 1, started.stderr
    (package,) = [p for p in machine.listed_packages() if f"install the package {p} " in lines[0]]
    assert lines[0].startswith("crt-desktop: CRT Desktop needs the system library ")
    assert package in ("libgl1", "libegl1")


def test_commands_and_pdfs_need_no_system_library_or_font(bare: Machine) -> None:
    """The headless commands work on bare minbase, which has no fonts at all: the PDF's
    fonts are the bundle's own, embedded. The database goes to the user data folder."""
    assert not (bare.root / "usr" / "share" / "fonts").exists()
    made = bare.app("new", "--team", "Night shift, ward 7", "--section", "4")
    assert made.returncode == 0, made.stderr
    session = made.stdout.strip()
    assert (bare.home / ".local" / "share" / "crt-desktop" / "crt-desktop.db").is_file()
    exported = bare.app("export", session, "--pdf", f"{FACILITATOR}/summary.pdf")
    assert exported.returncode == 0, exported.stderr
    pdf = bare.home / "summary.pdf"
    assert "Night shift, ward 7" in PdfReader(pdf).pages[0].extract_text()
    assert summary_fonts(pdf) >= {"DejaVuSans"}


def test_on_a_clean_debian_it_opens_a_session_and_exports_its_summary(clean: Machine) -> None:
    made = clean.app("new", "--team", "Outpatient nursing", "--section", "4")
    assert made.returncode == 0, made.stderr
    session = made.stdout.strip()
    opened = clean.app("--session", session, CRT_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
    assert opened.returncode == 0, opened.stderr
    assert "first-paint " in opened.stdout
    assert "Traceback" not in opened.stderr
    exported = clean.app("export", session, "--pdf", f"{FACILITATOR}/summary.pdf")
    assert exported.returncode == 0, exported.stderr
    assert "Outpatient nursing" in PdfReader(clean.home / "summary.pdf").pages[0].extract_text()


def test_the_bundle_upgrades_an_old_database_with_its_own_migrations(
    clean: Machine, tmp_path: Path
) -> None:
    first = tmp_path / "migrations-0001"
    shutil.copytree(MIGRATIONS, first, ignore=shutil.ignore_patterns("__pycache__"))
    for later in (first / "versions").glob("*.py"):
        if not later.name.startswith("0001_"):
            later.unlink()
    old = clean.home / "old.db"
    with open_database(old, migrations=first):
        pass
    listed = clean.app("sessions", "--db", f"{FACILITATOR}/old.db")
    assert listed.returncode == 0, listed.stderr
    with sqlite3.connect(old) as db:
        (revision,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == known_revisions()[-1] != "0001"
    assert [p.name for p in clean.home.glob("old.db.backup-0001-*.db")]


def test_the_start_up_benchmark_measures_the_bundle_beside_the_venv(
    unpacked: Path, tmp_path: Path
) -> None:
    from benchmarks.bundle_startup import measure_bundle

    figures = measure_bundle(unpacked, runs=1, folder=tmp_path, notes=12)
    assert [f.key for f in figures] == ["bundle_start", "bundle_rss"]
    for figure in figures:
        assert figure.samples[0] > 0 and figure.floor[0] > 0


def test_every_command_answers_as_the_venv_does(clean: Machine, tmp_path: Path) -> None:
    """The same commands, from the bundle on the clean machine and from the virtual environment
    here: the same exit status, output and files."""
    sample = Path(__file__).resolve().parents[1] / "data" / "design_example.json"
    shutil.copy(sample, clean.home / "sample.json")
    shutil.copy(sample, tmp_path / "sample.json")
    venv = Path(sys.executable).with_name("crt-desktop")
    commands = [
        ["import", "{home}/sample.json"],
        ["sessions"],
        ["export", "1", "--json", "{home}/out.json"],
        ["export", "1", "--pdf", "{home}/summary.pdf", "--paper", "Letter"],
        ["export", "1", "--report-back", "{home}/report.pdf"],
        ["export", "1", "--poster", "{home}/poster.pdf", "--paper", "A3"],
        ["import-responses", "1", "{home}/summary.pdf", "--dry-run"],
        ["export", "9", "--json", "{home}/none.json"],  # no such session: one sentence, status 2
    ]
    for command in commands:
        command = [*command, "--db", "{home}/commands.db"]
        bundled = clean.app(*(a.format(home=FACILITATOR) for a in command))
        here = subprocess.run(
            [str(venv), *(a.format(home=tmp_path) for a in command)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert bundled.returncode == here.returncode, (command, bundled.stderr, here.stderr)
        assert bundled.stdout.replace(FACILITATOR, "") == here.stdout.replace(str(tmp_path), "")
        assert bundled.stderr.replace(FACILITATOR, "") == here.stderr.replace(str(tmp_path), "")
    assert without_note_ids(clean.home / "out.json") == without_note_ids(tmp_path / "out.json")
    for pdf in ("summary.pdf", "report.pdf", "poster.pdf"):
        ours, theirs = PdfReader(clean.home / pdf), PdfReader(tmp_path / pdf)
        assert [p.extract_text() for p in ours.pages] == [p.extract_text() for p in theirs.pages]
