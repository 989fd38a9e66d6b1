"""Where the do-not-call registries are kept (SPEC 20), in the Audit table: per registry one
manifest item (each loaded area code's date, count and the blobs of its set, guarded by a
revision so two loads never lose each other's area codes) and the blobs, each a compressed
set or delta cut in parts under DynamoDB's item limit. A warm function holds the sets in
memory (usecases.registries), so a check reads nothing here."""

from __future__ import annotations

from typing import Any

from pynamodb.exceptions import PutError, PynamoDBException

from optout.consent.errors import StoreUnavailable
from optout.store.errors import Contended, condition_failed
from optout.store.models import REGISTRY_PREFIX, RND_PREFIX, RegistryModel
from optout.store.repository import Repository

PART_BYTES = 350_000  # under the 400 KB item limit with the keys


class RegistryStore:
    def __init__(self, repo: Repository) -> None:
        self.model = repo.models.registry
        self.reads = 0  # requests made (the benchmark counts them)

    def manifest(self, name: str) -> tuple[dict[str, Any], int]:
        """The registry's manifest and its revision ({} and 0: nothing loaded yet)."""
        self.reads += 1
        try:
            item = self.model.get(REGISTRY_PREFIX + name, 0, consistent_read=True)
        except self.model.DoesNotExist:
            return {}, 0
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
        return dict(item.data or {}), int(item.rev or 0)

    def manifests(self, names: list[str]) -> dict[str, tuple[dict[str, Any], int]]:
        """Several manifests in one consistent BatchGetItem."""
        found: dict[str, tuple[dict[str, Any], int]] = {name: ({}, 0) for name in names}
        if not names:
            return found
        self.reads += 1
        try:
            for item in self.model.batch_get([(REGISTRY_PREFIX + n, 0) for n in names], consistent_read=True):
                found[item.subject.removeprefix(REGISTRY_PREFIX)] = (dict(item.data or {}), int(item.rev or 0))
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
        return found

    def put_manifest(self, name: str, manifest: dict[str, Any], rev: int) -> None:
        """Write the manifest read at revision `rev` (Contended: another load wrote it since)."""
        item = self.model(REGISTRY_PREFIX + name, 0, rev=rev + 1, data=manifest)
        condition = RegistryModel.subject.does_not_exist() if rev == 0 else RegistryModel.rev == rev
        try:
            item.save(condition=condition)
        except PutError as exc:
            if condition_failed(exc):
                raise Contended("the registry was changed meanwhile") from None
            raise StoreUnavailable("registry store unavailable") from exc

    def put_blob(self, name: str, npa: str, blob_id: str, data: bytes) -> int:
        """Store a compressed set or delta in parts; how many parts."""
        parts = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)] or [b""]
        subject = f"{REGISTRY_PREFIX}{name}#{npa}#{blob_id}"
        try:
            with self.model.batch_write() as batch:
                for number, part in enumerate(parts):
                    batch.save(self.model(subject, number, blob=part))
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
        return len(parts)

    def blob(self, name: str, npa: str, blob_id: str, parts: int) -> bytes:
        subject = f"{REGISTRY_PREFIX}{name}#{npa}#{blob_id}"
        self.reads += 1
        try:
            found = {i.seq: bytes(i.blob or b"") for i in self.model.batch_get([(subject, n) for n in range(parts)])}
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
        if len(found) != parts:
            raise StoreUnavailable("a registry set is incomplete in the store")
        return b"".join(found[n] for n in range(parts))

    def drop_blobs(self, name: str, blobs: list[tuple[str, str, int]]) -> None:
        """Delete superseded blobs ((npa, blob id, parts) each); a failure leaves them behind,
        unread, and is not an error."""
        try:
            with self.model.batch_write() as batch:
                for npa, blob_id, parts in blobs:
                    for number in range(parts):
                        batch.delete(self.model(f"{REGISTRY_PREFIX}{name}#{npa}#{blob_id}", number))
        except PynamoDBException:
            pass


class RndStore:
    """The Reassigned Numbers Database's answers (SPEC 20), kept as the proof of the safe
    harbor's query and as the cache: subject `rnd#<number>`, seq the queried date (YYYYMMDD)."""

    def __init__(self, repo: Repository) -> None:
        self.model = repo.models.registry

    def answer(self, number: str, day: str) -> dict[str, Any] | None:
        try:
            item = self.model.get(RND_PREFIX + number, int(day.replace("-", "")), consistent_read=True)
        except self.model.DoesNotExist:
            return None
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
        return dict(item.data or {})

    def keep(self, number: str, day: str, answer: dict[str, Any]) -> None:
        try:
            self.model(RND_PREFIX + number, int(day.replace("-", "")), data=answer).save()
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc

    def queries(self, number: str) -> list[dict[str, Any]]:
        """Every query kept for a number, oldest date first."""
        try:
            return [dict(i.data or {}) for i in self.model.query(RND_PREFIX + number, consistent_read=True)]
        except PynamoDBException as exc:
            raise StoreUnavailable("registry store unavailable") from exc
