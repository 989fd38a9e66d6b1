"""Unsubscribe tokens: round trip, rotation, and nothing but a genuine token is accepted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.consent.errors import InvalidInput
from optout.consent.tokens import SigningKeys, UnsubscribeToken, make_token, read_token

KEYS = SigningKeys.parse("new:0123456789abcdef-new,old:0123456789abcdef-old")


def test_a_token_names_its_contact_and_address() -> None:
    token = make_token(KEYS, "c-1", "ada@example.com")
    assert read_token(KEYS, token) == UnsubscribeToken("c-1", "ada@example.com")


def test_tokens_are_signed_with_the_current_key_and_older_keys_still_verify() -> None:
    old_only = SigningKeys.parse("old:0123456789abcdef-old")
    old_token = make_token(old_only, "c-1", "ada@example.com")
    assert read_token(KEYS, old_token).contact_id == "c-1"
    new_token = make_token(KEYS, "c-1", "ada@example.com")
    with pytest.raises(InvalidInput):
        read_token(old_only, new_token)


def test_a_single_secret_is_one_key() -> None:
    keys = SigningKeys.parse("dev-unsubscribe-signing-key")
    assert keys.current[0] == "0" and read_token(keys, make_token(keys, "c", "a@b.co")).email == "a@b.co"


@pytest.mark.parametrize(
    "raw", ["", " , ", "short", "k1:short", "bad id!:0123456789abcdef", "a:0123456789abcdef,a:0123456789abcdeg"]
)
def test_bad_key_configuration_is_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        SigningKeys.parse(raw)


@given(st.text(max_size=300))
def test_nothing_but_a_genuine_token_is_accepted(text: str) -> None:
    with pytest.raises(InvalidInput):
        read_token(KEYS, text)


@given(st.integers(min_value=0, max_value=200), st.characters(codec="ascii", exclude_characters="."))
def test_changing_any_character_breaks_the_token(position: int, replacement: str) -> None:
    token = make_token(KEYS, "c-42", "someone@example.com")
    index = position % len(token)
    if token[index] == replacement or token[index] == ".":
        return
    forged = token[:index] + replacement + token[index + 1 :]
    with pytest.raises(InvalidInput):
        read_token(KEYS, forged)


def _legacy_token(key_id: str, secret: str, contact_id: str, email: str) -> str:
    """A link as sent before tokens were sealed: readable payload + HMAC (built by hand)."""
    import base64
    import hashlib
    import hmac
    import json

    payload = base64.urlsafe_b64encode(json.dumps({"k": key_id, "c": contact_id, "e": email}).encode()).decode()
    payload = payload.rstrip("=")
    signature = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


def test_a_token_reveals_neither_the_address_nor_the_contact() -> None:
    import base64

    keys = SigningKeys.parse("k1:opaque-signing-key-0123456789")
    token = make_token(keys, "c-secret-id", "ada.lovelace@example.com")
    body = token.split(".")[2]
    decoded = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    for text in (token.encode(), decoded):
        assert b"ada" not in text.lower() and b"example" not in text and b"c-secret-id" not in text
    # a fresh nonce each time: two links for one address do not even look alike
    assert make_token(keys, "c-secret-id", "ada.lovelace@example.com") != token
    assert read_token(keys, token) == UnsubscribeToken("c-secret-id", "ada.lovelace@example.com")


def test_links_sent_before_tokens_were_sealed_keep_working() -> None:
    keys = SigningKeys.parse("k2:newer-signing-key-0123456789,k1:older-signing-key-0123456789")
    old = _legacy_token("k1", "older-signing-key-0123456789", "c-1", "ada@example.com")
    assert read_token(keys, old) == UnsubscribeToken("c-1", "ada@example.com")
    forged = _legacy_token("k1", "not-the-key-at-all-0123456789", "c-1", "ada@example.com")
    with pytest.raises(InvalidInput):
        read_token(keys, forged)


def test_a_sealed_token_of_a_removed_key_stops_working() -> None:
    token = make_token(SigningKeys.parse("k1:older-signing-key-0123456789"), "c-1", "ada@example.com")
    assert read_token(SigningKeys.parse("k2:newer-key-0123456789,k1:older-signing-key-0123456789"), token)
    with pytest.raises(InvalidInput):
        read_token(SigningKeys.parse("k2:newer-key-0123456789"), token)
