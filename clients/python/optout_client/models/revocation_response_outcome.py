from enum import StrEnum

class RevocationResponseOutcome(StrEnum):
    DOUBTFUL = "doubtful"
    NONE = "none"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
