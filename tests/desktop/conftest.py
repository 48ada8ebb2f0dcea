"""A real window system with a laptop and a projector: one Xvfb screen split into two monitors
by xrandr, with openbox managing the windows (focus is the window manager's to give), and
xdotool to type as a person would. Skipped where the system lacks them (scripts/setup.sh
installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xrandr", "xprop", "openbox", "xdotool")
LAPTOP = "1366/344x768/194+0+0"
PROJECTOR = "1920/1000x1080/560+1366+0"


def _missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def xrandr(env: dict[str, str], *args: str) -> None:
    subprocess.run(["xrandr", *args], env=env, check=True, capture_output=True, timeout=20)


def plug_projector(env: dict[str, str]) -> None:
    xrandr(env, "--setmonitor", "projector", PROJECTOR, "none")


def unplug_projector(env: dict[str, str]) -> None:
    xrandr(env, "--delmonitor", "projector")


@pytest.fixture
def two_monitors(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment for a process on the laptop-and-projector display."""
    missing = _missing()
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    display_file = tmp_path / "display"
    with display_file.open("w") as out:
        server = subprocess.Popen(
            [
                *("Xvfb", "-displayfd", str(out.fileno()), "-screen", "0", "3286x1080x24"),
                *("-nolisten", "tcp", "-noreset"),
            ],
            pass_fds=(out.fileno(),),
            stderr=subprocess.DEVNULL,
        )
    processes = [server]
    try:
        deadline = time.monotonic() + 20
        while not display_file.read_text().strip():
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("Xvfb did not start")
            time.sleep(0.05)
        env = dict(
            os.environ,
            DISPLAY=":" + display_file.read_text().split()[0],
            QT_QPA_PLATFORM="xcb",
            XDG_DATA_HOME=str(tmp_path / "data"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
        )
        env.pop("QT_QPA_PLATFORMTHEME", None)
        xrandr(env, "--setmonitor", "laptop", LAPTOP, "screen")
        plug_projector(env)
        processes.append(
            subprocess.Popen(
                ["openbox", "--config-file", "/dev/null"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        # openbox is ready once it has claimed the screen (it names its supporting window).
        while (
            "window id"
            not in subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout
        ):
            if time.monotonic() > deadline:
                pytest.fail("openbox did not start")
            time.sleep(0.05)
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
