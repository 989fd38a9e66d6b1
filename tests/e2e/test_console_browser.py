"""The rep console (console/, built into functions/optout/console_dist and served at /console)
in headless Chromium driven by Playwright, against the local server: sign in with the role
picker, search, the contact card's actions per role, keyboard only, and axe-core.
Screenshots go to test-output/console-*.png."""

from __future__ import annotations

import json
import urllib.request
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from infra.engine import free_port
from infra.token import mint
from infra.twilio_sim import SMS_PATH, signed_request, sms_params
from tests.e2e.browser import NEEDS_CHROMIUM, OUTPUT, ROOT, api
from tests.e2e.conftest import start_server, stop_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AXE = ROOT / "console" / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [pytest.mark.e2e, NEEDS_CHROMIUM]
TIMEOUT_MS = 15_000


def seed(base: str, name: str, email: str | None, cell: str, **more: Any) -> str:
    """A new contact with two automations and an opportunity; its id, unique to the test."""
    cid = f"console-{uuid.uuid4().hex[:12]}"
    body = {
        "name": name,
        "email": email,
        "phones": {"cell": cell, **more},
        "automations": ["sms-nurture", "email-drip"],
        "opportunity": {"name": name, "stage": "New Lead"},
    }
    api(base, "PUT", f"/contacts/{cid}", body, role="integration")
    return cid


HOSTED_UI = "https://auth.console-test.example"


@pytest.fixture(scope="module")
def cognito_server() -> Iterator[str]:
    """A server whose console signs in with Cognito's Hosted UI (the browser test stands in
    for the Hosted UI's two endpoints; the API still checks local tokens)."""
    port = free_port()
    proc, url = start_server(
        PORT=str(port),
        CONSOLE_SIGN_IN="cognito",
        COGNITO_DOMAIN=HOSTED_UI,
        CONSOLE_CLIENT_ID="people-client-id",
        CONSOLE_CALLBACK_URLS=f"https://console.example.com/console,http://127.0.0.1:{port}/console",
    )
    yield url
    stop_server(proc)


@pytest.fixture
def page(server: str, chromium: Browser) -> Iterator[Page]:
    """A fresh page in a context of its own (the module shares one Chromium); the test fails
    if the page logged an error or threw (a script the Content-Security-Policy blocked, a
    failed request it did not expect)."""
    OUTPUT.mkdir(exist_ok=True)
    errors: list[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        new_page = context.new_page()
        new_page.set_default_timeout(TIMEOUT_MS)
        new_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        new_page.on("pageerror", lambda e: errors.append(str(e)))
        new_page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        yield new_page
    finally:
        context.close()
    assert errors == []


def sign_in(page: Page, server: str, role: str) -> None:
    from playwright.sync_api import expect

    response = page.goto(f"{server}/console")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    page.get_by_role("group", name="Role").get_by_label(role, exact=True).check()
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1, name="Lead Manager")).to_be_visible()
    expect(page.locator("#current-role")).to_have_text(role)


def open_card(page: Page, query: str, name: str) -> None:
    from playwright.sync_api import expect

    page.get_by_label("Search leads").fill(query)
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="History")).to_be_visible()
    expect(page.get_by_role("region", name="History").get_by_text("Loading…")).to_have_count(0)


def serious_violations(page: Page) -> list[dict[str, Any]]:
    # Evaluated through the DevTools protocol: the page's CSP (script-src 'self') would
    # refuse an injected <script>.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;undefined")
    result: dict[str, Any] = page.evaluate("async () => await window.axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on `selector` (the check reads the DOM; the input is keys only)."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def test_a_rep_marks_do_not_email_dnd_all_and_removes_an_automation(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    # Given a lead
    cid = seed(server, "Ada Lovelace", "ada@example.com", "+14155550100")

    # When a rep signs in with the role picker, searches by name prefix and opens the card
    sign_in(page, server, "rep")
    # the list view opens with every lead, a page at a time
    expect(page.get_by_role("table").get_by_role("link", name="Ada Lovelace", exact=True)).to_be_visible()
    page.screenshot(path=str(OUTPUT / "console-lead-manager.png"), full_page=True)
    open_card(page, "Ada", "Ada Lovelace")

    # removes an automation (before the opt-outs take the lead out of all of them)
    page.get_by_role("button", name="Remove from sms-nurture").click()
    expect(page.get_by_role("button", name="Remove from sms-nurture")).to_have_count(0)
    expect(page.get_by_role("button", name="Remove from email-drip")).to_be_visible()

    # and marks Do Not Email through the permanent warning
    page.get_by_role("button", name="Mark as Do Not Email…").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("This is permanent")
    expect(dialog).to_contain_text("cannot be undone")
    page.screenshot(path=str(OUTPUT / "console-do-not-email-dialog.png"), full_page=True)
    dialog.get_by_role("button", name="Mark as Do Not Email", exact=True).click()
    expect(page.get_by_text("Do Not Email (permanent)")).to_be_visible()

    # and sets DND on all channels
    page.get_by_label("How the customer asked").select_option("phone_call")
    page.get_by_role("button", name="DND all channels").click()
    expect(page.get_by_role("status").filter(has_text="DND enabled by customer for all channels")).to_be_visible()
    for label in ("DND texts", "DND email", "DND calls"):
        expect(page.get_by_label(label, exact=True)).to_be_checked()

    # Then a rep may not stop messaging, and is told why
    stop = page.get_by_role("button", name="Stop Messaging")
    expect(stop).to_be_disabled()
    expect(stop).to_have_accessible_description("Only managers and admins may stop messaging")
    expect(page.get_by_role("region", name="Unsubscribe link")).to_contain_text("Admin only")
    page.screenshot(path=str(OUTPUT / "console-card-rep.png"), full_page=True)

    # and the API shows the changes
    contact = api(server, "GET", f"/contacts/{cid}")
    assert contact["do_not_email"] is True
    assert contact["dnd"] == {"sms": True, "email": True, "call": True}
    assert "sms-nurture" not in contact["automations"]
    assert contact["opt_outs"]["sms"]["source"] == "rep:phone_call"


def test_a_rep_sees_the_leads_stop_on_the_card(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    # Given a lead without an email address, with a cell and a work number, who texts STOP
    seed(server, "Dorothy Vaughan", None, "+14155550106", work="+14155550107")
    headers, form = signed_request(server, "dev-twilio-auth-token", SMS_PATH, sms_params("+14155550106", "STOP"))
    request = urllib.request.Request(server + SMS_PATH, data=form, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200

    # When a rep finds the lead by phone number and opens the card
    sign_in(page, server, "rep")
    open_card(page, "+14155550106", "Dorothy Vaughan")

    # Then texts are closed by the lead's STOP, calls and email stay open
    consent = page.get_by_role("region", name="Consent")
    expect(consent.get_by_role("row", name="Texts (SMS)")).to_contain_text("the lead's STOP")
    expect(consent.get_by_role("row", name="Calls")).to_contain_text("Allowed")
    # and the opportunity is what the dialer needs: Can't Text, Hot Leads
    opportunity = page.get_by_role("region", name="Opportunity")
    expect(opportunity).to_contain_text("Dorothy Vaughan - Can't Text")
    expect(opportunity).to_contain_text("Hot Leads")
    # and the service would text no number, and call one
    numbers = page.get_by_role("region", name="Numbers the service would use now")
    expect(numbers.locator("#phone-sms")).to_contain_text("None")
    expect(numbers.locator("#phone-call")).not_to_contain_text("None")
    # and Do Not Email is unavailable without an address, with the reason
    dne = page.get_by_role("button", name="Mark as Do Not Email…")
    expect(dne).to_be_disabled()
    expect(dne).to_have_accessible_description("No email address")
    # and the history shows the lead's STOP
    expect(page.get_by_role("region", name="History")).to_contain_text("the lead")
    page.screenshot(path=str(OUTPUT / "console-card-lead-stop.png"), full_page=True)


def test_a_manager_stops_messaging(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    cid = seed(server, "Grace Hopper", "grace@example.com", "+14155550101")
    sign_in(page, server, "manager")
    open_card(page, "Grace", "Grace Hopper")

    page.get_by_role("button", name="Stop Messaging").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes", exact=True).click()

    expect(page.locator("#conversation-status")).to_have_text("Stopped")
    expect(page.locator("#conversation-stage")).to_have_text("Client Stopped")
    expect(page.locator("#stopped-by")).to_contain_text("local-manager (manager)")
    stop = page.get_by_role("button", name="Stop Messaging")
    expect(stop).to_be_disabled()
    expect(stop).to_have_accessible_description("Conversation already stopped")
    page.screenshot(path=str(OUTPUT / "console-card-manager-stopped.png"), full_page=True)
    assert api(server, "GET", f"/contacts/{cid}")["conversation"]["status"] == "stopped"


def test_support_reactivates_a_stopped_conversation(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    cid = seed(server, "Katherine Johnson", "katherine@example.com", "+14155550102")
    api(server, "POST", f"/contacts/{cid}/stop-messaging", {}, role="manager")
    sign_in(page, server, "support")
    page.get_by_label("Stopped", exact=True).check()
    open_card(page, "Katherine", "Katherine Johnson")

    # Support reads, and may only reactivate
    expect(page.get_by_role("button", name="DND all channels")).to_be_disabled()
    expect(page.get_by_role("button", name="Mark as Do Not Email…")).to_be_disabled()
    page.get_by_role("button", name="Reactivate").click()

    expect(page.locator("#conversation-status")).to_have_text("Active")
    expect(page.get_by_role("button", name="Reactivate")).to_be_disabled()
    page.screenshot(path=str(OUTPUT / "console-card-support.png"), full_page=True)
    assert api(server, "GET", f"/contacts/{cid}")["conversation"]["status"] == "active"


def test_an_admin_sees_the_unsubscribe_link(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    cid = seed(server, "Hedy Lamarr", "hedy@example.com", "+14155550103")
    sign_in(page, server, "admin")
    open_card(page, "Hedy", "Hedy Lamarr")

    link = page.locator("#unsubscribe-link")
    expect(link).to_be_visible()
    href = link.get_attribute("href") or ""
    # The token in it is new on every call: the same page of the same service
    expected = api(server, "GET", f"/contacts/{cid}/unsubscribe-link", role="integration")["url"]
    assert href.startswith("http") and href.rsplit("/", 1)[0] == expected.rsplit("/", 1)[0]
    page.screenshot(path=str(OUTPUT / "console-card-admin.png"), full_page=True)


def test_a_rep_does_it_all_with_the_keyboard_only(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    cid = seed(server, "Ada King", "ada.king@example.com", "+14155550104")
    response = page.goto(f"{server}/console")
    assert response is not None and response.status == 200

    # Sign in: the first role (rep) is picked and focused; Tab to the button, Enter
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    tab_to(page, "input[name=role]:checked")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Lead Manager")).to_be_visible()

    # Search: the focus starts in the search box
    tab_to(page, "#search-leads")
    page.keyboard.type("Ada King")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Ada King", exact=True)).to_be_visible()
    tab_to(page, f"a[id='open-{cid}']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Ada King")).to_be_visible()
    expect(page.get_by_role("region", name="History").get_by_text("Loading…")).to_have_count(0)

    # Remove an automation with Enter
    tab_to(page, "button[aria-label='Remove from email-drip']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Remove from email-drip")).to_have_count(0)

    # Do Not Email: Escape closes the dialog and changes nothing; then Tab to confirm, Enter
    tab_to(page, "#dne-open")
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert api(server, "GET", f"/contacts/{cid}")["do_not_email"] is False
    tab_to(page, "#dne-open")
    page.keyboard.press("Enter")
    tab_to(page, "#dialog-confirm")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Do Not Email (permanent)")).to_be_visible()

    # DND all channels with Space
    tab_to(page, "#dnd-all")
    page.keyboard.press("Space")
    expect(page.get_by_role("status").filter(has_text="DND enabled by customer for all channels")).to_be_visible()

    # Back to the Lead Manager with Enter on the link
    tab_to(page, "#back-link")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Lead Manager")).to_be_visible()
    page.screenshot(path=str(OUTPUT / "console-keyboard.png"), full_page=True)

    contact = api(server, "GET", f"/contacts/{cid}")
    assert contact["do_not_email"] is True
    assert contact["dnd"] == {"sms": True, "email": True, "call": True}
    assert "email-drip" not in contact["automations"]


def test_no_serious_accessibility_violation(server: str, page: Page) -> None:
    from playwright.sync_api import expect

    assert AXE.exists(), "axe-core is not installed: make console (npm ci in console/)"
    seed(server, "Mary Jackson", "mary.jackson@example.com", "+14155550105")

    sign_in(page, server, "rep")
    page.get_by_label("Search leads").fill("Mary")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("link", name="Mary Jackson", exact=True)).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_role("link", name="Mary Jackson", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Mary Jackson")).to_be_visible()
    expect(page.get_by_role("region", name="History").get_by_text("Loading…")).to_have_count(0)
    assert serious_violations(page) == []

    page.get_by_role("button", name="Mark as Do Not Email…").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert serious_violations(page) == []
    page.screenshot(path=str(OUTPUT / "console-axe-dialog.png"), full_page=True)


def test_sign_in_with_the_hosted_ui_uses_pkce(cognito_server: str, page: Page) -> None:
    import base64
    import hashlib
    from urllib.parse import parse_qs, urlsplit

    from playwright.sync_api import Route, expect

    seen: dict[str, dict[str, list[str]]] = {}
    code = "authorization-code-1"

    def authorize(route: Route) -> None:
        # The Hosted UI after a person signed in: back to the console with a code and the state
        query = parse_qs(urlsplit(route.request.url).query)
        seen["authorize"] = query
        back = f"{query['redirect_uri'][0]}?code={code}&state={query['state'][0]}"
        route.fulfill(status=302, headers={"Location": back})

    def token(route: Route) -> None:
        form = parse_qs(route.request.post_data or "")
        seen["token"] = form
        verifier = form["code_verifier"][0].encode()
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode()
        ok = form["code"] == [code] and seen["authorize"]["code_challenge"] == [challenge]
        body = {"access_token": mint("manager"), "token_type": "Bearer"} if ok else {"error": "invalid_grant"}
        route.fulfill(
            status=200 if ok else 400,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": cognito_server},
            body=json.dumps(body),
        )

    page.route(f"{HOSTED_UI}/oauth2/authorize*", authorize)
    page.route(f"{HOSTED_UI}/oauth2/token", token)

    # When a person opens the console and signs in
    page.goto(f"{cognito_server}/console")
    expect(page.get_by_text("Sign in with your company account.")).to_be_visible()
    page.get_by_role("button", name="Sign in").click()

    # Then the console is theirs, with the role of their group, and the code left the URL
    expect(page.get_by_role("heading", level=1, name="Lead Manager")).to_be_visible()
    expect(page.locator("#current-role")).to_have_text("manager")
    assert "code=" not in page.url
    # and it asked with PKCE (S256), the people client and its own origin's callback
    asked = seen["authorize"]
    assert asked["code_challenge_method"] == ["S256"]
    assert asked["client_id"] == ["people-client-id"]
    assert asked["redirect_uri"] == [f"{cognito_server}/console"]
    assert seen["token"]["grant_type"] == ["authorization_code"]
    assert seen["token"]["redirect_uri"] == [f"{cognito_server}/console"]


def _granted(server: str, name: str, email: str, cell: str) -> str:
    cid = seed(server, name, email, cell)
    text = "I agree that Example Co may text me about offers. Consent is not a condition of purchase."
    disclosure = api(server, "POST", "/disclosures", {"text": text, "name": "form"}, role="admin")
    grant = {
        "contact_id": cid,
        "address": cell,
        "channels": ["sms"],
        "purposes": ["marketing"],
        "kind": "express_written",
        "disclosure_id": disclosure["id"],
        "method": "web_form",
        "signature": "checkbox",
        "evidence": {"ip": "203.0.113.8", "page_url": "https://example.com/form"},
    }
    api(server, "POST", "/consents", grant, role="integration")
    return cid


@pytest.mark.parametrize(("role", "evidence"), [("admin", True), ("rep", False)])
def test_the_card_shows_grants_and_opens_the_disclosure(server: str, page: Page, role: str, evidence: bool) -> None:
    from playwright.sync_api import expect

    _granted(server, f"Mary Jackson {role}", f"mary.{role}@example.com", "+14155550131" if evidence else "+14155550132")
    sign_in(page, server, role)
    open_card(page, f"Mary Jackson {role}", f"Mary Jackson {role}")
    grants = page.get_by_role("region", name="Consent grants")
    expect(grants.get_by_role("rowheader", name="Express written")).to_be_visible()
    expect(grants.get_by_text("active")).to_be_visible()
    grants.get_by_role("button", name="Show disclosure").click()
    expect(grants.get_by_text("Consent is not a condition of purchase")).to_be_visible()
    expect(grants.get_by_text("Evidence")).to_have_count(1 if evidence else 0)
    assert serious_violations(page) == []
