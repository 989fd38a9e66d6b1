"""A switch to email, in every language ("Email me instead", "Por correo", "Par courriel")."""

from __future__ import annotations

from optout.consent.classifier.fragments import EMAIL_NOUN
from optout.consent.classifier.rule import Rule

CHANNEL_EMAIL: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- switch to email
    Rule(
        "en.email_me_instead",
        "en",
        "channel_email",
        rf"\b{EMAIL_NOUN} me( instead| only| please| pls| from now on| going forward| thanks| rather| then|$)",
        ("Email me instead", "email me"),
    ),
    Rule(
        "en.contact_me_by_email",
        "en",
        "channel_email",
        r"\b(contact|reach|message|write|talk to|follow up with) (me|us) (by|via|through|over|on|at) (my )?"
        rf"{EMAIL_NOUN}\b"
        rf"|\b(by|via|through|over) {EMAIL_NOUN} (instead|only|please|is better|is fine"
        r"|from now on|going forward)\b",
        ("Contact me by email", "Reach us via email", "By email only please"),
    ),
    Rule(
        "en.switch_to_email",
        "en",
        "channel_email",
        rf"\b(switch|move|change|go back)( this| it| us| me)? to {EMAIL_NOUN}\b",
        ("Can you switch to email?", "Let's move this to email"),
    ),
    Rule(
        "en.email_is_fine",
        "en",
        "channel_email",
        rf"\b{EMAIL_NOUN} (is|works|would be|would work|will be)( \w+)? (fine|ok|okay|better"
        r"|best|good|great|preferred|easier)\b"
        rf"|\b{EMAIL_NOUN} (instead|only|is fine|is better|works|works better)\b",
        ("Email is fine", "Email works better", "Send me an email instead", "Please stop texting me, email is fine"),
    ),
    Rule(
        "en.prefer_email",
        "en",
        "channel_email",
        rf"\bprefer (an |to use |to communicate by |communicating by )?{EMAIL_NOUN}\b"
        rf"|\b(use|stick to|lets use|lets stick to|lets do) (my )?{EMAIL_NOUN}\b",
        ("I prefer email", "Please use my email"),
    ),
    Rule(
        "es.por_correo",
        "es",
        "channel_email",
        r"\b(mejor )?(por|al) (correo|email|mail)( electronico)?( mejor| por favor| mejor por favor)?$"
        r"|\b(enviame|mandame|escribeme|envieme|mandeme|escribame) (un |por )?(correo|email|mail)"
        r"( mejor| por favor)?$",
        ("Por correo por favor", "Envíame un correo", "Mándame un correo"),
    ),
    Rule(
        "fr.par_courriel",
        "fr",
        "channel_email",
        r"\bpar (e ?mail|courriel)( svp| s il vous plait| plutot| merci)?$|\bplutot par (e ?mail|courriel)\b",
        ("Par courriel svp", "Par email", "Plutôt par courriel, merci"),
    ),
)
