"""Telling a CRM what changed: for each consent event, the contact's consent as it stands
now, pushed to GoHighLevel (adapters/ghl.py). Sending the state, not the change, makes a
redelivered or late event harmless: the CRM ends up with what the service says now."""

from __future__ import annotations

import json
from collections.abc import Mapping

from optout.adapters.ghl import GhlClient
from optout.observability import logger
from optout.store.repository import Repository

NOTHING_TO_SEND = 204


class GhlSync:
    def __init__(self, repo: Repository, client: GhlClient, stage_ids: Mapping[str, str]) -> None:
        self.repo, self.client, self.stage_ids = repo, client, dict(stage_ids)

    def __call__(self, url: str, body: str, secret: str) -> int | None:
        """A relay subscriber's send: the status, None or 5xx to be retried."""
        contact_id = json.loads(body).get("data", {}).get("contact_id")
        if not contact_id:
            return NOTHING_TO_SEND  # an address no contact uses: nothing in the CRM
        contact = self.repo.get_contact(contact_id)
        if contact is None:
            return NOTHING_TO_SEND
        status = self.client.push(contact, self.stage_ids)
        if status == 404:  # GHL has no such contact (or opportunity): not ours to create
            logger.warning("crm sync: not found in GoHighLevel", extra={"contact_id": contact_id})
            return NOTHING_TO_SEND
        return status
