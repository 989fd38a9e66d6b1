"""What the send gate keeps beside the contacts (SPEC 15), in the Audit table: the sends the
caps count (`send#<channel>:<address>`, one per provider id, expiring with TTL once no cap
window can count them) and the checks refused by an opt-out (`refused#…`, one a minute per
purpose and reason), for the proof."""

from __future__ import annotations

import hashlib
from datetime import datetime

from pynamodb.exceptions import PutError, PynamoDBException

from optout.consent.errors import StoreUnavailable
from optout.store.errors import condition_failed
from optout.store.models import REFUSED_PREFIX, SEND_PREFIX, SendModel
from optout.store.repository import Repository


class SendStore:
    def __init__(self, repo: Repository) -> None:
        self.models = repo.models

    def record_send(
        self,
        channel: str,
        address: str,
        provider_id: str,
        at: str,
        purpose: str,
        keep_seconds: int,
        grant_id: str | None = None,
        exemption: str | None = None,
    ) -> bool:
        """Keep a send for the caps (and the proof: the grant that covered it, the registry
        exemption that let it reach a listed number); False when this provider id was
        recorded before."""
        subject = f"{SEND_PREFIX}{channel}:{address}"
        return self._keep(subject, provider_id, at, purpose, provider_id, keep_seconds, grant_id, exemption)

    def record_refusal(self, channel: str, address: str, at: str, purpose: str, reason: str, keep_seconds: int) -> bool:
        """Keep a check refused by an opt-out, once a minute per purpose and reason."""
        once = f"{at[:16]}|{purpose}|{reason}"
        return self._keep(f"{REFUSED_PREFIX}{channel}:{address}", once, at, purpose, reason, keep_seconds)

    def record_refusals(self, refused: list[tuple[str, str, str, str]], at: str, keep_seconds: int) -> None:
        """Keep refused checks ((channel, address, purpose, reason) each) as record_refusal
        would, in BatchWriteItems of 25 (the same key again overwrites the same item)."""
        expires = int(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp()) + keep_seconds
        try:
            with self.models.send.batch_write() as batch:
                for channel, address, purpose, reason in dict.fromkeys(refused):
                    once = f"{at[:16]}|{purpose}|{reason}"
                    digest = int(hashlib.sha256(once.encode()).hexdigest()[:15], 16)
                    subject = f"{REFUSED_PREFIX}{channel}:{address}"
                    batch.save(self.models.send(subject, digest, at=at, purpose=purpose, provider_id=reason,
                                                expires_at=expires))  # fmt: skip
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def refusals(self, channel: str, address: str) -> list[tuple[str, str, str]]:
        """(at, purpose, reason) of the refused checks kept for this address and channel."""
        try:
            items = self.models.send.query(f"{REFUSED_PREFIX}{channel}:{address}", consistent_read=True)
            return sorted((i.at, i.purpose, i.provider_id) for i in items)
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def _keep(
        self,
        subject: str,
        once: str,
        at: str,
        purpose: str,
        detail: str,
        keep_seconds: int,
        grant: str | None = None,
        exemption: str | None = None,
    ) -> bool:
        digest = int(hashlib.sha256(once.encode()).hexdigest()[:15], 16)
        expires = int(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp()) + keep_seconds
        item = self.models.send(
            subject,
            digest,
            at=at,
            purpose=purpose,
            provider_id=detail,
            expires_at=expires,
            grant_id=grant,
            exemption=exemption,
        )
        try:
            item.save(condition=SendModel.subject.does_not_exist())
        except PutError as exc:
            if condition_failed(exc):
                return False
            raise StoreUnavailable("audit store unavailable") from exc
        return True

    def sends(self, channel: str, address: str, since: str) -> list[tuple[str, str]]:
        """(at, purpose) of the sends kept for this address and channel from `since` on."""
        try:
            items = self.models.send.query(f"{SEND_PREFIX}{channel}:{address}", consistent_read=True)
            return sorted((i.at, i.purpose) for i in items if i.at >= since)
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc
