from enum import StrEnum

class DndRequestChannelsItem(StrEnum):
    ALL = "all"
    CALL = "call"
    EMAIL = "email"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
