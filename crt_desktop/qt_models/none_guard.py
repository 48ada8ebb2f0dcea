"""A guard against a reference-counting bug in the PySide6 6.12 wheels on Python 3.11.

Those wheels hand back None from every call of a C++ method returning void, and True from every
`Signal.emit()`, without counting the reference. Python 3.12 and later do not mind (None, True
and False are immortal there); on 3.11 each call takes one count away, and after a few thousand
calls (seconds of painting) Python frees None and aborts with "deallocating None". Giving these
singletons a count that can never run down is what 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_PLENTY = 1 << 60


def guard_none() -> None:
    """Make the reference counts of None, True and False unreachable by leaks (a no-op on
    Python 3.12 and later)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: PyObject's first field
        if count.value < _PLENTY:
            count.value += _PLENTY
