"""Multilingual question answering over refugee and immigrant integration sources (Nordic and Baltic)."""

__version__ = "0.1.0"
