"""Domain errors: each carries the short message a user sees and, where useful, suggestions."""

from __future__ import annotations


class BriefingError(Exception):
    """Base class for errors whose message is safe and useful to show to a user."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []


class UnknownCountry(BriefingError):
    """A name that resolves to no country, alias or close match."""


class UnknownPerson(BriefingError):
    """A name that resolves to no person the store knows."""


class UnknownDocument(BriefingError):
    """A document reference that matches no stored document."""


class NoEvent(BriefingError):
    """The store knows no event of the kind asked for."""


class MalformedArticle(BriefingError):
    """An article that cannot be read: bad header, not UTF-8, empty or too large."""


class EmptyQuery(BriefingError):
    """A search with nothing searchable left after cleaning."""


class TooSlow(BriefingError):
    """A read query ran past the store's time limit and was stopped."""
