"""Write the OpenAPI document the service serves at GET /openapi.json (no server, no AWS):
`python -m infra.openapi [PATH]`, by default clients/openapi.json, which the generated
clients are built from (make clients) and checked against (make check-clients)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "clients" / "openapi.json"


def document() -> str:
    os.environ.setdefault("AWS_REGION", "us-east-1")
    from optout.handlers.rep_actions_routes import openapi_json

    return openapi_json() + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
