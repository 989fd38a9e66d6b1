"""The registries as a warm function holds them (SPEC 20): each checked registry's manifest,
reread every REGISTRY_REFRESH_SECONDS (one BatchGetItem for all of them), and each area
code's set read on first use; a new change list is applied to the set held instead of
reading the copy again. A check reads nothing from the store."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from optout.consent import dnc
from optout.consent.dnc import decode_delta
from optout.consent.errors import StoreUnavailable
from optout.consent.registry import AreaCodeSet, split_number
from optout.store.registries import RegistryStore


@dataclass
class _Held:
    """One area code's set as this process holds it, and which blobs it is made of."""

    base: str
    deltas: tuple[str, ...]
    numbers: AreaCodeSet


@dataclass(frozen=True)
class _Entry:
    """A loaded area code as a manifest names it, read once per manifest read: its copy's
    last usable day (31 days after its date) and the blobs of its set."""

    entry: dict[str, Any]
    usable_until: date
    base: str
    deltas: tuple[str, ...]


class RegistryBook:
    """The registries as this process knows them: manifests (reread every `refresh`
    seconds) and the sets read so far. Shared by the threads of a process."""

    def __init__(self, store: RegistryStore, names: tuple[str, ...], refresh: float) -> None:
        self.store = store
        self.names = names
        self.refresh = refresh
        self._index: dict[str, dict[str, _Entry]] = {}
        self._read_at = float("-inf")
        self._sets: dict[tuple[str, str], _Held] = {}
        self._applies: dict[tuple[str, str], bool] = {}
        self._lock = threading.Lock()

    def manifests(self) -> dict[str, dict[str, _Entry]]:
        """Each registry's loaded area codes (reread when `refresh` seconds have passed)."""
        if time.monotonic() - self._read_at >= self.refresh:
            with self._lock:
                if time.monotonic() - self._read_at >= self.refresh:
                    found = self.store.manifests(list(self.names))
                    self._index = {name: _entries(manifest) for name, (manifest, _) in found.items()}
                    self._read_at = time.monotonic()
        return self._index

    def forget(self) -> None:
        """Reread the manifests on next use (after this process loaded a file)."""
        self._read_at = float("-inf")

    def statuses(self, number: str, day: date) -> dict[str, str]:
        """What each checked registry says of a number on `day` ({}: none applies: not a US
        number, a toll-free one, no registry checked). Reads nothing from the store once the
        area code's set is held: a few dictionary lookups and a bit."""
        if not self.names:
            return {}
        split = split_number(number)
        if split is None:
            return {}
        npa, rest = split
        index = self.manifests()
        found: dict[str, str] = {}
        for name in self.names:
            entry = index.get(name, {}).get(npa)
            if entry is None:
                key = (name, npa)
                applies = self._applies.get(key)
                if applies is None:
                    applies = self._applies[key] = dnc.applies(name, npa, False)
                if applies:
                    found[name] = dnc.MISSING
            elif rest in self._held_set(name, npa, entry):
                found[name] = dnc.LISTED
            else:
                found[name] = dnc.STALE if day > entry.usable_until else dnc.CLEAR
        return found

    def _held_set(self, name: str, npa: str, entry: _Entry) -> AreaCodeSet:
        """The set, read as this process's manifest names it; when those blobs are gone (a
        newer load replaced them, and this manifest is older than the refresh), the manifest
        is read again and the set as it names it."""
        try:
            return self._set(name, npa, entry)
        except StoreUnavailable:
            self.forget()
            fresh = self.manifests().get(name, {}).get(npa)
            if fresh is None or fresh == entry:
                raise
            return self._set(name, npa, fresh)

    def _set(self, name: str, npa: str, entry: _Entry) -> AreaCodeSet:
        held = self._sets.get((name, npa))
        if held is not None and held.base == entry.base and held.deltas == entry.deltas:
            return held.numbers
        with self._lock:
            held = self._sets.get((name, npa))
            deltas = entry.deltas
            if held is None or held.base != entry.base or deltas[: len(held.deltas)] != held.deltas:
                held = _Held(entry.base, (), read_set(self.store, name, npa, {**entry.entry, "deltas": []}))
            apply_deltas(held.numbers, self.store, name, npa, entry.entry.get("deltas", [])[len(held.deltas) :])
            held = _Held(held.base, deltas, held.numbers)
            self._sets[(name, npa)] = held
            return held.numbers


def _entries(manifest: dict[str, Any]) -> dict[str, _Entry]:
    return {
        npa: _Entry(
            entry,
            date.fromisoformat(entry["as_of"]) + timedelta(days=dnc.STALE_DAYS),
            entry["base"],
            tuple(d for d, _ in entry.get("deltas", [])),
        )
        for npa, entry in manifest.get("area_codes", {}).items()
    }


def read_set(store: RegistryStore, name: str, npa: str, entry: dict[str, Any]) -> AreaCodeSet:
    """An area code's set as a manifest entry names it: its copy, then its deltas in order."""
    numbers = AreaCodeSet.from_bytes(store.blob(name, npa, entry["base"], entry["parts"]))
    apply_deltas(numbers, store, name, npa, entry.get("deltas", []))
    return numbers


def apply_deltas(numbers: AreaCodeSet, store: RegistryStore, name: str, npa: str, deltas: list[Any]) -> None:
    for delta_id, parts in deltas:
        numbers.apply(decode_delta(store.blob(name, npa, delta_id, parts)))
