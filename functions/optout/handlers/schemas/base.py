"""What every model of the API shares: the deferred-build base, the strict base, the error
body, and a JSON route's documented responses."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from optout.handlers.errors import DESCRIPTIONS, JSON_STATUSES


class Model(BaseModel):
    """Every model of the API: its validator and serializer are built on first use, not at
    import (building all of them at import cost a cold start about 50 ms; most functions use a
    few). SnapStart's warm-up builds them before the snapshot (`build_models`)."""

    model_config = ConfigDict(defer_build=True)


def build_models() -> None:
    """Build every model now (SnapStart's before-snapshot hook), not on its first request."""
    pending: list[type[BaseModel]] = [Model]
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if not model.__pydantic_complete__:
            model.model_rebuild()


class Strict(Model):
    # Strict: "true" is not a boolean and 5 is not a string; a CRM bug gets a 422.
    model_config = ConfigDict(strict=True, extra="forbid")


class ErrorResponse(Model):
    error: str
    message: str


def operation(operation_id: str, tag: str, ok: type[BaseModel], *extra: int, created: bool = False) -> dict[str, Any]:
    """A JWT route's OpenAPI fields: its id (the generated clients' method name), its tag,
    its security and its responses."""
    return {
        "operation_id": operation_id,
        "tags": [tag],
        "security": [{"jwt": []}],
        "responses": responses(ok, *extra, created=created),
    }


def responses(ok: type[BaseModel], *extra: int, created: bool = False) -> dict[int, Any]:
    """OpenAPI responses of a JSON route: its model, and our error shape for every error the
    error table (handlers/errors.py) says it may answer."""
    documented: dict[int, Any] = {200: {"description": "OK", "content": {"application/json": {"model": ok}}}}
    if created:
        documented[201] = {"description": "Created", "content": {"application/json": {"model": ok}}}
    for code in sorted({*JSON_STATUSES, *extra}):
        error = {"application/json": {"model": ErrorResponse}}
        documented[code] = {"description": DESCRIPTIONS[code], "content": error}
    return documented
