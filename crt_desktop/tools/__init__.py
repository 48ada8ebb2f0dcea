"""Small programs that drive the app for tests and checks (not part of the user interface)."""
