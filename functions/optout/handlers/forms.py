"""Reading the form an unsubscribe POST carries: urlencoded or multipart (RFC 8058 one-click)."""

from __future__ import annotations

from urllib.parse import parse_qs


def form_fields(content_type: str, body: bytes) -> dict[str, str]:
    """Fields of a POSTed form, urlencoded or multipart; anything unreadable counts as empty."""
    if content_type.lower().startswith("multipart/form-data"):
        # Imported here: only multipart posts need the email package's MIME parser.
        from email.parser import BytesParser
        from email.policy import HTTP

        try:
            message = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
            )
            fields = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if isinstance(name, str):
                    payload = part.get_payload(decode=True)
                    fields[name] = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            return fields
        except (ValueError, TypeError, UnicodeError, AttributeError):
            return {}
    text = body.decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}
