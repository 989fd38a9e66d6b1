from enum import StrEnum

class ConsentCheckResponseWouldRefuseType0(StrEnum):
    NO_CONSENT = "no_consent"
    REASSIGNED = "reassigned"

    def __str__(self) -> str:
        return str(self.value)
