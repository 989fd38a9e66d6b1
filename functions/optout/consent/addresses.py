"""Addresses: E.164 phone numbers and normalised email addresses, and their masking."""

from __future__ import annotations

import re

from optout.consent.errors import InvalidInput

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
E164_PATTERN = r"^\+[1-9][0-9]{6,14}$"
_E164 = re.compile(E164_PATTERN)


def _to_e164(raw: object, default_region: str | None, *, strict: bool) -> str:
    """Parse a number (read in `default_region` unless it starts with `+`) and format it E.164.

    strict: it must be a valid number (phonenumbers' metadata); else possible is enough.
    A number already in E.164 form is the number (the document's `phone` pattern).
    """
    # Imported here: phonenumbers' metadata costs ~50 ms and only writers need it.
    import phonenumbers

    if not isinstance(raw, str):
        raise InvalidInput("phone number must be a string")
    text = raw.strip()
    if not text or len(text) > 32:
        raise InvalidInput("phone number is empty or too long")
    if _E164.match(text):
        # Written in E.164 already: taken as given. libphonenumber's ranges lag behind new
        # numbering, and a lead's opt-out must never be refused for a number it does not know.
        return text
    try:
        parsed = phonenumbers.parse(text, None if text.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        raise InvalidInput("phone number cannot be parsed") from None
    if strict and not phonenumbers.is_valid_number(parsed):
        raise InvalidInput("phone number is not a valid number")
    if not strict and not phonenumbers.is_possible_number(parsed):
        raise InvalidInput("phone number is not a possible number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone(raw: str, default_region: str | None = "US") -> str:
    """E.164 form of a phone number, or InvalidInput.

    Numbers without a leading `+` are read in `default_region` (the contact's country).
    """
    return _to_e164(raw, default_region, strict=True)


def normalise_email(raw: str) -> str:
    """Lower-cased, trimmed email address, or InvalidInput."""
    if not isinstance(raw, str):
        raise InvalidInput("email address must be a string")
    text = raw.strip().lower()
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
    if len(address) <= 5:  # a short code: nothing to show
        return "***"
    return f"{address[:3]}{'*' * (len(address) - 5)}{address[-2:]}"


def normalise_sender(raw: str, default_region: str | None = "US") -> str:
    """E.164 form of the number a message came from (or went to), or InvalidInput.

    Laxer than normalise_phone: the carrier delivered the message, so a number that is
    possible but missing from phonenumbers' validity metadata is still that person's.
    A channel prefix such as `sms:` or `whatsapp:` is dropped.
    """
    text = raw.split(":", 1)[-1] if isinstance(raw, str) else raw
    return _to_e164(text, default_region, strict=False)


def region_of(number: str) -> str | None:
    """The region (US, GB, …) of a valid E.164 number, None when it is not a valid number."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    region: str | None = phonenumbers.region_code_for_number(parsed)
    return region


def time_zones(number: str) -> list[str]:
    """The time zones a number may be in (several for some), from phonenumbers' metadata."""
    import phonenumbers
    from phonenumbers import timezone

    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return []
    return [z for z in timezone.time_zones_for_number(parsed) if z != timezone.UNKNOWN_TIMEZONE]
