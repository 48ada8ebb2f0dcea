"""CRT Desktop: run Compassion Resilience Toolkit sessions in a room."""

__version__ = "0.1.0"
