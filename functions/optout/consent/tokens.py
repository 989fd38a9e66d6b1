"""Unsubscribe tokens: which contact and which email address a link was made for, sealed.

A token is `o1.<key id>.<sealed>` (base64url, no padding): the contact and the address,
encrypted and authenticated with keys derived from the signing key, so nothing in a link
(or an access log that holds one) reveals the address. Encrypt-then-MAC with the standard
library: HMAC-SHA256 in counter mode over a random 16-byte nonce for the key stream, and
HMAC-SHA256 over the key id, nonce and cipher text for the tag, each from its own key.

Tokens do not expire: a link in an old email must still work. Rotation: new tokens use the
first (current) key; tokens of the older keys listed after it keep working until those
keys are removed. Links sent before tokens were sealed (`<payload>.<signature>`, the
payload readable) keep working too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
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
    """The bytes of unpadded URL-safe base64, which must be written the one way `_b64` writes
    them: a changed last character whose bits base64 drops is another, refused token."""
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:
        raise ValueError("not canonical base64")
    return data


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


SEALED = "o1"
_NONCE, _TAG = 16, 32


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return hmac.new(secret, b"optout-unsubscribe-token:" + purpose, hashlib.sha256).digest()


def _stream(secret: bytes, nonce: bytes, length: int) -> bytes:
    key = _derive(secret, b"encrypt")
    blocks = (hmac.new(key, nonce + n.to_bytes(4, "big"), hashlib.sha256).digest() for n in range(length // 32 + 1))
    return b"".join(blocks)[:length]


def _tag(secret: bytes, kid: str, nonce: bytes, sealed: bytes) -> bytes:
    return hmac.new(
        _derive(secret, b"authenticate"), f"{SEALED}.{kid}.".encode() + nonce + sealed, hashlib.sha256
    ).digest()


def make_token(keys: SigningKeys, contact_id: str, email: str, *, nonce: bytes | None = None) -> str:
    """A sealed token. `nonce`: only for reproducible samples (events/); links use a fresh one."""
    kid, secret = keys.current
    plain = json.dumps({"c": contact_id, "e": email}, separators=(",", ":"), ensure_ascii=False).encode()
    nonce = os.urandom(_NONCE) if nonce is None else nonce
    if len(nonce) != _NONCE:
        raise ValueError(f"the nonce is {_NONCE} bytes")
    sealed = bytes(a ^ b for a, b in zip(plain, _stream(secret, nonce, len(plain)), strict=True))
    return f"{SEALED}.{kid}.{_b64(nonce + sealed + _tag(secret, kid, nonce, sealed))}"


def _read_sealed(keys: SigningKeys, token: str) -> tuple[str, str]:
    _, kid, body = token.split(".")
    secret = keys.get(kid)
    raw = _unb64(body)
    if secret is None or len(raw) < _NONCE + _TAG + 1:
        raise ValueError("unknown key or too short")
    nonce, sealed, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
    if not hmac.compare_digest(_tag(secret, kid, nonce, sealed), tag):
        raise ValueError("tag mismatch")
    plain = bytes(a ^ b for a, b in zip(sealed, _stream(secret, nonce, len(sealed)), strict=True))
    fields = json.loads(plain.decode("utf-8"))
    return fields["c"], fields["e"]


def _read_signed(keys: SigningKeys, token: str) -> tuple[str, str]:
    """A link sent before tokens were sealed: `<payload>.<signature>`."""
    payload, signature = token.split(".")
    fields = json.loads(_unb64(payload))
    kid, contact_id, email = fields["k"], fields["c"], fields["e"]
    secret = keys.get(kid) if isinstance(kid, str) else None
    if secret is None or not hmac.compare_digest(_sign(secret, payload), signature):
        raise ValueError("bad signature")
    return contact_id, email


def read_token(keys: SigningKeys, token: str) -> UnsubscribeToken:
    """The contact and address of a genuine token; InvalidInput for anything else."""
    bad = InvalidInput("this unsubscribe link is not valid")
    if not token or len(token) > MAX_TOKEN_LENGTH or token.count(".") not in (1, 2):
        raise bad
    sealed = token.count(".") == 2
    if sealed and not token.startswith(SEALED + "."):
        raise bad
    try:
        contact_id, email = _read_sealed(keys, token) if sealed else _read_signed(keys, token)
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise bad from None
    if not (isinstance(contact_id, str) and isinstance(email, str) and contact_id and email):
        raise bad
    return UnsubscribeToken(contact_id=contact_id, email=email)
