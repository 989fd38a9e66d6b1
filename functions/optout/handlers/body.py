"""The gate every JSON request body passes before routing: the right content type, UTF-8,
JSON, one object, bounded nesting, text that is valid Unicode, finite numbers
(of at most 4,300 digits, Python's parsing limit: 400 beyond it). Whatever a
client sends, a bad body gets a 4xx with our error shape and reaches nothing else."""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

# Deeper than any contact field needs (the opportunity allows 4 levels of its own).
MAX_DEPTH = 16


class BodyError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind in ("", "application/json") or (kind.startswith("application/") and kind.endswith("+json"))


def checked_json_body(event: dict[str, Any]) -> dict[str, Any]:
    """The event with its body as plain UTF-8 JSON text, or BodyError."""
    raw = event.get("body")
    if not raw:
        return event
    headers = event.get("headers") or {}
    if not _is_json(str(headers.get("content-type", ""))):
        raise BodyError(415, "unsupported_media_type", "send the body as application/json")
    if event.get("isBase64Encoded"):
        try:
            data = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise BodyError(400, "invalid_json", "request body is not valid JSON (not base64)") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BodyError(400, "invalid_json", "request body is not valid JSON (not UTF-8)") from None
    else:
        text = str(raw)
    try:
        value = json.loads(text)
    except RecursionError:
        raise BodyError(422, "validation_error", f"body: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:
        detail = "a number has too many digits" if "digits" in str(exc) else "request body is not valid JSON"
        raise BodyError(400, "invalid_json", detail) from None
    if value is None:  # `null`: no body (the document's optional bodies allow it)
        return {**event, "body": None, "isBase64Encoded": False}
    if not isinstance(value, dict):
        # Powertools would read a JSON array as its first element; a body is one object.
        raise BodyError(422, "validation_error", "body: the request body must be a JSON object")
    _check(value)
    return {**event, "body": text, "isBase64Encoded": False}


def _check(value: Any) -> None:
    """Depth, Unicode and numbers, without recursion (the input decides how deep it goes)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BodyError(422, "validation_error", f"body: nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            for key, child in item.items():
                _text(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            _text(item)
        elif isinstance(item, bool):
            continue
        elif isinstance(item, float) and not math.isfinite(item):
            raise BodyError(422, "validation_error", "body: numbers must be finite")


def _text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BodyError(422, "validation_error", "body: text must be valid Unicode (no lone surrogates)") from None
