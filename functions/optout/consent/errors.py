"""Domain errors. Handlers map them to HTTP in one place (handlers/http.py)."""

from __future__ import annotations


class ConsentError(Exception):
    """Base class: `code` is the stable machine-readable name clients see."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ConsentError):
    code = "validation_error"


class NotFound(ConsentError):
    code = "not_found"


class Conflict(ConsentError):
    code = "conflict"


class NoConsent(Conflict):
    """SMS-first without a grant for texts to the number, in enforce mode (SPEC 19)."""

    code = "no_consent"


class ContactTooLarge(Conflict):
    """The stored contact item cannot be rewritten (a legacy item near DynamoDB's 400 KB):
    a change that is not an opt-out is refused; an opt-out is deferred instead (SPEC 11)."""

    code = "contact_too_large"


class Forbidden(ConsentError):
    code = "forbidden"


class Unauthorized(ConsentError):
    code = "unauthorized"


class StoreUnavailable(ConsentError):
    """The store failed or stayed contended; nothing was written and a retry is safe."""

    code = "unavailable"


class ConfigurationError(ConsentError):
    """A setting or secret the request needs is missing (a deploy bug): nothing was written,
    and a retry cannot help, so the answer is no 503 a caller (Twilio) would retry."""

    code = "configuration_error"
