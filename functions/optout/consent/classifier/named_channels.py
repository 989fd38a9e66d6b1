"""The channels a message names ("stop calling me": calls) and those it asks to keep ("text
me instead"); and whether a switch to email also withdraws texts. Compiled on first use."""

from __future__ import annotations

import re
from functools import cache

from optout.consent.channels import Channel


@cache
def revokes_texts() -> re.Pattern[str]:
    """The message also withdraws texts: a switch to email that is an SMS opt-out too."""
    from optout.consent.classifier.fragments import SMS

    return re.compile(
        rf"\b((no|stop|quit|dont|do not) ((more|sending|texting|want|any|me|the|these|those|your|all) ?){{0,2}}{SMS}"
        r"|stop texting|dont text"
        r"|do not text|no me (envies|envien|mandes|manden) (mas )?(mensajes|sms|textos)"
        r"|deja(n)? de (enviar|mandar)(me)?"
        r"|ya no me (envies|envien|manden|mandes)|arret(e|ez|er) (les (sms|messages|textos)|de menvoyer)"
        r"|plus de (sms|messages|textos)|pas de (sms|messages|textos)"
        # "Texting isn't ok, email me", "Email only please": texts are what it refuses
        rf"|{SMS} (isnt|is not|arent|are not|not) (ok|okay|good|fine|convenient|working|allowed)"
        r"|(email|e mail|correo|courriel) only|only (by |via |through )?(email|e mail))\b"
    )


ChannelPatterns = dict[Channel, re.Pattern[str]]


@cache
def channel_patterns() -> tuple[ChannelPatterns, ChannelPatterns]:
    """The channels a message asks to keep, and the channels it names."""
    from optout.consent.classifier.fragments import CALL, EMAIL, SMS

    # Channels a message asks to keep ("text me instead"): never opted out by that message.
    # "You keep texting me" is a complaint, not a wish.
    keep = {
        Channel.SMS: re.compile(
            r"\b((text|txt|message) me( instead| only| please|$)"
            r"|(texts?|texting|sms) (is|are) (fine|ok|okay|better|good)"
            r"|(just|only) (text|txt|message) me"
            r"|(?<!you )(?<!u )keep (the )?(texts|texting|sms)|text is fine|texting is fine|(texts?|texting) only"
            r"|(mejor )?por (mensaje|mensajes|texto|textos|sms|whatsapp) mejor"
            r"|mejor por (mensaje|mensajes|texto|textos|sms)"
            r"|(mensajes|textos) (esta|estan) bien|plutot par (sms|message|texto)|par (sms|message|texto) plutot)\b"
        ),
        Channel.CALL: re.compile(
            r"\b(call me( instead| only| please|$)|calls? (is|are) (fine|ok|okay|better|good)|(just|only) call me"
            r"|mejor (llamame|llameme|por telefono)|appelez moi plutot)\b"
        ),
        Channel.EMAIL: re.compile(
            r"\b(email me( instead| only|$)|emails? (is|are) (fine|ok|okay|better|good)|(by |via )?email (only|instead)"
            r"|(just|only) email me)\b"
        ),
    }
    names = {
        Channel.SMS: re.compile(rf"\b({SMS}|text|txt)\b"),
        Channel.CALL: re.compile(rf"\b({CALL}|call|phone me|ring me)\b"),
        Channel.EMAIL: re.compile(rf"\b({EMAIL}|email|e mail|newsletters?)\b"),
    }
    return keep, names


# "Don't text me", "don't call or text me": a keep-phrase refused, not asked for ("stop
# texting and call me instead" asks for calls).
_KEEP_NEGATED = re.compile(
    r"\b(dont|do not|never|no|not|stop)( (call|text|email|contact|message|txt|phone|calling|texting|emailing)"
    r" (or|nor))*\s*$"
)
# The public registry, not a list of ours ("put me on your do not call list" names calls).
_DO_NOT_CALL_LIST = re.compile(r"(?<!your )(?<!ur )\b(national )?do not call (list|registry)\b")
_SWITCH_GUARD = re.compile(r"\b(sent|emailed|got|received|check|checked|read|saw)( \w+){0,2}\s*$")


def channels_kept(text: str) -> set[Channel]:
    kept = set()
    for channel, pattern in channel_patterns()[0].items():
        if any(not _KEEP_NEGATED.search(text[: m.start()]) for m in pattern.finditer(text)):
            kept.add(channel)
    return kept


def channels_named(text: str, keep: set[Channel]) -> set[Channel]:
    """The channels `text` names, besides those it asks to keep."""
    kept, names = channel_patterns()
    for channel in keep:
        text = kept[channel].sub(" ", text)
    text = _DO_NOT_CALL_LIST.sub(" ", text)  # "STOP, I'm on the do not call list" names no call
    return {channel for channel, pattern in names.items() if pattern.search(text)} - keep
