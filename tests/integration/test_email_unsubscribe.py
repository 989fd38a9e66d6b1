"""Email unsubscribe links in process: the page, the form, RFC 8058 one-click, bad tokens."""

from __future__ import annotations

import re
from typing import Any

import pytest

from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.consent.tokens import SigningKeys, make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from tests.conftest import Client, Faults, HttpResult, ada

KEY = "k2:second-signing-key-0123456789,k1:first-signing-key-0123456789"
BASE = "https://optout.example.com"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def lead(client: Client, monkeypatch: pytest.MonkeyPatch) -> Client:
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", KEY)
    monkeypatch.setenv("PUBLIC_BASE_URL", BASE)
    get_settings.cache_clear()
    body = ada(channel="email", automations=["email-drip", "sms-nurture"])
    assert client.put("/contacts/c-1", body).status == 201
    return client


def link_path(client: Client, cid: str = "c-1") -> str:
    result = client.get(f"/contacts/{cid}/unsubscribe-link", role="integration")
    assert result.status == 200, result.body
    url = result.json()["url"]
    assert url.startswith(BASE + "/unsubscribe/")
    return str(url[len(BASE) :])


def post(client: Client, path: str, body: bytes, content_type: str = FORM, **headers: str) -> HttpResult:
    return client.request("POST", path, raw=body, headers={"content-type": content_type, **headers}, role=None)


def contact(client: Client, cid: str = "c-1") -> dict[str, Any]:
    return dict(client.get(f"/contacts/{cid}").json())


def records(cid: str = "c-1") -> list[Any]:
    return Repository(get_settings()).chain(contact_subject(cid))


def test_the_link_and_headers_for_senders(lead: Client) -> None:
    body = lead.get("/contacts/c-1/unsubscribe-link", role="admin").json()
    assert body["headers"] == {
        "List-Unsubscribe": f"<{body['url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert lead.get("/contacts/c-1/unsubscribe-link", role="rep").status == 403


def test_no_link_without_an_email_address(lead: Client) -> None:
    lead.put("/contacts/c-2", {"name": "No Mail", "phones": {"cell": "+14155550177"}})
    result = lead.get("/contacts/c-2/unsubscribe-link", role="integration")
    assert result.status == 409 and set(result.json()) == {"error", "message"}


def test_get_shows_a_usable_page_and_changes_nothing(lead: Client) -> None:
    path = link_path(lead)
    before = records()

    page = lead.get(path, role=None)

    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    text = page.body.decode()
    assert '<html lang="en">' in text and "<h1>" in text
    assert '<form method="post">' in text and '<button type="submit"' in text
    assert '<label for="all">' in text and "ada@example.com" not in text  # masked
    assert records() == before and contact(lead)["do_not_email"] is False


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (FORM, b"List-Unsubscribe=One-Click"),
        (
            "multipart/form-data; boundary=XyZ",
            b'--XyZ\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--XyZ--\r\n',
        ),
    ],
    ids=["urlencoded", "multipart"],
)
def test_one_click_unsubscribes_with_200_and_no_redirect(lead: Client, content_type: str, body: bytes) -> None:
    path = link_path(lead)

    result = post(lead, path, body, content_type, **{"user-agent": "Gmail one-click"})

    assert result.status == 200 and "Location" not in result.headers
    after = contact(lead)
    assert after["do_not_email"] is True
    assert after["dnd"] == {"sms": False, "email": True, "call": False}
    assert after["automations"] == ["sms-nurture"]
    assert after["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}
    last = records()[-1]
    assert last.actor.type == "customer" and last.action == "email.unsubscribed" and last.reason == "one_click"
    assert last.evidence["form"] == "one_click" and last.evidence["user_agent"] == "Gmail one-click"
    assert last.evidence["ip"] == "203.0.113.9"
    check = lead.post("/consent/check", {"channel": "email", "address": "ada@example.com"}).json()
    assert check["allowed"] is False


def test_the_pages_form_without_and_with_all(lead: Client) -> None:
    path = link_path(lead)
    done = post(lead, path, b"confirm=yes")
    assert done.status == 200 and "You are unsubscribed" in done.body.decode()
    assert contact(lead)["dnd"] == {"sms": False, "email": True, "call": False}

    post(lead, path, b"confirm=yes&all=yes")

    after = contact(lead)
    assert after["dnd"] == {"sms": True, "email": True, "call": True}
    assert after["automations"] == []
    assert [r.action for r in records()][-2:] == ["email.unsubscribed", "email.unsubscribed_everything"]


def test_repeating_it_is_harmless(lead: Client) -> None:
    path = link_path(lead)
    for _ in range(3):
        assert post(lead, path, b"List-Unsubscribe=One-Click").status == 200
    assert [r.action for r in records()] == ["contact.created", "email.unsubscribed"]
    assert verify_chain(records()).ok


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature changed
        lambda t: t[:20],  # truncated
        lambda t: "x" + t,  # payload changed
        lambda t: t.replace(".", ""),  # no separator
        lambda t: t + ".extra",
        lambda t: "%00%ff",
        lambda t: "a" * 2000,
        lambda t: make_token(SigningKeys.parse("k2:someone-elses-key-0123456789"), "c-1", "ada@example.com"),
    ],
    ids=["signature", "truncated", "payload", "separator", "extra-part", "bytes", "long", "foreign-key"],
)
def test_a_bad_token_gets_a_400_page_and_changes_nothing(lead: Client, mangle: Any) -> None:
    token = link_path(lead).rsplit("/", 1)[1]
    path = "/unsubscribe/" + mangle(token)
    for result in (lead.get(path, role=None), post(lead, path, b"List-Unsubscribe=One-Click")):
        assert result.status == 400 and result.headers["Content-Type"].startswith("text/html")
    assert contact(lead)["do_not_email"] is False and len(records()) == 1


def test_links_of_the_previous_key_keep_working_after_rotation(lead: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    old = make_token(SigningKeys.parse("k1:first-signing-key-0123456789"), "c-1", "ada@example.com")
    assert post(lead, f"/unsubscribe/{old}", b"List-Unsubscribe=One-Click").status == 200
    assert contact(lead)["do_not_email"] is True
    # once the old key is retired, its links stop working
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k2:second-signing-key-0123456789")
    get_settings.cache_clear()
    assert lead.get(f"/unsubscribe/{old}", role=None).status == 400


def test_a_link_made_before_the_email_changed_still_unsubscribes_that_address(lead: Client) -> None:
    path = link_path(lead)
    lead.put("/contacts/c-1", {"email": "ada.new@example.com"}, role="integration")

    assert post(lead, path, b"List-Unsubscribe=One-Click").status == 200

    check = lead.post("/consent/check", {"channel": "email", "address": "ada@example.com"}).json()
    assert check["allowed"] is False
    assert contact(lead)["do_not_email"] is True  # the person asked: no email to them at all


def test_a_link_for_a_contact_that_no_longer_exists_still_suppresses_the_address(lead: Client) -> None:
    token = make_token(SigningKeys.parse(KEY), "gone-1", "gone@example.com")
    assert post(lead, f"/unsubscribe/{token}", b"List-Unsubscribe=One-Click").status == 200
    check = lead.post("/consent/check", {"channel": "email", "address": "gone@example.com"}).json()
    assert check["allowed"] is False
    assert len(Repository(get_settings()).chain(address_subject("gone@example.com"))) == 1
    # and a contact created later with that address inherits Do Not Email
    lead.put("/contacts/c-9", {"name": "Later", "email": "gone@example.com"})
    assert contact(lead, "c-9")["do_not_email"] is True


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (FORM, b""),
        (FORM, b"%%%&&&=="),
        ("multipart/form-data; boundary=", b"--\r\n\r\n"),
        ("multipart/form-data", b"garbage"),
        ("application/json", b'{"List-Unsubscribe": 1}'),
        ("text/plain", "é".encode("latin-1")),
    ],
)
def test_malformed_bodies_never_fail(lead: Client, content_type: str, body: bytes) -> None:
    result = post(lead, link_path(lead), body, content_type)
    assert result.status == 200  # a POST to a genuine link is the request to unsubscribe
    assert contact(lead)["do_not_email"] is True


def test_a_store_failure_shows_a_retry_page_and_writes_nothing(lead: Client, faults: Faults) -> None:
    path = link_path(lead)
    faults.fail("TransactWriteItems")
    result = post(lead, path, b"List-Unsubscribe=One-Click")
    assert result.status == 503 and re.search(r"try again", result.body.decode(), re.I)
    faults.clear()
    assert contact(lead)["do_not_email"] is False and len(records()) == 1
    assert post(lead, path, b"List-Unsubscribe=One-Click").status == 200
    assert [r.action for r in records()] == ["contact.created", "email.unsubscribed"]


def test_other_methods_are_refused(lead: Client) -> None:
    path = link_path(lead)
    assert lead.request("PUT", path, raw=b"", role=None).status == 405
    assert lead.request("DELETE", path, role=None).status == 405
