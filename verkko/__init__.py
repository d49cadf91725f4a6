"""Verkko: a collaboration platform for a Finnish employment area."""

__version__ = "0.1.0"
