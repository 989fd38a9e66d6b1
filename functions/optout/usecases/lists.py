"""Suppression lists out (SPEC 13): every suppressed address, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from optout.consent.channels import Channel
from optout.consent.lists import Format, ListRow, render, rows_of
from optout.settings import Settings
from optout.store.repository import Repository


@dataclass(frozen=True)
class ExportPage:
    body: str
    rows: int
    next_cursor: str | None  # the last address of this page; None: the export is complete


class ListsService:
    def __init__(self, repo: Repository, settings: Settings) -> None:
        self.repo = repo
        self.settings = settings

    def export(
        self, channel: Channel | None, since: str | None, fmt: Format, limit: int, cursor: str | None
    ) -> ExportPage:
        """Up to `limit` addresses after `cursor`, each suppression a row; the CSV header on
        every page, so each page is a file the import reads."""
        states, next_cursor = self.repo.suppressed_addresses(cursor, limit)
        rows: list[ListRow] = rows_of(states, channel, since)
        return ExportPage(render(rows, fmt), len(rows), next_cursor)
