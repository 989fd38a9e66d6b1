"""The Lead Manager's search (SPEC 16, `GET /contacts`): by name prefix (case and accents
ignored, from the name index), by exact phone number or email, every contact; filters on
opt-outs, stopped conversations and DND per channel; pages that neither repeat nor skip."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

from tests.conftest import Client, ada

PEOPLE = {
    "s-ada": ("Ada Lovelace", "+14155550101"),
    "s-adam": ("Adam Smith", "+14155550102"),
    "s-adele": ("Adèle Núñez", "+14155550103"),
    "s-alan": ("Alan Turing", "+14155550104"),
    "s-grace": ("Grace Hopper", "+14155550105"),
}


@pytest.fixture
def api(client: Client) -> Client:
    for cid, (name, cell) in PEOPLE.items():
        body = ada(name=name, email=f"{cid}@example.com", phones={"cell": cell, "home": None})
        assert client.put(f"/contacts/{cid}", body, role="integration").status == 201
    return client


def search(api: Client, role: str = "rep", **params: Any) -> dict[str, Any]:
    result = api.get(f"/contacts?{urlencode(params)}", role=role)
    assert result.status == 200, result.body
    return dict(result.json())


def ids(page: dict[str, Any]) -> list[str]:
    return [c["id"] for c in page["contacts"]]


def test_a_name_prefix_finds_names_in_order_ignoring_case_and_accents(api: Client) -> None:
    assert ids(search(api, query="ad")) == ["s-ada", "s-adam", "s-adele"]
    assert ids(search(api, query="ADELE")) == ["s-adele"]  # "Adèle" without its accent
    assert ids(search(api, query="  ada  ")) == ["s-ada", "s-adam"]
    assert ids(search(api, query="Zed")) == []
    # a renamed contact is found by its new name only
    assert api.put("/contacts/s-alan", {"name": "Zed Turing"}, role="integration").status == 200
    assert ids(search(api, query="al")) == [] and ids(search(api, query="zed")) == ["s-alan"]


def test_a_phone_number_or_an_email_finds_its_contacts(api: Client) -> None:
    assert ids(search(api, query="(415) 555-0105")) == ["s-grace"]
    assert ids(search(api, query="+1 415 555 0101")) == ["s-ada"]
    assert ids(search(api, query="S-Adam@Example.com")) == ["s-adam"]
    assert ids(search(api, query="+14155550199")) == []


def test_pages_neither_repeat_nor_skip(api: Client) -> None:
    for query in ({"query": "a"}, {}):
        seen, cursor = [], None
        for _ in range(10):
            page = search(api, limit=2, **query, **({"cursor": cursor} if cursor else {}))
            assert len(page["contacts"]) <= 2
            seen += ids(page)
            cursor = page["next_cursor"]
            if cursor is None:
                break
        expected = ["s-ada", "s-adam", "s-adele", "s-alan"] if query else sorted(PEOPLE)
        assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen))
        if query:
            assert seen == expected  # in name order


def test_filters_narrow_to_opted_out_stopped_and_dnd_contacts(api: Client) -> None:
    dnd = {"channels": ["call"], "enabled": True, "source": "phone_call"}
    assert api.post("/contacts/s-adam/dnd", dnd, role="rep").status == 200
    assert api.post("/contacts/s-grace/stop-messaging", {}, role="manager").status == 200
    assert ids(search(api, opted_out="true")) == ["s-adam"]
    assert ids(search(api, dnd="call")) == ["s-adam"]
    assert ids(search(api, dnd="call,sms")) == []
    assert ids(search(api, stopped="true")) == ["s-grace"]  # a DND on calls leaves an email conversation on
    assert ids(search(api, query="ad", opted_out="true")) == ["s-adam"]
    # a filtered page is still whole: two opted-out contacts, one a page
    assert api.post("/contacts/s-alan/dnd", dnd, role="rep").status == 200
    first = search(api, opted_out="true", limit=1)
    second = search(api, opted_out="true", limit=1, cursor=first["next_cursor"])
    assert sorted(ids(first) + ids(second)) == ["s-adam", "s-alan"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"limit": "0"}, 422),
        ({"limit": "101"}, 422),
        ({"dnd": "fax"}, 422),
        ({"query": "x" * 101}, 422),
    ],
)
def test_bad_searches_are_refused(api: Client, params: dict[str, str], status: int) -> None:
    result = api.get(f"/contacts?{urlencode(params)}", role="rep")
    assert result.status == status and result.json()["error"], result.body


def test_a_cursor_not_of_this_search_is_past_the_end_not_a_store_error(api: Client) -> None:
    cursor = search(api, query="ad", limit=1)["next_cursor"]
    assert cursor is not None and ids(search(api, query="ad", cursor=cursor)) == ["s-adam", "s-adele"]
    for params in ({"query": "gr", "cursor": cursor}, {"cursor": cursor}, {"cursor": "not-a-cursor"}):
        assert search(api, **params) == {"contacts": [], "next_cursor": None}
    assert search(api, query="+1 415 555 0101", cursor="abc") == {"contacts": [], "next_cursor": None}


def test_every_role_may_search_and_no_token_may_not(api: Client) -> None:
    for role in ("rep", "manager", "support", "admin", "integration"):
        assert ids(search(api, role=role, query="grace")) == ["s-grace"]
    assert api.get("/contacts?query=grace", role=None).status == 401
