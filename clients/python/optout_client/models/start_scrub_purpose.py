from enum import StrEnum

class StartScrubPurpose(StrEnum):
    INFORMATIONAL = "informational"
    MARKETING = "marketing"
    TRANSACTIONAL = "transactional"

    def __str__(self) -> str:
        return str(self.value)
