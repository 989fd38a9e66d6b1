"""Where the recipient of a call or text is presumed to be (SPEC 15): the state of the
contact's postal address when it is known, else the state of the number's area code
(phonenumbers' geocoding), with the time zones of both. When the state is not known for sure
(a toll-free number, a non-geographic code) the place says so and every state's rule
applies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Where the recipient may be: candidate states (empty: not known) and time zones."""

    states: frozenset[str]
    time_zones: tuple[str, ...]
    sure: bool


STATE_NAMES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC", "Washington D.C.": "DC", "Florida": "FL",
    "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI",
    "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI",
    "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "Washington State": "WA", "West Virginia": "WV", "Wisconsin": "WI",
    "Wyoming": "WY",
}  # fmt: skip

# US area codes that name no place (phonenumbers geocodes them as ""): personal
# communication services (5XX), toll-free (8XX) and premium (900). Every other US area code
# phonenumbers knows maps to its state (tests/unit/test_send_rules.py walks them all).
NON_GEOGRAPHIC = frozenset(
    {500, 521, 522, 523, 524, 525, 526, 527, 528, 529, 532, 533, 544, 566, 577, 588,
     800, 833, 844, 855, 866, 877, 888, 900}
)  # fmt: skip


# Each state's time zones (the first its most populous), for a state known from an address.
_EASTERN, _CENTRAL, _MOUNTAIN, _PACIFIC = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
STATE_ZONES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ["CT", "DE", "DC", "GA", "ME", "MD", "MA", "NH", "NJ", "NY", "NC", "OH", "PA", "RI", "SC", "VT", "VA", "WV"],
        (_EASTERN,),
    ),
    **dict.fromkeys(["FL", "KY"], (_EASTERN, _CENTRAL)),
    "MI": ("America/Detroit", "America/Menominee"),
    "IN": ("America/Indiana/Indianapolis", _CENTRAL),
    "TN": (_CENTRAL, _EASTERN),
    **dict.fromkeys(["AL", "AR", "IL", "IA", "LA", "MN", "MS", "MO", "OK", "WI"], (_CENTRAL,)),
    **dict.fromkeys(["KS", "NE", "ND", "SD", "TX"], (_CENTRAL, _MOUNTAIN)),
    **dict.fromkeys(["CO", "MT", "NM", "UT", "WY"], (_MOUNTAIN,)),
    "AZ": ("America/Phoenix",),
    "ID": ("America/Boise", _PACIFIC),
    "OR": (_PACIFIC, "America/Boise"),
    **dict.fromkeys(["CA", "NV", "WA"], (_PACIFIC,)),
    "AK": ("America/Anchorage", "America/Adak"),
    "HI": ("Pacific/Honolulu",),
}


def place_of(number: str, state: str | None = None) -> Place:
    """Where a number's holder is presumed to be: the state of the contact's address when it
    is known (`state`, a US number), in that state's time zones and a geographic number's; else the
    number's area code's state and time zones. A US number whose state is not known
    (toll-free, a non-geographic code) is `sure=False`; a number of another country bears
    only the federal rules."""
    import phonenumbers
    from phonenumbers import geocoder, timezone

    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return Place(frozenset(), (), sure=False)
    zones = tuple(z for z in timezone.time_zones_for_number(parsed) if z != timezone.UNKNOWN_TIMEZONE)
    if phonenumbers.region_code_for_number(parsed) != "US":
        return Place(frozenset(), zones, sure=parsed.country_code != 1)
    by_code = state_of(geocoder.description_for_number(parsed, "en"))
    if state in STATE_ZONES:  # and the zones of a geographic number too: it may be carried there
        return Place(frozenset({state}), tuple(dict.fromkeys((*STATE_ZONES[state], *(zones if by_code else ())))), True)
    return Place(frozenset({by_code}) if by_code else frozenset(), zones, sure=by_code is not None)


def state_of(description: str) -> str | None:
    """The state in phonenumbers' geocoding of a US number: "Florida", "San Francisco, CA"."""
    text = description.strip()
    if len(text) > 4 and text[-4:-2] == ", " and text[-2:].isupper():
        return text[-2:]
    return STATE_NAMES.get(text)
