"""The offscreen screens every Qt figure uses: a laptop and a projector, like a real room."""

from __future__ import annotations

import json
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
}


def platform_for(folder: Path) -> str:
    """A QT_QPA_PLATFORM value: offscreen with the two screens (the file is written once)."""
    path = folder / "screens.json"
    if not path.exists():
        path.write_text(json.dumps(SCREENS), encoding="utf-8")
    return f"offscreen:configfile={path}"
