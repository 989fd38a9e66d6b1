"""schemathesis hooks: strategies for the document's own formats, so that every request the
document calls valid is one the server accepts (SPEC 18). Loaded by the contract test and by
`make fuzz` (SCHEMATHESIS_HOOKS=tests.contract_hooks).

- `phone`: numbers libphonenumber accepts, E.164 and national, of several countries;
- `unsubscribe-token`: tokens sealed with the local server's signing key (any contact id
  and address: an issued token is valid whoever it names).
"""

from __future__ import annotations

import os

import schemathesis
from hypothesis import strategies as st

from optout.consent.tokens import SigningKeys, make_token

# The local server's default key (infra/local_server.py), unless the run sets its own.
SIGNING_KEY = os.environ.get("UNSUBSCRIBE_SIGNING_KEY", "dev-unsubscribe-signing-key")
PHONES = [
    "+14155550100",
    "+14155550101",
    "+14155550102",
    "+12125550123",
    "(415) 555-0199",
    "415-555-0142",
    "+442079460958",
    "+33142685300",
    "+61291924444",
    "+4930901820",
]
CONTACT_IDS = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._:@-]{0,15}\Z")
EMAILS = st.builds(
    "{}@{}.example.com".format,
    st.from_regex(r"\A[a-z0-9][a-z0-9._+-]{0,15}\Z").filter(lambda s: ".." not in s and not s.endswith(".")),
    st.from_regex(r"\A[a-z0-9]{1,12}\Z"),
)


def _token(contact_id: str, email: str) -> str:
    return make_token(SigningKeys.parse(SIGNING_KEY), contact_id, email)


def register() -> None:
    schemathesis.openapi.format("phone", st.sampled_from(PHONES))
    schemathesis.openapi.format("unsubscribe-token", st.builds(_token, CONTACT_IDS, EMAILS))


register()
