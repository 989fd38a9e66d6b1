from enum import StrEnum

class DndRequestSource(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    OTHER = "other"
    PHONE_CALL = "phone_call"
    WRITTEN = "written"

    def __str__(self) -> str:
        return str(self.value)
