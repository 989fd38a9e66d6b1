"""Durable intake: where a lead's opt-out waits when the store cannot take it now.

A parked event is the verified request in plain data (what the use case needs to apply
it again); it is applied exactly once later: texts and Twilio reports by their event
record, unsubscribes because a repeat changes nothing. In AWS it is an SQS queue
(INTAKE_QUEUE_URL, with a DLQ and an alarm on the oldest message's age) read by the
intake function; locally a directory (INTAKE_DIR) the local server drains, one file per
event, written atomically, so parked events survive a restart.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from optout.consent.errors import StoreUnavailable
from optout.settings import Settings

Kind = Literal["sms", "status", "unsubscribe", "email"]
SQS_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Parked:
    kind: Kind
    data: dict[str, Any]

    def dumps(self) -> str:
        return json.dumps({"kind": self.kind, "data": self.data}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> Parked:
        raw = json.loads(text)
        if raw.get("kind") not in ("sms", "status", "unsubscribe", "email") or not isinstance(raw.get("data"), dict):
            raise ValueError("not a parked event")
        return cls(raw["kind"], raw["data"])


class Intake(Protocol):
    def park(self, event: Parked) -> None:
        """Store the event durably, or raise StoreUnavailable (then the caller answers 5xx)."""


class DirectoryIntake:
    def __init__(self, directory: str) -> None:
        self.directory = Path(directory)

    def park(self, event: Parked) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # tmp file + fsync + rename: a crash leaves the event whole or absent, never half
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".parking-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(event.dumps())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.directory / f"{uuid.uuid4().hex}.json")
        except OSError as exc:
            raise StoreUnavailable("the opt-out could not be parked") from exc

    def pending(self) -> Iterator[tuple[Path, Parked]]:
        """Parked events, oldest first; a file that cannot be read is moved aside."""
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("*.json"), key=lambda p: p.stat().st_mtime_ns):
            try:
                yield path, Parked.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                path.rename(path.with_suffix(".unreadable"))

    @staticmethod
    def done(path: Path) -> None:
        path.unlink(missing_ok=True)


class QueueIntake:
    def __init__(self, queue_url: str, region: str) -> None:
        self.queue_url = queue_url
        self.region = region

    def park(self, event: Parked) -> None:
        import boto3  # only when something must be parked
        from botocore.config import Config  # type: ignore[import-untyped]
        from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

        config = Config(
            connect_timeout=SQS_TIMEOUT_SECONDS, read_timeout=SQS_TIMEOUT_SECONDS, retries={"max_attempts": 2}
        )
        try:
            boto3.client("sqs", region_name=self.region, config=config).send_message(
                QueueUrl=self.queue_url, MessageBody=event.dumps()
            )
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable("the opt-out could not be parked") from exc


CONFIGURED: Literal["configured"] = "configured"


def parking_for(settings: Settings, given: Intake | Literal["configured"] | None) -> Intake | None:
    """`given` as a use case's constructor took it: the configured intake by default, or an
    explicit one (None for the intake consumer, whose failures must raise)."""
    return intake(settings) if given == CONFIGURED else given


def intake(settings: Settings) -> Intake | None:
    """The configured intake; None: nothing can be parked, a store failure answers 503."""
    if settings.intake_queue_url:
        return QueueIntake(settings.intake_queue_url, settings.region)
    if settings.intake_dir:
        return DirectoryIntake(settings.intake_dir)
    return None
