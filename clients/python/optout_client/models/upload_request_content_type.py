from enum import StrEnum

class UploadRequestContentType(StrEnum):
    APPLICATIONX_NDJSON = "application/x-ndjson"
    TEXTCSV = "text/csv"
    TEXTPLAIN = "text/plain"

    def __str__(self) -> str:
        return str(self.value)
