"""The repository: reads return domain objects, writes commit one ChangeSet in one transaction."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
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
from pynamodb.expressions.condition import Condition
from pynamodb.transactions import TransactGet, TransactWrite

from optout.consent.audit import AuditRecord
from optout.consent.changes import ChangeSet, SweepKeys
from optout.consent.channels import Channel
from optout.consent.errors import InvalidInput, StoreUnavailable
from optout.consent.events import consent_event, event_body
from optout.consent.limits import REVIEW_CURSOR_PATTERN
from optout.consent.model import (
    GENESIS_HASH,
    Actor,
    AddressState,
    Contact,
    Conversation,
    OptOut,
    OwnerLink,
    opt_out_map,
)
from optout.consent.reviews import Review
from optout.consent.search import name_key, name_sort
from optout.settings import Settings
from optout.store.models import (
    CONNECT_TIMEOUT_SECONDS,
    EVENT_PREFIX,
    HEAD,
    IMPORT_PREFIX,
    MAX_RETRY_ATTEMPTS,
    OVERLAY_SUFFIX,
    OWNER_PREFIX,
    READ_TIMEOUT_SECONDS,
    REFUSED_PREFIX,
    REVIEW_PREFIX,
    SEND_PREFIX,
    SWEEP_FLAG,
    AddressModel,
    AuditModel,
    ContactModel,
    EventModel,
    ReviewModel,
    SendModel,
    bind_models,
)

_SEQ = re.compile(r"[0-9]{1,18}")
# A reviews page's cursor: the last review shown, its time and id. Any value of this form is
# a position (the document states the pattern; nothing else refuses a cursor).
_REVIEW_CURSOR = re.compile(REVIEW_CURSOR_PATTERN)
# Cancellation codes that mean "someone else wrote first": re-read and decide again.
_CONTENDED = {"ConditionalCheckFailed", "TransactionConflict"}


class Contended(Exception):
    """A guarded write lost a race. Nothing was written; the caller re-reads and retries."""


class AlreadyApplied(Exception):
    """The change set's event was applied before (a retried webhook). Nothing was written."""


class ContactWriteRefused(Exception):
    """DynamoDB refused to store these contacts' items (one would exceed 400 KB: a legacy
    item). Nothing was written."""

    def __init__(self, contact_ids: set[str]) -> None:
        super().__init__(f"{len(contact_ids)} contact item(s) refused by the store")
        self.contact_ids = contact_ids


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
            cid: _contact_from_item(items[cid], items.get(cid + OVERLAY_SUFFIX)) for cid in contact_ids if cid in items
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
        contact = _contact_from_item(base, overlay) if base is not None else None
        states = {}
        for address, future in head_futures.items():
            head = _maybe(future, lambda item: item)
            states[address] = _address_from_items(address, head, [])
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
        return _address_from_items(address, head, owners)

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
                states[address] = _address_from_items(address, head, [])
                listed[address] = set(head.owners or ()) if head is not None else set()
        wanted = {cid for ids in listed.values() for cid in ids} | {cid for s in states.values() for cid in s.owners}
        contacts = self.get_contacts(sorted(wanted)) if wanted else {}
        for address, ids in listed.items():
            links = (contacts[cid].owner_links().get(address) for cid in sorted(ids) if cid in contacts)
            states[address].owners = {link.contact_id: link for link in links if link is not None}
        return states, contacts

    def applied_events(self, keys: list[str]) -> set[str]:
        """Which of these events were applied before: one consistent BatchGetItem per 100."""
        try:
            found = self.models.event.batch_get([(EVENT_PREFIX + k, 0) for k in keys], consistent_read=True)
            return {item.subject.removeprefix(EVENT_PREFIX) for item in found}
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def record_send(
        self, channel: str, address: str, provider_id: str, at: str, purpose: str, keep_seconds: int
    ) -> bool:
        """Keep a send for the caps; False when this provider id was recorded before."""
        return self._keep(f"{SEND_PREFIX}{channel}:{address}", provider_id, at, purpose, provider_id, keep_seconds)

    def record_refusal(self, channel: str, address: str, at: str, purpose: str, reason: str, keep_seconds: int) -> bool:
        """Keep a check refused by an opt-out, once a minute per purpose and reason."""
        once = f"{at[:16]}|{purpose}|{reason}"
        return self._keep(f"{REFUSED_PREFIX}{channel}:{address}", once, at, purpose, reason, keep_seconds)

    def refusals(self, channel: str, address: str) -> list[tuple[str, str, str]]:
        """(at, purpose, reason) of the refused checks kept for this address and channel."""
        try:
            items = self.models.send.query(f"{REFUSED_PREFIX}{channel}:{address}", consistent_read=True)
            return sorted((i.at, i.purpose, i.provider_id) for i in items)
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc

    def _keep(self, subject: str, once: str, at: str, purpose: str, detail: str, keep_seconds: int) -> bool:
        digest = int(hashlib.sha256(once.encode()).hexdigest()[:15], 16)
        expires = int(datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp()) + keep_seconds
        item = self.models.send(subject, digest, at=at, purpose=purpose, provider_id=detail, expires_at=expires)
        try:
            item.save(condition=SendModel.subject.does_not_exist())
        except PutError as exc:
            if _cause(exc)[0] == "ConditionalCheckFailedException":
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
                found += [_address_from_items(item.address, item, []) for item in result if item.suppressed]
                start = result.last_evaluated_key
                if not start:
                    return found, None
        except PynamoDBException as exc:
            raise StoreUnavailable("suppression store unavailable") from exc
        return found, (found[-1].address if found else None)

    def history(self, subject: str, limit: int, cursor: str | None) -> tuple[list[AuditRecord], str | None]:
        """Audit records of a subject, newest first, one Query a page."""
        start = _decode_cursor(cursor, subject) if cursor else None
        try:
            result = self.models.audit.query(
                subject, scan_index_forward=False, limit=limit, last_evaluated_key=start, page_size=limit
            )
            records = [_audit_from_item(item) for item in result]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        last = result.last_evaluated_key
        return records, (_encode_cursor(last) if last and len(records) == limit else None)

    def get_review(self, review_id: str) -> Review | None:
        try:
            item = self.models.review.get(REVIEW_PREFIX + review_id, 0, consistent_read=True)
        except DoesNotExist:
            return None
        except PynamoDBException as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        return _review_from_item(item)

    def reviews(self, status: str, limit: int, cursor: str | None) -> tuple[list[Review], str | None]:
        """Reviews with a status, oldest first, one Query a page."""
        start = _decode_review_cursor(cursor, status) if cursor else None
        try:
            result = self.models.review.status_index.query(
                status, limit=limit, page_size=limit, last_evaluated_key=start
            )
            reviews = [_review_from_item(item) for item in result]
        except QueryError as exc:
            raise StoreUnavailable("audit store unavailable") from exc
        more = result.last_evaluated_key and len(reviews) == limit
        return reviews, (_encode_review_cursor(reviews[-1]) if more else None)

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
            return [_audit_from_item(item) for item in self.models.audit.query(subject, consistent_read=True)]
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
        contacts = [_contact_from_item(items[cid], items.get(cid + OVERLAY_SUFFIX)) for cid in ids if cid in items]
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
                _audit_from_item(item)
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
            if _cause(exc)[0] == "ConditionalCheckFailedException":
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
                    tx.save(_contact_to_item(models.contact, contact, _keys(changes, contact)))
                    if contact.overlay_version is not None:  # the whole contact is stored again
                        tx.delete(
                            models.contact(contact.id + OVERLAY_SUFFIX),
                            condition=ContactModel.version == contact.overlay_version,
                            add_version_condition=False,
                        )
                for contact in changes.overlays:
                    tx.save(_overlay_to_item(models.contact, contact, _keys(changes, contact)))
                joined, left = _owner_changes(changes)
                for head in changes.heads:
                    item = models.address(head.address, HEAD)
                    actions: list[Any] = []
                    condition: Condition | None = None
                    if joined.get(head.address):
                        actions.append(AddressModel.owners.add(joined[head.address]))
                    if left.get(head.address):
                        actions.append(AddressModel.owners.delete(left.pop(head.address)))
                    if head.guarded:
                        if head.expected_version is None:
                            condition = AddressModel.version.does_not_exist()
                            actions.append(AddressModel.version.set(1))
                            actions.append(AddressModel.owners_listed.set(True))
                        else:
                            condition = AddressModel.version == head.expected_version
                            actions.append(AddressModel.version.set(head.expected_version + 1))
                    else:
                        actions.append(AddressModel.version.add(1))
                    if head.state is not None:
                        actions.append(AddressModel.suppressed.set(opt_out_map(head.state.suppressed)))
                        actions.append(AddressModel.audit_seq.set(head.state.audit_seq))
                        actions.append(AddressModel.audit_hash.set(head.state.audit_hash))
                    tx.update(item, actions, condition=condition, add_version_condition=False)
                for address, link in changes.links_put:
                    tx.save(
                        models.address(
                            address,
                            OWNER_PREFIX + link.contact_id,
                            contact_id=link.contact_id,
                            roles=sorted(link.roles),
                            dnd=sorted(c.value for c in link.dnd),
                        )
                    )
                for address, contact_id in changes.links_delete:
                    tx.delete(models.address(address, OWNER_PREFIX + contact_id), add_version_condition=False)
                for address, gone in left.items():  # (an address given up without its head)
                    tx.update(
                        models.address(address, HEAD),
                        [AddressModel.owners.delete(gone), AddressModel.version.add(1)],
                        add_version_condition=False,
                    )
                for record in changes.audit:
                    tx.save(_audit_to_item(models.audit, record), condition=AuditModel.seq.does_not_exist())
                for write in changes.reviews:  # last: the positions of the contacts' reasons stay
                    review = write.review
                    guard = (
                        ReviewModel.subject.does_not_exist()
                        if review.version is None
                        else ReviewModel.version == review.version
                    )
                    tx.save(_review_to_item(models.review, review), condition=guard)
        except TransactWriteError as exc:
            reasons = exc.cancellation_reasons or []
            if any(r is not None and r.code == "ConditionalCheckFailed" for r in reasons[: len(changes.events)]):
                raise AlreadyApplied() from exc
            refused = _refused_contacts(changes, exc)
            if refused:
                raise ContactWriteRefused(refused) from exc
            if any(r is not None and r.code in _CONTENDED for r in reasons) or _cause(exc)[0] in (
                "TransactionConflictException",
            ):
                raise Contended() from exc
            raise StoreUnavailable("store write failed; nothing was written") from exc
        except PynamoDBException as exc:
            raise StoreUnavailable("store write failed; nothing was written") from exc


def _owner_changes(changes: ChangeSet) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per address, the contact ids its head gains and loses. An owner entry is only ever
    created with its address's head written in the same change (a contact taking the
    address), so a put without a head write is an existing owner's new roles or DND."""
    heads = {head.address for head in changes.heads}
    joined: dict[str, set[str]] = {}
    left: dict[str, set[str]] = {}
    for address, link in changes.links_put:
        if address in heads:
            joined.setdefault(address, set()).add(link.contact_id)
    for address, contact_id in changes.links_delete:
        left.setdefault(address, set()).add(contact_id)
    return joined, left


def _keys(changes: ChangeSet, contact: Contact) -> SweepKeys:
    keys = changes.sweep_keys.get(contact.id)
    if keys is None:  # a programming error: contacts are committed through the runner
        raise ValueError(f"no sweep keys for contact {contact.id}: commit through usecases.runner")
    return keys


def _cause(exc: PynamoDBException) -> tuple[str | None, str]:
    """DynamoDB's error code and message behind a PynamoDB error, (None, "") when there was no
    answer: a timeout's botocore error has `response = None`, on which PynamoDB's own
    cause_response_code raises AttributeError (the opt-out would have been a 500, not parked)."""
    response = getattr(exc.cause, "response", None) or {}
    error = response.get("Error") or {}
    return error.get("Code"), error.get("Message") or ""


def _refused_contacts(changes: ChangeSet, exc: TransactWriteError) -> set[str]:
    """The contacts whose item DynamoDB refused for its size. A cancelled transaction names
    the item (reason ValidationError at its position: events come first, then contacts,
    then each contact's overlay removal when it has one); a request refused as a whole
    (ValidationException about an item's size) names none, so every contact counts."""
    reasons = exc.cancellation_reasons or []
    position, at = len(changes.events), {}
    for contact in changes.contacts:
        at[position] = contact.id
        position += 2 if contact.overlay_version is not None else 1
    named = {at[i] for i, r in enumerate(reasons) if r is not None and r.code == "ValidationError" and i in at}
    if named:
        return named
    code, message = _cause(exc)
    if code == "ValidationException" and "item size" in message.lower():
        return {contact.id for contact in changes.contacts}
    return set()


# ---- mapping between items and domain objects ------------------------------------------


def _maybe(future: Any, convert: Any) -> Any:
    try:
        return convert(future.get())
    except DoesNotExist:
        return None


def _opt_outs(raw: dict[str, Any] | None) -> dict[Channel, OptOut]:
    return {Channel(k): OptOut.from_dict(v) for k, v in (raw or {}).items()}


def _contact_from_item(item: ContactModel, overlay: ContactModel | None = None) -> Contact:
    """The contact an item holds; with an overlay, the overlay's opt-out state and audit
    head replace the item's (they are newer: the item could not be rewritten)."""
    contact = _contact_fields(item)
    if overlay is not None:
        deferred = _contact_fields(overlay)
        for name in OVERLAY_FIELDS:
            setattr(contact, name, getattr(deferred, name))
        contact.overlay_version = overlay.version
    return contact


# What an overlay holds: what an opt-out (or its lifting) changes on a contact, and the
# audit chain's head. Not the opportunity: a legacy oversized one is what blocks the item.
OVERLAY_FIELDS = (
    "channel",
    "automations",
    "sms_confirmation",
    "conversation",
    "dnd",
    "do_not_email",
    "suppressed",
    "updated_at",
    "audit_seq",
    "audit_hash",
)


def _overlay_to_item(model: type[ContactModel], contact: Contact, keys: SweepKeys) -> ContactModel:
    """The overlay item of a contact whose item was refused; guarded by the overlay version
    read (absent when there was none). It is always in the compliance index."""
    fields = _contact_to_item(model, contact, keys).attribute_values
    item = model(
        contact.id + OVERLAY_SUFFIX,
        **{name: fields[name] for name in OVERLAY_FIELDS if name in fields},
        compliance_flag=SWEEP_FLAG,
        compliance_due=keys.compliance_due or contact.updated_at,
    )
    if contact.overlay_version is not None:
        item.version = contact.overlay_version
    return item


def _contact_fields(item: ContactModel) -> Contact:
    conversation = item.conversation or {}
    return Contact(
        id=item.id,
        name=item.name,
        email=item.email,
        phones=dict(item.phones or {}),
        phone_types=dict(item.phone_types or {}),
        country=item.country,
        state=item.state,
        channel=item.channel,
        opportunity=item.opportunity or {},
        automations=list(item.automations or []),
        automation_channels=dict(item.automation_channels or {}),
        preferred_sms=item.preferred_sms,
        sms_confirmation=item.sms_confirmation,
        line_types=dict(item.line_types or {}),
        conversation=Conversation(conversation.get("status", "active"), conversation.get("stage")),
        dnd=_opt_outs(item.dnd),
        do_not_email=OptOut.from_dict(item.do_not_email) if item.do_not_email else None,
        suppressed={Channel(k): set(v) for k, v in (item.suppressed or {}).items()},
        created_at=item.created_at,
        updated_at=item.updated_at,
        version=item.version,
        audit_seq=int(item.audit_seq or 0),
        audit_hash=item.audit_hash or GENESIS_HASH,
        verified_seq=int(item.verified_seq or 0),
        verified_hash=item.verified_hash or GENESIS_HASH,
    )


def _contact_to_item(model: type[ContactModel], contact: Contact, keys: SweepKeys) -> ContactModel:
    """The item for a contact, with the sweep index keys the caller computed for it."""
    item = model(
        contact.id,
        name=contact.name,
        email=contact.email,
        phones=dict(contact.phones),
        phone_types=dict(contact.phone_types),
        country=contact.country,
        state=contact.state,
        channel=contact.channel,
        opportunity=contact.opportunity,
        automations=list(contact.automations),
        automation_channels=dict(contact.automation_channels),
        preferred_sms=contact.preferred_sms,
        sms_confirmation=contact.sms_confirmation,
        line_types=dict(contact.line_types),
        conversation={"status": contact.conversation.status, "stage": contact.conversation.stage},
        dnd=opt_out_map(contact.dnd),
        do_not_email=contact.do_not_email.as_dict() if contact.do_not_email else None,
        suppressed={c.value: sorted(a) for c, a in contact.suppressed.items() if a},
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        audit_seq=contact.audit_seq,
        audit_hash=contact.audit_hash,
        verified_seq=contact.verified_seq,
        verified_hash=contact.verified_hash,
        compliance_flag=SWEEP_FLAG if keys.compliance_due is not None else None,
        compliance_due=keys.compliance_due,
        sms_flag=SWEEP_FLAG if keys.sms_pending_since is not None else None,
        sms_pending_since=keys.sms_pending_since,
        audit_flag=SWEEP_FLAG if keys.audit_unverified_since is not None else None,
        audit_since=keys.audit_unverified_since,
        name_key=name_key(name_sort(contact.name)),
        name_sort=name_sort(contact.name),
    )
    # PynamoDB's VersionAttribute adds the optimistic-lock condition: "absent" for a new
    # contact, "equal to what was read" otherwise.
    if contact.version is not None:
        item.version = contact.version
    return item


def _address_from_items(address: str, head: AddressModel | None, owners: list[AddressModel]) -> AddressState:
    links = {
        o.contact_id: OwnerLink(o.contact_id, frozenset(o.roles or []), frozenset(Channel(c) for c in o.dnd or []))
        for o in owners
        if o.contact_id
    }
    if head is None:
        return AddressState(address=address, owners=links)
    return AddressState(
        address=address,
        suppressed=_opt_outs(head.suppressed),
        owners=links,
        version=int(head.version) if head.version is not None else None,
        audit_seq=int(head.audit_seq or 0),
        audit_hash=head.audit_hash or GENESIS_HASH,
    )


def _audit_to_item(model: type[AuditModel], record: AuditRecord) -> AuditModel:
    return model(
        record.subject,
        record.seq,
        at=record.at,
        actor=record.actor.as_dict(),
        action=record.action,
        channel=record.channel,
        address=record.address,
        reason=record.reason,
        evidence=record.evidence,
        prev_hash=record.prev_hash,
        hash=record.hash,
        outbox=event_body(consent_event(record)),
    )


def _audit_from_item(item: AuditModel) -> AuditRecord:
    return AuditRecord(
        subject=item.subject,
        seq=int(item.seq),
        at=item.at,
        actor=Actor(**item.actor),
        action=item.action,
        channel=item.channel,
        address=item.address,
        reason=item.reason,
        evidence=item.evidence or {},
        prev_hash=item.prev_hash,
        hash=item.hash,
    )


def _encode_cursor(key: dict[str, Any]) -> str:
    """The next page's cursor: the seq of the last record shown (the page after it holds
    the records below it). Any decimal number is a valid cursor."""
    return str(key["seq"]["N"])


def _decode_cursor(cursor: str, subject: str) -> dict[str, Any]:
    if not _SEQ.fullmatch(cursor):
        raise InvalidInput("cursor: the next_cursor of a previous page (a decimal number)")
    return {"subject": {"S": subject}, "seq": {"N": str(int(cursor))}}


def _review_to_item(model: type[ReviewModel], review: Review) -> ReviewModel:
    return model(
        REVIEW_PREFIX + review.id,
        0,
        review_status=review.status,
        received_at=review.received_at,
        channel=review.channel,
        address=review.address,
        excerpt=review.excerpt,
        suggested=list(review.suggested),
        rule=review.rule,
        contact_ids=list(review.contact_ids),
        decided_at=review.decided_at,
        decided_by=review.decided_by.as_dict() if review.decided_by else None,
        note=review.note,
        version=(review.version or 0) + 1,
    )


def _review_from_item(item: ReviewModel) -> Review:
    return Review(
        id=item.subject.removeprefix(REVIEW_PREFIX),
        channel=item.channel,
        address=item.address,
        received_at=item.received_at,
        excerpt=item.excerpt,
        suggested=list(item.suggested or []),
        rule=item.rule,
        contact_ids=list(item.contact_ids or []),
        status=item.review_status,  # type: ignore[arg-type]
        decided_at=item.decided_at,
        decided_by=Actor(**item.decided_by) if item.decided_by else None,
        note=item.note,
        version=int(item.version),
    )


def _encode_review_cursor(last: Review) -> str:
    """The next page's cursor: the time and id of the last review shown."""
    return f"{last.received_at}~{last.id}"


def _decode_review_cursor(cursor: str, status: str) -> dict[str, Any]:
    match = _REVIEW_CURSOR.match(cursor)
    if not match:
        raise InvalidInput("cursor: the next_cursor of a previous page")
    received_at, review_id = match.groups()
    return {
        "review_status": {"S": status},
        "received_at": {"S": received_at},
        "subject": {"S": REVIEW_PREFIX + review_id},
        "seq": {"N": "0"},
    }
