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

# The local server's default key (infra/local_settings.py), unless the run sets its own.
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
    if base and case.path == "/consents" and case.method.upper() == "POST":
        _consistent_grant(base, case)
        return
    if (
        case.path == "/contacts/{id}/channel"
        and isinstance(case.body, dict)
        and isinstance(case.body.get("consent"), dict)
    ):
        # the grant given with SMS-first: for the number asked, with times that make sense
        consent = {**case.body["consent"], "address": None, "channels": ["sms"], "captured_at": None}
        consent.update(expires_at=None, kind="express", disclosure_id=None)
        case.body = {**case.body, "consent": consent}
        return
    if not base or not case.path.startswith("/webhooks/twilio/") or not isinstance(case.body, dict):
        return
    params = {str(k): v for k, v in case.body.items()}
    if not all(isinstance(v, str) for v in params.values()):
        return  # not a form Twilio could send: left unsigned (403)
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(TWILIO_TOKEN).compute_signature(base.rstrip("/") + case.path, params)
    case.headers = {**(case.headers or {}), "X-Twilio-Signature": signature}


# POST /consents (SPEC 19): what the document cannot say (the address must be the contact's,
# channels must fit it, the disclosure must exist, the times must make sense) is given by a
# contact and a disclosure this hook creates once on the server under test.
GRANT_CONTACT = "contract-grants"
GRANT_PHONE, GRANT_EMAIL = PHONES[0], "grants@example.com"
_made: dict[str, str] = {}


def _request(base: str, method: str, path: str, body: dict[str, Any], authorization: str) -> dict[str, Any]:
    import json
    import urllib.request

    request = urllib.request.Request(
        base.rstrip("/") + path,
        data=json.dumps(body).encode(),
        method=method,
        headers={"content-type": "application/json", "authorization": authorization},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return dict(json.loads(answer.read()))


def _consistent_grant(base: str, case: Any) -> None:
    authorization = (case.headers or {}).get("Authorization") or (case.headers or {}).get("authorization")
    if not authorization or not isinstance(case.body, dict):
        return
    try:
        if "disclosure" not in _made:
            contact = {"name": "Grant Contract", "email": GRANT_EMAIL, "phones": {"cell": GRANT_PHONE}}
            _request(base, "PUT", f"/contacts/{GRANT_CONTACT}", contact, authorization)
            text = {"text": "I agree to texts, calls and email about offers.", "name": "contract"}
            _made["disclosure"] = str(_request(base, "POST", "/disclosures", text, authorization)["id"])
    except OSError:
        return  # a role that may not create them: the request answers 403 as it should
    body = dict(case.body)
    channels = [c for c in body.get("channels") or [] if isinstance(c, str)]
    email = channels == ["email"]
    body.update(
        contact_id=GRANT_CONTACT,
        address=GRANT_EMAIL if email else GRANT_PHONE,
        channels=["email"] if email else [c for c in channels if c != "email"] or ["sms"],
        captured_at=None,
        expires_at=None,
        disclosure_id=_made["disclosure"],
        signature=body.get("signature") or "checkbox",
    )
    case.body = body
