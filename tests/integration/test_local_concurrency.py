"""The local server serves requests to one function at once, as Lambda's instances would: two
routes of one resolver in flight together each run their own route (Powertools keeps the
matched route in the resolver's context, per process in Lambda, per thread here)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from infra.local_server import LocalApi
from infra.token import DEFAULT_SECRET, mint
from tests.conftest import Client, ada


def test_concurrent_requests_to_one_function_each_run_their_own_route(tables: dict[str, str]) -> None:
    assert Client(LocalApi(DEFAULT_SECRET)).put("/contacts/c-1", ada(), role="integration").status == 201
    api = LocalApi(DEFAULT_SECRET, concurrency=8)
    headers = {"authorization": f"Bearer {mint('admin')}", "user-agent": "pytest"}
    paths = ["/contacts/c-1/history?limit=5", "/contacts/c-1/consents", "/contacts/c-1"] * 40

    def get(path: str) -> tuple[str, int, bytes]:
        status, _, body = api.dispatch("GET", path, headers, b"", "203.0.113.9")
        return path, status, body

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(get, paths))
    expected_key = {"history": "records", "consents": "consents"}
    for path, status, body in answers:
        assert status == 200, (path, body[:200])
        key = next((k for p, k in expected_key.items() if p in path), "id")
        assert key in json.loads(body), path
