from enum import StrEnum

class SmsConsentSignatureType0(StrEnum):
    CHECKBOX = "checkbox"
    E_SIGN = "e_sign"
    OTP = "otp"
    RECORDED = "recorded"
    REPLY = "reply"
    WET = "wet"

    def __str__(self) -> str:
        return str(self.value)
