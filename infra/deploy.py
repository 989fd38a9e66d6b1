"""`make deploy ENV=dev|prod`: `sam deploy` with the environment's parameters from
samconfig.toml plus ConfigurationDigest, a digest of those parameters.

SAM publishes a new function version, and moves the `live` alias the API and the schedules
call, only when the code or AutoPublishCodeSha256 changes; it does not look at resolved
parameter values. Without the digest, a deploy that only changes StopScope or SmsFirst
would report success while every request still ran the old configuration.
"""

from __future__ import annotations

import hashlib
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def overrides(env: str, samconfig: Path = ROOT / "samconfig.toml") -> str:
    config = tomllib.loads(samconfig.read_text())
    try:
        return str(config[env]["deploy"]["parameters"]["parameter_overrides"])
    except KeyError:
        raise SystemExit(f"samconfig.toml has no [{env}.deploy.parameters] parameter_overrides") from None


def digest(parameter_overrides: str) -> str:
    """Stable over spacing and order: the sorted Name=Value pairs, hashed."""
    pairs = sorted(shlex.split(parameter_overrides))
    return hashlib.sha256("\n".join(pairs).encode()).hexdigest()


def command(env: str, sam: str) -> list[str]:
    given = overrides(env)
    return [sam, "deploy", "--config-env", env, "--parameter-overrides", f"{given} ConfigurationDigest={digest(given)}"]


if __name__ == "__main__":
    env, sam = sys.argv[1], sys.argv[2]
    cmd = command(env, sam)
    print("ConfigurationDigest:", cmd[-1].rsplit("=", 1)[1], flush=True)
    raise SystemExit(subprocess.call(cmd))  # noqa: S603 - the SAM CLI of our own venv
