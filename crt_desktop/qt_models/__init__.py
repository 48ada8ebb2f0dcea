"""Qt item models and controllers adapting the domain for views (never storage or SQL)."""

from .none_guard import guard_none

# Every Qt part of the app imports this package, so the guard is in place before Qt is used.
guard_none()
