"""The exceptions paarorende raises: one hierarchy, mirroring the C++ ``paarorende::Error``.

They are defined here, in Python, so that they derive from :class:`ValueError` and pickle like
any exception; the compiled submodule ``paarorende._core.error`` looks them up, holds them, and
translates each C++ exception into the matching class.
"""

from __future__ import annotations

__all__ = ["PaarorendeError", "InputError", "ImpossibleRequest", "RuleViolation"]


class PaarorendeError(ValueError):
    """Base of every exception paarorende raises (C++ ``paarorende::Error``).

    ``str(error)`` is the whole one-line text, ``"where: message [DOMAIN rule]"``.

    Attributes
    ----------
    rule : str
        The DOMAIN rule concerned, e.g. ``"C3"``; empty when the error is about form.
    where : str
        Where the problem is: a JSON pointer (``"/sessions/2/date"``), ``"line 3, column 7"``,
        a file name followed by either, or empty.
    message : str
        The message alone, without location or rule.
    """

    def __init__(self, text: str, *, rule: str = "", where: str = "",
                 message: str | None = None) -> None:
        """An error whose text is `text`; `message` defaults to it."""
        super().__init__(text)
        self.rule = rule
        self.where = where
        self.message = text if message is None else message


class InputError(PaarorendeError):
    """Malformed or out-of-range input: wrong type, missing or unknown field, unparsable date.

    ``where`` locates it, e.g. ``"/first_date"`` or ``"course.json: line 3, column 7"``.
    """


class ImpossibleRequest(PaarorendeError):
    """A well-formed request the rules make impossible, e.g. a window shorter than the session
    (DOMAIN C3) or more sessions than the school year holds (DOMAIN C11)."""


class RuleViolation(PaarorendeError):
    """An operation refused because it would break a hard rule."""
