"""Reassigned numbers (SPEC 20): a grant is not used for a number the FCC's Reassigned
Numbers Database reports permanently disconnected since the grant was given. Each number
and date is asked once: the answer is kept in the store (the proof keeps the query, the
safe harbor of 47 CFR 64.1200(m)) and in this process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from optout.adapters.rnd import YES, RndClient
from optout.store.registries import RndStore


class Reassigned:
    def __init__(self, store: RndStore, client: RndClient, clock: Callable[[], str]) -> None:
        self.store = store
        self.client = client
        self.clock = clock
        self._held: dict[tuple[str, str], dict[str, Any]] = {}
        self._lock = threading.Lock()

    def query(self, number: str, day: str) -> dict[str, Any]:
        """The kept answer for (number, day), asking the database the first time."""
        key = (number, day)
        if key in self._held:
            return self._held[key]
        answer = self.store.answer(number, day)
        if answer is None:
            result = self.client.ask(number, day)
            answer = {"number": number, "date": day, "result": result, "queried_at": self.clock(),
                      "source": self.client.source}  # fmt: skip
            self.store.keep(number, day, answer)
        with self._lock:
            self._held[key] = answer
        return answer

    def disconnected_since(self, number: str, day: str) -> bool:
        return bool(self.query(number, day)["result"] == YES)
