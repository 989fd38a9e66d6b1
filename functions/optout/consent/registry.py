"""A do-not-call registry's numbers of one area code, as a bitmap (SPEC 20): one bit for each
of the 10,000,000 seven-digit numbers after the area code, so a loaded area code is 1.25 MB
whatever its count, a check is one byte read, and the stored copy is that bitmap compressed.

A number is split as "+1" NPA + seven digits (`split_number`); the set holds the seven-digit
rest as an int. Pure: no I/O, the store keeps the bytes of `to_bytes`.
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import repeat

SIZE = 10_000_000  # seven-digit numbers an area code can have, 0000000..9999999
NBYTES = SIZE // 8
# Speed over size: a busy area code's bitmap is close to random bits, which no level shrinks
# much (3,000,000 numbers: 966 KB at level 1 in 27 ms, 964 KB at 6 in 30 ms; 1,000,000: 646
# KB in 25 ms against 632 KB in 154 ms); a sparse one gains more from 6 (100,000 numbers:
# 200 KB in 9 ms, 151 KB in 43 ms): to_bytes(level=6) for a store that pays by the byte.
COMPRESS_LEVEL = 1
_FORMAT = b"\x01"  # the first byte of to_bytes: a later layout can be told from this one
_STARTS = frozenset("23456789")  # an area code and an exchange start with 2-9 (NANP)
# bytes.translate tables: byte value 1 -> bit j set, anything else -> 0
_NONZERO = re.compile(rb"[^\x00]")
_PACK = tuple(bytes([0, 1 << j]) + bytes(254) for j in range(8))


def split_number(e164: str) -> tuple[str, int] | None:
    """("206", 5550123) for "+12065550123"; None for anything but "+1" and ten ASCII digits
    whose area code and exchange start with 2-9 (string tests only: this runs per check)."""
    if len(e164) != 12 or e164[:2] != "+1" or e164[2] not in _STARTS or e164[5] not in _STARTS:
        return None
    digits = e164[2:]
    if not (digits.isascii() and digits.isdigit()):  # isdigit alone takes other scripts' digits
        return None
    return digits[:3], int(digits[3:])


def join_number(npa: str, rest: int) -> str:
    """The E.164 form back: join_number("206", 5550123) == "+12065550123"."""
    return f"+1{npa}{rest:07d}"


class AreaCodeSet:
    """The numbers of one area code that are on a registry: bit n of the bitmap (byte n >> 3,
    bit n & 7) is the seven-digit number n. `count` is kept exact as bits change."""

    __slots__ = ("_bits", "_count")

    def __init__(self) -> None:
        self._bits = bytearray(NBYTES)
        self._count = 0

    @property
    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __contains__(self, n: int) -> bool:
        if not 0 <= n < SIZE:  # a negative index would read from the end
            return False
        return bool(self._bits[n >> 3] & (1 << (n & 7)))

    def add(self, n: int) -> bool:
        """Put n in; True when it was not there before."""
        _check(n)
        i, bit = n >> 3, 1 << (n & 7)
        byte = self._bits[i]
        if byte & bit:
            return False
        self._bits[i] = byte | bit
        self._count += 1
        return True

    def discard(self, n: int) -> bool:
        """Take n out; True when it was there."""
        _check(n)
        i, bit = n >> 3, 1 << (n & 7)
        byte = self._bits[i]
        if not byte & bit:
            return False
        self._bits[i] = byte & ~bit
        self._count -= 1
        return True

    def apply(self, changes: Iterable[tuple[int, bool]]) -> tuple[int, int]:
        """A change list's lines in order (True: add, False: delete): (added, deleted), each
        counting only the numbers whose bit changed."""
        added = deleted = 0
        add, discard = self.add, self.discard
        for n, adding in changes:
            if adding:
                added += add(n)
            else:
                deleted += discard(n)
        return added, deleted

    def __iter__(self) -> Iterator[int]:
        """The numbers in ascending order (the regex skips zero bytes in C)."""
        for match in _NONZERO.finditer(self._bits):
            i = match.start()
            byte, base = self._bits[i], i << 3
            for j in range(8):
                if byte >> j & 1:
                    yield base + j

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AreaCodeSet):
            return NotImplemented
        return self._count == other._count and self._bits == other._bits

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"AreaCodeSet(count={self._count})"

    def bitmap(self) -> bytes:
        """The bits as bytes (bit n of the whole, little-endian, is number n)."""
        return bytes(self._bits)

    def copy(self) -> AreaCodeSet:
        new = type(self).__new__(type(self))
        new._bits, new._count = bytearray(self._bits), self._count
        return new

    def to_bytes(self, level: int = COMPRESS_LEVEL) -> bytes:
        """The stored form: a format byte and the bitmap, zlib-compressed (any level reads back)."""
        return _FORMAT + zlib.compress(self._bits, level)

    @classmethod
    def from_bytes(cls, data: bytes) -> AreaCodeSet:
        """The set `to_bytes` wrote; ValueError for bytes it did not write (the bitmap's size
        bounds what is decompressed, so no input can make it allocate more)."""
        if data[:1] != _FORMAT:
            raise ValueError("not an AreaCodeSet: unknown format")
        inflate = zlib.decompressobj()
        try:
            # the decompressed bytes are dropped as soon as they are copied: a load peaks at
            # two bitmaps, not three with the count's big int
            bits = bytearray(inflate.decompress(memoryview(data)[1:], NBYTES + 1))
        except zlib.error:
            raise ValueError("not an AreaCodeSet: the bitmap does not decompress") from None
        if len(bits) != NBYTES or not inflate.eof or inflate.unconsumed_tail or inflate.unused_data:
            raise ValueError("not an AreaCodeSet: the bitmap is not 1,250,000 bytes")
        return cls._of(bits)

    @classmethod
    def from_numbers(cls, numbers: Iterable[int]) -> AreaCodeSet:
        """The set of these seven-digit numbers (repeats are fine). Built in C loops: one byte
        per number is set, then every eighth byte is packed into the bitmap with a
        translate table and big-int ORs (3,000,000 numbers: about 0.2 s)."""
        values = numbers if isinstance(numbers, list | tuple | range) else list(numbers)
        if not values:
            return cls()
        if min(values) < 0 or max(values) >= SIZE:
            raise ValueError(f"numbers must be 0..{SIZE - 1}")
        flags = bytearray(SIZE)
        deque(map(flags.__setitem__, values, repeat(1)), maxlen=0)
        packed = 0
        for j in range(8):
            packed |= int.from_bytes(flags[j::8].translate(_PACK[j]), "little")
        return cls._of(bytearray(packed.to_bytes(NBYTES, "little")))

    @classmethod
    def _of(cls, bits: bytearray) -> AreaCodeSet:
        new = cls.__new__(cls)
        new._bits, new._count = bits, int.from_bytes(bits, "little").bit_count()
        return new


def _check(n: int) -> None:
    if not 0 <= n < SIZE:
        raise ValueError(f"a number is 0..{SIZE - 1}")
