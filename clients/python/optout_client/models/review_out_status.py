from enum import StrEnum

class ReviewOutStatus(StrEnum):
    DISMISSED = "dismissed"
    OPEN = "open"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
