"""Reading a do-not-call registry's flat files (SPEC 20): a full list (the FTC's: one number a
line, ten digits or `area code,number`) or a change list (`number,action,date` or
`area code,number,action,date`), into seven-digit numbers per area code (see registry.py).

Either file may start with a UTF-8 BOM and a header line, use CRLF, pad fields with spaces
and end with an empty line. Lines are counted from 1 as in an editor, the header included;
`rows` counts the lines that are data: not blank, not the header, so rows is the valid lines
plus the invalid ones. An invalid line is reported by its line number with a reason that
names the rule it broke and never its value: no reason has a digit in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from optout.consent.errors import InvalidInput

MAX_INVALID_LISTED = 1_000  # a file of garbage gets a bounded report; invalid_rows is whole
_STARTS = frozenset("23456789")  # an area code and an exchange start with 2-9 (NANP)
_CHUNK = 1 << 20  # characters split into lines at a time

NOT_A_NUMBER = "not a ten-digit US number: ten digits, or the area code and the number separated by a comma"
NOT_NANP = "not a US number: the area code and the exchange start with two to nine"
NOT_A_CHANGE = "not a change: number,action,date or area code,number,action,date"
BAD_ACTION = "action: add, delete, A or D"
BAD_DATE = "date: YYYY-MM-DD or MM/DD/YYYY"
NO_SUCH_DAY = "date: no such day"
_ACTIONS = {"add": True, "a": True, "delete": False, "d": False}


@dataclass
class RegistryFile:
    kind: Literal["full", "changes"]
    rows: int = 0  # data lines: not blank, not the header (valid + invalid_rows)
    numbers: dict[str, list[int]] = field(default_factory=dict)  # full: npa -> seven-digit numbers, repeats kept
    # changes: npa -> [(seven-digit number, True = add / False = delete)] in file order
    changes: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    invalid: list[dict[str, Any]] = field(default_factory=list)  # {"row": line number, "reason"}, never the value
    area_codes: list[str] = field(default_factory=list)  # sorted: the npas of the valid lines
    latest: str | None = None  # changes: the latest date of a valid line, YYYY-MM-DD
    # changes: npa -> the line number of each of its changes, in file order
    change_rows: dict[str, list[int]] = field(default_factory=dict)
    invalid_rows: int = 0  # every invalid line (`invalid` lists the first MAX_INVALID_LISTED)

    def _reject(self, row: int, reason: str) -> None:
        self.invalid_rows += 1
        if len(self.invalid) < MAX_INVALID_LISTED:
            self.invalid.append({"row": row, "reason": reason})


def read_text(body: bytes) -> str:
    """The body as text: UTF-8, a BOM dropped; InvalidInput (422) naming the first line that
    is not UTF-8 (by number: its bytes are a phone number's, perhaps)."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(f"the file is not UTF-8 text (line {line})") from None


def parse_full(body: bytes) -> RegistryFile:
    """A full list: each line ten digits (2065550123) or area code,number (206,5550123)."""
    text = read_text(body).replace("\r\n", "\n")  # CRLF lines take the fast test too
    parsed = RegistryFile("full")
    groups = parsed.numbers
    header = _header_row(_lines(text))
    last_npa, current = "", [0]
    for row, line in enumerate(_lines(text), 1):
        # the FTC's own form first, with no call: the test a 3,000,000-line file spends on
        if len(line) == 10 and line.isdigit() and line.isascii() and line[0] in _STARTS and line[3] in _STARTS:
            npa, rest = line[:3], int(line[3:])
        else:
            data = line.strip()
            if not data or row == header:
                continue
            fields = data.split(",")
            if len(fields) == 1:
                found = _number(data[:3], data[3:])
            elif len(fields) == 2:
                found = _number(fields[0].strip(), fields[1].strip())
            else:
                found = NOT_A_NUMBER
            if isinstance(found, str):
                parsed._reject(row, found)
                continue
            npa, rest = found
        if npa != last_npa:
            current = groups.setdefault(npa, [])
            last_npa = npa
        current.append(rest)
    parsed.area_codes = sorted(groups)
    parsed.rows = sum(map(len, groups.values())) + parsed.invalid_rows
    return parsed


def parse_changes(body: bytes) -> RegistryFile:
    """A change list: number,action,date or area code,number,action,date; the action add or
    delete (any case) or the FTC's A or D, the date YYYY-MM-DD or MM/DD/YYYY."""
    text = read_text(body)
    parsed = RegistryFile("changes")
    groups = parsed.changes
    header = _header_row(_lines(text))
    days: dict[str, str] = {}  # a change list has few dates and many lines
    valid = 0
    for row, line in enumerate(_lines(text), 1):
        data = line.strip()
        if not data or row == header:
            continue
        fields = [f.strip() for f in data.split(",")]
        if len(fields) == 3:
            found = _number(fields[0][:3], fields[0][3:])
        elif len(fields) == 4:
            found = _number(fields[0], fields[1])
        else:
            parsed._reject(row, NOT_A_CHANGE)
            continue
        if isinstance(found, str):
            parsed._reject(row, "number: " + found)
            continue
        adding = _ACTIONS.get(fields[-2].lower())
        if adding is None:
            parsed._reject(row, BAD_ACTION)
            continue
        raw = fields[-1]
        day = days.get(raw)
        if day is None:
            day = days[raw] = _day(raw)
        if day in (BAD_DATE, NO_SUCH_DAY):
            parsed._reject(row, day)
            continue
        npa, rest = found
        groups.setdefault(npa, []).append((rest, adding))
        parsed.change_rows.setdefault(npa, []).append(row)
        valid += 1
        if parsed.latest is None or day > parsed.latest:
            parsed.latest = day
    parsed.area_codes = sorted(groups)
    parsed.rows = valid + parsed.invalid_rows
    return parsed


def _lines(text: str) -> Iterator[str]:
    """text.split("\n") a megabyte at a time: a 3,000,000-line file never has all its lines
    as strings at once (that list alone would be about 200 MB). The empty line after a final
    newline may be left out; a reader skips blank lines anyway."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _CHUNK)
        if end < 0:
            end = size
        yield from text[start:end].split("\n")
        start = end + 1


def _header_row(lines: Iterable[str]) -> int:
    """The line number of the header, or 0: the first line that is not blank, when its first
    field has letters (AreaCode,PhoneNumber; a change's action is a letter, its number not)."""
    for row, line in enumerate(lines, 1):
        if line.strip():
            return row if any(c.isalpha() for c in line.split(",", 1)[0]) else 0
    return 0


def _number(npa: str, rest: str) -> tuple[str, int] | str:
    """(npa, seven-digit int), or the reason it is not a US number."""
    if not (len(npa) == 3 and len(rest) == 7 and (npa + rest).isdigit() and (npa + rest).isascii()):
        return NOT_A_NUMBER
    if npa[0] not in _STARTS or rest[0] not in _STARTS:
        return NOT_NANP
    return npa, int(rest)


def _day(raw: str) -> str:
    """YYYY-MM-DD for YYYY-MM-DD or MM/DD/YYYY (a month or day may have one digit), or the
    reason it is not a date."""
    if raw.count("-") == 2:
        year, month, day = raw.split("-")
    elif raw.count("/") == 2:
        month, day, year = raw.split("/")
    else:
        return BAD_DATE
    parts = year + month + day
    if not (len(year) == 4 and 1 <= len(month) <= 2 and 1 <= len(day) <= 2 and parts.isdigit() and parts.isascii()):
        return BAD_DATE
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return NO_SUCH_DAY
