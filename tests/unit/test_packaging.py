"""The wheel ships everything the app loads at run time: content, fonts, themes, migrations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "crt_desktop"


def test_wheel_holds_every_data_file(tmp_path):
    """Every TOML, resource and migration in the source tree is inside the built wheel."""
    # Build from a copy: a build leaves a build/ folder behind, which must not go stale here.
    source = tmp_path / "source"
    skip = shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__", "tests")
    shutil.copytree(ROOT, source, ignore=skip)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("crt_desktop-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    wanted = [
        *PACKAGE.glob("content/**/*.toml"),
        *(p for p in PACKAGE.glob("resources/**/*") if p.is_file()),
        *PACKAGE.glob("storage/migrations/**/*.py"),
    ]
    assert len(wanted) > 20
    missing = [str(p.relative_to(ROOT)) for p in wanted if str(p.relative_to(ROOT)) not in shipped]
    assert missing == []
