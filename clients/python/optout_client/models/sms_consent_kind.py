from enum import StrEnum

class SmsConsentKind(StrEnum):
    EXPRESS = "express"
    EXPRESS_WRITTEN = "express_written"

    def __str__(self) -> str:
        return str(self.value)
