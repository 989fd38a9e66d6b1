"""The FCC's Reassigned Numbers Database (SPEC 20, 47 CFR 64.1200(m)): has this number been
permanently disconnected since a date? A caller that asks before relying on a consent, and
gets "no", keeps the safe harbor for a call that reaches a new subscriber anyway.

The use case (usecases.reassigned) asks once per number and date and keeps the answer in
the store (the proof keeps the query) and in its process. The service's query is a number
and a date; its answer is yes (disconnected since), no, or no data. With RND_API_URL unset
(locally, in tests) a fake answers: yes for the numbers RND_FAKE_DISCONNECTED lists with a
date on or after the one asked about, no for every other.

The real API's request and answer shapes here (a JSON POST of `{"phone", "date"}` with a
bearer token, an answer `{"result": "yes"|"no"|"no_data"}`) follow the FCC's description
and have not been tried against the service from this workplace.
"""

from __future__ import annotations

import json
import urllib.request

from optout.adapters.secrets import read_secret
from optout.consent.errors import StoreUnavailable
from optout.settings import Settings

YES, NO, NO_DATA = "yes", "no", "no_data"
TIMEOUT_SECONDS = 3.0


class RndClient:
    """Asks the database (or, without RND_API_URL, the fake) about one number and date."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def source(self) -> str:
        return "fcc_rnd" if self.settings.rnd_api_url else "fake"

    def ask(self, number: str, day: str) -> str:
        return self._ask(number, day)

    def _ask(self, number: str, day: str) -> str:
        if not self.settings.rnd_api_url:
            return YES if any(n == number and d >= day for n, d in self.settings.rnd_fake_disconnected) else NO
        token = read_secret(None, self.settings.rnd_api_token_parameter, "the Reassigned Numbers Database token")
        request = urllib.request.Request(  # noqa: S310 - RND_API_URL is checked to be https
            self.settings.rnd_api_url,
            data=json.dumps({"phone": number, "date": day}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - https only
                found = json.loads(response.read(64 * 1024))
        except (OSError, ValueError) as exc:
            raise StoreUnavailable("the Reassigned Numbers Database did not answer") from exc
        result = str(found.get("result", "")).lower() if isinstance(found, dict) else ""
        return result if result in (YES, NO, NO_DATA) else NO_DATA
