"""The rule of every language tried first: a wrong number ("Wrong number", "Número
equivocado", "Mauvais numéro")."""

from __future__ import annotations

from optout.consent.classifier.rule import Rule

OPT_OUT: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- opt-out: any language
    Rule(
        "any.wrong_number",
        "any",
        "opt_out",
        # "Oops, wrong number" is the lead's own slip
        r"^((sorry|hi|hello|no) )*((this is|its|thats|you have|youve got|you got|u have|you texted|you reached)"
        r" (the |a )?)?wrong (number|person|guy|girl|contact)( sorry| buddy| pal| mate| dude| lol| thanks)*$"
        r"|\b(you have|youve got|you got|you have got|this is|thats|that is|u have|you texted|you messaged"
        r"|you reached) (the |a )?wrong (number|person)\b"
        r"|^(numero (equivocado|incorrecto|errado|equivocada|errone)|equivocado)"
        r"( lo siento| perdon| disculpe| gracias)*$"
        r"|\b(se|te|usted se) (equivoco|equivocaste|equivocaron) de (numero|persona)\b"
        r"|\b(tiene|tienes|tienen) (el |un )?numero (equivocado|incorrecto)\b"
        r"|^(mauvais (numero|destinataire)|erreur de numero)( desole| desolee| merci)*$"
        r"|\b(vous vous etes|tu tes|vous etes|on sest) trompes? de (numero|personne)\b"
        r"|\bce nest pas le bon numero\b|\b(vous avez|tu as) (le |un )?mauvais numero\b"
        # at the end of a longer message ("Not me, wrong number"), unless it is about a number
        # the lead gave ("Did I give you the wrong number?")
        r"|(?=[wnme])(?<!\bthe )(?<!\ba )(?<!\bmy )(?<!\boops )(?<!\bel )(?<!\ble )(?<!\bun )"
        r"\b(wrong (number|person)|numero (equivocado|incorrecto|errone)|mauvais numero|erreur de numero)"
        r"( sorry| lo siento| perdon| desole| desolee| merci| thanks| bro| man| dude| lol| buddy)*$"
        # first, then why: "Wrong person, I'm not Mike", "wrong number, I don't know any Mike"
        r"|^(sorry )?wrong (number|person)( sorry)? ((i|we) (dont|do not) know|(im|i am|this is|thats|its) not"
        r"|theres no|there is no|no \w+ (here|lives here)|not me|who is)\b",
        (
            "Wrong number",
            "wrong number sorry",
            "You have the wrong number",
            "Sorry, wrong person",
            "Número equivocado",
            "numero equivocado",
            "Se equivocó de número",
            "Mauvais numéro",
            "Vous vous êtes trompé de numéro",
            "This is not John, wrong number",
            "Vous avez le mauvais numéro",
            "Désolé, mauvais numéro",
            "Wrong person, I'm not Mike",
        ),
        scope="medium",
    ),
)
