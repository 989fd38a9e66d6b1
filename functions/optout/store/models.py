"""PynamoDB models of the three tables. Keys and indexes match template.yaml.

Contacts      id                         one item a contact; three sparse indexes hold only
                                         the contacts a scheduled sweep must act on
Suppressions  address, entry             per address: entry "head" holds its suppressions,
                                         version and the ids of its owners; "owner#<contact
                                         id>" links each contact that uses the address (find
                                         contacts by number or email with one consistent
                                         Query, no scan; many addresses' heads at once with
                                         BatchGetItem)
Audit         subject, seq               append-only records, one hash chain per subject;
                                         beside them the applied events ("event#<key>") and
                                         the reviews of doubtful messages ("review#<id>",
                                         by status in a sparse index)

A contact's and an address's state is kept as maps and lists (store.documents reads what
earlier versions kept as JSON text); the audit records and jobs' documents stay JSON text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pynamodb.attributes import (
    BinaryAttribute,
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from optout.store.documents import DocumentList, DocumentMap, StoresDocuments

HEAD = "head"
OWNER_PREFIX = "owner#"
# A contact whose item could not be rewritten (a legacy item near 400 KB) keeps its newer
# opt-out state and audit head in a small item beside it, id "<contact id>#overlay" ('#' is
# not allowed in contact ids). Reads merge it; the next whole write of the contact removes
# it; it is in the compliance index, so the sweep finds it.
OVERLAY_SUFFIX = "#overlay"


class ComplianceIndex(GlobalSecondaryIndex[Any]):  # type: ignore[no-untyped-call]
    """Contacts with an opt-out not applied everywhere, oldest first."""

    class Meta:
        index_name = "ComplianceIndex"
        projection = AllProjection()

    compliance_flag = UnicodeAttribute(hash_key=True)
    compliance_due = UnicodeAttribute(range_key=True)


class SmsPendingIndex(GlobalSecondaryIndex[Any]):  # type: ignore[no-untyped-call]
    """Contacts whose SMS-first confirmation is still waiting, oldest first."""

    class Meta:
        index_name = "SmsPendingIndex"
        projection = AllProjection()

    sms_flag = UnicodeAttribute(hash_key=True)
    sms_pending_since = UnicodeAttribute(range_key=True)


class AuditIndex(GlobalSecondaryIndex[Any]):  # type: ignore[no-untyped-call]
    """Contacts with audit records the chain check has not seen yet."""

    class Meta:
        index_name = "AuditIndex"
        projection = AllProjection()

    audit_flag = UnicodeAttribute(hash_key=True)
    audit_since = UnicodeAttribute(range_key=True)


class NameIndex(GlobalSecondaryIndex[Any]):  # type: ignore[no-untyped-call]
    """Contacts by name for the Lead Manager's search: partition the name's first character,
    sorted by the whole name (consent.search.name_sort); keys only, the contacts are read
    after with their overlays."""

    class Meta:
        index_name = "NameIndex"
        projection = KeysOnlyProjection()

    name_key = UnicodeAttribute(hash_key=True)
    name_sort = UnicodeAttribute(range_key=True)


SWEEP_FLAG = "due"


class ContactModel(StoresDocuments, Model):
    class Meta:
        table_name = "unbound"

    id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    phones = DocumentMap(null=True)
    phone_types = DocumentMap(null=True)
    country = UnicodeAttribute(null=True)
    state = UnicodeAttribute(null=True)
    channel = UnicodeAttribute(default="email")
    opportunity = DocumentMap(null=True)
    automations = ListAttribute[str](null=True)
    automation_channels = DocumentMap(null=True)
    preferred_sms = UnicodeAttribute(null=True)
    sms_confirmation = DocumentMap(null=True)
    line_types = DocumentMap(null=True)
    conversation = DocumentMap(null=True)
    dnd = DocumentMap(null=True)
    do_not_email = DocumentMap(null=True)
    suppressed = DocumentMap(null=True)
    # Consent grants (SPEC 19): a list of Grant.as_dict, oldest first.
    grants = DocumentList(null=True)
    # The CRM's relationship dates (SPEC 20): last_purchase_at, last_inquiry_at.
    relationship = MapAttribute[str, str](null=True)  # type: ignore[no-untyped-call]
    created_at = UnicodeAttribute(null=True)
    updated_at = UnicodeAttribute(null=True)
    audit_seq = NumberAttribute(default=0)
    audit_hash = UnicodeAttribute(null=True)
    verified_seq = NumberAttribute(default=0)
    verified_hash = UnicodeAttribute(null=True)
    # Sparse sweep index keys: present only while the contact needs that sweep.
    compliance_flag = UnicodeAttribute(null=True)
    compliance_due = UnicodeAttribute(null=True)
    sms_flag = UnicodeAttribute(null=True)
    sms_pending_since = UnicodeAttribute(null=True)
    audit_flag = UnicodeAttribute(null=True)
    audit_since = UnicodeAttribute(null=True)
    compliance_index = ComplianceIndex()
    sms_pending_index = SmsPendingIndex()
    audit_index = AuditIndex()
    name_key = UnicodeAttribute(null=True)
    name_sort = UnicodeAttribute(null=True)
    name_index = NameIndex()
    version = VersionAttribute()


class AddressModel(StoresDocuments, Model):
    class Meta:
        table_name = "unbound"

    address = UnicodeAttribute(hash_key=True)
    entry = UnicodeAttribute(range_key=True)
    # head entry
    suppressed = DocumentMap(null=True)
    audit_seq = NumberAttribute(null=True)
    audit_hash = UnicodeAttribute(null=True)
    # Versioned by hand (conditions in the repository): owner entries share the table
    # and carry no version.
    version = NumberAttribute(null=True)
    # The ids of the contacts with an owner entry, kept in the same transactions as the
    # entries; `owners_listed` marks a head that has kept them since it was created (a
    # head written before it did is read with a Query).
    owners = UnicodeSetAttribute(null=True)
    owners_listed = BooleanAttribute(null=True)
    # owner entries
    contact_id = UnicodeAttribute(null=True)
    roles = ListAttribute[str](null=True)
    dnd = ListAttribute[str](null=True)
    # The owner's grants at this address not wholly revoked (Grant.summary each).
    grants = DocumentList(null=True)
    # The owner's relationship dates (SPEC 20), as on its contact item.
    relationship = MapAttribute[str, str](null=True)  # type: ignore[no-untyped-call]


class AuditModel(Model):
    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    at = UnicodeAttribute()
    # JSON text, as each record was first written: its hash covers what it holds.
    actor = JSONAttribute()
    action = UnicodeAttribute()
    channel = UnicodeAttribute(null=True)
    address = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    evidence = JSONAttribute(null=True)
    prev_hash = UnicodeAttribute()
    hash = UnicodeAttribute()
    # The record's consent event (SPEC 13), written with it: the table's stream publishes it.
    outbox = UnicodeAttribute(null=True)


class EventModel(Model):
    """An applied external event (Twilio MessageSid), in the Audit table beside the records
    it produced: subject `event#<key>`, seq 0. Written only if absent (exactly-once)."""

    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    action = UnicodeAttribute()
    at = UnicodeAttribute()


EVENT_PREFIX = "event#"
REVIEW_PREFIX = "review#"


class ReviewStatusIndex(GlobalSecondaryIndex[Any]):  # type: ignore[no-untyped-call]
    """Reviews by status, oldest first (only review items carry these keys)."""

    class Meta:
        index_name = "ReviewStatusIndex"
        projection = AllProjection()

    review_status = UnicodeAttribute(hash_key=True)
    received_at = UnicodeAttribute(range_key=True)


class ReviewModel(StoresDocuments, Model):
    """A doubtful message for a person to decide, in the Audit table beside the records it
    produced: subject `review#<id>`, seq 0. Versioned by hand (conditions in the repository)."""

    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    review_status = UnicodeAttribute()
    received_at = UnicodeAttribute()
    channel = UnicodeAttribute()
    address = UnicodeAttribute()
    excerpt = UnicodeAttribute()
    suggested = ListAttribute[str]()
    rule = UnicodeAttribute()
    contact_ids = ListAttribute[str](null=True)
    decided_at = UnicodeAttribute(null=True)
    decided_by = DocumentMap(null=True)
    note = UnicodeAttribute(null=True)
    version = NumberAttribute()
    status_index = ReviewStatusIndex()


class SendModel(Model):
    """A send the caps count (SPEC 15), in the Audit table: subject `send#<channel>:<address>`,
    seq from the provider's id (a status callback repeated for one message is one send),
    expiring with TTL once no cap window can count it."""

    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    at = UnicodeAttribute()
    purpose = UnicodeAttribute()
    provider_id = UnicodeAttribute()
    expires_at = NumberAttribute()
    # The grant that covered it when it was recorded (SPEC 19), absent: none did.
    grant_id = UnicodeAttribute(null=True)
    # The do-not-call exemption that let it reach a listed number (SPEC 20), absent: none.
    exemption = UnicodeAttribute(null=True)


SEND_PREFIX = "send#"
# A check the gate refused because of an opt-out (the proof's "sends refused after it"): the
# same item, `provider_id` holding the reason, one a minute per address, channel and purpose.
REFUSED_PREFIX = "refused#"
IMPORT_PREFIX = "import#"
# A disclosure (SPEC 19): the exact text a consent answered, content-addressed, never edited.
DISCLOSURE_PREFIX = "disclosure#"


class ImportModel(Model):
    """A suppression import job (seq 0) and its rows in chunks (seq 1…), in the Audit table:
    subject `import#<job id>`. The worker saves its progress on the job as it goes."""

    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    data = JSONAttribute()


# Do-not-call registries (SPEC 20): `registry#<name>` seq 0 is the registry's manifest (each
# loaded area code's date, count and the parts of its set); `registry#<name>#<npa>#<blob>`
# seq 0… the parts of one compressed set (a full copy, or a change list's delta).
REGISTRY_PREFIX = "registry#"
SCRUB_PREFIX = "scrub#"
SCRUB_RESULTS_PREFIX = "scrubres#"
RND_PREFIX = "rnd#"


class RegistryModel(Model):
    """A registry's manifest (data) or one part of a compressed number set (blob), in the
    Audit table."""

    class Meta:
        table_name = "unbound"

    subject = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    rev = NumberAttribute(null=True)
    data = JSONAttribute(null=True)
    blob = BinaryAttribute(null=True, legacy_encoding=False)


@dataclass(frozen=True)
class Models:
    contact: type[ContactModel]
    address: type[AddressModel]
    audit: type[AuditModel]
    event: type[EventModel]
    review: type[ReviewModel]
    imports: type[ImportModel]
    send: type[SendModel]
    registry: type[RegistryModel]


# Short store timeouts and few retries: a webhook must answer inside Twilio's 15 s even
# when DynamoDB hangs, and a lead's opt-out that cannot be written now is parked instead.
CONNECT_TIMEOUT_SECONDS = 1.0
READ_TIMEOUT_SECONDS = 2.0
MAX_RETRY_ATTEMPTS = 2


def _bind(model: type[Model], table_name: str, region: str, host: str | None) -> Any:
    meta = type(
        "Meta",
        (),
        {
            "table_name": table_name,
            "region": region,
            "host": host,
            "connect_timeout_seconds": CONNECT_TIMEOUT_SECONDS,
            "read_timeout_seconds": READ_TIMEOUT_SECONDS,
            "max_retry_attempts": MAX_RETRY_ATTEMPTS,
        },
    )
    return type(model.__name__, (model,), {"Meta": meta})


@lru_cache(maxsize=8)
def bind_models(contacts: str, suppressions: str, audit: str, region: str, host: str | None) -> Models:
    """Model classes bound to the configured table names (cached per configuration)."""
    return Models(
        contact=_bind(ContactModel, contacts, region, host),
        address=_bind(AddressModel, suppressions, region, host),
        audit=_bind(AuditModel, audit, region, host),
        event=_bind(EventModel, audit, region, host),
        review=_bind(ReviewModel, audit, region, host),
        imports=_bind(ImportModel, audit, region, host),
        send=_bind(SendModel, audit, region, host),
        registry=_bind(RegistryModel, audit, region, host),
    )
