"""The whole HTTP API on localhost, with an embedded DynamoDB and no AWS account.

The engine is AWS's DynamoDB Local with its data under .data/dynamodb (opt-outs survive a
restart), or moto in memory with DYNAMODB_ENGINE=moto (infra.engine). Routes, tables and
table variables come from template.yaml. Each request becomes an API Gateway HTTP API (v2)
event for the same handler function Lambda runs; a stand-in for the JWT authorizer checks
HS256 tokens signed with LOCAL_JWT_SECRET and passes their claims the way API Gateway does
(arrays flattened to "[a b]").
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import re
import signal
import sys
import threading
import time
import traceback
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import jwt

from infra import engine, event_relay, local_s3, template
from infra.instances import FunctionInstances, Throttled, keep_resolver_state_per_thread
from infra.local_settings import DEFAULTS, state_file
from infra.tables import create_tables, table_environment
from infra.token import AUDIENCE, ISSUER, mint

LOCAL_TOKEN_PATH = "/console/local-token"
CONSOLE_ROLES = ("rep", "manager", "support", "admin")
MAX_BODY = 10 * 1024 * 1024  # API Gateway HTTP API payload limit
_TOKEN_PATH = re.compile(r"/unsubscribe/[^/]*")
_ERROR_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    414: "uri_too_long",
    431: "headers_too_large",
    501: "method_not_allowed",
    505: "http_version_not_supported",
}
_TEXT_TYPES = ("application/json", "text/", "application/xml", "application/javascript")


class _Context:
    """The parts of the Lambda context object handlers use."""

    def __init__(self, function: str) -> None:
        self.function_name = function
        self.function_version = "$LATEST"
        self.memory_limit_in_mb = 512
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:000000000000:function:{function}"
        self.aws_request_id = str(uuid.uuid4())
        self._deadline = time.monotonic() + 10

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def _typed(claims: dict[str, Any]) -> bool:
    """The time claims are JSON numbers (RFC 7519 NumericDate), as API Gateway's authorizer
    requires. PyJWT reads them with int(), which also takes "1700000000", true and false."""
    return all(
        isinstance(claims[name], int | float) and not isinstance(claims[name], bool)
        for name in ("exp", "iat", "nbf")
        if name in claims
    )


def api_gateway_claims(claims: dict[str, Any]) -> dict[str, str]:
    """Claims as API Gateway's JWT authorizer hands them to Lambda: every value a string."""
    flat = {}
    for key, value in claims.items():
        if isinstance(value, list):
            flat[key] = "[" + " ".join(str(v) for v in value) + "]"
        else:
            flat[key] = str(value)
    return flat


def build_event(
    route: template.Route,
    path_params: dict[str, str],
    method: str,
    raw_path: str,
    query: str,
    headers: dict[str, str],
    body: bytes,
    source_ip: str,
    claims: dict[str, str] | None,
) -> dict[str, Any]:
    content_type = headers.get("content-type", "")
    is_text = not body or content_type.startswith(_TEXT_TYPES) or content_type.endswith("+json")
    if is_text and body:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            is_text = False  # not text whatever its label: passed on base64-encoded, as binary
    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        params[key] = f"{params[key]},{value}" if key in params else value
    now = datetime.now(UTC)
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route.route_key,
        "rawPath": raw_path,
        "rawQueryString": query,
        # API Gateway adds the scheme the client used; here it is always plain HTTP.
        "headers": {"x-forwarded-proto": "http", **headers},
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": headers.get("host", "127.0.0.1"),
            "domainPrefix": "local",
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": headers.get("user-agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": route.route_key,
            "stage": "$default",
            "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "isBase64Encoded": not is_text,
        "body": (body.decode("utf-8") if is_text else base64.b64encode(body).decode()) if body else None,
    }
    if "cookie" in headers:
        event["cookies"] = [c.strip() for c in headers["cookie"].split(";") if c.strip()]
    if params:
        event["queryStringParameters"] = params
    if path_params:
        event["pathParameters"] = path_params
    if claims is not None:
        event["requestContext"]["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return event


class LocalApi:
    """The routes of template.yaml served by their handlers. `concurrency`: how many
    instances of one function may serve requests at once (infra/instances.py); None, as the
    in-process tests use it: one request at a time per function, on the imported module."""

    def __init__(self, secret: str, concurrency: int | None = None) -> None:
        self.secret = secret
        self.routes = template.routes()
        self.concurrency = concurrency
        if concurrency is not None:
            keep_resolver_state_per_thread()
        self._instances: dict[str, FunctionInstances] = {}
        self._lock = threading.Lock()

    def instances(self, dotted: str) -> FunctionInstances:
        with self._lock:
            if dotted not in self._instances:
                self._instances[dotted] = FunctionInstances(dotted, self.concurrency)
            return self._instances[dotted]

    def handler(self, dotted: str) -> Any:
        module, _, attr = dotted.rpartition(".")
        return getattr(importlib.import_module(module), attr)

    def authorize(self, headers: dict[str, str]) -> dict[str, str] | None:
        auth = headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=["HS256"],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError:
            return None
        if not _typed(claims):
            return None
        return api_gateway_claims(claims)

    def local_token(self, method: str, query: str) -> tuple[int, dict[str, str], bytes]:
        """The console's local sign-in: a token for the role picked (no password: local only)."""
        if method != "GET":
            return _json(405, "method_not_allowed", "use GET", {"Allow": "GET"})
        role = dict(parse_qsl(query)).get("role", "")
        if role not in CONSOLE_ROLES:
            return _json(422, "validation_error", f"role must be one of {', '.join(CONSOLE_ROLES)}")
        body = json.dumps({"token": mint(role, secret=self.secret, ttl=8 * 3600), "role": role}).encode()
        return 200, {"Content-Type": "application/json", "Cache-Control": "no-store"}, body

    def dispatch(
        self, method: str, target: str, headers: dict[str, str], body: bytes, source_ip: str
    ) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(target)
        path = parts.path
        if path == LOCAL_TOKEN_PATH:
            return self.local_token(method, parts.query)
        if path == "/console/":  # as API Gateway does, the page answers with or without the slash
            path = "/console"
        allowed: list[tuple[bool, str]] = []  # (the route's path has no parameter, its method)
        for route in self.routes:
            match = route.pattern.match(path)
            if not match:
                continue
            if route.method not in (method, "ANY"):
                allowed.append(("{" not in route.path, route.method))
                continue
            claims = None
            if route.authorized:
                claims = self.authorize(headers)
                if claims is None:
                    return _json(
                        401, "unauthorized", "a valid bearer token is required", {"WWW-Authenticate": "Bearer"}
                    )
            event = build_event(route, match.groupdict(), method, path, parts.query, headers, body, source_ip, claims)
            # One request at a time per instance, as a Lambda execution environment serves
            # them: a handler's resolver keeps the current event in module state.
            try:
                with self.instances(route.handler).acquire() as handler:
                    result = handler(event, _Context(route.function))
            except Throttled:  # API Gateway's answer when Lambda throttles the function
                body = json.dumps({"message": "Internal Server Error"}).encode()
                return 500, {"Content-Type": "application/json"}, body
            return _http_response(result)
        if allowed:
            # A path that is a route's own (/suppressions/uploads) allows that route's
            # methods, not those of a route it only fits (/suppressions/{…}).
            static = {m for exact, m in allowed if exact}
            methods = ", ".join(sorted(static or {m for _, m in allowed}))
            return _json(405, "method_not_allowed", f"use {methods}", {"Allow": methods})
        return _json(404, "not_found", "no such route")


def _json(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    return (
        status,
        {"Content-Type": "application/json", **(headers or {})},
        json.dumps({"error": code, "message": message}).encode(),
    )


def _http_response(result: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    body = result.get("body") or ""
    raw = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
    headers = {k: ", ".join(v) if isinstance(v, list) else str(v) for k, v in (result.get("headers") or {}).items()}
    for k, values in (result.get("multiValueHeaders") or {}).items():
        headers[k] = ", ".join(values)
    if result.get("cookies"):
        headers["Set-Cookie"] = result["cookies"][0]
    return int(result.get("statusCode", 200)), headers, raw


def _make_request_handler(api: LocalApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The headers and the body are two writes: with Nagle's algorithm the body waits for
        # the client's delayed ACK of the headers (about 40 ms on a kept-alive connection).
        disable_nagle_algorithm = True

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            """Errors the HTTP layer finds itself (an overlong request line, a malformed
            request) answered in our JSON shape, never as an HTML page or a dropped socket."""
            if code == 414:
                # Read the rest of the overlong line (bounded) so closing does not reset the
                # connection before the client has read the answer.
                for _ in range(64):
                    if self.rfile.readline(65537).endswith(b"\n"):
                        break
            text = message or self.responses.get(code, ("error",))[0]
            payload = json.dumps({"error": _ERROR_CODES.get(code, "bad_request"), "message": text}).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
            self.close_connection = True

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                status, headers, payload = _json(413, "payload_too_large", "request body too large")
                self.close_connection = True
            else:
                body = self.rfile.read(length) if length else b""
                lowered: dict[str, str] = {}
                for key, value in self.headers.items():
                    k = key.lower()
                    lowered[k] = f"{lowered[k]},{value}" if k in lowered else value
                try:
                    status, headers, payload = api.dispatch(
                        self.command, self.path, lowered, body, self.client_address[0]
                    )
                except Exception:  # noqa: BLE001 - the server must answer, like API Gateway does
                    traceback.print_exc()
                    status, headers, payload = _json(500, "internal_error", "Internal Server Error")
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _serve

        def __getattr__(self, name: str) -> Any:
            # Any other method (TRACE, CONNECT, made-up ones) is routed too: a JSON 405 with
            # Allow on a known path, 404 elsewhere, as API Gateway would not answer 501.
            if name.startswith("do_") and name[3:].isupper():
                return self._serve
            raise AttributeError(name)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            # Method, path and status only: never bodies or query strings (they may be
            # personal), and never an unsubscribe token (the path shows its route instead).
            if os.environ.get("LOCAL_SERVER_QUIET") != "1":
                path = _TOKEN_PATH.sub("/unsubscribe/{token}", urlsplit(self.path).path)[:200]
                sys.stderr.write(f"{self.command} {path} {args[1] if len(args) > 1 else ''}\n")

    return Handler


def start_dynamodb() -> engine.Engine:
    """The configured engine on a free loopback port (DynamoDB Local keeps DYNAMODB_DATA_DIR)."""
    name = engine.engine_name()
    return engine.start(name, Path(os.environ["DYNAMODB_DATA_DIR"]) if name == "dynamodb-local" else None)


def configure(endpoint: str, port: int) -> dict[str, str]:
    """Set the process environment the handlers read; returns what was set (no secrets printed)."""
    import boto3

    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if not os.environ.get("PUBLIC_BASE_URL"):
        os.environ["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{port}"
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    os.environ.setdefault("AWS_REGION", "us-east-1")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "optout")
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "OptOut")
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name=os.environ["AWS_REGION"])
    env = table_environment(create_tables(client))
    os.environ.update(env)
    return env


def write_state(port: int, endpoint: str) -> None:
    keys = ("AWS_ENDPOINT_URL_DYNAMODB", "AWS_REGION", "CONTACTS_TABLE", "SUPPRESSIONS_TABLE", "AUDIT_TABLE")
    # and the settings `make email` needs to handle mail as the server would (no secrets)
    shared = ("INBOUND_EMAIL_ADDRESS", "INTAKE_DIR", "STOP_SCOPE", "DEFAULT_COUNTRY", "STAGE_HOT_LEADS")
    state = {k: os.environ[k] for k in keys} | {k: os.environ[k] for k in shared if os.environ.get(k)}
    state_file(port).write_text(json.dumps(state))


def warm_store_clients() -> None:
    """Build the store's botocore clients (shared by every instance of every function, which
    Lambda's instances are not) before the first request, as SnapStart's warm-up does: else
    a burst arriving at a fresh server builds them in every thread at once, holding the GIL
    for seconds."""
    from optout.settings import get_settings
    from optout.snapstart import warm_store
    from optout.store.repository import Repository

    warm_store(Repository(get_settings()))


def install_fake_twilio() -> None:
    """No network here: the twilio package's REST client talks to infra.twilio_fake."""
    from infra.twilio_fake import FakeTwilio
    from optout import wiring

    os.environ.setdefault("TWILIO_ACCOUNT_SID", "AC" + "0" * 32)
    wiring.use(twilio_http=FakeTwilio(echo=True))


def check_configuration() -> int:
    """The port, after the development defaults are applied; exits naming the variable when
    a setting is invalid, before anything starts."""
    from optout.settings import get_settings

    raw_port = os.environ.get("PORT") or DEFAULTS["PORT"]
    if not raw_port.isdigit() or not 0 <= int(raw_port) <= 65535:
        raise SystemExit(f"optout: configuration error: PORT must be a port number, got {raw_port!r}")
    port = int(raw_port)
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    if not os.environ.get("PUBLIC_BASE_URL"):
        os.environ["PUBLIC_BASE_URL"] = f"http://127.0.0.1:{port}"
    try:
        engine.engine_name()
    except engine.EngineError as exc:
        raise SystemExit(f"optout: configuration error: {exc}") from None
    if len(os.environ["LOCAL_JWT_SECRET"]) < 16:
        raise SystemExit("optout: configuration error: LOCAL_JWT_SECRET must be at least 16 characters")
    concurrency = os.environ["LOCAL_FUNCTION_CONCURRENCY"]
    if not concurrency.isdigit() or not 1 <= int(concurrency) <= 1000:
        raise SystemExit(f"optout: configuration error: LOCAL_FUNCTION_CONCURRENCY must be 1-1000, got {concurrency!r}")
    try:
        get_settings()
    except ValueError as exc:
        raise SystemExit(f"optout: configuration error: {exc}") from None
    finally:
        get_settings.cache_clear()  # built again once the tables and endpoint are known
    return port


def drain_intake(stop: threading.Event, every: float = 1.0) -> None:
    """Apply parked opt-outs, oldest first, until `stop`; what the store still refuses waits."""
    from optout.adapters.intake import DirectoryIntake
    from optout.consent.errors import StoreUnavailable
    from optout.settings import get_settings
    from optout.store.repository import Repository
    from optout.usecases.intake import IntakeConsumer

    while not stop.wait(every):
        settings = get_settings()
        if not settings.intake_dir:
            continue
        parking, consumer = DirectoryIntake(settings.intake_dir), IntakeConsumer(Repository(settings), settings)
        for path, parked in parking.pending():
            try:
                consumer.apply(parked)
            except StoreUnavailable:
                break  # still failing: try again on the next round
            except Exception:  # noqa: BLE001 - a bad event must not stop the others
                traceback.print_exc()
                path.rename(path.with_suffix(".failed"))
                continue
            parking.done(path)


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    """The same orderly stop as Ctrl-C (the engine and its lock go too); once: a second
    signal must not cut the stop short."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    port = check_configuration()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        dynamodb = start_dynamodb()
    except engine.EngineError as exc:
        raise SystemExit(f"optout: {exc}") from None
    try:
        serve(port, dynamodb)
    finally:
        dynamodb.stop()


def serve(port: int, dynamodb: engine.Engine) -> None:
    endpoint = dynamodb.endpoint
    env = configure(endpoint, port)
    api = LocalApi(os.environ["LOCAL_JWT_SECRET"], int(os.environ["LOCAL_FUNCTION_CONCURRENCY"]))
    install_fake_twilio()
    uploads = local_s3.start()
    warm_store_clients()  # after every variable is set: the settings are built here
    ThreadingHTTPServer.request_queue_size = 128  # socketserver's default of 5 resets bursts of clients
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _make_request_handler(api))
    port = httpd.server_address[1]
    write_state(port, endpoint)
    print(f"optout local API listening on http://127.0.0.1:{port}", flush=True)
    print(f"  DynamoDB ({dynamodb.label}): {endpoint}; tables: {', '.join(env.values())}")
    print(f"  PUBLIC_BASE_URL={os.environ['PUBLIC_BASE_URL']}  STOP_SCOPE={os.environ['STOP_SCOPE']}")
    print(f"  parked opt-outs (durable intake): {os.environ['INTAKE_DIR']}")
    for key in ("TWILIO_AUTH_TOKEN", "UNSUBSCRIBE_SIGNING_KEY", "LOCAL_JWT_SECRET"):
        note = "development default" if os.environ[key] == DEFAULTS[key] else "from environment"
        print(f"  {key}: {note}")
    print("  Twilio REST API: a local fake (texts are printed here, Lookup says mobile)")
    where = "an in-memory S3 emulator" if uploads else "IMPORT_BUCKET"
    print(f"  large import files (POST /suppressions/uploads): {where} at {os.environ.get('AWS_ENDPOINT_URL_S3')}")
    from optout.handlers.console import DIST

    built = "" if (DIST / "index.html").is_file() else " (not built: make console)"
    print(f"  rep console: http://127.0.0.1:{port}/console{built}, sign in by picking a role")
    print("  token: make token ROLE=admin   routes:")
    for route in api.routes:
        print(f"    {route.method:6} {route.path}{'' if route.authorized else '  (no JWT)'}")
    sys.stdout.flush()
    stop_draining = threading.Event()
    threading.Thread(target=drain_intake, args=(stop_draining,), name="intake-drain", daemon=True).start()
    subscribers = event_relay.start(stop_draining)
    print(f"  consent events: {len(subscribers)} subscriber(s) (EVENT_WEBHOOK_URLS); make events prints them")
    sys.stdout.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop_draining.set()
        httpd.server_close()
        if uploads is not None:
            uploads.stop()
        state_file(port).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
