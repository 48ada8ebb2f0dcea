"""Shared test set-up: Qt runs offscreen, and every test gets its own temporary data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
