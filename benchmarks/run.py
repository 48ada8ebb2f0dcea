"""Run every benchmark: `python benchmarks/run.py [--json OUT] [--quick]` (see README.md)."""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.suite import main

if __name__ == "__main__":
    sys.exit(main())
