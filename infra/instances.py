"""A function's handler instances, as Lambda keeps execution environments: each serves one
request at a time, a new one starts when every one is busy, up to the function's
concurrency; past it the request is throttled, as API Gateway answers a throttled Lambda.

An instance is a separate copy of the handler module (its own resolver, whose current event
is module state, and its own cached use cases and store connections), loaded from the same
file; the first instance is the imported module itself, so what a test sets on it holds.
A request made from inside another on the same thread (the race tests) reuses the instance
that thread holds, as the server always did.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Throttled(Exception):
    """Every instance of the function is busy and it may not start another."""


class FunctionInstances:
    """`limit`: how many instances may run at once, a request beyond them Throttled; None:
    one instance, and a request waits its turn (as the in-process tests use the server)."""

    def __init__(self, dotted: str, limit: int | None) -> None:
        self.module, _, self.attr = dotted.rpartition(".")
        self.limit = limit
        self._idle: list[Any] = []
        self._started = 0
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)
        self._held = threading.local()

    @property
    def started(self) -> int:
        return self._started

    @contextmanager
    def acquire(self) -> Iterator[Any]:
        """An instance's handler for one request (Throttled when none may serve it)."""
        held = getattr(self._held, "handler", None)
        if held is not None:
            yield held
            return
        handler = self._take()
        self._held.handler = handler
        try:
            yield handler
        finally:
            self._held.handler = None
            with self._lock:
                self._idle.append(handler)
                self._freed.notify()

    def _take(self) -> Any:
        with self._lock:
            while not self._idle and self.limit is None and self._started >= 1:
                self._freed.wait()
            if self._idle:
                return self._idle.pop()
            if self.limit is not None and self._started >= self.limit:
                raise Throttled
            self._started += 1
            number = self._started
        return self._load(number)

    def _load(self, number: int) -> Any:
        if number == 1:
            return getattr(importlib.import_module(self.module), self.attr)
        original = importlib.import_module(self.module)
        name = f"{self.module}__instance{number}"
        spec = importlib.util.spec_from_file_location(name, original.__file__)
        assert spec is not None and spec.loader is not None
        copy = importlib.util.module_from_spec(spec)
        sys.modules[name] = copy  # dataclasses and pydantic look a class's module up here
        spec.loader.exec_module(copy)
        return getattr(copy, self.attr)


class _PerThread:
    """A resolver attribute kept per thread (data descriptor, on the class and on its metaclass)."""

    def __init__(self, name: str, local: threading.local) -> None:
        self.name, self.local = name, local

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        try:
            return getattr(self.local, self.name)
        except AttributeError:
            raise AttributeError(self.name) from None

    def __set__(self, obj: object, value: Any) -> None:
        setattr(self.local, self.name, value)


class _PerThreadDict(_PerThread):
    """The resolver's routing context (`app.context`, where Powertools keeps the matched
    route): per thread, a fresh dict in a thread that has not set one."""

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if not hasattr(self.local, self.name):
            setattr(self.local, self.name, {})
        return getattr(self.local, self.name)


def keep_resolver_state_per_thread() -> None:
    """Powertools keeps the current event and Lambda context on its router class
    (`BaseRouter.current_event = …`): one per process, which is right in Lambda, where a
    process serves one request at a time. The local server serves several at once in one
    process, so it keeps them per thread (idempotent)."""
    from aws_lambda_powertools.event_handler.api_gateway import BaseRouter

    if isinstance(type(BaseRouter).__dict__.get("current_event"), _PerThread):
        return
    local = threading.local()
    names = ("current_event", "lambda_context")
    for name in names:
        setattr(BaseRouter, name, _PerThread(name, local))  # instance reads and writes
    # the matched route of the request being served (`app.context["_route"]`): two requests
    # to one function at once would otherwise run each other's route
    BaseRouter.context = _PerThreadDict("context", local)  # type: ignore[assignment]
    meta = type(BaseRouter)
    per_thread_meta = type(f"PerThread{meta.__name__}", (meta,), {n: _PerThread(n, local) for n in names})
    BaseRouter.__class__ = per_thread_meta  # class-level writes: BaseRouter.current_event = …
