from enum import StrEnum

class ListReviewsStatus(StrEnum):
    DISMISSED = "dismissed"
    OPEN = "open"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
