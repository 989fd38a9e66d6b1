"""A message as the rules read it: accents, format characters and apostrophes dropped;
case-folded and punctuation as spaces (`normalise_text`), or with both kept (`normalise_cased`)."""

from __future__ import annotations

import re
import unicodedata


def normalise_cased(body: str) -> str:
    """Accents, format characters and apostrophes dropped, spaces collapsed; case and
    punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", body)
    # Combining marks (accents) and format characters (zero-width joiners, soft hyphens,
    # direction marks) go: "S\u200dTOP" is STOP.
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join(re.sub(r"['\u2019\u2018`\u00b4]", "", plain).split())


def normalise_text(body: str) -> str:
    """Case-folded, accents and apostrophes dropped, punctuation as spaces, spaces collapsed."""
    plain = normalise_cased(body).casefold()
    # "wrong #" is "wrong number"; the stop sign is STOP
    plain = re.sub(r"#(?!\s*\d)", " number ", plain).replace("\U0001f6d1", " stop ")
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())
