"""What the local server starts with and where a running one says how to reach it: its
development defaults (DEFAULTS) and its state file (state_file). The tools that talk to a
running server (`make sms`, `make sweep`, `make email`, `make events`, the bench, the e2e
tests) read them here, without importing the server."""

from __future__ import annotations

import tempfile
from pathlib import Path

from infra import engine
from infra.token import DEFAULT_SECRET

# Development defaults for every setting the local server reads (README "Configuration").
DEFAULTS = {
    "PORT": "3000",
    "PUBLIC_BASE_URL": "",  # default: http://127.0.0.1:$PORT
    "TWILIO_AUTH_TOKEN": "dev-twilio-auth-token",
    "UNSUBSCRIBE_SIGNING_KEY": "dev-unsubscribe-signing-key",
    "LOCAL_JWT_SECRET": DEFAULT_SECRET,
    "STOP_SCOPE": "sms",
    # Durable intake: a lead's opt-out the store cannot take now waits here and is applied
    # by the server's drain as soon as the store is back (and after a restart).
    "INTAKE_DIR": str(engine.DATA_ROOT / "intake"),
    "DYNAMODB_ENGINE": engine.DEFAULT_ENGINE,
    "DYNAMODB_DATA_DIR": str(engine.DEFAULT_DATA_DIR),
    # Consent events (SPEC 13): delivered to these URLs (comma-separated; none by default),
    # signed with the secret; each subscriber's position in the stream is kept here.
    "EVENT_WEBHOOK_URLS": "",
    "EVENT_WEBHOOK_SECRET": "dev-event-webhook-secret",
    "EVENT_STATE_DIR": str(engine.DATA_ROOT / "events"),
    # The console's role picker (SPEC 16): GET /console/local-token?role= mints a local
    # token; it exists only here, never in the template.
    "CONSOLE_SIGN_IN": "local",
    # As Lambda scales a function out: up to this many instances of each function serve
    # requests at once (a burst of STOPs while the store hangs is answered in parallel).
    "LOCAL_FUNCTION_CONCURRENCY": "64",
}


def state_file(port: int) -> Path:
    """Where a running local server says how to reach its DynamoDB (for `make sweep`)."""
    return Path(tempfile.gettempdir()) / f"optout-local-{port}.json"
