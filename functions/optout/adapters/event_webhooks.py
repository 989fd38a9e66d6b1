"""Delivering one consent event to one subscriber: an HTTPS POST of the event's body, signed
with `Optout-Signature`. A 2xx answer is delivered; anything else (or no answer in time) is
for the caller to retry."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable

from optout.consent.events import SIGNATURE_HEADER, signature

TIMEOUT_SECONDS = 5.0


def deliver(url: str, body: str, secret: str, clock: Callable[[], float] = time.time) -> int | None:
    """POST the event; the status it got, None when nothing answered."""
    request = urllib.request.Request(  # noqa: S310 - the URL is configuration, checked to be http(s)
        url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/cloudevents+json; charset=utf-8",
            SIGNATURE_HEADER: signature(secret, body, int(clock())),
            "User-Agent": "optout-events/1",
        },
    )
    return status_of(request)


def status_of(request: urllib.request.Request, timeout: float = TIMEOUT_SECONDS) -> int | None:
    """Send it: the HTTP status it got, None when nothing answered in time."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - http(s) URLs only
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def delivered(status: int | None) -> bool:
    return status is not None and 200 <= status < 300
