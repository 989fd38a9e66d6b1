from enum import StrEnum

class ConsentCheckResponseExemptionType0(StrEnum):
    EBR_INQUIRY = "ebr_inquiry"
    EBR_PURCHASE = "ebr_purchase"
    WRITTEN_CONSENT = "written_consent"

    def __str__(self) -> str:
        return str(self.value)
