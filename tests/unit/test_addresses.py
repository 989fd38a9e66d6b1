"""Addresses: phone numbers to E.164, emails normalised, the channel dispatch, and masking."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.consent.addresses import (
    is_phone,
    mask,
    normalise_address,
    normalise_email,
    normalise_phone,
    normalise_sender,
)
from optout.consent.errors import InvalidInput

# US area codes that phonenumbers' metadata knows; with any exchange 2xx-9xx they are valid.
US_AREAS = ("201", "212", "305", "312", "415", "617", "646", "702", "808", "917")
# Regions with a fixed-line example number in the metadata (numbers we can read nationally).
REGIONS = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if phonenumbers.example_number(r) is not None)


@st.composite
def us_numbers(draw: st.DrawFn) -> tuple[str, str, str]:
    """(area, exchange, line) of a valid US number."""
    area = draw(st.sampled_from(US_AREAS))
    exchange = str(draw(st.integers(200, 999)))
    line = f"{draw(st.integers(0, 9999)):04d}"
    return area, exchange, line


US_FORMATS = (
    "+1{a}{e}{l}",
    "+1 ({a}) {e}-{l}",
    "({a}) {e}-{l}",
    "{a}-{e}-{l}",
    "{a}.{e}.{l}",
    "{a} {e} {l}",
    "{a}{e}{l}",
    "1 {a} {e} {l}",
    "  {a}{e}{l}\t",
)


class TestNormalisePhone:
    @pytest.mark.parametrize(
        ("raw", "region", "expected"),
        [
            ("+14155550100", "US", "+14155550100"),
            ("+1 (415) 555-0100", "US", "+14155550100"),
            ("(415) 555-0100", "US", "+14155550100"),
            ("415-555-0100", "US", "+14155550100"),
            ("415.555.0100", "US", "+14155550100"),
            ("4155550100", "US", "+14155550100"),
            ("1 415 555 0100", "US", "+14155550100"),
            ("  +14155550100  ", "US", "+14155550100"),
            # Trimmed before the length check: over 32 characters only with the padding.
            (" " * 10 + "+1 415 555 0100" + " " * 10, "US", "+14155550100"),
            ("07400 123456", "GB", "+447400123456"),
            ("020 7946 0958", "GB", "+442079460958"),
            ("0044 20 7946 0958", "GB", "+442079460958"),
            ("(506) 234-5678", "CA", "+15062345678"),
            ("0412 345 678", "AU", "+61412345678"),
            ("0905 123 4567", "PH", "+639051234567"),
            # A leading + wins over the default region, whatever it is.
            ("+44 20 7946 0958", "US", "+442079460958"),
            ("+1 415 555 0100", "GB", "+14155550100"),
            ("+14155550100", None, "+14155550100"),
        ],
    )
    def test_valid_numbers_come_out_in_e164(self, raw: str, region: str | None, expected: str) -> None:
        out = normalise_phone(raw, region)
        assert out == expected
        assert is_phone(out)

    def test_default_region_is_us(self) -> None:
        assert normalise_phone("(415) 555-0100") == "+14155550100"

    def test_the_same_national_digits_differ_by_region(self) -> None:
        # The contact's country decides how a number without + is read.
        assert normalise_phone("7400123456", "GB") == "+447400123456"
        with pytest.raises(InvalidInput):
            normalise_phone("7400123456", "US")  # a US exchange cannot start with 0

    @pytest.mark.parametrize(
        ("raw", "region"),
        [
            ("", "US"),
            ("   ", "US"),
            ("\t\n", "US"),
            ("1" * 33, "US"),  # longer than 32 characters
            ("12345", "US"),  # too short
            ("555-0100", "US"),  # no area code
            ("+1 011 555 0100", "US"),  # area codes do not start with 0
            ("+999 1234567", "US"),  # no such country code
            ("+0 415 555 0100", "US"),
            ("4155550100", None),  # national form with no region to read it in
            ("07400 123456", "US"),  # a GB national number read as US
            ("abc", "US"),  # letters only
            ("phone", "US"),
            ("415555010a", "US"),  # a letter in place of the last digit
            ("+1415555O100", "US"),  # the letter O in place of a zero
            ("not a number at all", "GB"),
        ],
    )
    def test_invalid_numbers_are_rejected(self, raw: str, region: str | None) -> None:
        with pytest.raises(InvalidInput) as exc:
            normalise_phone(raw, region)
        assert exc.value.code == "validation_error"
        assert exc.value.message

    @pytest.mark.parametrize("raw", ["+1415555010", "+141555501000", "+10000000", "+999123456789"])
    def test_a_number_written_in_e164_is_taken_as_given(self, raw: str) -> None:
        """The document's `phone` pattern: every number of that form is accepted (an outside
        contract check found schema-valid numbers refused), whatever libphonenumber knows."""
        assert normalise_phone(raw, "US") == raw

    def test_none_is_rejected_as_invalid_input(self) -> None:
        with pytest.raises(InvalidInput):
            normalise_phone(None)  # type: ignore[arg-type]

    @pytest.mark.parametrize("raw", [4155550100, b"+14155550100", ["+14155550100"]])
    def test_non_string_input_is_rejected_as_invalid_input(self, raw: Any) -> None:
        # The contract is "E.164 or InvalidInput": a wrong type must not escape as another error.
        with pytest.raises(InvalidInput):
            normalise_phone(raw)

    @given(us_numbers(), st.sampled_from(US_FORMATS))
    def test_every_us_format_gives_the_same_e164(self, parts: tuple[str, str, str], fmt: str) -> None:
        area, exchange, line = parts
        raw = fmt.format(a=area, e=exchange, l=line)
        assert normalise_phone(raw, "US") == f"+1{area}{exchange}{line}"

    @given(us_numbers(), st.sampled_from(US_FORMATS), st.sampled_from(["US", "GB", "AU", None]))
    def test_idempotent_on_its_own_output(self, parts: tuple[str, str, str], fmt: str, region: str | None) -> None:
        area, exchange, line = parts
        once = normalise_phone(fmt.format(a=area, e=exchange, l=line), "US")
        # The output has a leading +, so any default region reads it back unchanged.
        assert normalise_phone(once, region) == once

    @given(st.sampled_from(REGIONS))
    def test_national_form_reads_in_its_own_region(self, region: str) -> None:
        example = phonenumbers.example_number(region)
        national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
        international = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        expected = f"+{example.country_code}{phonenumbers.national_significant_number(example)}"
        assert normalise_phone(national, region) == expected
        assert normalise_phone(international, "US") == expected
        assert normalise_phone(expected, region) == expected


class TestNormaliseEmail:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("ada@example.com", "ada@example.com"),
            ("Ada@Example.com", "ada@example.com"),
            ("ADA.LOVELACE@EXAMPLE.CO.UK", "ada.lovelace@example.co.uk"),
            ("ada+news@Example.com", "ada+news@example.com"),
            ("  ada@example.com  ", "ada@example.com"),
            ("\tAda@Example.com\n", "ada@example.com"),
            ("a@b.co", "a@b.co"),
            ("x" * 64 + "@example.com", "x" * 64 + "@example.com"),
        ],
    )
    def test_trimmed_and_lower_cased(self, raw: str, expected: str) -> None:
        assert normalise_email(raw) == expected

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "   ",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "ada@@example.com",
            "ada@exa@mple.com",
            "ada lovelace@example.com",
            "ada@exam ple.com",
            "ada@.com",
            "x" * 65 + "@example.com",  # local part over 64 characters
            "a@" + "b" * 250 + ".com",  # over 254 characters in all
        ],
    )
    def test_invalid_addresses_are_rejected(self, raw: str) -> None:
        with pytest.raises(InvalidInput) as exc:
            normalise_email(raw)
        assert exc.value.code == "validation_error"

    def test_none_is_rejected_as_invalid_input(self) -> None:
        with pytest.raises(InvalidInput):
            normalise_email(None)  # type: ignore[arg-type]

    @given(
        st.from_regex(r"[A-Za-z0-9._+-]{1,20}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9-]{1,15}\.[A-Za-z]{2,6}", fullmatch=True),
        st.sampled_from(["", " ", "\t", "  \n"]),
    )
    def test_result_is_the_trimmed_lower_case_input_and_idempotent(self, local: str, domain: str, pad: str) -> None:
        raw = f"{pad}{local}@{domain}{pad}"
        out = normalise_email(raw)
        assert out == f"{local}@{domain}".lower()
        assert normalise_email(out) == out


class TestNormaliseAddress:
    @pytest.mark.parametrize(
        ("raw", "phone", "region", "expected"),
        [
            ("(415) 555-0100", True, "US", "+14155550100"),
            ("07400 123456", True, "GB", "+447400123456"),
            ("+14155550100", True, None, "+14155550100"),
            ("Ada@Example.com ", False, "US", "ada@example.com"),
            ("Ada@Example.com", False, None, "ada@example.com"),
        ],
    )
    def test_dispatches_on_the_channel_kind(self, raw: str, phone: bool, region: str | None, expected: str) -> None:
        assert normalise_address(raw, phone=phone, default_region=region) == expected

    def test_default_region_is_us(self) -> None:
        assert normalise_address("415 555 0100", phone=True) == "+14155550100"

    @pytest.mark.parametrize(
        ("raw", "phone"),
        [
            ("ada@example.com", True),  # an email where a phone number is wanted
            ("+14155550100", False),  # a phone number where an email is wanted
            ("", True),
            ("", False),
        ],
    )
    def test_the_wrong_kind_is_rejected(self, raw: str, phone: bool) -> None:
        with pytest.raises(InvalidInput):
            normalise_address(raw, phone=phone)


class TestIsPhone:
    @pytest.mark.parametrize(
        ("address", "expected"),
        [
            ("+14155550100", True),
            ("+447400123456", True),
            ("+1234567", True),
            ("+123456", False),
            ("14155550100", False),
            ("+04155550100", False),
            ("+1415555010012345", False),
            ("ada@example.com", False),
            ("", False),
        ],
    )
    def test_e164_shape(self, address: str, expected: bool) -> None:
        assert is_phone(address) is expected


class TestMask:
    @pytest.mark.parametrize(
        ("address", "expected"),
        [
            ("+14155550100", "+14*******00"),
            ("+447400123456", "+44********56"),
            ("+1234567", "+12***67"),
            ("ada@example.com", "a***@example.com"),
            ("a@b.co", "a***@b.co"),
            ("123456", "123*56"),
            ("1234", "***"),
            ("1", "***"),
        ],
    )
    def test_masked_forms(self, address: str, expected: str) -> None:
        assert mask(address) == expected

    @pytest.mark.parametrize("address", [None, ""])
    def test_nothing_to_mask(self, address: str | None) -> None:
        assert mask(address) == address

    @pytest.mark.parametrize(
        "address",
        [
            "+14155550100",
            "+447400123456",
            "+1234567",
            "ada@example.com",
            "ada.lovelace+news@example.co.uk",
            "a@b.co",
            "123456",
            "1234",
        ],
    )
    def test_never_returns_the_full_address(self, address: str) -> None:
        masked = mask(address)
        assert masked is not None
        assert address not in masked
        assert masked != address

    def test_five_character_address_is_masked_too(self) -> None:
        # A 5-digit short code is as much an address as a 4- or 6-character one.
        assert "12345" not in (mask("12345") or "")

    def test_phone_mask_keeps_length_country_prefix_and_last_two_digits(self) -> None:
        masked = mask("+14155550100")
        assert masked is not None
        assert len(masked) == len("+14155550100")
        assert masked.startswith("+14")
        assert masked.endswith("00")
        assert "4155550100" not in masked
        assert "555" not in masked

    def test_email_mask_keeps_first_letter_and_domain_only(self) -> None:
        masked = mask("lovelace@example.com")
        assert masked == "l***@example.com"
        assert "lovelace" not in masked

    @given(us_numbers(), st.sampled_from(US_FORMATS))
    def test_never_contains_a_normalised_phone(self, parts: tuple[str, str, str], fmt: str) -> None:
        area, exchange, line = parts
        number = normalise_phone(fmt.format(a=area, e=exchange, l=line), "US")
        masked = mask(number)
        assert masked is not None
        assert number not in masked
        assert f"{area}{exchange}{line}" not in masked

    @given(
        st.from_regex(r"[a-z0-9._+-]{1,30}", fullmatch=True),
        st.from_regex(r"[a-z0-9-]{1,15}\.[a-z]{2,6}", fullmatch=True),
    )
    def test_never_contains_a_normalised_email(self, local: str, domain: str) -> None:
        email = normalise_email(f"{local}@{domain}")
        masked = mask(email)
        assert masked is not None
        assert email not in masked
        assert masked.endswith(f"@{domain}")
        if len(local) > 1:
            assert local not in masked.partition("@")[0]

    @given(st.text(alphabet=st.characters(blacklist_characters="@*"), min_size=6, max_size=40))
    def test_never_contains_an_input_of_six_or_more_characters(self, address: str) -> None:
        masked = mask(address)
        assert masked is not None
        assert address not in masked


class TestNormaliseSender:
    """The number a text came from: laxer than a contact's number, never lax about garbage."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("+14155550100", "+14155550100"),
            ("whatsapp:+14155550100", "+14155550100"),
            ("sms:+447700900123", "+447700900123"),
            (" +1 (415) 555-0100 ", "+14155550100"),
            ("+15555550100", "+15555550100"),  # possible, though not in the validity metadata
        ],
    )
    def test_senders_are_e164(self, raw: str, expected: str) -> None:
        assert normalise_sender(raw) == expected

    @pytest.mark.parametrize(
        "raw", ["", "   ", "not a number", "+1", "+1415555010012345678901234567890123", "whatsapp:"]
    )
    def test_garbage_is_invalid_input(self, raw: str) -> None:
        with pytest.raises(InvalidInput):
            normalise_sender(raw)

    def test_a_national_number_that_is_only_possible_is_refused_for_contacts(self) -> None:
        # (in E.164 it is taken as given: the document's pattern)
        with pytest.raises(InvalidInput):
            normalise_phone("(555) 555-0100", "US")
