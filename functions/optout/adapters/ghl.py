"""GoHighLevel (LeadConnector) as a consent event subscriber, the worked example of telling
a CRM what changed (SPEC 13): on each event, the contact's consent as GHL keeps it.

GHL keeps DND per channel on the contact, `dndSettings.{SMS,Email,Call}.status`: `active`
(do not contact), `inactive`, or `permanent`. Ours maps as: a channel the gate refuses is
`active`, Do Not Email is `permanent` (nobody can lift it), an open channel `inactive`;
`dnd` is true when all three are closed. The opportunity's name ("NAME - Can't Text") and
stage go to the GHL opportunity named by the contact's `opportunity.id`, the stage through
GHL_STAGE_IDS (our stage name -> GHL pipelineStageId). The contact id is GHL's own: the CRM
sync upserts contacts under the CRM's ids.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from optout.adapters.event_webhooks import status_of
from optout.consent.channels import CHANNELS, Channel
from optout.consent.model import Contact
from optout.consent.policy import decide

API_VERSION = "2021-07-28"
DEFAULT_BASE_URL = "https://services.leadconnectorhq.com"
_KEYS = {Channel.SMS: "SMS", Channel.EMAIL: "Email", Channel.CALL: "Call"}
TIMEOUT_SECONDS = 10.0


def dnd_settings(contact: Contact) -> dict[str, dict[str, str]]:
    settings = {}
    for channel in CHANNELS:
        decision = decide(contact, channel)
        if channel is Channel.EMAIL and contact.do_not_email:
            status, code = "permanent", contact.do_not_email.source
        elif decision.allowed:
            status, code = "inactive", ""
        else:
            flag = contact.dnd.get(channel)
            status, code = "active", flag.source if flag else (decision.reason or "")
        settings[_KEYS[channel]] = {"status": status, "message": decision.reason or "", "code": code}
    return settings


def contact_update(contact: Contact) -> dict[str, Any]:
    settings = dnd_settings(contact)
    return {"dnd": all(s["status"] != "inactive" for s in settings.values()), "dndSettings": settings}


def opportunity_update(contact: Contact, stage_ids: Mapping[str, str]) -> tuple[str, dict[str, Any]] | None:
    """(GHL opportunity id, its update) when the contact's opportunity names one."""
    opportunity = contact.opportunity
    ghl_id = opportunity.get("id")
    if not isinstance(ghl_id, str) or not ghl_id:
        return None
    body: dict[str, Any] = {}
    if opportunity.get(opportunity.NAME):
        body["name"] = opportunity.name
    stage = stage_ids.get(opportunity.stage or "")
    if stage:
        body["pipelineStageId"] = stage
    return ghl_id, body


Send = Callable[[str, str, dict[str, Any], dict[str, str]], int | None]  # method, url, body, headers


def _http(method: str, url: str, body: dict[str, Any], headers: dict[str, str]) -> int | None:
    request = urllib.request.Request(  # noqa: S310 - the base URL is configuration
        url, data=json.dumps(body).encode(), method=method, headers={"Content-Type": "application/json", **headers}
    )
    return status_of(request, TIMEOUT_SECONDS)


class GhlClient:
    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL, send: Send = _http) -> None:
        self.token, self.base_url, self.send = token, base_url.rstrip("/"), send

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Version": API_VERSION, "Accept": "application/json"}

    def push(self, contact: Contact, stage_ids: Mapping[str, str]) -> int | None:
        """The contact's consent, then its opportunity; the first status that is not 2xx (a
        404 for a contact GHL does not have is final: nothing to update there)."""
        status = self.send("PUT", f"{self.base_url}/contacts/{contact.id}", contact_update(contact), self._headers())
        if status is None or not 200 <= status < 300:
            return status
        opportunity = opportunity_update(contact, stage_ids)
        if opportunity is None or not opportunity[1]:
            return status
        ghl_id, body = opportunity
        return self.send("PUT", f"{self.base_url}/opportunities/{ghl_id}", body, self._headers())
