"""The keywords a whole message may be (opt-out, opt-in, help, a confirming "yes"), in
English, Spanish and French; the filler around them; the opt-out keywords a typo may stand for."""

from __future__ import annotations

OPT_OUT_KEYWORDS = frozenset(
    {
        # English (CTIA and Twilio's defaults, and common variants)
        "stop",
        "stopall",
        "stahp",
        "halt",
        "cease",
        "desist",
        "dnd",
        "dnc",
        "end all",
        "stop all",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "revoke",
        "optout",
        "opt out",
        "remove",
        "unsub",
        # Spanish
        "parar",
        "para",
        "alto",
        "parale",
        "salir",
        "borrar",
        "eliminar",
        "paren",
        "cancelar",
        "baja",
        "darme de baja",
        "detener",
        # French
        "arret",
        "arreter",
        "arretez",
        "arrete",
        "stopper",
        "desabonner",
        "desinscrire",
    }
)
OPT_IN_KEYWORDS = frozenset({"start", "unstop", "yes", "subscribe", "comenzar", "reprendre"})
HELP_KEYWORDS = frozenset({"help", "info", "ayuda", "aide"})
# A "yes" that is not START: confirms a number waiting for its SMS-first confirmation.
AFFIRMATIVE = frozenset(
    {"y", "yeah", "yep", "yup", "ok", "okay", "sure", "confirm", "confirmed", "correct", "si", "oui", "yes it is"}
)

# Politeness and filler around a keyword that do not change its meaning.
FILLER = frozenset(
    {
        "please",
        "pls",
        "plz",
        "thanks",
        "thank",
        "you",
        "thx",
        "ty",
        "now",
        "ok",
        "okay",
        "asap",
        "por",
        "favor",
        "gracias",
        "merci",
        "svp",
        "sil",
        "vous",
        "plait",
        # a lead-in that does not change a keyword: "Not interested, stop", "Nope, STOP"
        "no",
        "nope",
        "nah",
        "not",
        "interested",
        "im",
        # softeners and sign-offs: "Please just stop", "Stop please and thank you so much", "Para ya"
        "just",
        "and",
        "so",
        "much",
        "u",
        "bye",
        "ya",
        "enough",  # "Enough, stop"
    }
)

# Opt-out keywords a typo may stand for ("stopp", "Stpo", "unsusbcribe"). Short words that
# are one letter from ordinary ones ("end": "and", "send"; "alto": "alot"; "para": "pará")
# are left out, and only edits that are typos rather than other words count (see near).
TYPO_TARGETS: tuple[str, ...] = (
    *("stop", "stopall", "unsubscribe", "unsub", "cancel", "quit", "optout", "revoke"),
    *("arret", "arretez", "desabonner", "desinscrire"),
)
