"""The generated Python client (clients/python, from the OpenAPI document) drives the local
server as a CRM integration would: upsert a contact, check consent before a send, hear the
lead's STOP, read the history, fetch the unsubscribe link; errors come back typed."""

from __future__ import annotations

import pytest
import requests
from optout_client import AuthenticatedClient, Client
from optout_client.api.consent import check_consent
from optout_client.api.consents import record_consent, record_disclosure
from optout_client.api.contacts import get_contact, get_history, set_dnd, upsert_contact
from optout_client.api.email import get_unsubscribe_link
from optout_client.models import (
    ConsentCheckResponse,
    ContactResponse,
    ContactUpsertRequest,
    Disclosure,
    DisclosureRequest,
    DndRequest,
    DndRequestChannelsItem,
    DndRequestSource,
    ErrorResponse,
    GrantOut,
    GrantRequest,
    GrantRequestChannelsItem,
    GrantRequestKind,
    GrantRequestMethod,
    GrantRequestPurposesItem,
    GrantRequestSignatureType0,
    HistoryResponse,
    Phones,
    UnsubscribeLinkResponse,
)

from infra.token import mint
from infra.twilio_sim import SMS_PATH, signed_request, sms_params

pytestmark = pytest.mark.e2e
CELL = "+14155550177"


def crm(server: str, role: str = "integration") -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server, token=mint(role), raise_on_unexpected_status=True)


def may_text(client: AuthenticatedClient, contact_id: str) -> ConsentCheckResponse:
    answer = check_consent.sync(
        client=client, body={"channel": "sms", "contact_id": contact_id, "at": "2026-03-04T18:00:00Z"}
    )
    assert isinstance(answer, ConsentCheckResponse), answer
    return answer


def test_a_crm_integration_through_the_generated_client(server: str) -> None:
    client = crm(server)
    # upsert a contact
    body = ContactUpsertRequest(name="Client Lead", email="client.lead@example.com", phones=Phones(cell=CELL))
    created = upsert_contact.sync_detailed(id="client-1", client=client, body=body)
    assert created.status_code == 201 and isinstance(created.parsed, ContactResponse)
    assert created.parsed.phones.additional_properties["cell"] == CELL
    # no grant yet: a marketing text is refused (SPEC 19)
    assert (may_text(client, "client-1").reason, may_text(client, "client-1").requires) == (
        "no_consent",
        "express_written",
    )
    # the lead form's wording, and the lead's consent to it
    wording = DisclosureRequest(text="I agree to receive marketing texts from Example Co.", name="form v1")
    disclosure = record_disclosure.sync(client=client, body=wording)
    assert isinstance(disclosure, Disclosure)
    grant = GrantRequest(
        contact_id="client-1",
        address=CELL,
        channels=[GrantRequestChannelsItem.SMS],
        purposes=[GrantRequestPurposesItem.MARKETING],
        kind=GrantRequestKind.EXPRESS_WRITTEN,
        method=GrantRequestMethod.WEB_FORM,
        signature=GrantRequestSignatureType0.CHECKBOX,
        disclosure_id=disclosure.id,
        captured_at="2026-03-01T12:00:00Z",
        grant_key="form-submission-1",
    )
    recorded = record_consent.sync(client=client, body=grant)
    assert isinstance(recorded, GrantOut) and recorded.status == "active"
    # check consent before a send: allowed on that grant
    allowed = may_text(client, "client-1")
    assert allowed.allowed is True and allowed.consent and allowed.consent.grant_id == recorded.id
    # the lead texts STOP (Twilio, signed): the next check says no, with the reason
    headers, form = signed_request(server, "dev-twilio-auth-token", SMS_PATH, sms_params(CELL, "STOP"))
    assert requests.post(server + SMS_PATH, data=form, headers=headers, timeout=30).status_code == 200
    refused = may_text(client, "client-1")
    assert refused.allowed is False and refused.reason == "contact_dnd"
    # a rep records "don't call me"
    rep = crm(server, "rep")
    request = DndRequest(
        channels=[DndRequestChannelsItem.CALL], enabled=True, source=DndRequestSource.PHONE_CALL, note="asked on a call"
    )
    assert isinstance(set_dnd.sync(id="client-1", client=rep, body=request), ContactResponse)
    # the history, newest first
    history = get_history.sync(id="client-1", client=client, limit=10)
    assert isinstance(history, HistoryResponse)
    assert [r.action for r in history.records] == [
        "dnd.set",
        "consent.revoked",
        "sms.opt_out",
        "consent.granted",
        "contact.created",
    ]
    # the unsubscribe link for the next email
    link = get_unsubscribe_link.sync(id="client-1", client=client)
    assert isinstance(link, UnsubscribeLinkResponse) and link.url.startswith(server + "/unsubscribe/")


def test_errors_come_back_typed(server: str) -> None:
    missing = get_contact.sync_detailed(id="no-such-contact", client=crm(server))
    assert missing.status_code == 404 and isinstance(missing.parsed, ErrorResponse)
    assert missing.parsed.error == "not_found"
    refused = get_contact.sync_detailed(id="client-1", client=Client(base_url=server))
    assert refused.status_code == 401
