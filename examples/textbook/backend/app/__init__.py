"""The textbook backend: health and keyword search over the docs."""

__version__ = "0.1.0"
