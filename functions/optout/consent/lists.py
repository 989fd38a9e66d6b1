"""Suppression lists in and out (SPEC 13): the rows of an export, in the columns an import
reads, `address,channel,source,occurred_at,note`, as CSV or JSON lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from optout.consent.channels import CHANNELS, Channel
from optout.consent.model import AddressState

COLUMNS = ("address", "channel", "source", "occurred_at", "note")
Format = Literal["csv", "jsonl"]
CONTENT_TYPES: dict[Format, str] = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


@dataclass(frozen=True)
class ListRow:
    address: str
    channel: str
    source: str
    occurred_at: str
    note: str = ""

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in COLUMNS}


def rows_of(states: Iterable[AddressState], channel: Channel | None, since: str | None) -> list[ListRow]:
    """Each suppression of each address, one row a channel: what, since when, set by whom."""
    rows = []
    for state in states:
        for ch in CHANNELS:
            opt_out = state.suppressed.get(ch)
            if opt_out is None or (channel is not None and ch != channel) or (since and opt_out.at < since):
                continue
            rows.append(ListRow(state.address, ch.value, opt_out.source, opt_out.at, f"set by {opt_out.actor}"))
    return rows


def render(rows: Iterable[ListRow], fmt: Format, header: bool = True) -> str:
    if fmt == "jsonl":
        return "".join(json.dumps(row.as_dict(), ensure_ascii=False) + "\n" for row in rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow(row.as_dict())
    return out.getvalue()
