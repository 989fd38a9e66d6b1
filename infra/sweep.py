"""Run a scheduled sweep against the local server's data and print its summary.

    python -m infra.sweep compliance        (make sweep NAME=compliance)

It finds the running server by PORT (default 3000) and runs the same SweepService the
Lambda runs, until done, as one invocation would with its continuations.
"""

from __future__ import annotations

import json
import os
import sys

from infra.local_settings import DEFAULTS, state_file


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    from optout.usecases.sweeps import SWEEPS

    if len(args) != 1 or args[0] not in SWEEPS:
        print(f"usage: python -m infra.sweep {{{'|'.join(SWEEPS)}}}")
        return 2
    port = int(os.environ.get("PORT") or DEFAULTS["PORT"])
    path = state_file(port)
    if not path.exists():
        print(f"no local server on port {port}: start it with `make run` (PORT=… to pick another)")
        return 1
    os.environ.update(json.loads(path.read_text()))
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

    from optout.settings import get_settings
    from optout.store.repository import Repository
    from optout.usecases.sweeps import SweepService, budget

    settings = get_settings()
    service = SweepService(Repository(settings), settings)
    total: dict[str, object] = {}
    while True:
        summary = service.run(args[0], budget(60)).as_dict()
        for key in ("selected", "acted", "unchanged"):
            total[key] = int(str(total.get(key, 0))) + int(str(summary[key]))
        total.update({k: v for k, v in summary.items() if k not in ("selected", "acted", "unchanged")})
        if summary["complete"]:
            break
    print(json.dumps(total, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
