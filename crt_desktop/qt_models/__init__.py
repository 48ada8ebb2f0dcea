"""Qt item models and controllers adapting the domain for views (never storage or SQL)."""
