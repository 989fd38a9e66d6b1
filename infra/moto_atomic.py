"""Make moto's DynamoDB apply each request atomically, as DynamoDB does.

moto runs requests from several threads against shared tables without a lock, so two
conditional writes can both pass their conditions. DynamoDB serialises them; the local
server and the concurrency tests need the same guarantee from the emulator.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.RLock()
_applied = False


def make_atomic() -> None:
    global _applied
    if _applied:
        return
    from moto.dynamodb.responses import DynamoHandler

    original = DynamoHandler.call_action

    def call_action(self: Any) -> Any:
        with _lock:
            return original(self)

    DynamoHandler.call_action = call_action  # type: ignore[method-assign]
    _applied = True
