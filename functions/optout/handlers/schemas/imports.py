"""Suppression imports: a job's report, and the upload of a file too large for one request."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from optout.handlers.schemas.base import Model, Strict


class ImportInvalidRow(Model):
    row: int = Field(description="1 = the first row after the header (CSV) or the first line (JSON lines)")
    reason: str


class ImportJobResponse(Model):
    """A suppression import: what the file held and what applying it changed (or would)."""

    job_id: str
    status: Literal["running", "done", "failed"]
    mode: Literal["dry-run", "apply"]
    rows: int = Field(description="rows in the file")
    processed: int
    accepted: int = Field(description="rows that add a suppression (dry-run: would add)")
    unchanged: int = Field(description="rows already in force (nothing lowered, nothing added)")
    invalid: list[ImportInvalidRow] = Field(description="the first 1,000 rows that could not be read, with why")


class ImportUploadRequest(Strict):
    """A file too large for one request: where to PUT it first."""

    content_type: Literal["text/csv", "application/x-ndjson"] = Field(description="the file's kind")


class ImportUploadResponse(Model):
    upload_id: str
    url: str = Field(description="PUT the file here within expires_in seconds, with the headers below")
    method: Literal["PUT"]
    headers: dict[str, str]
    expires_in: int
    import_url: str = Field(description="then POST here to import it; mode=dry-run to report only")
