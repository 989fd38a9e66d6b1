from enum import StrEnum

class StartScrubMethodType0(StrEnum):
    AUTODIALED = "autodialed"
    LIVE = "live"
    PRERECORDED = "prerecorded"

    def __str__(self) -> str:
        return str(self.value)
