"""What the browser tests share: Debian's Chromium, where screenshots go, and API calls made
beside the browser with a local token."""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from infra.token import mint

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"
CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
# .ci/run sets REQUIRE_BROWSER=1: there a missing Chromium fails the browser tests instead.
NEEDS_CHROMIUM = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("REQUIRE_BROWSER"),
    reason="Chromium is not installed (apt-get install chromium; .ci/run does)",
)


def api(base: str, method: str, path: str, body: Any = None, role: str = "admin") -> Any:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {mint(role)}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())
