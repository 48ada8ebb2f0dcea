"""A clean Debian 12 to run the standalone build in: debootstrap's minbase (no Python, no Qt, no
fonts), alone or with the system libraries docs/installing.md lists, kept in a cache folder so a
second run starts at once. Also the bundle itself, built again only when its inputs changed.

Needs root (debootstrap, chroot and mounting /proc), as the test machines run.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "installing.md"
CACHE = Path(
    os.environ.get("CRT_BUILD_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "crt-desktop-build"
)
MIRROR = os.environ.get("CRT_DEBIAN_MIRROR", "http://deb.debian.org/debian")
DONE = ".complete"  # written last, so a root cut off half-made is made again
BUNDLE_INPUTS = ("crt_desktop", "installer", "pyproject.toml", "scripts/build-app.sh")


def listed_packages(docs: Path = DOCS) -> list[str]:
    """The Debian packages the install guide tells a Linux facilitator to add (its one
    `sudo apt install` line)."""
    found = re.search(r"sudo apt install ([a-z0-9.+\- ]+)", docs.read_text(encoding="utf-8"))
    assert found, "docs/installing.md names no packages for Linux"
    return found.group(1).split()


def _replace(folder: Path, make: Callable[[Path], None]) -> Path:
    """Build `folder` in a sibling and move it into place once whole."""
    if (folder / DONE).exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    make(partial)
    (partial / DONE).touch()
    partial.rename(folder)
    return folder


def minbase() -> Path:
    """Debian 12 as debootstrap --variant=minbase makes it."""

    def make(target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        command = ["debootstrap", "--variant=minbase", "bookworm", str(target), MIRROR]
        subprocess.run(command, check=True, capture_output=True, timeout=1200)

    return _replace(CACHE / "debian12-minbase", make)


def with_packages(packages: Sequence[str]) -> Path:
    """minbase plus `packages` (and what they depend on), installed by apt inside it."""
    key = hashlib.sha1(" ".join(sorted(packages)).encode()).hexdigest()[:10]

    def make(target: Path) -> None:
        subprocess.run(["cp", "-a", str(minbase()), str(target)], check=True)
        (target / DONE).unlink()
        shutil.copy("/etc/resolv.conf", target / "etc" / "resolv.conf")
        install = "apt-get update -qq && apt-get install -y -qq --no-install-recommends "
        run_in(target, ["sh", "-c", install + " ".join(packages) + " && apt-get clean"], {})

    return _replace(CACHE / f"debian12-minbase-{key}", make)


@contextmanager
def proc_mounted(root: Path) -> Iterator[None]:
    """/proc inside the root: the bundle finds its own folder through /proc/self/exe."""
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(root / "proc")], check=True)


def run_in(
    root: Path, argv: Sequence[str], env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run argv inside the root with only `env` (and a PATH) set."""
    variables = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", **env}
    command = ["chroot", str(root), "env", "-i", *(f"{k}={v}" for k, v in variables.items())]
    with proc_mounted(root):
        return subprocess.run(
            [*command, *argv], capture_output=True, text=True, timeout=timeout, check=False
        )


def _inputs_digest() -> str:
    digest = hashlib.sha1()
    for name in BUNDLE_INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def bundle() -> Path:
    """The tarball scripts/build-app.sh makes, built again only when one of its inputs changed."""
    stamp = ROOT / "build" / "app" / ".inputs"
    digest = _inputs_digest()
    if stamp.exists():
        built, tarball = stamp.read_text(encoding="utf-8").split("\n")[:2]
        if built == digest and Path(tarball).exists():
            return Path(tarball)
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build-app.sh")],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    tarball = result.stdout.strip().splitlines()[-1]
    stamp.write_text(f"{digest}\n{tarball}\n", encoding="utf-8")
    return Path(tarball)
