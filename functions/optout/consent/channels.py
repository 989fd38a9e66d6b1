"""Contact channels and the `all` shorthand."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    CALL = "call"


ALL = "all"
CHANNELS: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL, Channel.CALL)
PHONE_CHANNELS: tuple[Channel, ...] = (Channel.SMS, Channel.CALL)


def expand(names: Iterable[str]) -> tuple[Channel, ...]:
    """Channel names, with `all` standing for every channel, in a stable order."""
    wanted: set[Channel] = set()
    for name in names:
        if name == ALL:
            wanted.update(CHANNELS)
        else:
            wanted.add(Channel(name))
    return tuple(c for c in CHANNELS if c in wanted)
