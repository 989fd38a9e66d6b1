"""Is an inbound mail from who it says? SES's receipt carries its SPF, DKIM and DMARC
verdicts (`spfVerdict`, `dkimVerdict`, `dmarcVerdict`: PASS, FAIL, GRAY or
PROCESSING_FAILED). A forged reply or `mailto:` unsubscribe must not close a lead's channels
(SPEC 14, 17): mail that fails authentication is read, but what it asks for goes to a person.

- `fail`: DMARC failed (the From domain's own policy says it is not theirs, whatever an
  unaligned SPF pass says), or nothing passed and something failed;
- `pass`: DMARC passed, or SPF or DKIM passed and DMARC did not fail;
- `unverified`: no verdict at all (a domain that publishes nothing is GRAY everywhere; a
  notification without verdicts, as the local simulator may send): read as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

Authentication = Literal["pass", "fail", "unverified"]
AUTHENTICATIONS: tuple[Authentication, ...] = ("pass", "fail", "unverified")


def authentication(receipt: Mapping[str, Any]) -> Authentication:
    """The verdict on one received mail from its SES receipt."""
    found = {name: _status(receipt.get(f"{name}Verdict")) for name in ("spf", "dkim", "dmarc")}
    if found["dmarc"] == "FAIL":
        return "fail"
    if "PASS" in found.values():
        return "pass"
    if "FAIL" in found.values():
        return "fail"
    return "unverified"


def _status(verdict: object) -> str:
    status = verdict.get("status") if isinstance(verdict, Mapping) else None
    return status.upper() if isinstance(status, str) else ""
