"""What the consent grants keep beside the contacts (SPEC 19), in the Audit table: the
disclosures (subject `disclosure#<id>`, seq 0, written only if absent: never edited) and the
sends as the proof lists them, with the grant that covered each."""

from __future__ import annotations

from typing import Any

from pynamodb.exceptions import PutError, PynamoDBException

from optout.consent.errors import StoreUnavailable
from optout.store.errors import condition_failed
from optout.store.models import DISCLOSURE_PREFIX, SEND_PREFIX, ImportModel
from optout.store.repository import Repository


class ConsentStore:
    def __init__(self, repo: Repository) -> None:
        self.models = repo.models

    def put_disclosure(self, disclosure: dict[str, Any]) -> dict[str, Any] | None:
        """Store a disclosure; None when stored, else the one already kept under its id."""
        item = self.models.imports(DISCLOSURE_PREFIX + disclosure["id"], 0, data=disclosure)
        try:
            item.save(condition=ImportModel.subject.does_not_exist())
            return None
        except PutError as exc:
            if not condition_failed(exc):
                raise StoreUnavailable("audit store unavailable") from exc
        return self.disclosure(disclosure["id"])

    def disclosure(self, disclosure_id: str) -> dict[str, Any] | None:
        try:
            item = self.models.imports.get(DISCLOSURE_PREFIX + disclosure_id, 0, consistent_read=True)
        except self.models.imports.DoesNotExist:
            return None
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        return dict(item.data)

    def disclosures(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        """The disclosures of these ids that exist (one batch read)."""
        if not ids:
            return {}
        try:
            keys = [(DISCLOSURE_PREFIX + i, 0) for i in sorted(ids)]
            return {i.data["id"]: dict(i.data) for i in self.models.imports.batch_get(keys, consistent_read=True)}
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def sent(self, channel: str, address: str) -> list[dict[str, Any]]:
        """The sends recorded to this address on the channel, oldest first, each with the
        grant that covered it (None: none did)."""
        try:
            items = self.models.send.query(f"{SEND_PREFIX}{channel}:{address}", consistent_read=True)
            found = [(i.at, i.purpose, i.provider_id, i.grant_id, i.exemption) for i in items]
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        return [
            {
                "channel": channel,
                "address": address,
                "at": at,
                "purpose": p,
                "provider_id": pid,
                "grant_id": g,
                "exemption": x,
            }
            for at, p, pid, g, x in sorted(found)
        ]
