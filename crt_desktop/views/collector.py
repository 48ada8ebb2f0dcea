"""Python's cycle collector, paused while work runs on a worker thread.

A collection runs on whichever thread happens to allocate when it is due; on a worker thread it
may free Qt objects that belong to the interface thread, which crashes Qt. So the collector is
paused on the interface thread before a worker starts and resumed there once the worker has
handed its result back (the worker allocates nothing after that). Counted, so that two workers
at once resume it only when both are done."""

from __future__ import annotations

import gc

_workers = 0
_was_enabled = True


def pause() -> None:
    global _workers, _was_enabled
    if _workers == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _workers += 1


def resume() -> None:
    global _workers
    _workers = max(0, _workers - 1)
    if _workers == 0 and _was_enabled:
        gc.enable()
