"""Errors raised by the service layer; the web layer maps each to one HTTP status."""


class DomainError(Exception):
    """Base class of the errors a caller can act on."""


class NotFound(DomainError):
    """The object does not exist, or belongs to another tenant (never say which)."""


class Unauthorized(DomainError):
    """Missing, wrong or expired credentials."""


class Forbidden(DomainError):
    """Authenticated, but the role does not allow the action."""


class InvalidInput(DomainError):
    """A field has a value the domain refuses; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class PayloadTooLarge(DomainError):
    """The content is above a configured limit."""


class Conflict(DomainError):
    """The action does not fit the current state (e.g. claiming a resolved conversation)."""
