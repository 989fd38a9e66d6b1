"""schemathesis hooks: strategies for the document's own formats, so that every request the
document calls valid is one the server accepts (SPEC 18). Loaded by the contract test and by
`make fuzz` (SCHEMATHESIS_HOOKS=tests.contract_hooks).

- `phone`: E.164 numbers libphonenumber accepts, of several countries (a national number
  is only a phone in its contact's country, which the generator cannot know);
- `unsubscribe-token`: tokens sealed with the local server's signing key (any contact id
  and address: an issued token is valid whoever it names);
- the Twilio webhooks: generated form bodies are signed as Twilio would sign them (the
  local server's auth token and base URL, `CONTRACT_BASE_URL`), so their logic is fuzzed,
  not only the signature check.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import strategies as st

from optout.consent.tokens import SigningKeys, make_token

# The local server's default key (infra/local_server.py), unless the run sets its own.
SIGNING_KEY = os.environ.get("UNSUBSCRIBE_SIGNING_KEY", "dev-unsubscribe-signing-key")
TWILIO_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "dev-twilio-auth-token")
PHONES = [
    "+14155550100",
    "+14155550101",
    "+14155550102",
    "+12125550123",
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


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    base = os.environ.get("CONTRACT_BASE_URL")
    if not base or not case.path.startswith("/webhooks/twilio/") or not isinstance(case.body, dict):
        return
    params = {str(k): v for k, v in case.body.items()}
    if not all(isinstance(v, str) for v in params.values()):
        return  # not a form Twilio could send: left unsigned (403)
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(TWILIO_TOKEN).compute_signature(base.rstrip("/") + case.path, params)
    case.headers = {**(case.headers or {}), "X-Twilio-Signature": signature}
