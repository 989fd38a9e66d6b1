"""The local server's S3 for import files too large for one request (SPEC 13's presigned
uploads): moto's S3 emulator on a free loopback port, in memory (an upload lasts until the
server stops), with the bucket IMPORT_BUCKET names. A real IMPORT_BUCKET with
AWS_ENDPOINT_URL_S3 already set is left alone."""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

BUCKET = "optout-imports-local"


def start() -> Any | None:
    """Start the emulator and point the handlers at it; None when S3 is configured already."""
    if os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("IMPORT_BUCKET"):
        return None
    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # (it would log presigned URLs)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    os.environ["AWS_ENDPOINT_URL_S3"] = f"http://127.0.0.1:{port}"
    os.environ["IMPORT_BUCKET"] = BUCKET
    boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1")).create_bucket(Bucket=BUCKET)
    return server
