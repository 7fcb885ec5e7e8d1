"""Errors karriere raises: each becomes one clear line on the command line."""

from __future__ import annotations


class KarriereError(Exception):
    """Base class: the message is meant for the user, in one line."""


class InputError(KarriereError):
    """An input file or folder cannot be read as a German article corpus."""


class ResourceError(KarriereError):
    """A packaged data file is missing or malformed."""
