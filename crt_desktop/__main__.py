"""Command line: the GUI by default, sub-commands for headless work (see the README).

Errors a person can cause get one sentence on stderr: exit status 2 for bad input, 1 for other
failures, never a traceback.
"""

from __future__ import annotations

import sys

from crt_desktop.cli_parser import UsageError, parse


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse(argv)
    except UsageError as exc:
        print(f"crt-desktop: {exc}", file=sys.stderr)
        return 2
    if args.command is None:
        # Qt loads only for the GUI, so headless commands start fast and need no display.
        from crt_desktop import system_libraries

        problem = system_libraries.missing_library_message()
        if problem is None:
            try:
                from crt_desktop.app import run_gui
            except ImportError as exc:
                problem = system_libraries.import_failure_message(exc)
                if problem is None:
                    raise
            else:
                return run_gui(args)
        print(f"crt-desktop: {problem}", file=sys.stderr)
        if not (sys.stderr and sys.stderr.isatty()):
            system_libraries.tell_desktop(problem)
        return 1
    from crt_desktop.commands import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
