"""Vergadering: het domein, de opslag en de opdrachtregel (zonder Textual)."""

__version__ = "0.1.0"
