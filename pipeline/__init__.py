"""karriere: careers of players and coaches, extracted from German sports articles."""

__version__ = "0.1.0"
