"""Do-not-call registries, their files, checks in bulk and list scrubs (SPEC 20)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from optout.handlers.schemas.base import Model, Strict
from optout.handlers.schemas.imports import ImportInvalidRow


class RegistryFileResponse(Model):
    """A registry file's job: what the file held and what applying it changed."""

    job_id: str
    status: Literal["running", "done", "failed"]
    registry: str
    kind: Literal["full", "changes"]
    as_of: str = Field(description="the copy's date the file brings its area codes to")
    rows: int = Field(description="lines read")
    added: int = Field(description="numbers newly listed")
    deleted: int = Field(description="numbers no longer listed")
    invalid: list[ImportInvalidRow] = Field(description="the first 1,000 lines that could not be read, by row")
    invalid_rows: int = Field(description="every line that could not be read")
    area_codes: list[str] = Field(description="the area codes the file covers")
    error: str | None = Field(None, description="status failed: why (nothing of the file was applied)")


class AreaCode(Model):
    as_of: str
    numbers: int


class RegistryInfo(Model):
    name: str
    area_codes: dict[str, AreaCode] = Field(description="each loaded area code with its copy's date and count")
    numbers: int
    as_of: str | None = Field(description="the oldest loaded area code's date")
    stale_area_codes: list[str] = Field(description="area codes whose copy is more than 31 days old")


class RegistriesResponse(Model):
    registries: list[RegistryInfo]


class UploadRequest(Strict):
    """A file too large for one request: where to PUT it first."""

    content_type: Literal["text/plain", "text/csv", "application/x-ndjson"] = Field(
        "text/plain", description="the file's kind (a registry file: text/plain or text/csv)"
    )


class ScrubJobResponse(Model):
    """A list scrub: how far it is, and its counts by reason."""

    job_id: str
    status: Literal["running", "done", "failed"]
    channel: Literal["sms", "email", "call"]
    purpose: str
    method: str | None
    at: str
    rows: int
    processed: int
    allowed: int
    refused: int
    by_reason: dict[str, int]
    invalid: list[ImportInvalidRow]
    invalid_rows: int
