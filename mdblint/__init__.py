"""mdblint: a static linter for Django multi-database misuse."""

__version__ = "0.1.0"
