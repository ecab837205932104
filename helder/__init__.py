"""Helder: make a municipal website speak its residents' language."""

__version__ = "0.1.0"
