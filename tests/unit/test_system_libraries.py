"""A missing system library is one sentence naming the Debian package, before Qt loads."""

from __future__ import annotations

import pytest

from crt_desktop import __main__ as cli
from crt_desktop import system_libraries
from crt_desktop.system_libraries import (
    import_failure_message,
    missing_library_message,
    tell_desktop,
)


class loads_all_but:
    """A loader that finds every library but `missing`, and remembers what it was asked."""

    def __init__(self, *missing: str) -> None:
        self.missing = missing
        self.tried: list[str] = []

    def __call__(self, library: str) -> bool:
        self.tried.append(library)
        return library not in self.missing


def test_standalone_build_checks_only_what_it_does_not_carry() -> None:
    loads = loads_all_but()
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert missing_library_message(env, loads, "linux", frozen=True) is None
    assert sorted(loads.tried) == ["libEGL.so.1", "libGL.so.1"]


def test_a_virtual_environment_on_x11_checks_the_xcb_plugins_libraries() -> None:
    message = missing_library_message(
        {"DISPLAY": ":0"}, loads_all_but("libxcb-cursor.so.0"), "linux", frozen=False
    )
    assert message == (
        "CRT Desktop needs the system library libxcb-cursor.so.0, which is missing: install "
        "the package libxcb-cursor0 (for example `sudo apt install libxcb-cursor0`) and start "
        "it again."
    )


def test_wayland_checks_wayland_libraries() -> None:
    message = missing_library_message(
        {"WAYLAND_DISPLAY": "wayland-0"}, loads_all_but("libwayland-egl.so.1"), "linux", True
    )
    assert message is not None and "libwayland-egl1" in message


def test_other_systems_are_not_checked() -> None:
    assert missing_library_message({}, loads_all_but("libGL.so.1"), "win32", True) is None


def test_qt_failing_to_import_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = import_failure_message(error)
    assert message is not None and "install the package libegl1 " in message
    unknown = ImportError("libfoo.so.3: cannot open shared object file: No such file")
    assert "install the package that holds it" in (import_failure_message(unknown) or "")
    assert import_failure_message(ImportError("No module named 'PySide6'")) is None


def test_the_app_says_the_sentence_and_stops(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(system_libraries, "missing_library_message", lambda: "Needs libgl1.")
    monkeypatch.setattr(system_libraries, "tell_desktop", shown.append)
    assert cli.main([]) == 1
    assert capsys.readouterr().err == "crt-desktop: Needs libgl1.\n"
    assert shown == ["Needs libgl1."]  # stderr is no terminal here, as from a desktop menu


def test_opened_from_a_desktop_the_sentence_is_shown_in_its_dialog() -> None:
    started: list[list[str]] = []
    found = {"kdialog": "/usr/bin/kdialog", "xmessage": "/usr/bin/xmessage"}
    env = {"DISPLAY": ":0"}
    assert tell_desktop("Needs libgl1.", env, found.get, lambda argv: started.append(list(argv)))
    assert started == [["/usr/bin/kdialog", "--title", "CRT Desktop", "--error", "Needs libgl1."]]
    assert not tell_desktop("Needs libgl1.", {}, found.get, lambda argv: started.append([]))
    assert not tell_desktop("Needs libgl1.", env, {}.get, lambda argv: started.append([]))
    assert len(started) == 1
