from enum import StrEnum

class ScrubJobResponseChannel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
