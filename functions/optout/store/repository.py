"""The repository: reads return domain objects, writes commit one ChangeSet in one transaction."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pynamodb.connection import Connection
from pynamodb.exceptions import (
    DoesNotExist,
    PutError,
    PynamoDBException,
    QueryError,
    TransactGetError,
    TransactWriteError,
    UpdateError,
)
from pynamodb.transactions import TransactGet, TransactWrite

from optout.consent.audit import AuditRecord
from optout.consent.changes import ChangeSet, HeadWrite, SweepKeys
from optout.consent.errors import StoreUnavailable
from optout.consent.model import AddressState, Contact
from optout.consent.reviews import Review
from optout.consent.search import name_key
from optout.settings import Settings
from optout.store.cursors import decode_cursor, decode_review_cursor, encode_cursor, encode_review_cursor
from optout.store.errors import Contended, commit_failure, condition_failed
from optout.store.mapping import (
    address_from_items,
    audit_from_item,
    audit_to_item,
    contact_from_item,
    contact_to_item,
    head_update,
    overlay_to_item,
    owner_changes,
    owner_to_item,
    review_from_item,
    review_to_item,
)
from optout.store.models import (
    CONNECT_TIMEOUT_SECONDS,
    EVENT_PREFIX,
    HEAD,
    IMPORT_PREFIX,
    MAX_RETRY_ATTEMPTS,
    OVERLAY_SUFFIX,
    OWNER_PREFIX,
    READ_TIMEOUT_SECONDS,
    REVIEW_PREFIX,
    SWEEP_FLAG,
    AddressModel,
    AuditModel,
    ContactModel,
    EventModel,
    ReviewModel,
    bind_models,
)


@lru_cache(maxsize=8)
def _connection(region: str, host: str | None) -> Connection:
    """One connection (one botocore client, which is thread-safe) per endpoint and process,
    as the bound models share theirs: building a client costs tens of milliseconds of CPU."""
    return Connection(
        region=region,
        host=host,
        connect_timeout_seconds=CONNECT_TIMEOUT_SECONDS,
        read_timeout_seconds=READ_TIMEOUT_SECONDS,
        max_retry_attempts=MAX_RETRY_ATTEMPTS,
    )


class Repository:
    def __init__(self, settings: Settings) -> None:
        self.models = bind_models(
            settings.contacts_table,
            settings.suppressions_table,
            settings.audit_table,
            settings.region,
            settings.dynamodb_endpoint,
        )
        self._connection = _connection(settings.region, settings.dynamodb_endpoint)

    # ---- reads -------------------------------------------------------------------------

    def get_contact(self, contact_id: str) -> Contact | None:
        """A contact with its deferred opt-out state merged: one consistent BatchGetItem."""
        return self.get_contacts([contact_id]).get(contact_id)

    def get_contacts(self, contact_ids: list[str]) -> dict[str, Contact]:
        """Several contacts (with their overlays) in one consistent BatchGetItem per 50,
        missing ones left out."""
        keys = [key for cid in contact_ids for key in (cid, cid + OVERLAY_SUFFIX)]
        items: dict[str, ContactModel] = {}
        try:
            for item in self.models.contact.batch_get(keys, consistent_read=True):
                items[item.id] = item
        except PynamoDBException as exc:
            raise StoreUnavailable("contact store unavailable") from exc
        return {
            cid: contact_from_item(items[cid], items.get(cid + OVERLAY_SUFFIX)) for cid in contact_ids if cid in items
        }

    def load_contact_and_addresses(
        self, contact_id: str, addresses: list[str]
    ) -> tuple[Contact | None, dict[str, AddressState]]:
        """The contact and the head entries of the given addresses, in one consistent read."""
        try:
            with TransactGet(connection=self._connection) as tx:
                contact_future = tx.get(self.models.contact, contact_id)
                overlay_future = tx.get(self.models.contact, contact_id + OVERLAY_SUFFIX)
                head_futures = {a: tx.get(self.models.address, a, HEAD) for a in addresses}
        except TransactGetError as exc:
            raise StoreUnavailable("contact store unavailable") from exc
        base, overlay = _maybe(contact_future, lambda item: item), _maybe(overlay_future, lambda item: item)
        contact = contact_from_item(base, overlay) if base is not None else None
        states = {}
        for address, future in head_futures.items():
            head = _maybe(future, lambda item: item)
            states[address] = address_from_items(address, head, [])
        return contact, states

    def address_state(self, address: str) -> AddressState:
        """An address's suppressions and every contact that uses it: one consistent Query."""
        head, owners = None, []
        try:
            for item in self.models.address.query(address, consistent_read=True):
                if item.entry == HEAD:
                    head = item
                elif item.entry.startswith(OWNER_PREFIX):
                    owners.append(item)
        except QueryError as exc:
            raise StoreUnavailable("suppression store unavailable") from exc
        return address_from_items(address, head, owners)

    def address_states(self, addresses: list[str]) -> tuple[dict[str, AddressState], dict[str, Contact]]:
        """Many addresses with every contact that uses them, batched: the heads in one
        consistent BatchGetItem per 100, their owners in one per 50 contacts, the owner links
        as each contact states them. An address whose head does not list its owners (written
        before heads did) is read with its own Query; no head means nobody uses it."""
        heads: dict[str, AddressModel] = {}
        try:
            for item in self.models.address.batch_get([(a, HEAD) for a in addresses], consistent_read=True):
                heads[item.address] = item
        except PynamoDBException as exc:
            raise StoreUnavailable("suppression store unavailable") from exc
        states: dict[str, AddressState] = {}
        listed: dict[str, set[str]] = {}
        for address in dict.fromkeys(addresses):
            head = heads.get(address)
            if head is not None and not head.owners_listed:
                states[address] = self.address_state(address)
            else:
                states[address] = address_from_items(address, head, [])
                listed[address] = set(head.owners or ()) if head is not None else set()
        wanted = {cid for ids in listed.values() for cid in ids} | {cid for s in states.values() for cid in s.owners}
        contacts = self.get_contacts(sorted(wanted)) if wanted else {}
        for address, ids in listed.items():
            links = (contacts[cid].owner_links().get(address) for cid in sorted(ids) if cid in contacts)
            states[address].owners = {link.contact_id: link for link in links if link is not None}
        return states, contacts

    def address_heads_and_owners(self, addresses: list[str]) -> dict[str, AddressState]:
        """Many addresses as `address_state` reads one (its head and its owner entries, not
        the owners' contacts), batched: the heads in one consistent BatchGetItem per 100,
        the owner entries they list in one per 100; a head that does not list its owners
        (written before heads did) is read with its own Query."""
        heads: dict[str, AddressModel] = {}
        try:
            for item in self.models.address.batch_get([(a, HEAD) for a in addresses], consistent_read=True):
                heads[item.address] = item
            wanted = [
                (a, OWNER_PREFIX + cid)
                for a, head in heads.items()
                if head.owners_listed
                for cid in sorted(head.owners or ())
            ]
            owners: dict[str, list[AddressModel]] = {}
            for item in self.models.address.batch_get(wanted, consistent_read=True) if wanted else ():
                owners.setdefault(item.address, []).append(item)
        except PynamoDBException as exc:
            raise StoreUnavailable("suppression store unavailable") from exc
        found: dict[str, AddressState] = {}
        for address in dict.fromkeys(addresses):
            head = heads.get(address)
            if head is not None and not head.owners_listed:
                found[address] = self.address_state(address)
            else:
                found[address] = address_from_items(address, head, owners.get(address, []))
        return found

    def applied_events(self, keys: list[str]) -> set[str]:
        """Which of these events were applied before: one consistent BatchGetItem per 100."""
        try:
            found = self.models.event.batch_get([(EVENT_PREFIX + k, 0) for k in keys], consistent_read=True)
            return {item.subject.removeprefix(EVENT_PREFIX) for item in found}
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def suppressed_addresses(self, after: str | None, limit: int) -> tuple[list[AddressState], str | None]:
        """Addresses with their suppressions, in the table's order, `limit` at most, after the
        address `after` (any string is a position): a Scan, paged, reading only head entries'
        fields. The next page's position, None at the end."""
        start = {"address": {"S": after}, "entry": {"S": HEAD}} if after else None
        found: list[AddressState] = []
        try:
            while len(found) < limit:
                result = self.models.address.scan(
                    AddressModel.entry == HEAD, limit=limit - len(found), last_evaluated_key=start
                )
                found += [address_from_items(item.address, item, []) for item in result if item.suppressed]
                start = result.last_evaluated_key
                if not start:
                    return found, None
        except PynamoDBException as exc:
            raise StoreUnavailable("suppression store unavailable") from exc
        return found, (found[-1].address if found else None)

    def history(self, subject: str, limit: int, cursor: str | None) -> tuple[list[AuditRecord], str | None]:
        """Audit records of a subject, newest first, one Query a page."""
        start = decode_cursor(cursor, subject) if cursor else None
        try:
            result = self.models.audit.query(
                subject, scan_index_forward=False, limit=limit, last_evaluated_key=start, page_size=limit
            )
            records = [audit_from_item(item) for item in result]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        last = result.last_evaluated_key
        return records, (encode_cursor(last) if last and len(records) == limit else None)

    def get_review(self, review_id: str) -> Review | None:
        try:
            item = self.models.review.get(REVIEW_PREFIX + review_id, 0, consistent_read=True)
        except DoesNotExist:
            return None
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        return review_from_item(item)

    def reviews(self, status: str, limit: int, cursor: str | None) -> tuple[list[Review], str | None]:
        """Reviews with a status, oldest first, one Query a page."""
        start = decode_review_cursor(cursor, status) if cursor else None
        try:
            result = self.models.review.status_index.query(
                status, limit=limit, page_size=limit, last_evaluated_key=start
            )
            reviews = [review_from_item(item) for item in result]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        more = result.last_evaluated_key and len(reviews) == limit
        return reviews, (encode_review_cursor(reviews[-1]) if more else None)

    def open_reviews(self) -> tuple[int, str | None]:
        """How many reviews wait for a person, and when the oldest arrived (the compliance
        sweep's clock): a COUNT Query over the status index and one item."""
        try:
            waiting = self.models.review.status_index.count("open")
            oldest = next(iter(self.models.review.status_index.query("open", limit=1, page_size=1)), None)
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        return waiting, (oldest.received_at if oldest is not None else None)

    def save_import(self, job_id: str, job: dict[str, Any], chunks: list[list[dict[str, Any]]] | None = None) -> None:
        """The job's state (and, when it starts, its rows): a put, and batch writes."""
        model = self.models.imports
        try:
            if chunks:
                with model.batch_write() as batch:
                    for number, chunk in enumerate(chunks, 1):
                        batch.save(model(IMPORT_PREFIX + job_id, number, data={"rows": chunk}))
            model(IMPORT_PREFIX + job_id, 0, data=job).save()
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def save_import_over(self, job_id: str, job: dict[str, Any], seen: dict[str, Any]) -> None:
        """The job's state over the one read as `seen` (Contended: it was saved since)."""
        model = self.models.imports
        try:
            model(IMPORT_PREFIX + job_id, 0, data=job).save(condition=model.data == seen)
        except PutError as exc:
            if condition_failed(exc):
                raise Contended("the job was saved meanwhile") from None
            raise StoreUnavailable("audit store unavailable") from exc
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def save_import_part(self, job_id: str, number: int, data: dict[str, Any]) -> None:
        """One item of a job beside it (a scrub's results for a chunk): a put."""
        try:
            self.models.imports(IMPORT_PREFIX + job_id, number, data=data).save()
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def load_import(self, job_id: str, chunk: int = 0) -> dict[str, Any] | None:
        """The job (chunk 0) or one chunk of its rows; None when absent."""
        try:
            return dict(self.models.imports.get(IMPORT_PREFIX + job_id, chunk, consistent_read=True).data)
        except DoesNotExist:
            return None
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def chain(self, subject: str) -> list[AuditRecord]:
        """Every audit record of a subject, oldest first (for verification)."""
        try:
            return [audit_from_item(item) for item in self.models.audit.query(subject, consistent_read=True)]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def sweep_page(
        self, index: str, before: str | None, limit: int, cursor: dict[str, Any] | None
    ) -> tuple[list[Contact], dict[str, Any] | None]:
        """One page of a sparse sweep index, oldest first (only contacts a sweep must act on),
        optionally only those whose index time is before `before`."""
        gsi = {
            "compliance": self.models.contact.compliance_index,
            "sms-fallback": self.models.contact.sms_pending_index,
            "audit-verify": self.models.contact.audit_index,
        }[index]
        range_attr = {
            "compliance": ContactModel.compliance_due,
            "sms-fallback": ContactModel.sms_pending_since,
            "audit-verify": ContactModel.audit_since,
        }[index]
        condition = range_attr < before if before is not None else None
        try:
            result = gsi.query(
                SWEEP_FLAG, range_key_condition=condition, limit=limit, page_size=limit, last_evaluated_key=cursor
            )
            items = {item.id: item for item in result}
        except QueryError as exc:
            raise StoreUnavailable("contact store unavailable") from exc
        # Each contact with its overlay (an overlay is itself in the compliance index), the
        # missing halves in one BatchGetItem a page: a sweep never writes over deferred state.
        ids = list(dict.fromkeys(key.removesuffix(OVERLAY_SUFFIX) for key in items))
        missing = [key for cid in ids for key in (cid, cid + OVERLAY_SUFFIX) if key not in items]
        try:
            items.update({item.id: item for item in self.models.contact.batch_get(missing, consistent_read=True)})
        except PynamoDBException as exc:
            raise StoreUnavailable("contact store unavailable") from exc
        contacts = [contact_from_item(items[cid], items.get(cid + OVERLAY_SUFFIX)) for cid in ids if cid in items]
        return contacts, result.last_evaluated_key

    def contact_keys(
        self, name_prefix: str | None, limit: int, start: dict[str, Any] | None
    ) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, Any] | None]:
        """One page of contact ids, each with its position (a page may start after it): by
        name from the name index (`name_prefix`, as consent.search.name_sort gives it), or
        every contact in the table's order (None). Overlays are left out."""
        try:
            if name_prefix:
                result = self.models.contact.name_index.query(
                    name_key(name_prefix),
                    range_key_condition=ContactModel.name_sort.startswith(name_prefix),
                    limit=limit,
                    page_size=limit,
                    last_evaluated_key=start,
                )
                rows = [
                    (i.id, {"id": {"S": i.id}, "name_key": {"S": i.name_key}, "name_sort": {"S": i.name_sort}})
                    for i in result
                ]
            else:
                result = self.models.contact.scan(
                    limit=limit, page_size=limit, last_evaluated_key=start, attributes_to_get=["id"]
                )
                rows = [(i.id, {"id": {"S": i.id}}) for i in result]
        except PynamoDBException as exc:
            raise StoreUnavailable("contact store unavailable") from exc
        return [row for row in rows if not row[0].endswith(OVERLAY_SUFFIX)], result.last_evaluated_key

    def chain_after(self, subject: str, after_seq: int) -> list[AuditRecord]:
        """A subject's audit records after `after_seq`, oldest first (consistent)."""
        try:
            return [
                audit_from_item(item)
                for item in self.models.audit.query(subject, AuditModel.seq > after_seq, consistent_read=True)
            ]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def mark_verified(self, contact: Contact, seq: int, hash_: str) -> bool:
        """Record that the chain is verified up to `seq`, unless the contact has moved on
        (then it stays in the audit index and the next run checks the rest)."""
        item = self.models.contact(contact.id)
        item.version = contact.version or 0
        try:
            item.update(
                actions=[
                    ContactModel.verified_seq.set(seq),
                    ContactModel.verified_hash.set(hash_),
                    ContactModel.audit_flag.remove(),
                    ContactModel.audit_since.remove(),
                ],
                condition=ContactModel.audit_seq == seq,
                add_version_condition=False,
            )
        except UpdateError as exc:
            if condition_failed(exc):
                return False
            raise StoreUnavailable("contact store unavailable") from exc
        return True

    # ---- writes ------------------------------------------------------------------------

    def cache_line_types(self, contact_id: str, version: int | None, line_types: dict[str, dict[str, str]]) -> None:
        """Store Lookup answers on the contact: one UpdateItem, only if the contact exists. It
        adds 1 to the version (whatever it is now), so a writer that read the contact before
        re-reads instead of overwriting the cache."""
        item = self.models.contact(contact_id)
        item.version = version or 0  # not None: PynamoDB would then set the version to 1
        try:
            item.update(
                actions=[ContactModel.line_types.set(line_types)],
                condition=ContactModel.id.exists(),
                add_version_condition=False,
            )
        except PynamoDBException as exc:
            raise StoreUnavailable("contact store unavailable") from exc

    def commit(self, changes: ChangeSet) -> None:
        """Write a change set in one transaction, or nothing at all.

        Raises Contended when a guard failed (a concurrent writer got there first) and
        StoreUnavailable for any other failure.
        """
        if not changes:
            return
        models = self.models
        try:
            with TransactWrite(connection=self._connection) as tx:
                # Events first: their cancellation reasons are then the first ones.
                for event in changes.events:
                    tx.save(
                        models.event(EVENT_PREFIX + event.key, 0, action=event.action, at=event.at),
                        condition=EventModel.subject.does_not_exist(),
                    )
                for contact in changes.contacts:
                    tx.save(contact_to_item(models.contact, contact, _keys(changes, contact)))
                    if contact.overlay_version is not None:  # the whole contact is stored again
                        tx.delete(
                            models.contact(contact.id + OVERLAY_SUFFIX),
                            condition=ContactModel.version == contact.overlay_version,
                            add_version_condition=False,
                        )
                for contact in changes.overlays:
                    tx.save(overlay_to_item(models.contact, contact, _keys(changes, contact)))
                joined, left = owner_changes(changes)
                for head in changes.heads:
                    item, actions, guard = head_update(
                        models.address, head, joined.get(head.address), left.pop(head.address, None)
                    )
                    tx.update(item, actions, condition=guard, add_version_condition=False)
                for address, link in changes.links_put:
                    tx.save(owner_to_item(models.address, address, link))
                for address, contact_id in changes.links_delete:
                    tx.delete(models.address(address, OWNER_PREFIX + contact_id), add_version_condition=False)
                for address, gone in left.items():  # (an address given up without its head)
                    item, actions, _ = head_update(models.address, HeadWrite(address, guarded=False), None, gone)
                    tx.update(item, actions, add_version_condition=False)
                for record in changes.audit:
                    tx.save(audit_to_item(models.audit, record), condition=AuditModel.seq.does_not_exist())
                for write in changes.reviews:  # last: the positions of the contacts' reasons stay
                    review = write.review
                    guard = (
                        ReviewModel.subject.does_not_exist()
                        if review.version is None
                        else ReviewModel.version == review.version
                    )
                    tx.save(review_to_item(models.review, review), condition=guard)
        except TransactWriteError as exc:
            raise commit_failure(changes, exc) from exc
        except PynamoDBException as exc:
            raise StoreUnavailable("store write failed; nothing was written") from exc


def _keys(changes: ChangeSet, contact: Contact) -> SweepKeys:
    keys = changes.sweep_keys.get(contact.id)
    if keys is None:  # a programming error: contacts are committed through the runner
        raise ValueError(f"no sweep keys for contact {contact.id}: commit through usecases.runner")
    return keys


def _maybe(future: Any, convert: Any) -> Any:
    try:
        return convert(future.get())
    except DoesNotExist:
        return None
