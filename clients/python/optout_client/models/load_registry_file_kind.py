from enum import StrEnum

class LoadRegistryFileKind(StrEnum):
    CHANGES = "changes"
    FULL = "full"

    def __str__(self) -> str:
        return str(self.value)
