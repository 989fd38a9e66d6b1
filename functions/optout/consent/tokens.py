"""Unsubscribe tokens: which contact and which email address a link was made for, signed.

A token is `<payload>.<signature>`, both base64url without padding. The payload names the
signing key, the contact and the address; the signature is HMAC-SHA256 over the payload
with that key. Tokens do not expire: a link in an old email must still work. Rotation:
new tokens are signed with the first (current) key, and tokens of the older keys listed
after it keep working until those keys are removed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass

from optout.consent.errors import InvalidInput

_KID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
MAX_TOKEN_LENGTH = 1024


@dataclass(frozen=True)
class SigningKeys:
    """Keys by id; the first is the one new tokens are signed with."""

    keys: tuple[tuple[str, bytes], ...]

    @classmethod
    def parse(cls, raw: str) -> SigningKeys:
        """`secret` (one key, id "0") or `kid:secret,kid:secret,…` (current first)."""
        entries = [part.strip() for part in raw.split(",") if part.strip()]
        if not entries:
            raise ValueError("no unsubscribe signing key configured")
        keys = []
        for n, entry in enumerate(entries):
            kid, sep, secret = entry.partition(":")
            if not sep:
                kid, secret = str(n), entry
            if not _KID.match(kid) or len(secret) < 16:
                raise ValueError("each unsubscribe signing key needs an id of [A-Za-z0-9_-] and 16+ characters")
            keys.append((kid, secret.encode()))
        if len({kid for kid, _ in keys}) != len(keys):
            raise ValueError("unsubscribe signing key ids must be unique")
        return cls(tuple(keys))

    @property
    def current(self) -> tuple[str, bytes]:
        return self.keys[0]

    def get(self, kid: str) -> bytes | None:
        return next((secret for k, secret in self.keys if k == kid), None)


@dataclass(frozen=True)
class UnsubscribeToken:
    contact_id: str
    email: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def make_token(keys: SigningKeys, contact_id: str, email: str) -> str:
    kid, secret = keys.current
    payload = _b64(json.dumps({"k": kid, "c": contact_id, "e": email}, separators=(",", ":")).encode())
    return f"{payload}.{_sign(secret, payload)}"


def read_token(keys: SigningKeys, token: str) -> UnsubscribeToken:
    """The contact and address of a genuine token; InvalidInput for anything else."""
    bad = InvalidInput("this unsubscribe link is not valid")
    if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") != 1:
        raise bad
    payload, signature = token.split(".")
    try:
        fields = json.loads(_unb64(payload))
        kid, contact_id, email = fields["k"], fields["c"], fields["e"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise bad from None
    if not all(isinstance(v, str) for v in (kid, contact_id, email)):
        raise bad
    secret = keys.get(kid)
    if secret is None or not hmac.compare_digest(_sign(secret, payload), signature):
        raise bad
    return UnsubscribeToken(contact_id=contact_id, email=email)
