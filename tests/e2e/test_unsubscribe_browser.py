"""A person unsubscribing in a real browser: headless Chromium (Debian's package) driven by
Playwright, JavaScript off, against the local server. Screenshots go to test-output/."""

from __future__ import annotations

import urllib.request
from typing import TYPE_CHECKING

import pytest

from infra.token import mint
from tests.e2e.browser import NEEDS_CHROMIUM, OUTPUT, api

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.e2e, NEEDS_CHROMIUM]


def test_a_person_unsubscribes_from_the_link_in_a_browser(server: str, chromium: Browser) -> None:
    # Given a contact and the unsubscribe link a sender put in an email
    api(server, "PUT", "/contacts/browser-1", {"name": "Mary Jackson", "email": "mary@example.com"})
    link = api(server, "GET", "/contacts/browser-1/unsubscribe-link", role="integration")["url"]
    OUTPUT.mkdir(exist_ok=True)

    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()

        # When they open it: one labelled button, a labelled choice, and nothing changed yet
        response = page.goto(link)
        assert response is not None and response.status == 200
        assert page.get_by_role("heading", level=1).inner_text().startswith("Unsubscribe")
        button = page.get_by_role("button", name="Unsubscribe")
        assert button.is_visible() and button.is_enabled()
        assert page.get_by_label("Also stop all other messages from us").is_visible()
        page.screenshot(path=str(OUTPUT / "unsubscribe-page.png"), full_page=True)
        assert api(server, "GET", "/contacts/browser-1")["do_not_email"] is False

        # and press the button
        button.click()
        page.wait_for_load_state()

        # Then the page confirms it, with no redirect, and the contact is Do Not Email
        assert page.get_by_role("heading", level=1).inner_text() == "You are unsubscribed"
        assert page.url == link
        page.screenshot(path=str(OUTPUT / "unsubscribed-page.png"), full_page=True)
    finally:
        context.close()

    contact = api(server, "GET", "/contacts/browser-1")
    assert contact["do_not_email"] is True and contact["conversation"]["stage"] == "Customer Stopped"


def test_a_support_user_prints_a_contact_s_proof_in_a_browser(server: str, chromium: Browser) -> None:
    # Given a contact who unsubscribed
    api(server, "PUT", "/contacts/browser-2", {"name": "Dorothy Vaughan", "email": "dorothy@example.com"})
    link = api(server, "GET", "/contacts/browser-2/unsubscribe-link", role="integration")["url"]
    one_click = urllib.request.Request(link, data=b"List-Unsubscribe=One-Click", method="POST")
    with urllib.request.urlopen(one_click, timeout=30) as answer:
        assert answer.status == 200
    OUTPUT.mkdir(exist_ok=True)

    context = chromium.new_context(
        java_script_enabled=False,
        extra_http_headers={"Authorization": f"Bearer {mint('support')}", "Accept": "text/html"},
    )
    try:
        page = context.new_page()
        # When support opens the contact's proof
        response = page.goto(f"{server}/contacts/browser-2/proof")
        assert response is not None and response.status == 200
        # Then it reads as a document: a heading, the verdict, a table of opt-outs with headers
        assert page.get_by_role("heading", level=1).inner_text() == "Consent proof for browser-2"
        assert "verified" in page.locator("main").inner_text()
        opt_outs = page.get_by_role("table", name="Each opt-out and its time to honour")
        assert opt_outs.get_by_role("columnheader", name="within limit").is_visible()
        assert "email" in opt_outs.locator("tbody tr").first.inner_text()
        page.emulate_media(media="print")
        page.screenshot(path=str(OUTPUT / "proof-page.png"), full_page=True)
    finally:
        context.close()
