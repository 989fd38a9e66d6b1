from enum import StrEnum

class ReviewDecisionRequestDecision(StrEnum):
    DISMISS = "dismiss"
    REVOKE = "revoke"

    def __str__(self) -> str:
        return str(self.value)
