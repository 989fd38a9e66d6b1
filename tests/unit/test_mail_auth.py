"""SES's verdicts read as one answer: is an inbound mail from who it says (SPEC 14)?"""

from __future__ import annotations

import pytest

from optout.consent.mail_auth import authentication


def receipt(spf: str | None, dkim: str | None, dmarc: str | None) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, status in (("spf", spf), ("dkim", dkim), ("dmarc", dmarc)):
        if status is not None:
            found[f"{name}Verdict"] = {"status": status}
    return found


@pytest.mark.parametrize(
    ("spf", "dkim", "dmarc", "expected"),
    [
        ("PASS", "PASS", "PASS", "pass"),
        ("FAIL", "FAIL", "FAIL", "fail"),
        ("PASS", "FAIL", "FAIL", "fail"),  # DMARC's failure outweighs an unaligned pass
        ("FAIL", "PASS", "GRAY", "pass"),
        ("FAIL", "GRAY", "GRAY", "fail"),
        ("GRAY", "GRAY", "GRAY", "unverified"),  # a domain that publishes nothing
        ("PROCESSING_FAILED", "GRAY", None, "unverified"),
        (None, None, None, "unverified"),
        ("fail", "fail", "fail", "fail"),
    ],
)
def test_verdicts(spf: str | None, dkim: str | None, dmarc: str | None, expected: str) -> None:
    assert authentication(receipt(spf, dkim, dmarc)) == expected


def test_verdicts_of_the_wrong_type_are_no_verdict() -> None:
    assert (
        authentication({"spfVerdict": "FAIL", "dkimVerdict": ["FAIL"], "dmarcVerdict": {"status": 1}}) == "unverified"
    )
