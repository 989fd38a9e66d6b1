from enum import StrEnum

class ReviewOutDecisionType0(StrEnum):
    DISMISS = "dismiss"
    REVOKE = "revoke"

    def __str__(self) -> str:
        return str(self.value)
