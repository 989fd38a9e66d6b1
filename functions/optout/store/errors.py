"""The store's exceptions, and what a PynamoDB (botocore) error means for the caller: a lost
race, an event applied before, an item too large, or a store that did not answer."""

from __future__ import annotations

from pynamodb.exceptions import PynamoDBException, TransactWriteError

from optout.consent.changes import ChangeSet
from optout.consent.errors import StoreUnavailable

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


def cause(exc: PynamoDBException) -> tuple[str | None, str]:
    """DynamoDB's error code and message behind a PynamoDB error, (None, "") when there was no
    answer: a timeout's botocore error has `response = None`, on which PynamoDB's own
    cause_response_code raises AttributeError (the opt-out would have been a 500, not parked)."""
    response = getattr(exc.cause, "response", None) or {}
    error = response.get("Error") or {}
    return error.get("Code"), error.get("Message") or ""


def condition_failed(exc: PynamoDBException) -> bool:
    """A conditional write's condition failed (an item already there, or moved on)."""
    return cause(exc)[0] == "ConditionalCheckFailedException"


def commit_failure(changes: ChangeSet, exc: TransactWriteError) -> Exception:
    """What a cancelled or failed transaction of `changes` means: AlreadyApplied when one of
    its events was applied before (events come first), ContactWriteRefused for contact items
    too large, Contended when a guard failed or a concurrent transaction conflicted, else
    StoreUnavailable. Nothing was written in any case."""
    reasons = exc.cancellation_reasons or []
    if any(r is not None and r.code == "ConditionalCheckFailed" for r in reasons[: len(changes.events)]):
        return AlreadyApplied()
    too_large = _refused_contacts(changes, exc)
    if too_large:
        return ContactWriteRefused(too_large)
    if any(r is not None and r.code in _CONTENDED for r in reasons) or cause(exc)[0] in (
        "TransactionConflictException",
    ):
        return Contended()
    return StoreUnavailable("store write failed; nothing was written")


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
    code, message = cause(exc)
    if code == "ValidationException" and "item size" in message.lower():
        return {contact.id for contact in changes.contacts}
    return set()
