"""Disclosures and consent grants (SPEC 19): `POST /disclosures`, `GET /disclosures/{id}`,
`POST /consents`, `GET /contacts/{id}/consents`. Registered on the rep actions function's
resolver (`register`)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import ValidationError

from optout import wiring
from optout.consent.addresses import normalise_address
from optout.consent.errors import InvalidInput
from optout.consent.model import Actor
from optout.handlers.http import contact_id, permit
from optout.handlers.permissions import WHOLE_EVIDENCE
from optout.handlers.schemas.base import operation
from optout.handlers.schemas.consents import (
    DISCLOSURE_ID_PATTERN,
    ConsentImportResponse,
    ConsentsResponse,
    Disclosure,
    DisclosureRequest,
    GrantOut,
    GrantRequest,
)
from optout.handlers.schemas.fields import ContactId
from optout.handlers.send_gate import moment
from optout.observability import logger
from optout.settings import get_settings
from optout.usecases.check_answer import zulu
from optout.usecases.consents import ConsentsService, import_answer, import_rows, view


def service() -> ConsentsService:
    return wiring.current().consents


def utc(raw: str | None, field: str) -> str | None:
    """A time of the request as the service writes times (UTC, milliseconds, Z)."""
    if raw is None:
        return None
    try:
        return zulu(moment(raw))
    except (InvalidInput, ValueError):
        raise InvalidInput(f"{field}: an ISO 8601 time with its offset") from None


def grant_fields(request: Any, address: str) -> dict[str, Any]:
    """A grant request's fields, typed for the domain: the address normalised, times in UTC."""
    try:
        normalised = normalise_address(address, phone="@" not in address, default_region=get_settings().default_country)
    except InvalidInput as exc:
        raise InvalidInput(f"address: {exc.message}") from None
    return {
        "address": normalised,
        "channels": list(request.channels),
        "purposes": list(request.purposes),
        "kind": request.kind,
        "sellers": list(request.sellers) if request.sellers else None,
        "disclosure_id": request.disclosure_id,
        "method": request.method,
        "signature": request.signature,
        "captured_at": utc(request.captured_at, "captured_at"),
        "expires_at": utc(request.expires_at, "expires_at"),
        "evidence": request.evidence.model_dump() if request.evidence is not None else {},
        "grant_key": request.grant_key,
    }


IMPORT_PATH = "/consents/import"
MAX_IMPORT_ROWS = 1000  # done in the request (larger lists: several files)
IMPORT_COLUMNS = (
    "contact_id,address,channels,purposes,kind,sellers,disclosure_id,method,signature,captured_at,"
    "expires_at,grant_key,ip,user_agent,page_url,certificate_url,recording_url,screenshot_url"
)
REQUIRED_COLUMNS = ("contact_id", "address", "kind", "method")
_LISTS = ("channels", "purposes", "sellers")
_EVIDENCE = ("ip", "user_agent", "page_url", "certificate_url", "recording_url", "screenshot_url")


def import_records(body: bytes, content_type: str) -> list[tuple[int, Any]]:
    """The rows of a consents file (CSV with a header of IMPORT_COLUMNS' columns, `channels`,
    `purposes` and `sellers` separated by `;`, or JSON lines of POST /consents bodies),
    numbered from 1; a line that is not one is kept as None, or as the reason it is not
    (both reported as invalid)."""
    import csv
    import io
    import json

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("body: not UTF-8 text") from None
    if content_type.split(";")[0].strip().lower() == "application/x-ndjson":
        records: list[tuple[int, Any]] = []
        for n, line in enumerate((ln for ln in text.splitlines() if ln.strip()), start=1):
            try:
                records.append((n, json.loads(line)))
            except ValueError:
                records.append((n, None))
        return records
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames
    except csv.Error:
        raise InvalidInput("body: the header is not CSV") from None
    if header is None:
        raise InvalidInput(f"body: CSV with the header {IMPORT_COLUMNS} (at least {','.join(REQUIRED_COLUMNS)})")
    unknown = [name for name in header if name not in IMPORT_COLUMNS.split(",")]
    if text.split("\n", 1)[0].rstrip("\r") != ",".join(header):
        raise InvalidInput("body: the header is the column names, separated by commas, unquoted")
    if unknown:
        named = ", ".join(repr(name) for name in unknown)
        raise InvalidInput(f"body: the header names {named}; its columns are among {IMPORT_COLUMNS}")
    # What the document's pattern cannot say is reported by row, as a row's own faults are:
    # a column named twice, a required column missing (each row then lacks that field).
    twice = sorted({name for name in header if header.count(name) > 1})
    rows: list[tuple[int, Any]] = []
    try:
        for n, raw in enumerate(reader, start=1):
            rows.append((n, _row(raw, twice)))
    except csv.Error:  # the row is reported, and reading stops there
        rows.append((len(rows) + 1, "not CSV from this row on"))
    return rows


def _row(raw: dict[str | None, Any], twice: list[str]) -> dict[str, Any] | str:
    """One CSV row as a POST /consents body, or why it cannot be one."""
    if twice:
        return f"the header names {', '.join(twice)} twice"
    record: dict[str, Any] = {k: v for k, v in raw.items() if k and v not in (None, "")}
    for name in _LISTS:
        if name in record:
            record[name] = [item.strip() for item in record[name].split(";") if item.strip()]
    evidence = {k: record.pop(k) for k in _EVIDENCE if k in record}
    if evidence:
        record["evidence"] = evidence
    return record


def register(app: APIGatewayHttpResolver) -> None:
    @app.post("/disclosures", **operation("record_disclosure", "consents", Disclosure, created=True))
    def record_disclosure(request: DisclosureRequest) -> Response[str]:
        permit(app, "record_disclosure")
        found, new = service().record_disclosure(request.text, request.name, request.language)
        logger.info("disclosure", extra={"new": new})
        return Response(201 if new else 200, "application/json", Disclosure(**found).model_dump_json())

    @app.get("/disclosures/<id>", **operation("get_disclosure", "consents", Disclosure, 404))
    def get_disclosure(
        id: Annotated[str, Path(pattern=DISCLOSURE_ID_PATTERN)],  # noqa: A002 - the SPEC's path parameter
    ) -> Disclosure:
        permit(app, "get_disclosure")
        return Disclosure(**service().disclosure(id))

    @app.post("/consents", **operation("record_consent", "consents", GrantOut, 404, 409, created=True))
    def record_consent(request: GrantRequest) -> Response[str]:
        actor = permit(app, "record_consent")
        cid = contact_id(request.contact_id)
        grant, new = service().grant(cid, grant_fields(request, request.address), actor)
        logger.info("consent", extra={"new": new, "kind": grant.kind, "channels": list(grant.channels)})
        body = GrantOut(**view(grant, wiring.current().clock())).model_dump_json()
        return Response(201 if new else 200, "application/json", body)

    @app.post(IMPORT_PATH, **operation("import_consents", "consents", ConsentImportResponse))
    def import_consents(
        mode: Annotated[Literal["dry-run", "apply"], Query(description="dry-run: report only")] = "dry-run",
    ) -> Response[str]:
        actor = permit(app, "import_consents")
        event = app.current_event
        body = event.decoded_body or ""
        content_type = next((v for k, v in (event.headers or {}).items() if k.lower() == "content-type"), "")
        records = import_records(body.encode() if isinstance(body, str) else body, content_type)
        if len(records) > MAX_IMPORT_ROWS:
            raise InvalidInput(f"body: at most {MAX_IMPORT_ROWS} rows a file")
        job_id = "cimp-" + uuid.uuid4().hex[:20]
        answer = import_answer(job_id, mode, len(records))
        rows = []
        for number, record in records:
            if isinstance(record, str):
                answer["invalid"].append({"row": number, "reason": record})
                continue
            try:
                request = GrantRequest.model_validate(record)
                rows.append((number, contact_id(request.contact_id), grant_fields(request, request.address)))
            except ValidationError as exc:
                names = sorted({".".join(str(p) for p in e["loc"]) or "row" for e in exc.errors()})
                answer["invalid"].append({"row": number, "reason": "invalid " + ", ".join(names)})
            except InvalidInput as exc:
                answer["invalid"].append({"row": number, "reason": exc.message})
        by = Actor(type="user", id=f"import:{job_id}", role=actor.role)
        done = import_rows(service(), rows, mode, by, answer)
        done["invalid"].sort(key=lambda r: r["row"])
        logger.info("consents import", extra={"mode": mode, "rows": done["rows"], "accepted": done["accepted"]})
        return Response(200, "application/json", ConsentImportResponse(**done).model_dump_json())

    @app.get("/contacts/<id>/consents", **operation("list_consents", "consents", ConsentsResponse, 404))
    def list_consents(id: ContactId) -> ConsentsResponse:  # noqa: A002 - the SPEC's path parameter
        actor = permit(app, "list_consents")
        shown = actor.role in WHOLE_EVIDENCE
        found = service().consents(contact_id(id), evidence=shown)
        return ConsentsResponse(consents=[GrantOut(**g) for g in found])
