from enum import StrEnum

class ImportConsentsMode(StrEnum):
    APPLY = "apply"
    DRY_RUN = "dry-run"

    def __str__(self) -> str:
        return str(self.value)
