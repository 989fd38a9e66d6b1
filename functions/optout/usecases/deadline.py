"""A lead's opt-out is answered within a deadline (SPEC 11): Twilio gives up on a webhook
after 15 s and does not retry an inbound text, and a burst of STOPs while DynamoDB hangs must
not wait out every store call's timeouts and retries (about 6 s each) before parking.

`before(deadline, work)` runs the store work in a worker thread and waits until the
deadline; past it the caller gets StoreUnavailable and parks the event. The work is not
killed: if it commits later, the parked copy finds its event record and changes nothing, so
the opt-out still applies exactly once (the event key is written in the same transaction).
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from optout.consent.errors import StoreUnavailable
from optout.observability import count

T = TypeVar("T")

# From a request's arrival to the decision to park: parking (SQS, a few hundred ms) fits in
# the 3 s the answer may take, far inside Twilio's 15 s.
PARK_AFTER_SECONDS = 1.5

# Store work waiting past its deadline keeps a worker until its own timeouts end it; a
# bounded pool keeps a hang from growing threads without end (queued work that has not
# started when its deadline passes is cancelled).
_WORKERS = ThreadPoolExecutor(max_workers=16, thread_name_prefix="store-deadline")


def deadline_from_now(seconds: float = PARK_AFTER_SECONDS) -> float:
    return time.monotonic() + seconds


def before(deadline: float, work: Callable[[], T]) -> T:
    """`work()`'s result if it ends before `deadline` (time.monotonic()); its exception if
    it raises; StoreUnavailable once the deadline passes."""
    context = contextvars.copy_context()
    future = _WORKERS.submit(context.run, work)
    try:
        return future.result(timeout=max(0.0, deadline - time.monotonic()))
    except FutureTimeout:
        future.cancel()
        count("StoreDeadlinePassed")
        raise StoreUnavailable("the store did not answer before the deadline") from None


def unless_parkable(parking: object, work: Callable[[], T]) -> T:
    """`work()` before the deadline when there is somewhere to park (`parking`); without it
    (the intake consumer, whose failures must raise), as long as the store's timeouts take."""
    return work() if parking is None else before(deadline_from_now(), work)
