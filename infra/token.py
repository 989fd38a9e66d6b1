"""Mint a local JWT for a role: `python -m infra.token manager` (what `make token` runs)."""

from __future__ import annotations

import argparse
import os
import time

import jwt

DEFAULT_SECRET = "dev-local-jwt-secret-not-for-production"
ISSUER = "optout-local"
AUDIENCE = "optout"


def mint(role: str, *, sub: str | None = None, secret: str | None = None, ttl: int = 3600, **extra: object) -> str:
    now = int(time.time())
    claims = {
        "sub": sub or f"local-{role}",
        "cognito:groups": [role] if role else [],
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + ttl,
        **extra,
    }
    return jwt.encode(claims, secret or os.environ.get("LOCAL_JWT_SECRET") or DEFAULT_SECRET, algorithm="HS256")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("role", choices=["rep", "manager", "admin", "support", "integration"])
    parser.add_argument("--sub", help="user id (default local-<role>)")
    parser.add_argument("--ttl", type=int, default=12 * 3600, help="seconds the token is valid")
    args = parser.parse_args()
    print(mint(args.role, sub=args.sub, ttl=args.ttl))


if __name__ == "__main__":
    main()
