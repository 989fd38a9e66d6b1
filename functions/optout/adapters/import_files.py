"""Import files too large for the API (SPEC 13 allows 100,000 rows; API Gateway takes 10 MB
and Lambda 6 MB): the caller PUTs the file to a presigned S3 URL, then starts the import
naming the upload. The bucket (IMPORT_BUCKET) expires uploads after a day; locally the
server runs an S3 emulator on a loopback port."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from optout.consent.errors import Conflict, NotFound, StoreUnavailable

UPLOAD_SECONDS = 900
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
PREFIX = "uploads/"


@lru_cache(maxsize=1)
def s3() -> Any:
    import boto3  # only for a large import

    return boto3.client("s3")


@dataclass(frozen=True)
class ImportFiles:
    bucket: str | None

    def _bucket(self) -> str:
        if not self.bucket:
            raise Conflict("large imports are not configured here (IMPORT_BUCKET); send the file in the request")
        return self.bucket

    def upload_url(self, upload_id: str, content_type: str) -> str:
        """A URL the file can be PUT to for the next 15 minutes, with this Content-Type."""
        params = {"Bucket": self._bucket(), "Key": PREFIX + upload_id, "ContentType": content_type}
        try:
            return str(s3().generate_presigned_url("put_object", Params=params, ExpiresIn=UPLOAD_SECONDS))
        except (BotoCoreError, ClientError) as exc:
            raise StoreUnavailable("the upload store is unavailable") from exc

    def check(self, upload_id: str) -> None:
        """NotFound unless the file was put to its URL (a HEAD: nothing is read)."""
        self._object("head_object", upload_id)

    def read(self, upload_id: str) -> tuple[bytes, str]:
        """The uploaded file and its Content-Type."""
        found = self._object("get_object", upload_id)
        return found["Body"].read(), str(found.get("ContentType") or "")

    def _object(self, operation: str, upload_id: str) -> Any:
        """The upload's object (HEAD or GET): NotFound when it is not there, Conflict when it
        is too large, StoreUnavailable when S3 does not answer."""
        try:
            found = getattr(s3(), operation)(Bucket=self._bucket(), Key=PREFIX + upload_id)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                raise NotFound(f"upload {upload_id} not found: PUT the file to its URL first") from None
            raise StoreUnavailable("the upload store is unavailable") from exc
        except BotoCoreError as exc:
            raise StoreUnavailable("the upload store is unavailable") from exc
        if int(found.get("ContentLength") or 0) > MAX_UPLOAD_BYTES:
            raise Conflict(f"an uploaded file is at most {MAX_UPLOAD_BYTES} bytes")
        return found
