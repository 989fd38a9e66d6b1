"""Do-not-call registry sets and files (SPEC 20), pure: an area code's bitmap against a Python
set, its stored form, splitting numbers, and both FTC file formats with every variant they
tolerate, bad lines reported by line number with reasons that never carry a digit."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optout.consent import registry_files
from optout.consent.errors import InvalidInput
from optout.consent.registry import NBYTES, SIZE, AreaCodeSet, join_number, split_number
from optout.consent.registry_files import (
    BAD_ACTION,
    BAD_DATE,
    MAX_INVALID_LISTED,
    NO_SUCH_DAY,
    NOT_A_CHANGE,
    NOT_A_NUMBER,
    NOT_NANP,
    parse_changes,
    parse_full,
    read_text,
)

BOM = b"\xef\xbb\xbf"
# anywhere, or crowded into a few bytes (neighbouring bits), or at the ends
numbers = st.one_of(st.integers(0, SIZE - 1), st.integers(5_550_000, 5_550_031), st.sampled_from([0, SIZE - 1]))


def no_digits(invalid: list[dict[str, object]]) -> bool:
    return all(not any(c.isdigit() for c in str(entry["reason"])) for entry in invalid)


# split_number


@pytest.mark.parametrize(
    ("e164", "parts"),
    [
        ("+12065550123", ("206", 5550123)),
        ("+12002000000", ("200", 2000000)),
        ("+19999999999", ("999", 9999999)),
        ("+18005550000", ("800", 5550000)),
    ],
)
def test_split_number_gives_the_area_code_and_the_seven_digits(e164: str, parts: tuple[str, int]) -> None:
    assert split_number(e164) == parts
    assert join_number(*parts) == e164


@pytest.mark.parametrize(
    "e164",
    [
        "",
        "+1",
        "+1206555012",  # nine digits
        "+120655501234",  # eleven
        "12065550123",  # no plus
        "+22065550123",  # not +1
        "+442065550123",
        "+11065550123",  # area code starts with 1
        "+10065550123",  # ... with 0
        "+12061550123",  # exchange starts with 1
        "+12060550123",  # ... with 0
        "+1206555012a",
        "+12a65550123",
        "+1206-555-012",
        " +1206555012",
        "+1206555\u0660123",  # an Arabic-Indic digit: isdigit, not ASCII
        "+1\uff12065550123",  # a fullwidth digit
        "+1206\uff15550123",
    ],
)
def test_split_number_refuses_anything_but_a_nanp_number(e164: str) -> None:
    assert split_number(e164) is None


# AreaCodeSet


def test_add_discard_and_count() -> None:
    # Given an empty set
    s = AreaCodeSet()
    assert s.count == 0 and len(s) == 0 and 5550123 not in s
    # When numbers go in, repeated, then out
    assert s.add(5550123) is True
    assert s.add(5550123) is False
    assert s.add(0) and s.add(SIZE - 1) and s.add(5550124)
    # Then each is there once, its neighbours are not, and count follows
    assert s.count == 4
    assert 5550123 in s and 5550124 in s and 0 in s and SIZE - 1 in s
    assert 5550122 not in s and 5550125 not in s and 1 not in s
    assert s.discard(5550123) is True
    assert s.discard(5550123) is False
    assert s.discard(42) is False
    assert s.count == 3 and 5550123 not in s and 5550124 in s
    assert list(s) == [0, 5550124, SIZE - 1]


def test_out_of_range_numbers_are_never_members_and_cannot_be_added() -> None:
    s = AreaCodeSet.from_numbers([SIZE - 1, 0])
    # -1 would read the last bit through a negative index
    assert -1 not in s and SIZE not in s and -SIZE not in s
    for bad in (-1, SIZE):
        with pytest.raises(ValueError):
            s.add(bad)
        with pytest.raises(ValueError):
            s.discard(bad)
    with pytest.raises(ValueError):
        AreaCodeSet.from_numbers([1, SIZE])
    with pytest.raises(ValueError):
        AreaCodeSet.from_numbers([-1])
    assert s.count == 2


def test_from_numbers_is_the_set_of_its_numbers() -> None:
    values = [7, 7, 0, 8, 15, 16, 9_999_999, 5_550_123, 5_550_123]
    built = AreaCodeSet.from_numbers(values)
    one_by_one = AreaCodeSet()
    for n in values:
        one_by_one.add(n)
    assert built == one_by_one
    assert built.count == len(set(values))
    assert list(built) == sorted(set(values))
    assert AreaCodeSet.from_numbers(iter(values)) == built  # any iterable
    assert AreaCodeSet.from_numbers([]) == AreaCodeSet()
    assert AreaCodeSet.from_numbers(range(0, SIZE, 3)).count == len(range(0, SIZE, 3))


def test_round_trip_through_bytes() -> None:
    s = AreaCodeSet.from_numbers(range(2_000_000, 2_100_000, 7))
    data = s.to_bytes()
    loaded = AreaCodeSet.from_bytes(data)
    assert loaded == s and loaded.count == s.count
    assert len(AreaCodeSet().to_bytes()) < 10_000  # an empty area code is next to nothing
    assert len(data) < NBYTES
    assert AreaCodeSet.from_bytes(s.to_bytes(level=9)) == s  # any level reads back
    # the loaded set is its own
    loaded.add(1)
    assert 1 not in s and loaded.count == s.count + 1


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x02" + zlib.compress(bytes(NBYTES)),  # another format
        b"\x01not zlib",
        b"\x01" + zlib.compress(bytes(NBYTES))[:-10],  # cut short
        b"\x01" + zlib.compress(bytes(NBYTES - 1)),  # a bitmap of another size
        b"\x01" + zlib.compress(bytes(NBYTES + 1)),
        b"\x01" + zlib.compress(bytes(NBYTES)) + b"more",
    ],
)
def test_from_bytes_refuses_what_to_bytes_did_not_write(data: bytes) -> None:
    with pytest.raises(ValueError):
        AreaCodeSet.from_bytes(data)


def test_copy_is_independent() -> None:
    s = AreaCodeSet.from_numbers([1, 2, 3])
    c = s.copy()
    c.discard(1)
    c.add(4)
    assert list(s) == [1, 2, 3] and s.count == 3
    assert list(c) == [2, 3, 4] and c.count == 3


def test_apply_counts_only_the_bits_it_changed() -> None:
    s = AreaCodeSet.from_numbers([10, 20])
    added, deleted = s.apply([(30, True), (10, False), (30, True), (40, False), (10, True), (30, False)])
    assert (added, deleted) == (2, 2)
    assert list(s) == [10, 20]


@settings(max_examples=60, deadline=None)
@given(st.sets(numbers, max_size=60), st.lists(st.tuples(numbers, st.booleans()), max_size=60), st.lists(numbers))
def test_the_bitmap_is_a_set(start: set[int], changes: list[tuple[int, bool]], probes: list[int]) -> None:
    # Given a set built in bulk and the same Python set
    s, model = AreaCodeSet.from_numbers(start), set(start)
    assert s.count == len(model)
    # When the same adds and deletes hit both
    for n, adding in changes:
        if adding:
            assert s.add(n) == (n not in model)
            model.add(n)
        else:
            assert s.discard(n) == (n in model)
            model.discard(n)
    # Then membership, count and order agree, before and after the stored form
    for loaded in (s, AreaCodeSet.from_bytes(s.to_bytes())):
        assert loaded.count == len(model)
        assert all((n in loaded) == (n in model) for n in [*probes, *start, *(n for n, _ in changes)])
        assert list(loaded) == sorted(model)


# read_text


def test_read_text_drops_a_bom_and_refuses_other_encodings() -> None:
    assert read_text(BOM + b"206,5550123\n") == "206,5550123\n"
    assert read_text(b"") == ""
    with pytest.raises(InvalidInput) as refused:
        read_text(b"2065550123\n2065550124\xff\n")
    assert refused.value.code == "validation_error"
    assert "not UTF-8" in refused.value.message and "line 2" in refused.value.message
    with pytest.raises(InvalidInput):
        read_text("2065550123\n".encode("utf-16"))
    with pytest.raises(InvalidInput):
        parse_full(b"\xe9")
    with pytest.raises(InvalidInput):
        parse_changes(b"2065550123,A,2024-01-03\n\x80")


# full lists

FULL_VARIANTS = {
    "ten digits": b"2065550123\n2065550124\n4255550100\n",
    "no trailing newline": b"2065550123\n2065550124\n4255550100",
    "area code,number": b"206,5550123\n206,5550124\n425,5550100\n",
    "CRLF": b"2065550123\r\n206,5550124\r\n4255550100\r\n",
    "BOM and header": BOM + b"AreaCode,PhoneNumber\r\n206,5550123\r\n206,5550124\r\n425,5550100\r\n",
    "spaces and tabs": b"  2065550123 \n\t206 , 5550124\t\n 425,5550100\n",
    "blank lines": b"\n2065550123\n\n  \n2065550124\n4255550100\n\n\n",
    "header after a blank line": b"\n PhoneNumber \n2065550123\n2065550124\n4255550100\n",
}


@pytest.mark.parametrize("body", FULL_VARIANTS.values(), ids=FULL_VARIANTS.keys())
def test_full_list_variants_read_alike(body: bytes) -> None:
    parsed = parse_full(body)
    assert parsed.kind == "full"
    assert parsed.numbers == {"206": [5550123, 5550124], "425": [5550100]}
    assert parsed.area_codes == ["206", "425"]
    assert parsed.rows == 3  # data lines only: no header, no blank line
    assert parsed.invalid == [] and parsed.invalid_rows == 0
    assert parsed.changes == {} and parsed.latest is None


def test_full_list_keeps_repeats_and_groups_unsorted_area_codes() -> None:
    parsed = parse_full(b"4255550100\n2065550123\n4255550101\n2065550123\n")
    assert parsed.numbers == {"425": [5550100, 5550101], "206": [5550123, 5550123]}
    assert parsed.area_codes == ["206", "425"] and parsed.rows == 4


BAD_FULL_LINES = [
    ("206555012", NOT_A_NUMBER),
    ("20655501234", NOT_A_NUMBER),
    ("12065550123", NOT_A_NUMBER),
    ("+12065550123", NOT_A_NUMBER),
    ("206-555-0123", NOT_A_NUMBER),
    ("(206) 555-0123", NOT_A_NUMBER),
    ("206555O123", NOT_A_NUMBER),
    ("206 5550123", NOT_A_NUMBER),
    ("206,555,0123", NOT_A_NUMBER),
    ("206,555012", NOT_A_NUMBER),
    ("2065,550123", NOT_A_NUMBER),
    ("2065550123,A", NOT_A_NUMBER),
    ("\uff12\uff10\uff16\uff15\uff15\uff15\uff10\uff11\uff12\uff13", NOT_A_NUMBER),  # fullwidth
    ("206555\u0660123", NOT_A_NUMBER),
    ("1065550123", NOT_NANP),
    ("0065550123", NOT_NANP),
    ("2061550123", NOT_NANP),
    ("2060550123", NOT_NANP),
    ("106,5550123", NOT_NANP),
    ("206,0550123", NOT_NANP),
]


def test_bad_full_lines_are_reported_by_line_number_never_by_value() -> None:
    # Given a file with a header, a good line, then each bad line between good ones
    lines = ["AreaCode,PhoneNumber", "2065550100"]
    expected = []
    for text, reason in BAD_FULL_LINES:
        lines.append(text)
        expected.append({"row": len(lines), "reason": reason})
        lines.append("2065550101")
    # When it is read
    parsed = parse_full("\n".join(lines).encode())
    # Then each bad line is reported by its line number (header = line 1), the others count
    assert parsed.invalid == expected
    assert parsed.invalid_rows == len(BAD_FULL_LINES)
    assert parsed.numbers == {"206": [5550100] + [5550101] * len(BAD_FULL_LINES)}
    assert parsed.rows == 1 + 2 * len(BAD_FULL_LINES)
    assert no_digits(parsed.invalid)
    assert all(
        text not in str(entry["reason"]) for entry, (text, _) in zip(parsed.invalid, BAD_FULL_LINES, strict=True)
    )


def test_header_is_only_the_first_line_with_data() -> None:
    # letters later on are a bad line, not a header
    parsed = parse_full(b"2065550123\nAreaCode,PhoneNumber\n")
    assert parsed.invalid == [{"row": 2, "reason": NOT_A_NUMBER}]
    assert parsed.rows == 2
    # a first line without letters is data, so a bad one is reported
    parsed = parse_full(b"#,#\n2065550123\n")
    assert parsed.invalid == [{"row": 1, "reason": NOT_A_NUMBER}]
    # a file that is only a header, or nothing
    for body in (b"AreaCode,PhoneNumber\n", b"", b"\n\n", BOM):
        parsed = parse_full(body)
        assert parsed.rows == 0 and parsed.numbers == {} and parsed.area_codes == [] and parsed.invalid == []


def test_a_file_of_garbage_gets_a_bounded_report_and_a_whole_count() -> None:
    parsed = parse_full(b"x\n" + b"nope\n" * (MAX_INVALID_LISTED + 5))
    assert len(parsed.invalid) == MAX_INVALID_LISTED
    assert parsed.invalid_rows == parsed.rows == MAX_INVALID_LISTED + 5
    assert parsed.invalid[0] == {"row": 2, "reason": NOT_A_NUMBER}


line_forms = st.sampled_from(["{a}{r}", "{a},{r}", " {a} , {r} ", "\t{a}{r}\t", "{a}{r}\r"])
nanp_numbers = st.tuples(st.integers(200, 999), st.integers(2_000_000, 9_999_999))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(nanp_numbers, line_forms), max_size=40), st.booleans(), st.booleans())
def test_any_mix_of_tolerated_lines_reads_every_number(
    lines: list[tuple[tuple[int, int], str]], header: bool, bom: bool
) -> None:
    text = "".join(form.format(a=a, r=r) + "\n" for (a, r), form in lines)
    body = (BOM if bom else b"") + (b"AreaCode,PhoneNumber\n" if header else b"") + text.encode()
    parsed = parse_full(body)
    expected: dict[str, list[int]] = {}
    for (a, r), _ in lines:
        expected.setdefault(str(a), []).append(r)
    assert parsed.numbers == expected and parsed.invalid == [] and parsed.rows == len(lines)
    assert parsed.area_codes == sorted(expected)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n", max_size=40), st.integers(1, 8))
def test_lines_are_split_a_chunk_at_a_time_as_whole_lines(text: str, chunk: int) -> None:
    original = registry_files._CHUNK
    registry_files._CHUNK = chunk
    try:
        lines = list(registry_files._lines(text))
    finally:
        registry_files._CHUNK = original
    expected = text.split("\n")
    # only the empty line after a final newline (or of an empty text) may be left out
    assert lines in (expected, expected[:-1]) and (lines == expected or expected[-1] == "")


def test_a_long_file_keeps_its_line_numbers_across_chunks() -> None:
    good = b"2065550123\n" * 200_000  # past a chunk of text
    parsed = parse_full(good + b"bad\n" + good)
    assert parsed.invalid == [{"row": 200_001, "reason": NOT_A_NUMBER}]
    assert parsed.rows == 400_001 and len(parsed.numbers["206"]) == 400_000


# change lists


def test_change_list_actions_dates_and_forms() -> None:
    body = (
        BOM
        + b"PhoneNumber,Action,Date\r\n"
        + b"2065550123,add,2024-01-03\r\n"
        + b"2065550124,DELETE,01/04/2024\r\n"
        + b"206,5550125,A,2024-01-05\r\n"
        + b" 206 , 5550126 , d , 1/6/2024 \r\n"
        + b"\r\n"
        + b"4255550100,Add,2023-12-31\r\n"
        + b"2065550123,D,2024-01-02\r\n"
        + b"2065550123,a,2024-1-2\r\n"
    )
    parsed = parse_changes(body)
    assert parsed.kind == "changes"
    assert parsed.changes == {
        "206": [
            (5550123, True),
            (5550124, False),
            (5550125, True),
            (5550126, False),
            (5550123, False),
            (5550123, True),
        ],
        "425": [(5550100, True)],
    }
    assert parsed.area_codes == ["206", "425"]
    assert parsed.latest == "2024-01-06"
    assert parsed.rows == 7 and parsed.invalid == [] and parsed.numbers == {}


BAD_CHANGE_LINES = [
    ("2065550123", NOT_A_CHANGE),
    ("2065550123,A", NOT_A_CHANGE),
    ("206,555,0123,A,2024-01-03", NOT_A_CHANGE),
    ("206555012,A,2024-01-03", "number: " + NOT_A_NUMBER),
    ("+12065550123,A,2024-01-03", "number: " + NOT_A_NUMBER),
    ("206,555012,A,2024-01-03", "number: " + NOT_A_NUMBER),
    ("1065550123,A,2024-01-03", "number: " + NOT_NANP),
    ("206,1550123,A,2024-01-03", "number: " + NOT_NANP),
    ("2065550123,remove,2024-01-03", BAD_ACTION),
    ("2065550123,,2024-01-03", BAD_ACTION),
    ("2065550123,AD,2024-01-03", BAD_ACTION),
    ("2065550123,A,", BAD_DATE),
    ("2065550123,A,20240103", BAD_DATE),
    ("2065550123,A,2024/01/03", BAD_DATE),
    ("2065550123,A,03-01-24", BAD_DATE),
    ("2065550123,A,01/03/24", BAD_DATE),
    ("2065550123,A,2024-01-03T00:00:00", BAD_DATE),
    ("2065550123,A,2024-Jan-03", BAD_DATE),
    ("2065550123,A,2024-\uff10\uff11-03", BAD_DATE),
    ("2065550123,A,2023-02-29", NO_SUCH_DAY),
    ("2065550123,A,13/01/2024", NO_SUCH_DAY),
    ("2065550123,A,2024-00-10", NO_SUCH_DAY),
]


def test_bad_change_lines_are_reported_by_line_number_never_by_value() -> None:
    lines = ["2065550100,A,2024-01-01"]  # a letter in the action: data, not a header
    expected = []
    for text, reason in BAD_CHANGE_LINES:
        lines.append(text)
        expected.append({"row": len(lines), "reason": reason})
    lines.append("2065550101,D,2024-01-02")
    parsed = parse_changes(("\n".join(lines) + "\n").encode())
    assert parsed.invalid == expected
    assert parsed.changes == {"206": [(5550100, True), (5550101, False)]}
    assert parsed.rows == 2 + len(BAD_CHANGE_LINES) and parsed.invalid_rows == len(BAD_CHANGE_LINES)
    assert parsed.latest == "2024-01-02"  # a bad line's date counts for nothing
    assert no_digits(parsed.invalid)


def test_a_change_list_of_nothing() -> None:
    for body in (b"", b"Number,Action,Date\n", b"\r\n"):
        parsed = parse_changes(body)
        assert parsed.rows == 0 and parsed.changes == {} and parsed.latest is None and parsed.area_codes == []


def test_a_change_list_applied_to_a_loaded_area_code() -> None:
    # Given a full list loaded and stored
    full = parse_full(b"2065550123\n2065550124\n")
    stored = AreaCodeSet.from_numbers(full.numbers["206"]).to_bytes()
    # When a change list is applied to the loaded copy
    changes = parse_changes(b"2065550125,A,2024-01-03\n2065550123,D,2024-01-03\n2065550124,A,2024-01-03\n")
    area = AreaCodeSet.from_bytes(stored)
    assert area.apply(changes.changes["206"]) == (1, 1)
    # Then the set is the list after the changes
    assert list(area) == [5550124, 5550125] and area.count == 2
