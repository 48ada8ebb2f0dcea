"""The Services a test's windows are given: the app's own, over the test's store."""

from __future__ import annotations

from crt_desktop.app import make_services
from crt_desktop.content import Content, content
from crt_desktop.domain.store import SessionStore
from crt_desktop.services import Services


def services_for(store: SessionStore, given: Content | None = None) -> Services:
    return make_services(store, given or content())
