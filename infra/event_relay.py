"""The local stand-in for DynamoDB Streams -> EventBridge -> API destinations (SPEC 13):
read the Audit table's stream and deliver each record's consent event to every URL in
EVENT_WEBHOOK_URLS, signed with EVENT_WEBHOOK_SECRET, in the stream's order.

One thread per subscriber, apart from the API's threads: a subscriber that fails is retried
with backoff (1 s doubling to 60 s) and holds back only its own later events, so each
subscriber gets every event once delivered, in audit order. What each subscriber has
received is kept under EVENT_STATE_DIR (the position in the stream, written after each
delivery), so undelivered events survive a restart: DynamoDB Local keeps its stream with
its data. A crash between a delivery and its position being written sends that event once
more: subscribers deduplicate by the event's `id`.

    python -m infra.event_relay [--follow]      (make events): print the stream's events
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optout.adapters.event_webhooks import deliver, delivered

MAX_BACKOFF_SECONDS = 60.0
POLL_SECONDS = 0.5


@dataclass(frozen=True)
class StreamEvent:
    shard: str
    sequence: str
    body: str | None  # the consent event stored with its audit record; None: another item's change


class AuditStream:
    """The Audit table's stream: the consent events after a position, oldest first."""

    def __init__(self, endpoint: str, table: str, region: str = "us-east-1") -> None:
        import boto3

        self.dynamodb = boto3.client("dynamodb", endpoint_url=endpoint, region_name=region)
        self.streams = boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name=region)
        self.table = table

    def arn(self) -> str:
        arn = self.dynamodb.describe_table(TableName=self.table)["Table"].get("LatestStreamArn")
        if not arn:
            raise RuntimeError(f"table {self.table} has no stream: it predates events; restart make run to add it")
        return str(arn)

    def events(self, position: dict[str, str]) -> Iterator[StreamEvent]:
        """Every record after `position` (shard -> last sequence number seen), parents' shards
        before their children's, with its consent event if it has one; stops when it has
        caught up with the open shard."""
        arn = self.arn()
        shards = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
        for shard in _parents_first(shards):
            shard_id = shard["ShardId"]
            if shard_id in position:
                kind, extra = "AFTER_SEQUENCE_NUMBER", {"SequenceNumber": position[shard_id]}
            else:
                kind, extra = "TRIM_HORIZON", {}
            iterator = self.streams.get_shard_iterator(
                StreamArn=arn, ShardId=shard_id, ShardIteratorType=kind, **extra
            ).get("ShardIterator")
            while iterator:
                page = self.streams.get_records(ShardIterator=iterator, Limit=100)
                for record in page["Records"]:
                    yield StreamEvent(shard_id, record["dynamodb"]["SequenceNumber"], _outbox(record))
                if not page["Records"]:
                    break  # caught up (an open shard has no end)
                iterator = page.get("NextShardIterator")


def _outbox(record: dict[str, Any]) -> str | None:
    if record.get("eventName") != "INSERT":
        return None
    outbox = record["dynamodb"].get("NewImage", {}).get("outbox", {})
    body = outbox.get("S")
    return str(body) if body is not None else None


def _parents_first(shards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {shard["ShardId"] for shard in shards}
    ordered: list[dict[str, Any]] = []
    placed: set[str] = set()
    pending = list(shards)
    while pending:
        for shard in list(pending):
            parent = shard.get("ParentShardId")
            if parent is None or parent not in ids or parent in placed:
                ordered.append(shard)
                placed.add(shard["ShardId"])
                pending.remove(shard)
    return ordered


class Progress:
    """What one subscriber has received: the stream's ARN and a position per shard, in a
    file replaced atomically after each delivery. Another stream (make reset) starts over."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, arn: str) -> dict[str, str]:
        try:
            saved = json.loads(self.path.read_text())
        except (OSError, ValueError):
            return {}
        return dict(saved.get("shards", {})) if saved.get("stream") == arn else {}

    def save(self, arn: str, position: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps({"stream": arn, "shards": position}))
        partial.replace(self.path)


def progress_path(state_dir: str, url: str) -> Path:
    """One file a subscriber, named by a digest of its URL (a URL may carry a token)."""
    return Path(state_dir) / f"subscriber-{hashlib.sha256(url.encode()).hexdigest()[:16]}.json"


class Subscriber:
    """Delivers the stream to one URL until stopped."""

    def __init__(
        self,
        url: str,
        secret: str,
        stream: AuditStream,
        progress: Progress,
        send: Callable[[str, str, str], int | None] = deliver,
        backoff: tuple[float, float] = (1.0, MAX_BACKOFF_SECONDS),
    ) -> None:
        self.url, self.secret, self.stream, self.progress = url, secret, stream, progress
        self.send = send
        self.first_delay, self.max_backoff = backoff
        self.delivered = 0
        self.failures = 0

    def pump(self, stop: threading.Event) -> int:
        """Deliver what the stream holds now; returns how many were delivered. A failing
        subscriber is retried here, with backoff, until it answers or `stop` is set."""
        arn = self.stream.arn()
        position = self.progress.load(arn)
        done = 0
        for event in self.stream.events(position):
            if event.body is None:  # an event record, a review's update: nothing to send
                position[event.shard] = event.sequence
                continue
            delay = self.first_delay
            while not delivered(self.send(self.url, event.body, self.secret)):
                self.failures += 1
                if stop.wait(delay):
                    return done
                delay = min(delay * 2, self.max_backoff)
            position[event.shard] = event.sequence
            self.progress.save(arn, position)
            done += 1
            self.delivered += 1
        return done

    def run(self, stop: threading.Event, every: float = POLL_SECONDS) -> None:
        while not stop.is_set():
            try:
                self.pump(stop)
            except Exception as exc:  # noqa: BLE001 - the store restarting must not end delivery
                print(f"optout events: stream unavailable ({type(exc).__name__}); retrying", file=sys.stderr)
            stop.wait(every)


def start(stop: threading.Event) -> list[Subscriber]:
    """The local server's relay: a thread per configured subscriber (none configured: none);
    the GoHighLevel and carrier syncs are the ones the sync function sends to (wiring)."""
    from optout import wiring
    from optout.settings import get_settings

    settings = get_settings()
    urls = settings.event_webhook_urls if settings.event_webhook_secret else ()
    senders = wiring.current().sync_senders(settings.ghl_api_token)
    if not urls and not senders:
        return []
    if os.environ.get("DYNAMODB_ENGINE") == "moto":
        print("optout events: moto has no DynamoDB Streams; EVENT_WEBHOOK_URLS needs DYNAMODB_ENGINE=dynamodb-local")
        return []
    stream = AuditStream(os.environ["AWS_ENDPOINT_URL_DYNAMODB"], settings.audit_table, settings.region)
    state_dir = settings.event_state_dir or os.environ["EVENT_STATE_DIR"]
    subscribers = []
    for url in urls:
        secret = settings.event_webhook_secret or ""
        subscribers.append(Subscriber(url, secret, stream, Progress(progress_path(state_dir, url))))
    for name, send in senders:
        url = "ghl:" + settings.ghl_api_url if name == "ghl" else "twilio:consents"
        subscribers.append(Subscriber(url, "", stream, Progress(progress_path(state_dir, url)), send=send))
    for subscriber in subscribers:
        threading.Thread(target=subscriber.run, args=(stop,), name="event-relay", daemon=True).start()
    return subscribers


def main(argv: list[str] | None = None) -> int:
    """Print every consent event of the running local server's stream, one JSON line each."""
    from infra.local_settings import DEFAULTS, state_file

    args = argv if argv is not None else sys.argv[1:]
    follow = "--follow" in args
    port = int(os.environ.get("PORT") or DEFAULTS["PORT"])
    path = state_file(port)
    if not path.exists():
        print(f"no local server on port {port}: start it with `make run` (PORT=… to pick another)")
        return 1
    state = json.loads(path.read_text())
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    stream = AuditStream(state["AWS_ENDPOINT_URL_DYNAMODB"], state["AUDIT_TABLE"], state.get("AWS_REGION", "us-east-1"))
    position: dict[str, str] = {}
    stop = threading.Event()
    try:
        while True:
            for event in stream.events(position):
                position[event.shard] = event.sequence
                if event.body is not None:
                    print(event.body, flush=True)
            if not follow or stop.wait(POLL_SECONDS):
                return 0
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
