"""Addresses: E.164 phone numbers and normalised email addresses, and their masking."""

from __future__ import annotations

import re

from optout.consent.errors import InvalidInput

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def normalise_phone(raw: str, default_region: str | None = "US") -> str:
    """E.164 form of a phone number, or InvalidInput.

    Numbers without a leading `+` are read in `default_region` (the contact's country).
    """
    # Imported here: phonenumbers' metadata costs ~50 ms and only writers need it.
    import phonenumbers

    text = (raw or "").strip()
    if not text or len(text) > 32:
        raise InvalidInput("phone number is empty or too long")
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("phone number cannot be parsed") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput("phone number is not a valid number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str) -> str:
    """Lower-cased, trimmed email address, or InvalidInput."""
    text = (raw or "").strip().lower()
    if len(text) > 254 or not _EMAIL.match(text):
        raise InvalidInput("email address is not valid")
    return text


def is_phone(address: str) -> bool:
    return bool(_E164.match(address))


def normalise_address(raw: str, *, phone: bool, default_region: str | None = "US") -> str:
    return normalise_phone(raw, default_region) if phone else normalise_email(raw)


def mask(address: str | None) -> str | None:
    """A form of an address fit for logs and history listings: enough to tell, not to use."""
    if not address:
        return address
    if "@" in address:
        local, _, domain = address.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(address) <= 4:
        return "***"
    return f"{address[:3]}{'*' * (len(address) - 5)}{address[-2:]}"
