"""Unsubscribe links: the signing keys (from the secret store) and the link with the two
List-Unsubscribe headers a sender adds (RFC 8058)."""

from __future__ import annotations

from functools import lru_cache

from optout.adapters.secrets import read_secret
from optout.consent.tokens import SigningKeys, make_token
from optout.settings import Settings

ONE_CLICK = "List-Unsubscribe=One-Click"


@lru_cache(maxsize=4)
def _parse_keys(raw: str) -> SigningKeys:
    return SigningKeys.parse(raw)


def signing_keys(settings: Settings) -> SigningKeys:
    raw = read_secret(
        settings.unsubscribe_signing_key, settings.unsubscribe_signing_key_parameter, "unsubscribe signing key"
    )
    return _parse_keys(raw)


def unsubscribe_link(settings: Settings, base_url: str, contact_id: str, email: str) -> tuple[str, dict[str, str]]:
    """The link for one contact and address, and the two headers a sender adds (RFC 8058);
    with INBOUND_EMAIL_ADDRESS, List-Unsubscribe offers a `mailto:` too (RFC 2369), whose
    subject carries the same token (SPEC 14)."""
    token = make_token(signing_keys(settings), contact_id, email)
    url = f"{base_url.rstrip('/')}/unsubscribe/{token}"
    offered = f"<{url}>"
    if settings.inbound_email_address:
        offered += f", <mailto:{settings.inbound_email_address}?subject=unsubscribe%20{token}>"
    return url, {"List-Unsubscribe": offered, "List-Unsubscribe-Post": ONE_CLICK}
