"""Table-driven tests for the inbound-SMS classifier (SPEC section 3, issue 3).

Keywords count only as the whole message (give or take politeness and punctuation);
natural-language revocations in English, Spanish and French count as opt-outs; ordinary
sentences that merely contain a keyword are plain replies; Twilio's `OptOutType` wins.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optout.consent.channels import Channel
from optout.consent.classifier.engine import classify
from optout.consent.classifier.model import Classification, KeywordConfig
from optout.consent.classifier.normalise import normalise_cased, normalise_text
from optout.consent.classifier.rule import LANGUAGES, Rule
from optout.consent.classifier.rules import RULES, RULES_BY_ID, rule_of
from optout.consent.classifier.words import AFFIRMATIVE, HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS, TYPO_TARGETS
from tests.budget import examples

KINDS = {"opt_out", "opt_in", "help", "channel_email", "affirmative", "doubtful", "reply"}
NO_CHANNELS: frozenset[Channel] = frozenset()


# How a classification names the table rule that decided it.
_PREFIX = {"opt_out": "phrase", "channel_email": "email_preference", "doubtful": "doubtful"}


def _ids(cases: list[tuple[object, ...]]) -> list[str]:
    return [repr(case[0]) for case in cases]


def _rule_id(rule: str, prefix: str) -> str:
    """The table id in a classification's rule ("phrase:en.no_more"), checking its prefix."""
    head, _, rule_id = rule.partition(":")
    assert head == prefix, rule
    return rule_id


# --------------------------------------------------------------------------------------
# Opt-out keywords: every built-in keyword, in several casings and with politeness.
# --------------------------------------------------------------------------------------


def _keyword_variants(keyword: str) -> list[str]:
    variants = [
        keyword,
        keyword.upper(),
        keyword.title(),
        f"  {keyword.upper()}.  ",
        f"{keyword.capitalize()}!",
        f"{keyword}, please",
        f"Please {keyword.upper()}. Thank you",
    ]
    if " " not in keyword:  # a repeated single word ("STOP STOP") collapses to the keyword
        variants.append(f"{keyword.upper()} {keyword.upper()}")
    return variants


KEYWORD_VARIANT_CASES = [
    (variant, keyword) for keyword in sorted(OPT_OUT_KEYWORDS) for variant in _keyword_variants(keyword)
]


@pytest.mark.parametrize(("body", "keyword"), KEYWORD_VARIANT_CASES, ids=_ids(KEYWORD_VARIANT_CASES))
def test_every_builtin_opt_out_keyword_in_any_casing_and_politeness(body: str, keyword: str) -> None:
    result = classify(body)
    assert result == Classification("opt_out", keyword, by_keyword=True)


# Written-out keyword forms from the spec and the issue, with the rule they must report.
OPT_OUT_KEYWORD_CASES = [
    ("STOP", "stop"),
    ("Stop.", "stop"),
    (" STOP ", "stop"),
    ("stop please", "stop"),
    ("Stop. Thank you", "stop"),
    ("STOP STOP", "stop"),
    ("Stop stop stop", "stop"),
    ("Stop! Stop!", "stop"),
    ("STOP!!!", "stop"),
    ("stop...", "stop"),
    ("Stop, thanks", "stop"),
    ("ok stop", "stop"),
    ("stop now", "stop"),
    ("stop asap", "stop"),
    ("Stop pls", "stop"),
    ("thanks stop", "stop"),
    ("STOP please thank you", "stop"),
    ("Stop s'il vous plaît", "stop"),
    ("Stop 🛑", "stop"),
    ("🛑 STOP", "stop"),
    ("🛑", "stop"),
    ("\tstop\n", "stop"),
    ("\uff33\uff34\uff2f\uff30", "stop"),  # fullwidth STOP
    ("\U0001d412\U0001d413\U0001d40e\U0001d40f", "stop"),  # mathematical bold STOP
    ("Ⓢⓣⓞⓟ", "stop"),  # circled letters
    ("\u00a0STOP\u00a0", "stop"),  # no-break spaces
    ("\u3000STOP\u3000", "stop"),  # ideographic spaces
    ("\u200fSTOP\u200f", "stop"),  # RTL marks around the keyword
    ("\ufeffSTOP", "stop"),  # byte-order mark
    ("STOPALL", "stopall"),
    ("STOP ALL", "stop all"),
    ("stop-all", "stop all"),
    ("UNSUBSCRIBE", "unsubscribe"),
    ("Unsubscribe.", "unsubscribe"),
    ("CANCEL", "cancel"),
    ("Cancel please", "cancel"),
    ("END", "end"),
    ("End!", "end"),
    ("QUIT", "quit"),
    ("Quit, thanks", "quit"),
    ("REVOKE", "revoke"),
    ("OPTOUT", "optout"),
    ("OPT OUT", "opt out"),
    ("OPT-OUT", "opt out"),
    ("Opt-Out", "opt out"),
    ("REMOVE", "remove"),
    ("UNSUB", "unsub"),
    ("PARAR", "parar"),
    ("Para", "para"),
    ("ALTO", "alto"),
    ("CANCELAR", "cancelar"),
    ("BAJA", "baja"),
    ("Baja por favor", "baja"),
    ("Darme de baja", "darme de baja"),
    ("Detener", "detener"),
    ("ARRET", "arret"),
    ("ARRÊT", "arret"),
    ("Arrêt!", "arret"),
    ("Arrêt svp", "arret"),
    ("Arrêt, merci", "arret"),
    ("Arrêter", "arreter"),
    ("Arrêtez", "arretez"),
    ("STOPPER", "stopper"),
    ("Désabonner", "desabonner"),
    ("Désinscrire", "desinscrire"),
]


@pytest.mark.parametrize(("body", "keyword"), OPT_OUT_KEYWORD_CASES, ids=_ids(OPT_OUT_KEYWORD_CASES))
def test_opt_out_keyword(body: str, keyword: str) -> None:
    assert classify(body) == Classification("opt_out", keyword, by_keyword=True)


# --------------------------------------------------------------------------------------
# Natural-language revocations (FCC: any reasonable means).
# --------------------------------------------------------------------------------------

OPT_OUT_PHRASE_CASES = [
    # English
    "please stop texting me",
    "stop texting me",
    "STOP TEXTING ME",
    "Stop texting me!!!",
    "stop texting me please",
    "Stop texting",
    "Stop sending me messages",
    "stop sending",
    "Stop messaging me",
    "STOP contacting me",
    "quit texting me",
    "Quit messaging me",
    "End texts",
    "Stop it",
    "stop this now",
    "Who is this? Stop texting me",
    "take me off your list",
    "take me off this list",
    "don't contact me again",
    "Do not text me",
    "dont txt me",
    "Please don't message me anymore",
    "remove me from your list",
    "Please remove me",
    "Remove me please",
    "Please remove me from this list",
    "Remove my number",
    "delete my number",
    "Lose my number",
    "no more texts",
    "no more messages please",
    "No further contact",
    "I don't want any more texts",
    "I don't want these messages",
    "I do not want to be contacted",
    "Leave me alone",
    "I want to unsubscribe",
    "Unsubscribe me",
    "Please unsubscribe me from all messages",
    "Opt me out",
    "wrong number",
    "You have the wrong number",
    "wrong person",
    # Spanish
    "No me envíes más mensajes",
    "Deja de enviarme mensajes",
    "Por favor, deja de enviarme mensajes",
    "Quítame de la lista",
    "Sácame de la lista",
    "Bórrame de su lista",
    "Dame de baja",
    "Quiero darme de baja",
    "No me escriba más",
    "No me contacten más",
    "No me molesten",
    "No me llamen más",
    "Deje de llamarme",
    "Ya no quiero mensajes",
    "Ya no me envíen mensajes",
    # French
    "Ne me contactez plus",
    "Ne me dérangez plus",
    "Ne me textez plus",
    "Arrêtez de m'envoyer des messages",
    "Arrêtez de me contacter",
    "Arrêtez de m'écrire",
    "Arrêtez de m'appeler",
    "Je veux me désabonner",
    "Désabonnez-moi",
    "Je veux me désinscrire",
    "Retirez mon numéro",
    "Retirez-moi de votre liste",
    "Supprimez mon numéro",
    "Enlevez-moi de la liste",
    # text-speak, and a sign-off after it
    "STOP this is my work phone",
    "not the guy you want STOP",
    "Stop. I'm driving",
    "oh great another text. STOP",
    "I never gave you permission to text me, stop",
    "please discontinue texts to this number",
    "Please cancel all future texts",
    "Discontinue all contact",
    "I want nothing to do with your company",
    "Do not reach out again",
    "lay off the texts",
    "XFA YA NO MANDEN TEXTOS",
    "jvx pu recevoir de textos de vous autres",
    "pu de textos svp chu pas intéressé",
    "Allo, pu de courriels svp, merci! Envoyé de mon iPhone",
]


@pytest.mark.parametrize("body", OPT_OUT_PHRASE_CASES)
def test_natural_language_revocation_is_an_opt_out(body: str) -> None:
    result = classify(body)
    assert result.kind == "opt_out"
    assert _rule_id(result.rule, "phrase") in RULES_BY_ID
    assert result.revokes_sms is False
    assert result.by_keyword is False


# --------------------------------------------------------------------------------------
# Negatives: ordinary sentences that merely contain a keyword are plain replies.
# --------------------------------------------------------------------------------------

REPLY_CASES = [
    # From the issue
    "Can you stop by at 3?",
    "I'll cancel my other meeting",
    "Don't stop now, I'm interested",
    "The end of the month works",
    # stop
    "Stop by the office tomorrow",
    "Please stop by whenever",
    "The bus stop is right outside",
    "Stop sign at the corner",
    "Stopped by your office today but you were out",
    "I'll stop at the bank first",
    "I can't stop thinking about that house",
    "I'm on my way, stop worrying",
    "Stop! That's great news",
    "Stop... I love it",
    "Unstoppable deal!",
    # Negated revocations keep texts coming
    "Please don't stop texting me, I like the updates",
    "Don't stop sending me listings",
    "Never stop texting me",
    "I don't want to stop",
    "I won't stop asking questions haha",
    "Please don't stop",
    "Don't remove me from the list",
    "Don't take me off the list",
    "Don't unsubscribe me",
    "I don't want to miss your texts",
    # quit, cancel, end, remove
    "Quit my job last week, so now I have time",
    "Quit it with the jokes lol, what's the price?",
    "Quit playing",
    "I need to cancel the appointment and reschedule",
    "Please don't cancel my appointment",
    "Is there a cancellation fee?",
    "I'm going to cancel my current lease",
    "Cancel culture is wild",
    "What's the end date?",
    "When does the offer end?",
    "At the end of the day I want the best price",
    "That's the end of my questions",
    "In the end we chose the bigger one",
    "We need to end the lease in June",
    "Don't end the call yet",
    "End call",
    "What time do you end work?",
    "Ending soon?",
    "End of story, we'll take it",
    "Remove the second item from the quote",
    "Can you remove the fee?",
    "Remove the pool from the list",
    "Remove my wife from the paperwork",
    "Remove my old address from the file",
    "Remember to remove your shoes",
    "I want to remove the contingency",
    "We opted out of the warranty",
    # help / info only count as the whole message
    "Help me understand the pricing",
    "Help with my application",
    "Can you help?",
    "What's the info on the second unit?",
    "Info on pricing please",
    # yes / start only count as the whole message
    "Yes, Tuesday works",
    "Yes please call me",
    "Yes I am still interested",
    "I want to start on Monday",
    "Start date is flexible",
    "Subscribe me to the newsletter please",
    # Contact requests that are not revocations
    "Call me at 5",
    "Can you call me?",
    "Text me the address",
    "Send me the contract",
    "I'm texting from a new phone",
    "This is the right number",
    "Right person, go ahead",
    "The deal is off the table? Take me through it",
    "Please take me to the showing",
    "No more than $300k please",
    "No more questions, let's sign",
    "What's your email?",
    "Did you get my email?",
    "My email is ada@example.com",
    "Check your email",
    # Ordinary chatter
    "Sounds good",
    "Thanks!",
    "No",
    "Not now",
    "Maybe later",
    "Can we talk tomorrow?",
    "I'm done for today, talk tomorrow",
    # Spanish
    "Para mañana está bien",
    "Para cuando es la cita?",
    "Alto Paseo is the street name",
    "Baja California is where I live",
    "Estoy interesado, gracias",
    "Sí, el martes está bien",
    "Llámame mañana",
    "No más preguntas, gracias",
    # French
    "Arrêt de bus près de la maison?",
    "Je suis intéressé",
    "Oui, mardi me convient",
    "Merci beaucoup",
    "Appelez-moi demain",
    "Je veux plus d'informations",
]


@pytest.mark.parametrize("body", REPLY_CASES)
def test_ordinary_sentence_is_a_plain_reply(body: str) -> None:
    # rule "none" (not "empty") shows the text was read and nothing matched.
    assert classify(body) == Classification("reply", "none")


# --------------------------------------------------------------------------------------
# Opt-in and help.
# --------------------------------------------------------------------------------------

OPT_IN_CASES = [
    ("START", "start"),
    ("start", "start"),
    ("Start!", "start"),
    (" START ", "start"),
    ("Start please", "start"),
    ("UNSTOP", "unstop"),
    ("Unstop", "unstop"),
    ("unstop.", "unstop"),
    ("YES", "yes"),
    ("yes", "yes"),
    ("Yes!", "yes"),
    ("Yes.", "yes"),
    ("yes please", "yes"),
    ("YES YES", "yes"),
    ("\uff39\uff45\uff53", "yes"),  # fullwidth Yes
    ("Subscribe", "subscribe"),
    ("Comenzar", "comenzar"),
    ("Reprendre", "reprendre"),
]


@pytest.mark.parametrize(("body", "keyword"), OPT_IN_CASES, ids=_ids(OPT_IN_CASES))
def test_opt_in_keyword(body: str, keyword: str) -> None:
    assert classify(body) == Classification("opt_in", keyword, by_keyword=True)


HELP_CASES = [
    ("HELP", "help"),
    ("help", "help"),
    ("Help!", "help"),
    ("Help?", "help"),
    ("help please", "help"),
    ("INFO", "info"),
    ("info", "info"),
    ("Info.", "info"),
    ("Ayuda", "ayuda"),
    ("Aide", "aide"),
]


@pytest.mark.parametrize(("body", "keyword"), HELP_CASES, ids=_ids(HELP_CASES))
def test_help_keyword(body: str, keyword: str) -> None:
    assert classify(body) == Classification("help", keyword, by_keyword=True)


def test_builtin_lists_hold_the_spec_keywords() -> None:
    spec_opt_out = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT"}
    spec_opt_out |= {"OPT-OUT", "REMOVE", "PARAR", "ALTO", "CANCELAR", "BAJA", "ARRET", "ARRÊT"}
    assert {normalise_text(k) for k in spec_opt_out} <= OPT_OUT_KEYWORDS
    assert {"start", "unstop", "yes"} <= OPT_IN_KEYWORDS
    assert {"help", "info"} <= HELP_KEYWORDS
    assert not OPT_OUT_KEYWORDS & OPT_IN_KEYWORDS
    assert not OPT_OUT_KEYWORDS & HELP_KEYWORDS
    assert not OPT_IN_KEYWORDS & HELP_KEYWORDS


# --------------------------------------------------------------------------------------
# Switch to email, and opt-outs that name other channels.
# --------------------------------------------------------------------------------------

CHANNEL_SWITCH_CASES = [
    ("Email me instead", False),
    ("email me", False),
    ("Email instead please", False),
    ("Email is fine", False),
    ("Email works better", False),
    ("I prefer email", False),
    ("Contact me by email", False),
    ("Send me an email instead", False),
    ("Please use my email", False),
    ("Can you switch to email?", False),
    ("Por correo por favor", False),
    ("Envíame un correo", False),
    ("Mándame un correo", False),
    ("Par courriel svp", False),
    ("Par email", False),
    ("no more texts, email is fine", True),
    ("No more texts please, email me", True),
    ("no more text messages, email works", True),
    ("please stop texting and email me", True),
    ("Stop texting me, email me instead", True),
    ("Stop texting me. Email only", True),
    ("Stop sending texts, email is better", True),
    ("Quit texting, email me", True),
    ("Don't text me, email me", True),
    ("I don't want texts, email is fine", True),
]


@pytest.mark.parametrize(("body", "revokes_sms"), CHANNEL_SWITCH_CASES, ids=_ids(CHANNEL_SWITCH_CASES))
def test_switch_to_email(body: str, revokes_sms: bool) -> None:
    result = classify(body)
    assert (result.kind, result.revokes_sms, result.by_keyword) == ("channel_email", revokes_sms, False)
    assert RULES_BY_ID[_rule_id(result.rule, "email_preference")].outcome == "channel_email"


# (body, channels named, whether it also stands for a STOP, channels it asks to keep)
CHANNEL_CASES = [
    ("don't email me", {Channel.EMAIL}, False, set()),
    ("Don't email me", {Channel.EMAIL}, False, set()),
    ("Stop emailing me", {Channel.EMAIL}, False, set()),
    ("No more emails", {Channel.EMAIL}, False, set()),
    ("stop calling me", {Channel.CALL}, False, set()),
    ("Stop calling me", {Channel.CALL}, False, set()),
    ("Do not call me", {Channel.CALL}, False, set()),
    ("Don't call me", {Channel.CALL}, False, set()),
    ("No more calls", {Channel.CALL}, False, set()),
    ("no more calls or texts", {Channel.CALL, Channel.SMS}, True, set()),
    ("Stop calling and texting me", {Channel.CALL, Channel.SMS}, True, set()),
    ("No more calls or emails", {Channel.CALL, Channel.EMAIL}, False, set()),
    ("Stop calling me and stop emailing me", {Channel.CALL, Channel.EMAIL}, False, set()),
    ("stop texting me", {Channel.SMS}, True, set()),
    ("take me off your list", set(), True, set()),
    ("Don't call me, text me instead", {Channel.CALL}, False, {Channel.SMS}),
    ("Text me, don't email me", {Channel.EMAIL}, False, set()),
    ("Stop texting and call me instead", {Channel.SMS}, True, {Channel.CALL}),
    ("Can I unsubscribe from the emails but keep texts?", {Channel.EMAIL}, False, {Channel.SMS}),
    ("Don't contact me, text only", {Channel.CALL, Channel.EMAIL}, False, {Channel.SMS}),
    ("Deje de llamarme", {Channel.CALL}, False, set()),
    ("No me llamen más", {Channel.CALL}, False, set()),
    ("Arrêtez de m'appeler", {Channel.CALL}, False, set()),
]


@pytest.mark.parametrize(("body", "channels", "with_scope", "keep"), CHANNEL_CASES, ids=_ids(CHANNEL_CASES))
def test_opt_outs_name_their_channels(body: str, channels: set[Channel], with_scope: bool, keep: set[Channel]) -> None:
    result = classify(body)
    assert result.kind == "opt_out"
    assert _rule_id(result.rule, "phrase") in RULES_BY_ID
    assert (result.channels, result.with_scope, result.keep) == (frozenset(channels), with_scope, frozenset(keep))
    assert result.revokes_sms is False


def test_dont_email_me_is_an_opt_out_not_a_switch() -> None:
    result = classify("don't email me")
    assert result.kind == "opt_out"
    assert Channel.EMAIL in result.channels and not result.with_scope


def test_email_me_instead_keeps_texts() -> None:
    result = classify("Email me instead")
    assert result.kind == "channel_email"
    assert result.revokes_sms is False


# --------------------------------------------------------------------------------------
# Twilio's OptOutType is authoritative.
# --------------------------------------------------------------------------------------

TWILIO_CASES = [
    ("hello", "STOP", "opt_out", "twilio:STOP"),
    ("START", "STOP", "opt_out", "twilio:STOP"),
    ("Can you stop by at 3?", "STOP", "opt_out", "twilio:STOP"),
    ("", "STOP", "opt_out", "twilio:STOP"),
    (None, "STOP", "opt_out", "twilio:STOP"),
    ("hello", " stop ", "opt_out", "twilio:STOP"),
    ("STOP", "START", "opt_in", "twilio:START"),
    ("hi", "start", "opt_in", "twilio:START"),
    ("STOP", "HELP", "help", "twilio:HELP"),
    ("hello", "Help", "help", "twilio:HELP"),
    # Unknown or empty types fall back to the body.
    ("STOP", "bogus", "opt_out", "stop"),
    ("hello", "bogus", "reply", "none"),
    ("START", "UNKNOWN", "opt_in", "start"),
    ("HELP", "OPTOUT", "help", "help"),
    ("STOP", "", "opt_out", "stop"),
    ("STOP", "   ", "opt_out", "stop"),
    ("STOP", None, "opt_out", "stop"),
    ("Email me instead", "nonsense", "channel_email", "email_preference:en.email_me_instead"),
]


@pytest.mark.parametrize(("body", "opt_out_type", "kind", "rule"), TWILIO_CASES, ids=_ids(TWILIO_CASES))
def test_twilio_opt_out_type_wins(body: str | None, opt_out_type: str | None, kind: str, rule: str) -> None:
    result = classify(body, opt_out_type)
    assert (result.kind, result.rule) == (kind, rule)
    # Twilio's type and a keyword are keywords; words ("email me instead") are not.
    keywords = OPT_OUT_KEYWORDS | OPT_IN_KEYWORDS | HELP_KEYWORDS
    assert result.by_keyword is (rule.startswith("twilio:") or rule in keywords)


# --------------------------------------------------------------------------------------
# Configured extras.
# --------------------------------------------------------------------------------------

EXTRAS = KeywordConfig.with_extras(opt_out=["basta ya", "Ça suffit"], opt_in=["¡Claro!"], help_words=["Socorro"])

EXTRAS_CASES = [
    ("Basta ya!", "opt_out", "basta ya"),
    ("basta ya", "opt_out", "basta ya"),
    ("BASTA YA. Gracias", "opt_out", "basta ya"),
    ("ça suffit", "opt_out", "ca suffit"),
    ("Claro", "opt_in", "claro"),
    ("socorro!", "help", "socorro"),
    # Built-ins still apply.
    ("STOP", "opt_out", "stop"),
    ("START", "opt_in", "start"),
    ("HELP", "help", "help"),
    ("take me off your list", "opt_out", "phrase:en.off_list"),
    ("hola", "reply", "none"),
]


@pytest.mark.parametrize(("body", "kind", "rule"), EXTRAS_CASES, ids=_ids(EXTRAS_CASES))
def test_configured_extras(body: str, kind: str, rule: str) -> None:
    result = classify(body, config=EXTRAS)
    assert (result.kind, result.rule) == (kind, rule)


@pytest.mark.parametrize(
    ("body", "default"),
    [
        # without the configured keyword, "enough" is for a person to judge, not a STOP
        ("Basta ya!", Classification("doubtful", "doubtful:es.harto")),
        ("basta ya", Classification("doubtful", "doubtful:es.harto")),
        ("ça suffit", Classification("doubtful", "doubtful:fr.ca_suffit")),
        ("Claro", Classification("reply", "none")),
        ("socorro!", Classification("reply", "none")),
    ],
)
def test_extras_are_not_in_the_default_config(body: str, default: Classification) -> None:
    assert classify(body) == default
    assert classify(body, config=KeywordConfig()) == default


def test_with_extras_normalises_and_drops_blank_entries() -> None:
    config = KeywordConfig.with_extras(opt_out=["  Basta   YA!! ", "", "   ", "!!"])
    assert "basta ya" in config.opt_out
    assert "" not in config.opt_out
    assert config.opt_out == OPT_OUT_KEYWORDS | {"basta ya"}
    assert KeywordConfig.with_extras() == KeywordConfig()


# --------------------------------------------------------------------------------------
# Empty, odd and long bodies.
# --------------------------------------------------------------------------------------

EMPTY_CASES = [
    None,
    "",
    " ",
    "   \t\n\r ",
    "...",
    "?",
    "!!!",
    "😀",
    "👍👍",
    "🙏",
    "👨\u200d👩\u200d👧",
    "\u200b\u200d",
]


@pytest.mark.parametrize("body", EMPTY_CASES, ids=[repr(b) for b in EMPTY_CASES])
def test_empty_or_symbol_only_body_is_a_reply(body: str | None) -> None:
    assert classify(body) == Classification("reply", "empty")


ODD_BODIES = [
    "a" * 1600,
    ("Hello there, " * 124)[:1600],
    ("stop " * 320)[:1600],
    ("don't text me " * 115)[:1600],
    ("no " * 534)[:1600],
    ("please " * 229)[:1600],
    " " * 1600,
    "ß" * 1600,
    "e\u0301" * 800,
    "\u0345" * 1600,
    "\U00010000" * 400,
    "\U0001f600" * 400,
    "\ufdfa" * 400,
    "\u202eSTOP",
    "S\u200dTOP",
    "STOP\u200d",
    "s\u0301t\u0301o\u0301p\u0301",
    "\u0000STOP",
    "stop\x00",
    "ﬅop",
    "\u0130",
    "مرحبا \u200f STOP \u200e שלום",
    "👩🏽\u200d💻 email me",
    "\ud7ff\ue000\uffff",
    "\U0010ffff",
]


@pytest.mark.parametrize("body", ODD_BODIES, ids=[f"odd-{i}" for i in range(len(ODD_BODIES))])
def test_odd_and_long_bodies_never_raise(body: str) -> None:
    result = classify(body)
    assert result.kind in KINDS
    assert isinstance(result.rule, str)


LONG_CASES = [
    (("stop " * 320)[:1600], "opt_out"),
    ("Can you stop by at 3? " * 72, "reply"),
    ("x" * 1560 + " please stop texting me", "opt_out"),
]


@pytest.mark.parametrize(("body", "kind"), LONG_CASES, ids=["stop-x320", "stop-by-x72", "tail-revocation"])
def test_long_bodies_are_classified(body: str, kind: str) -> None:
    assert len(body) >= 1580
    assert classify(body).kind == kind


# --------------------------------------------------------------------------------------
# normalise_text.
# --------------------------------------------------------------------------------------

NORMALISE_CASES = [
    ("ARRÊT!", "arret"),
    ("Don't", "dont"),
    ("It\u2019s", "its"),
    ("\uff33\uff34\uff2f\uff30", "stop"),  # fullwidth STOP
    ("  a--b  ", "a b"),
    ("Opt-Out", "opt out"),
    ("__x__", "x"),
    ("e\u0301", "e"),
    ("ß", "ss"),
    ("Stop.\n\tThank   you", "stop thank you"),
    ("", ""),
    ("🛑", "stop"),  # the stop sign says STOP
    ("wrong #", "wrong number"),
    ("order #4412", "order 4412"),
]


@pytest.mark.parametrize(("body", "expected"), NORMALISE_CASES, ids=_ids(NORMALISE_CASES))
def test_normalise_text(body: str, expected: str) -> None:
    assert normalise_text(body) == expected


# --------------------------------------------------------------------------------------
# Properties.
# --------------------------------------------------------------------------------------

_ALLOWED_RULES = (
    OPT_OUT_KEYWORDS
    | OPT_IN_KEYWORDS
    | HELP_KEYWORDS
    | AFFIRMATIVE
    | {f"{kind}:{target}" for target in TYPO_TARGETS for kind in ("typo", "spelt")}
    | {f"{_PREFIX[rule.outcome]}:{rule.id}" for rule in RULES}
    | {"none", "empty", "twilio:STOP", "twilio:START", "twilio:HELP"}
)


@settings(max_examples=examples(300))
@given(body=st.one_of(st.none(), st.text(), st.text(max_size=1600)), opt_out_type=st.one_of(st.none(), st.text()))
def test_classify_never_raises_and_returns_a_known_kind(body: str | None, opt_out_type: str | None) -> None:
    result = classify(body, opt_out_type)
    assert result.kind in KINDS
    # The rule is safe to log: a keyword or a rule name, never the body.
    assert result.rule in _ALLOWED_RULES
    assert result.channels <= frozenset(Channel) and result.keep <= frozenset(Channel)
    assert not (result.revokes_sms and result.kind != "channel_email")


_WORDS = st.sampled_from(
    [
        *sorted(OPT_OUT_KEYWORDS | OPT_IN_KEYWORDS | HELP_KEYWORDS),
        *["please", "thanks", "me", "texting", "email", "don't", "not", "no", "more", "by", "at", "3", "the", "list"],
    ]
)


@given(words=st.lists(_WORDS, max_size=12), punctuation=st.sampled_from(["", ".", "!", "?", ",", " ", "..."]))
def test_keyword_soup_never_raises_and_ignores_case_and_edges(words: list[str], punctuation: str) -> None:
    body = " ".join(words)
    result = classify(body)
    assert result.kind in KINDS
    # Case changes nothing, but that a keyword in capitals opening or closing a message is a
    # command (any.keyword_as_command) where the same words in lower case said nothing.
    upper = classify(body.upper())
    assert upper == result or (upper.rule == "phrase:any.keyword_as_command" and result.kind != "opt_out")
    assert classify(f"  {body}{punctuation}  ") == result


@given(
    keyword=st.sampled_from(sorted(OPT_OUT_KEYWORDS)),
    before=st.lists(st.sampled_from(["please", "ok", "now", "pls"]), max_size=3),
    after=st.lists(st.sampled_from(["please", "thanks", "thank you", "merci", "gracias", "por favor"]), max_size=3),
)
def test_keyword_with_politeness_is_always_an_opt_out(keyword: str, before: list[str], after: list[str]) -> None:
    body = " ".join([*before, keyword.upper(), *after]) + "."
    assert classify(body) == Classification("opt_out", keyword, by_keyword=True)


@given(body=st.one_of(st.none(), st.text(max_size=200)))
def test_twilio_stop_always_wins(body: str | None) -> None:
    assert classify(body, "STOP") == Classification("opt_out", "twilio:STOP", by_keyword=True)


@pytest.mark.parametrize("body", ["y", "Y.", "ok", "Okay!", "sure", "Confirm", "sí", "oui", "yes it is"])
def test_affirmative_replies_confirm_a_pending_number(body: str) -> None:
    assert classify(body).kind == "affirmative"


@pytest.mark.parametrize("body", ["ok, talk tomorrow", "sure, but not now", "yes"])
def test_longer_replies_and_yes_are_not_affirmative_keywords(body: str) -> None:
    assert classify(body).kind != "affirmative"


# --------------------------------------------------------------------------------------
# The rule table: every rule is named, has a language, and decides its own examples.
# --------------------------------------------------------------------------------------

_OUTCOME_KIND = {"opt_out": "opt_out", "channel_email": "channel_email", "doubtful": "doubtful"}
_EXAMPLES = [(rule.id, example) for rule in RULES for example in rule.examples]


def test_every_rule_has_a_unique_id_a_language_an_outcome_and_examples() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for rule in RULES:
        lang, _, name = rule.id.partition(".")
        assert rule.lang in LANGUAGES and lang == rule.lang and name, rule.id
        assert rule.outcome in _OUTCOME_KIND, rule.id
        assert rule.scope in ("named", "medium"), rule.id
        assert rule.examples, f"{rule.id} has no example"


@pytest.mark.parametrize(("rule_id", "example"), _EXAMPLES, ids=[f"{r}:{e}" for r, e in _EXAMPLES])
def test_every_rule_matches_its_examples_and_classify_gives_its_outcome(rule_id: str, example: str) -> None:
    rule = RULES_BY_ID[rule_id]
    read = normalise_cased(example) if rule.cased else normalise_text(example)
    assert re.search(rule.pattern, read), f"{rule_id} does not match {example!r}"
    result = classify(example)
    assert result.kind == _OUTCOME_KIND[rule.outcome], (example, result)
    assert result.by_keyword is False


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_rule_decides_at_least_one_of_its_examples(rule: Rule) -> None:
    # A rule that an earlier rule always shadows would never reach the evidence.
    decided = {classify(example).rule for example in rule.examples}
    assert f"{_PREFIX[rule.outcome]}:{rule.id}" in decided, decided


def test_the_evidence_names_the_rule_that_decided() -> None:
    result = classify("Stop texting me")
    assert result.rule == "phrase:en.stop_contact_verb"
    assert rule_of(result.rule) is RULES_BY_ID["en.stop_contact_verb"]
    assert rule_of("stop") is None and rule_of("none") is None
    assert classify("No me interesa").rule == "doubtful:es.no_me_interesa"
    assert classify("Email me instead").rule == "email_preference:en.email_me_instead"


# --------------------------------------------------------------------------------------
# New classes of revocation: a keyword explained, cancel/cease texts, all contact, typos,
# wrong number, Spanish and French phrasings, email replies.
# --------------------------------------------------------------------------------------

# (body, rule id that decides it)
REVOCATION_CLASS_CASES = [
    # a keyword with a short clause that explains it, before or after
    ("STOP wrong number", "any.wrong_number"),
    ("Stop, I never signed up for this", "en.keyword_with_reason"),
    ("stop I'm not looking anymore", "en.keyword_with_reason"),
    ("STOP. I told you last week", "en.keyword_with_reason"),
    ("Stop! Not interested, who gave you my number?", "en.keyword_with_reason"),
    ("I never asked for this. STOP", "en.keyword_with_reason"),
    ("Remove me, not interested", "en.keyword_with_reason"),
    ("Stop, I already sold the house", "en.keyword_with_reason"),
    ("STOP. I'm on the do not call list", "en.keyword_with_reason"),
    ("Stop I don't know you", "en.keyword_with_reason"),
    ("Alto. Número equivocado", "any.wrong_number"),
    ("Alto, nunca me suscribí", "es.keyword_with_reason"),
    ("Para, no me interesa", "es.keyword_with_reason"),
    ("Stop, mauvais numéro", "any.wrong_number"),
    ("Arrêt, je ne suis pas intéressé", "fr.keyword_with_reason"),
    # cancel / cease with texts as their object
    ("cancel these texts", "en.cancel_messages"),
    ("cancel all texts", "en.cancel_messages"),
    ("please cancel these messages", "en.cancel_messages"),
    ("cease texting me", "en.stop_contact_verb"),
    # all contact
    ("stop all communication", "en.stop_all_contact"),
    ("Stop all contact with me", "en.stop_all_contact"),
    ("Please cease all communications", "en.stop_all_contact"),
    # wrong number, in three languages
    ("Wrong number", "any.wrong_number"),
    ("Sorry, you have the wrong person", "any.wrong_number"),
    ("This is not Dave, wrong number", "any.wrong_number"),
    ("Número equivocado", "any.wrong_number"),
    ("numero equivocado", "any.wrong_number"),
    ("Se equivocó de número", "any.wrong_number"),
    ("Mauvais numéro", "any.wrong_number"),
    ("Vous vous êtes trompé de numéro", "any.wrong_number"),
    # Spanish
    ("No más mensajes", "es.no_mas"),
    ("no mas mensajes por favor", "es.no_mas"),
    ("Sáquenme de su lista", "es.quitame"),
    ("Bórrame de la lista", "es.quitame"),
    ("Déjenme en paz", "es.dejenme_en_paz"),
    ("dejenme en paz", "es.dejenme_en_paz"),
    ("Dar de baja mi número", "es.baja_numero"),
    ("Eliminen mi número", "es.baja_numero"),
    ("No quiero que me contacten más", "es.no_quiero_que"),
    ("no quiero que me contacten mas", "es.no_quiero_que"),
    ("Ya no me llamen por favor", "es.no_me_contacten"),
    # French
    ("Plus de messages svp", "fr.plus_de"),
    ("Plus d'appels svp", "fr.plus_de"),
    ("Plus de courriels svp", "fr.plus_de"),
    ("Laissez-moi tranquille", "fr.laissez_moi"),
    ("ne m envoyez plus de sms", "fr.ne_mecrivez_plus"),
    ("Merci de me retirer de votre liste de diffusion", "fr.retirez_moi"),
    ("Merci de ne plus me contacter", "fr.ne_plus_me"),
    ("Supprimez mon numéro", "fr.retirez_moi"),
    ("ne me contactez plus jamais", "fr.ne_me_contactez_plus"),
    # email replies
    ("Please remove me from your list. Thanks, Dan", "en.off_list"),
    ("Remove me from your mailing list", "en.off_list"),
    ("Opt me out of these emails", "en.unsubscribe_from"),
    ("I'd like to be removed from your list", "en.unsubscribe_me"),
    ("Please remove me. Thanks, Dan", "en.remove_me"),
    # consent withdrawn in so many words
    ("I do not consent to these messages", "en.revoke_consent"),
    ("Favor de no contactarme", "es.no_contactarme"),
    ("Rayez-moi de votre liste", "fr.retirez_moi"),
]


@pytest.mark.parametrize(("body", "rule_id"), REVOCATION_CLASS_CASES, ids=_ids(REVOCATION_CLASS_CASES))
def test_new_classes_of_revocation_are_opt_outs(body: str, rule_id: str) -> None:
    result = classify(body)
    assert (result.kind, result.rule, result.by_keyword) == ("opt_out", f"phrase:{rule_id}", False)


# (body, channels, stands for a STOP, kept)
REVOCATION_CHANNEL_CASES = [
    # a wrong number is a STOP for the number: no channel named, the StopScope decides
    ("Wrong number", set(), True, set()),
    ("Mauvais numéro", set(), True, set()),
    ("Stop all messages and calls from your company", {Channel.SMS, Channel.CALL}, True, set()),
    ("Plus d'appels svp", {Channel.CALL}, False, set()),
    ("Plus de courriels svp", {Channel.EMAIL}, False, set()),
    ("Merci de me retirer de votre liste de diffusion", {Channel.EMAIL}, False, set()),
    ("don't call or text me", {Channel.CALL, Channel.SMS}, True, set()),
    ("no me llames mas, mejor por mensaje", {Channel.CALL}, False, {Channel.SMS}),
    ("Stop calling me, text is fine", {Channel.CALL}, False, {Channel.SMS}),
    # calls revoked alongside a wish for email: the revocation is what is recorded
    ("Do not call me, email only", {Channel.CALL}, False, {Channel.EMAIL}),
    # our own do-not-call list names calls; the public registry names nothing
    ("Put me on your do not call list", {Channel.CALL}, False, set()),
    ("I'm on the do not call registry. Remove me now or I file a complaint", set(), True, set()),
    ("no me texteen ni me llamen, gracias", {Channel.CALL, Channel.SMS}, True, set()),
    ("Lâchez-moi avec vos messages et vos appels", {Channel.CALL, Channel.SMS}, True, set()),
    (
        "Je reçois vos courriels ET vos textos tous les jours. Arrêtez les deux svp.",
        {Channel.EMAIL, Channel.SMS},
        True,
        set(),
    ),
    ("Stop both", set(), True, set()),
    ("Don't call, just text me the details", {Channel.CALL}, False, {Channel.SMS}),
]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("STOP. My attorney will be getting a copy of these texts", "phrase:any.keyword_as_command"),
        ("🛑🛑 BAJA 🛑🛑", "keywords:stop"),
        ("STOP BAJA STOP", "keywords:stop"),
        ("dnt txt me", "phrase:en.dont_contact"),
        ("rmv me", "phrase:en.remove_me"),
        ("ya no m manden msjs xfa", "phrase:es.no_me_escriba"),
        ("baja x favor ya no estoy buscando prestamos", "phrase:es.keyword_with_reason"),
        ("Stop stp c'est la 3e fois", "phrase:fr.keyword_with_reason"),
    ],
)
def test_a_revocation_read_past_doubt_text_speak_or_emoji(body: str, rule: str) -> None:
    result = classify(body)
    assert (result.kind, result.rule, result.by_keyword) == ("opt_out", rule, False)


def test_a_sentence_near_the_top_of_a_long_reply_is_read_and_one_deep_in_a_quoted_thread_is_not() -> None:
    quoted = " ".join(f"> Line {n} of the quoted thread." for n in range(40))
    assert classify(f"Busy. No texts. Thx. {quoted}").rule == "phrase:en.no_more"
    # past the first sentences only the whole-message reading applies: "no texts" alone is no rule there
    assert classify(f"{quoted} No texts.").kind == "reply"


def test_keywords_only_are_confirmed_by_us_and_revoke_the_medium() -> None:
    from optout.consent.revocations import revoked_channels

    found = classify("STOP BAJA STOP")
    assert revoked_channels(found, Channel.SMS) == frozenset({Channel.SMS})


@pytest.mark.parametrize(
    ("body", "channels", "with_scope", "keep"), REVOCATION_CHANNEL_CASES, ids=_ids(REVOCATION_CHANNEL_CASES)
)
def test_new_revocations_name_their_channels(
    body: str, channels: set[Channel], with_scope: bool, keep: set[Channel]
) -> None:
    result = classify(body)
    assert result.kind == "opt_out"
    assert (result.channels, result.with_scope, result.keep) == (frozenset(channels), with_scope, frozenset(keep))


def test_a_switch_to_email_that_drops_texts_stays_a_switch() -> None:
    result = classify("Please stop texting me, email is fine")
    assert (result.kind, result.revokes_sms) == ("channel_email", True)
    assert classify("Don't call me, text me instead").keep == frozenset({Channel.SMS})


# (body, the keyword it stands for, the rule recorded)
TYPO_CASES = [
    ("stopp", "typo:stop"),
    ("STOPP", "typo:stop"),
    ("Stpo", "typo:stop"),
    ("sotp", "typo:stop"),
    ("stoooop", "typo:stop"),
    ("St0p", "typo:stop"),
    ("unsusbcribe", "typo:unsubscribe"),
    ("unsubscibe", "typo:unsubscribe"),
    ("Unsubscibe please", "typo:unsubscribe"),
    ("cancle", "typo:cancel"),
    ("desabonnner", "typo:desabonner"),
    ("S T O P", "spelt:stop"),
    ("s.t.o.p", "spelt:stop"),
    ("U N S U B S C R I B E", "spelt:unsubscribe"),
]


@pytest.mark.parametrize(("body", "rule"), TYPO_CASES, ids=_ids(TYPO_CASES))
def test_a_mistyped_or_spelt_out_keyword_is_that_keyword(body: str, rule: str) -> None:
    # not by keyword: Twilio's own keyword handling does not know it, so we confirm it
    assert classify(body) == Classification("opt_out", rule, by_keyword=False)


TRAP_CASES = [
    # from the tuning set
    "Can you stop by at 3?",
    "Stop! That price is amazing 😂",
    "The bus stop is right outside",
    "Did you stop the promo already?",
    "lol stop it you're too kind",
    "Alto el precio",
    "Para cuándo está disponible?",
    "Para el lunes está bien",
    "Arrêt de bus devant la maison ?",
    "I quit my job so timing is perfect",
    "The end of the month works for me",
    "I need to cancel my appointment for Tuesday",
    "Can we cancel the 2pm and do 4 instead?",
    "Cancel my order #4412 and send the new one",
    # words one typo from a keyword that are words of their own
    "stoop",
    "step",
    "shop",
    "top",
    "stops",
    "spot",
    "quiet",
    "alot",
    "cancelled",
    # a keyword then an ordinary sentence, or a reason about something else
    "Stop, I'm so excited",
    "Stop, we bought it!",
    "Alto, no quiero perderme esta oferta",
    "Arrête, je ne suis pas sûr",
    "Stop, I'm not kidding, that's amazing",
    "Stop, text me later",
    "Cancel, I meant Friday",
    "I'm not interested in the bus stop location",
    "Stop sending the wrong brochure, send the blue one",
    "Stop texting my husband, text me instead",
    "Remove me from the email thread and add Sara",
    # a wrong number that is the lead's own
    "Did I give you the wrong number?",
    "I gave you the wrong number, use 555-0199",
    "Oops wrong number",
    # a time to avoid, or one thing by another medium, not a refusal
    "Don't call me before 10",
    "Stop calling me after 8pm",
    "no more calls after 8 please",
    "Don't text me the address, email it",
    "No me llames antes de las 9",
    "Ne m'appelez pas avant 10h",
    # Spanish and French look-alikes
    "Quítame una duda, ¿tiene garaje?",
    "Borra mi número viejo, usa este",
    "Plus de photos svp",
    "Je veux plus d'informations",
    "No más preguntas, gracias",
    # look-alikes of the rules for asking the way out, threats, lists and a last "stop"
    "How do I stop by your office?",
    "How can I stop the leak in the roof",
    "If you text me again tomorrow with the price, great",
    "I reported the leak to the landlord",
    "Put me on your list for the open house",
    "Please remove my old number from your system, use this one",
    "Take me off this list and add me to the VIP list",
    "Dejen de molestar al perro",
    "Je veux plus de détails",
    "Lâchez pas, c'est bon",
    "Love the house. Don't stop",
    "Great. Stop by Tuesday",
    "Merci de me rappeler demain",
    "Baja el precio y hablamos",
    "Both work for me, stop by whenever",
    "Remove Jane from the invite list and add Tom",
    "Please stop sending paper invoices to our office",
    "We'd like to unsubscribe from the basic tier and upgrade to premium",
    "Deja de mandarme el link que no abre, mejor mándame la dirección",
    "No me mandes más fotos de la sala, ya elegí",
    "Ne m'envoie plus le lien, il marche pas",
    "Please no calls before noon",
    "Could you not make it Tuesday?",
    "If I get another text from the bank I'll scream",
    "Can you not call before 10?",
    "I'd like them to stop by Friday",
    "I'm done with these forms, sending now",
    "Remove her from the cc",
    "Il me faut plus d'appels de clients",
    "Cómo salgo de la autopista?",
    "We opted out of the warranty",
    "I wish it would just stop raining",
    "This email is confidential. If you are not the intended recipient please notify the sender and delete it.",
]


@pytest.mark.parametrize("body", TRAP_CASES)
def test_trap_words_and_look_alikes_stay_replies(body: str) -> None:
    assert classify(body) == Classification("reply", "none")


@pytest.mark.parametrize(
    ("body", "keyword"),
    [("stop please and thank you", "stop"), ("STOP!!! Thank you so much", "stop"), ("PARA YA", "para")],
)
def test_politeness_around_a_keyword_is_filler(body: str, keyword: str) -> None:
    assert classify(body) == Classification("opt_out", keyword, by_keyword=True)


def test_a_word_of_a_configured_keyword_is_not_filler_for_it() -> None:
    # "ya" is filler ("Para ya"), but a configured "basta ya" keeps it.
    config = KeywordConfig.with_extras(opt_out=["basta ya"])
    assert classify("Basta ya, gracias", config=config) == Classification("opt_out", "basta ya", by_keyword=True)
    # without it, "basta ya" is no keyword: for a person to judge (doubtful), not a STOP
    assert classify("Basta ya, gracias") == Classification("doubtful", "doubtful:es.harto")


def test_a_sign_off_is_read_past_for_an_opt_out_only() -> None:
    assert classify("Unsubscribe. Thanks, Dan").kind == "opt_out"
    assert classify("STOP\n\nSent from my iPhone").kind == "opt_out"
    # "Yes thanks Bob" is no START, and a plain reply with a sign-off stays one.
    assert classify("Yes thanks Bob") == Classification("reply", "none")
    assert classify("See you Monday. Regards, Ann") == Classification("reply", "none")


# --------------------------------------------------------------------------------------
# Doubtful: may be a revocation, for a person to decide; never on an ordinary reply.
# --------------------------------------------------------------------------------------

DOUBTFUL_CASES = [
    ("Not interested", "en.not_interested"),
    ("not interested anymore", "en.not_interested"),
    ("Not interested at this time", "en.not_interested"),
    ("Thanks but not interested", "en.not_interested"),
    ("We're not looking for this.", "en.not_looking"),
    ("No thanks", "en.no_thanks"),
    ("Please no", "en.no_thanks"),
    ("I'm good, thanks", "en.im_good"),
    ("Who gave you my number?", "en.who_gave_my_number"),
    ("how did you get this number", "en.who_gave_my_number"),
    ("How did you get my email address?", "en.who_gave_my_number"),
    ("Why do you keep texting me?", "en.why_keep_contacting"),
    ("This is getting annoying", "en.annoyed"),
    ("ugh another one of these", "en.annoyed"),
    ("Please don't follow up", "en.dont_follow_up"),
    ("I never signed up for this", "en.never_signed_up"),
    ("No me interesa", "es.no_me_interesa"),
    ("Ya no estoy interesado", "es.no_me_interesa"),
    ("No estamos interesados por ahora", "es.no_me_interesa"),
    ("no gracias", "es.no_gracias"),
    ("¿Quién le dio mi número?", "es.quien_dio_mi_numero"),
    ("Pas intéressé", "fr.pas_interesse"),
    ("Ça ne m'intéresse plus", "fr.pas_interesse"),
    ("Nous ne sommes pas intéressés", "fr.pas_interesse"),
    ("non merci", "fr.non_merci"),
    ("Qui vous a donné mon numéro ?", "fr.qui_vous_a_donne"),
    ("Gracias, pero por ahora no nos interesa. Saludos.", "es.no_me_interesa"),
    ("no estoy vendiendo", "es.no_vendo"),
    ("Esta es la tercera vez que me escriben...", "es.otra_vez"),
    ("Bonjour, ce n'est pas pour nous pour le moment. Cordialement.", "fr.non_merci"),
    ("Je ne vends pas.", "fr.je_ne_vends_pas"),
    # text-speak written out, a sign-off left aside
    ("chu pas intéressé", "fr.pas_interesse"),
    ("Merci mais non merci. Envoyé de mon iPhone", "fr.non_merci"),
    # short refusals and exasperation that name no channel and no stop word
    ("No thank u", "en.no_thanks"),
    ("please don't", "en.no_thanks"),
    ("I'm not interested in whatever this is", "en.not_interested"),
    ("Not something we need, thank you.", "en.not_for_me"),
    ("hard pass", "en.flat_refusal"),
    ("Not a chance", "en.flat_refusal"),
    ("I already said no", "en.said_no"),
    ("for the last time, no", "en.said_no"),
    ("Nope nope nope", "en.said_no"),
    ("Enough!", "en.exasperated"),
    ("ENOUGH IS ENOUGH", "en.exasperated"),
    ("ugh, again??", "en.exasperated"),
    ("omg not again", "en.exasperated"),
    ("every single day smh", "en.exasperated"),
    ("you people never quit", "en.never_give_up"),
    ("Do you ever give up?", "en.never_give_up"),
    ("who tf is this", "en.dont_know_you"),
    ("not me", "en.dont_know_you"),
    ("that's not me lol", "en.dont_know_you"),
    ("ya les dije que no", "es.ya_dije_que_no"),
    ("Ya basta!!", "es.harto"),
    ("qué fastidio 🙄", "es.harto"),
    ("esto es acoso", "es.harto"),
    ("paso, gracias", "es.paso"),
    ("ese no soy yo", "es.paso"),
    ("por qué me siguen escribiendo?", "es.por_que_siguen"),
    ("Je vous ai déjà répondu non. Bonne journée", "fr.deja_dit_non"),
    ("ça suffit maintenant !", "fr.ca_suffit"),
    ("encore vous ?!", "fr.ca_suffit"),
    ("pourquoi vous m'écrivez encore", "fr.pourquoi_encore"),
    ("pas question", "fr.pas_question"),
    ("c'est pas moi", "fr.pas_question"),
]


@pytest.mark.parametrize(("body", "rule_id"), DOUBTFUL_CASES, ids=_ids(DOUBTFUL_CASES))
def test_doubtful_messages_are_flagged_for_a_person(body: str, rule_id: str) -> None:
    result = classify(body)
    assert (result.kind, result.rule, result.by_keyword) == ("doubtful", f"doubtful:{rule_id}", False)
    assert not result.stops_texts


@pytest.mark.parametrize(
    ("body", "channels"),
    [
        ("Who gave you my number?", set()),
        ("How did you get my email address?", {Channel.EMAIL}),
        ("Why do you keep texting me?", {Channel.SMS}),
        ("Why do you keep calling me?", {Channel.CALL}),
    ],
)
def test_a_doubtful_message_names_the_channels_it_seems_about(body: str, channels: set[Channel]) -> None:
    assert classify(body).channels == frozenset(channels)


NOT_DOUBTFUL_CASES = [
    "Not now, maybe next month",
    "Sorry, busy right now, call later",
    "We already bought one, thanks",
    "Thanks!",
    "Great, talk soon",
    "Sounds good",
    "Who is this?",
    "Who should I talk to about the enterprise plan?",
    "No",
    "Not now",
    "Nope, Tuesday doesn't work",
    "I'm good with Tuesday",
    "Not interested in the 2 bedroom, do you have a 3?",
    "Not looking for a 2 bedroom, need 3",
    "How did you get the price so low?",
    "Yes I'm interested",
    "Sí, me interesa",
    "Oui ça m'intéresse",
    "Je suis intéressé",
    "Estoy interesado, gracias",
    "No, el martes mejor",
    "Non, mardi c'est mieux",
    # a capital STOP that is no command, and sentences about a second time or a mistake
    "STOP by anytime after 5",
    "THE HOUSE IS RIGHT BY THE BUS STOP",
    "I CANT STOP",
    "Stop! That price is amazing",
    "DONT STOP texting me the listings",
    "STOP calling me at work please, my cell is fine",
    "I'll stop by the office at 3",
    "I asked you to stop by last week, did you forget?",
    "That's the third time the price dropped, any room to go lower?",
    "Sent it by mistake, ignore the last text",
    "Oh great, another showing! What time?",
    "Lay off the hard sell and send me numbers",
    "Discontinue the old plan and start the new one next month",
    "End of the month works for a call",
    "Don't reach out before Monday, I'm traveling",
    "ahorita no puedo, mañana te marco",
    "No me mandes el folleto, ya lo tengo. ¿Cuándo pasas?",
    "Quiero cancelar la cita de mañana, ¿podemos el jueves?",
    "Ne m'appelez pas au bureau, plutôt sur mon cell en soirée",
    "Plus de photos du salon svp",
    # look-alikes of the short refusals: they say more, or thank (the message is also read
    # without its sign-off: "Again, thanks!" would be "Again")
    "no, Tuesday works better",
    "no problem",
    "not yet",
    "who is this? oh hi Sam",
    "Nope",
    "Ugh, thanks for the reminder",
    "Ugh traffic, running 10 min late",
    "Again, thanks!",
    "Seriously, thank you!",
    "omg seriously?! thank you so much",
    "seriously? that's a great price",
    "Enough for today, let's talk Monday",
    "enough said, book it",
    "Enough is enough, I'm buying next week",
    "not me, my wife handles the bills",
    "I said no to the upgrade, can you fix the bill?",
    "no no no, I meant Tuesday",
    "hard pass on the basement, but the garage looks nice",
    "every single day works for me",
    "why do you keep sending me the old quote? I need the new one",
    "Do you ever stop by the Elm St office?",
    "You guys never quit, I love it",
    "I'll pass by at 3",
    "paso a las 3",
    "Otra vez gracias!",
    "en serio? qué buen precio",
    "basta con el depósito",
    "no soy yo quien firma, es mi esposa",
    "Encore merci !",
    "pas encore",
    "sérieux ? super nouvelle merci",
    "ça suffit pour aujourd'hui, on en reparle lundi",
    "c'est pas moi qui signe, c'est ma femme",
    "Pourquoi tu m'écris pas sur WhatsApp ?",
]


@pytest.mark.parametrize("body", NOT_DOUBTFUL_CASES)
def test_ordinary_replies_are_not_doubtful(body: str) -> None:
    assert classify(body).kind not in ("doubtful", "opt_out")


# A clear answer wins over doubt: keywords, revocations in words, a switch to email.
PRECEDENCE_CASES = [
    ("Not interested, stop", Classification("opt_out", "stop", by_keyword=True)),
    ("No thanks, STOP", Classification("opt_out", "stop", by_keyword=True)),
    ("Not interested, remove me", None),
    ("Please don't follow up, remove me from your list", None),
    ("No me interesa, no me escriban más", None),
    ("Pas intéressé, ne me contactez plus", None),
]


@pytest.mark.parametrize(("body", "expected"), PRECEDENCE_CASES, ids=_ids(PRECEDENCE_CASES))
def test_a_clear_revocation_wins_over_doubt(body: str, expected: Classification | None) -> None:
    result = classify(body)
    assert result.kind == "opt_out"
    if expected is not None:
        assert result == expected


def test_not_interested_with_an_email_switch_is_a_switch() -> None:
    assert classify("Not interested in texts, email me instead").kind == "channel_email"


# --------------------------------------------------------------------------------------
# The bench reads a doubtful answer as no revocation, and a wrong number as a STOP.
# --------------------------------------------------------------------------------------


def test_the_bench_hears_no_revocation_in_a_doubtful_answer() -> None:
    from bench.classifier import Reply, heard

    assert heard(Reply("sms", "en", frozenset({"doubtful"}), "Not interested")) == frozenset()
    assert heard(Reply("sms", "en", frozenset({"sms"}), "Wrong number")) == frozenset({"sms"})
    assert heard(Reply("email", "en", frozenset({"email"}), "stopp")) == frozenset({"email"})
    assert heard(Reply("sms", "en", frozenset({"all"}), "Take me off your list")) == frozenset({"all"})
