"""Suppression lists in (SPEC 13): reading a file of opt-outs made elsewhere (a CRM export,
Twilio's opt-out list, an ESP's suppression list) and planning each row.

A row only ever adds a suppression: an address already suppressed for a channel keeps its
own (older) record, nothing is lifted, so an import never lowers an opt-out. Each row has an
event key made of its content, so importing the same file again (or a retried chunk)
changes nothing and audits nothing twice.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from optout.consent.address_plan import AddressChange, Plan
from optout.consent.addresses import normalise_address
from optout.consent.channels import CHANNELS, PHONE_CHANNELS, Channel
from optout.consent.effect import Effect
from optout.consent.errors import InvalidInput
from optout.consent.inbound import InboundPlanner, opt_out_contact
from optout.consent.lists import COLUMNS
from optout.consent.model import Actor, Contact, OptOut, OwnerLink

MAX_ROWS = 100_000
MAX_INVALID_LISTED = 1_000  # a file of garbage gets a bounded report (the count is whole)
_SOURCE = re.compile(r"^[A-Za-z0-9 ._:/-]{1,64}$")
MAX_NOTE = 500


@dataclass(frozen=True)
class ImportRow:
    row: int  # 1 = the first row after the header (CSV) or the first line (JSONL)
    address: str
    channels: tuple[str, ...]
    source: str
    occurred_at: str
    note: str

    @property
    def event_key(self) -> str:
        """The row's content: the same row imported again is the same event."""
        content = "|".join((self.address, ",".join(self.channels), self.source, self.occurred_at))
        digest = hashlib.sha256(content.encode())
        return "import:" + digest.hexdigest()[:40]

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ("row", "address", "channels", "source", "occurred_at", "note")}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ImportRow:
        return cls(
            int(raw["row"]),
            str(raw["address"]),
            tuple(raw["channels"]),
            str(raw["source"]),
            str(raw["occurred_at"]),
            str(raw["note"]),
        )


@dataclass
class ParsedFile:
    rows: list[ImportRow] = field(default_factory=list)
    invalid: list[dict[str, Any]] = field(default_factory=list)  # {"row", "reason"}, never the value
    total: int = 0


def parse(body: bytes, content_type: str, default_region: str, now: str) -> ParsedFile:
    """Every row of a CSV (header address,channel,source,occurred_at,note) or JSON lines file,
    each valid or with its reason. A file that cannot be read at all is InvalidInput (422)."""
    kind, text = list_text(body, content_type, "the file", "send the file as text/csv or application/x-ndjson")
    records = _csv_records(text) if kind == "csv" else _jsonl_records(text)
    parsed = ParsedFile()
    for number, record in records:
        parsed.total += 1
        if parsed.total > MAX_ROWS:
            raise InvalidInput(f"at most {MAX_ROWS} rows a file")
        try:
            parsed.rows.append(_row(number, record, default_region, now))
        except InvalidInput as exc:
            if len(parsed.invalid) < MAX_INVALID_LISTED:
                parsed.invalid.append({"row": number, "reason": exc.message})
    return parsed


JSON_LINES = ("application/x-ndjson", "application/jsonl", "application/json-lines")


def list_text(body: bytes, content_type: str, what: str, kinds: str) -> tuple[str, str]:
    """A list's kind (`csv` or `jsonl`, from its Content-Type) and its text (UTF-8, a BOM
    dropped); InvalidInput says what is wrong (`kinds`: the kinds taken)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{what} is not UTF-8 text") from None
    if kind == "text/csv":
        return "csv", text
    if kind in JSON_LINES:
        return "jsonl", text
    raise InvalidInput(kinds)


def _csv_records(text: str) -> list[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InvalidInput(f"the file is empty: the header {','.join(COLUMNS)} comes first") from None
    except csv.Error:
        raise InvalidInput("the file is not CSV") from None
    if "address" not in header or "channel" not in header or not set(header) <= set(COLUMNS):
        raise InvalidInput(f"the header must name the columns {','.join(COLUMNS)} (address and channel required)")
    records: list[tuple[int, Any]] = []
    number = 0
    try:
        for number, values in enumerate(reader, 1):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                records.append((number, f"{len(values)} fields, the header has {len(header)}"))
                continue
            records.append((number, dict(zip(header, values, strict=True))))
    except csv.Error:
        # (a NUL byte): the row is reported and reading stops there; the rows before it count
        records.append((number + 1, "not CSV from this row on"))
    return records


def _jsonl_records(text: str) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            records.append((number, "not a JSON object"))
            continue
        records.append((number, value if isinstance(value, dict) else "not a JSON object"))
    return records


def _row(number: int, record: Any, default_region: str, now: str) -> ImportRow:
    if isinstance(record, str):
        raise InvalidInput(record)
    unknown = set(record) - set(COLUMNS)
    if unknown:
        raise InvalidInput(f"unknown field(s); the fields are {','.join(COLUMNS)}")
    values = {name: record.get(name) for name in COLUMNS}
    if not all(v is None or isinstance(v, str) for v in values.values()):
        raise InvalidInput("every field is text")
    channel = (values["channel"] or "").strip().lower()
    if channel not in ("sms", "email", "call", "all"):
        raise InvalidInput("channel: one of sms, email, call, all")
    raw = (values["address"] or "").strip()
    if not raw:
        raise InvalidInput("address: required")
    email = "@" in raw
    if (channel == "email" and not email) or (channel in ("sms", "call") and email):
        raise InvalidInput(f"address: not an address for {channel}")
    try:
        address = normalise_address(raw, phone=not email, default_region=default_region)
    except InvalidInput as exc:
        raise InvalidInput(f"address: {exc.message}") from None
    channels = ("email",) if email else tuple(c.value for c in PHONE_CHANNELS if channel in (c.value, "all"))
    source = (values["source"] or "import").strip()
    if not _SOURCE.match(source):
        raise InvalidInput("source: 1-64 letters, digits, spaces or . _ : / -")
    note = (values["note"] or "")[:MAX_NOTE]
    return ImportRow(number, address, channels, source, _when(values["occurred_at"], now), note)


def _when(raw: str | None, now: str) -> str:
    """The original date, as the service writes times (UTC, milliseconds); none: now. A date
    in the future is refused: an opt-out cannot have been made later than today."""
    if not raw or not raw.strip():
        return now
    try:
        parsed = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput("occurred_at: an ISO 8601 date or time (2026-01-31, 2026-01-31T09:30:00Z)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    when = parsed.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if when > now:
        raise InvalidInput("occurred_at: in the future")
    return when


def plan_row(planner: InboundPlanner, row: ImportRow, job_id: str) -> Plan:
    """Suppress the address for the row's channels that are not suppressed yet (the older
    record stays), on the address and on every contact that has it, with DND for the contact
    whose cell or email it is and what that requires (automations left, "Can't Text"),
    audited as the import."""
    actor = Actor(type="system", id=f"import:{job_id}", role="import")
    opt_out = OptOut(source=f"import:{row.source}", at=row.occurred_at, actor="system")
    wanted = {Channel(c) for c in row.channels}
    suppressed = dict(planner.state.suppressed)
    for channel in wanted:
        suppressed.setdefault(channel, opt_out)
    address, stages = planner.state.address, planner.stages

    def change(contact: Contact, link: OwnerLink, effects: list[Effect]) -> None:
        # as the lead's own opt-out made elsewhere: the address, and DND for its owner (a
        # cell, an email are one person's), but no proof the number answers
        opt_out_contact(contact, link, address, wanted, wanted, opt_out, stages, effects, live_number=False)

    evidence = {"row": row.row, "source": row.source, "occurred_at": row.occurred_at, "note": row.note}
    channels = ",".join(c.value for c in CHANNELS if c in wanted)
    return planner.plan(
        AddressChange(row.event_key, suppressed, change, actor, "import.suppressed", "import", evidence, channels)
    )
