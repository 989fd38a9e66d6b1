"""English opt-outs, the second run (after `rules_en_stop`): no more, don't want, leave me
alone, unsubscribe, I said stop, consent withdrawn, how do I stop, threats, sequences."""

from __future__ import annotations

from optout.consent.classifier.fragments import CALL, EMAIL, NOT_A_TIME, PLURAL_MEDIA, SMS
from optout.consent.classifier.rule import Rule

OPT_OUT: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- opt-out: English (continued)
    Rule(
        "en.no_more",
        "en",
        "opt_out",
        rf"\bno (more|further) ({SMS}|{CALL}|{EMAIL}|contact|spam|communication|communications)\b{NOT_A_TIME}"
        rf"|^no (txt|text|{PLURAL_MEDIA})(( or| and| nor|)( no)? {PLURAL_MEDIA})*"
        r"( please| pls| thanks| thank you| thx| ever| again| no nothing| nothing)*$"
        r"|^no (text|txt|message|msg|call|email)s? (more|anymore|again)( please| pls| thanks)*$",
        (
            "no more texts please",
            "No more messages",
            "no more calls",
            "No further contact",
            "No calls or texts please",
            "no calls no texts no nothing",
            "no text more please",
        ),
    ),
    Rule(
        "en.dont_want_messages",
        "en",
        "opt_out",
        rf"\b(dont|do not|no longer) want (to (get|receive) )?(any more |anymore |any |more |your |these |those "
        rf"|this |the )?({SMS}|{CALL}|{EMAIL})\b"
        r"|\b(dont|do not|doesnt|does not|no longer) (want|wants|wish|wishes) (any )?(further |more )?(contact"
        r"|communication"
        r"|communications|correspondence|solicitations?)\b",
        (
            "I don't want your texts",
            "I don't want these emails anymore",
            "I do not want to receive calls",
            "he does not want any further contact from your firm",
        ),
    ),
    Rule(
        "en.dont_want_contact",
        "en",
        "opt_out",
        r"\b(dont|do not|no longer) (want|wish) to (be contacted|hear from (you|your)|receive)\b"
        r"|\b(refrain|abstain|desist) from (contacting|texting|calling|emailing|messaging|sending|reaching out)\b",
        (
            "I don't want to be contacted",
            "I don't want to hear from you again",
            "I do not wish to receive any further communication from your company",
            "Kindly refrain from contacting me in future",
        ),
    ),
    Rule(
        "en.leave_me_alone",
        "en",
        "opt_out",
        r"\bleave (me|us) (the (hell|fuck|f|heck) )?(alone|be)\b",
        ("leave me alone", "Leave me alone!!", "Why won't you leave me alone", "Leave me the hell alone"),
    ),
    Rule(
        "en.unsubscribe_from",
        "en",
        "opt_out",
        # "remove Linda from all communications", "remove me from ur recruiting texts"; not "the wait list"
        rf"\b(unsubscribe|opt out|optout|unsub|opt|remove) \w+ from (all |any |your |ur |all your |these "
        rf"|this )?(future )?"
        rf"(\w+ )?({SMS}|{CALL}|{EMAIL}|communications?|correspondence|mailings|marketing)\b"
        r"(?! (thread|chain|chat|group|conversation|loop)\b)"
        rf"|\b(unsubscribe|opt out|optout|unsub|opt|remove) (me )?(out )?(of|from) (the |your |ur |all |all your "
        rf"|these |this |any )?(future )?({SMS}|{CALL}|{EMAIL}|list|lists|everything|it all|communications?"
        rf"|correspondence"
        r"|marketing|mailings|newsletters?|promotions)\b(?! (thread|chain|chat|group|conversation|loop)\b)"
        r"|\b(unsubscribe|opt out|optout|unsub|opt me out) (me )?from all$",
        (
            "unsubscribe me from your emails",
            "Unsubscribe me from these texts",
            "Opt me out of these emails",
            "Please remove me from all communications",
            "Please remove Linda from all communications going forward",
            "Remove me from ur recruiting texts",
        ),
    ),
    Rule(
        "en.unsubscribe_me",
        "en",
        "opt_out",
        r"\b(unsubscribe|optout|opt out|unsub)( me| us| this number| my number| this address| this email| this inbox"
        r"| my email| please| now| thanks)*$"
        r"|\b(unsubscribe|unsub|opt) me( out)?\b|\bopt (this (email|address|number)|my (email|number)) out\b"
        r"|\b((i|we) (want|wish|would like|d like|need)|id like|wed like) to (unsubscribe|opt out|optout|unsub"
        r"|be removed|be taken off|be unsubscribed)\b"
        # ("We'd like to unsubscribe from the basic tier and upgrade" is about a plan)
        r"(?! from (the|my|our|this|your) (\w+ )?(tier|plan|package|trial|account|membership|service|subscription)\b)"
        r"|\b(asking|ask|asked|request|requesting) (you )?to (be removed|be taken off|be unsubscribed"
        r"|unsubscribe me)\b",
        (
            "Please unsubscribe me",
            "opt me out",
            "I want to opt out",
            "I'd like to be removed from your list",
            "ok boomer marketing. unsub me fr",
            "Please opt this email out of your marketing",
            "This is the second time I'm asking to be removed from your emails",
        ),
        scope="medium",
    ),
    Rule(
        "en.said_stop",
        "en",
        "opt_out",
        r"^((i|we) (said|already said|told you|asked you|already told you|already asked you)|ive (said|told you"
        r"|asked you)) (to )?(stop|quit|unsubscribe|remove me|no more)( please| already| again| now| twice)*$"
        r"|^(i|we) (already )?(asked|told) (you|u) to (stop|quit|unsubscribe me|remove me) (last (week|time|month)"
        r"|already|before|yesterday|twice|weeks ago|a week ago|days ago|(multiple|many|several|\d+) times)( \w+){0,2}$"
        r"|^how many times (do i|do we|must i|have i|did i|should i)( have to| need to)? (say|tell you|told you|said"
        r"|ask you|asked you|asked)( you)?( to)? (stop|quit|unsubscribe|remove me)\b",
        (
            "I said stop",
            "I said STOP",
            "I already told you to stop",
            "How many times do I have to say stop",
            "I asked you to stop last week",
        ),
        scope="medium",
    ),
    Rule(
        "en.revoke_consent",
        "en",
        "opt_out",
        r"\b(revoke(s|d)?|withdraw(s|n)?) (my |all |any )?(consent|permission)\b|\bcease and desist\b"
        r"|\b(i|we) (do not|dont|no longer|did not|didnt|never) (consent|agree|agreed|consented) to (this|these|be"
        r"|being|your|receive|receiving|any)\b"
        r"|\b(you )?(do not|dont) have (my|our) (permission|consent)\b",
        (
            "I revoke my consent",
            "I revoke consent to be contacted",
            "cease and desist",
            "I withdraw my consent",
            "I do not consent to these messages",
            "You don't have my permission to text me",
        ),
    ),
    Rule(
        "en.how_do_i_stop",
        "en",
        "opt_out",
        # asking the way out is asking out ("how do I stop by your office" is a visit)
        r"^(so |ok |okay |um |hi |hey )*how (do|can|does one|would|should) (i|we|u|you|one) (stop|unsubscribe|opt out"
        r"|get off|get removed|make (these|this|them|it) stop|stop getting|stop receiving)"
        r"( (these|this|them|it|that|texts|messages|emails|calls|the (texts|messages|emails|calls)|your (texts"
        r"|messages|emails|calls)|from (this|your) (list|texts|messages|emails)|this list|your list|now|please))*$"
        r"|^how (do|can|would) (i|we|u|you) (get off|get removed from|get out of|unsubscribe from|opt out of)( of)?"
        r" (this|your|the|these)( \w+){0,3}$",
        (
            "how do I stop these",
            "How can I unsubscribe",
            "how do i stop getting these texts",
            "How do I get off this text thing?",
        ),
        scope="medium",
    ),
    Rule(
        "en.report_if_again",
        "en",
        "opt_out",
        # a threat is the wish: "I'll report this to the FCC if you text me one more time"
        r"^(?=.*\b(report\w*|block\w*|sue|lawyer|attorney|fcc|ftc|police|complaint)\b).*\bif ((you|u|yall) (ever )?"
        rf"(text|txt|message|msg|contact|call|email|{SMS}|send|keep (texting|calling|messaging|emailing|contacting))"
        r"( me| us| this number| another \w+| anything| again| one more time| ever again)*"
        r" (one more time|again|ever again|anymore|any more|another (text|message|time))"
        r"|(i|we) (get|receive|see) (one more|another|any more|more) (text|message|email|call)s?)\b"
        r"|^keep (texting|calling|messaging|emailing) (me|us) and see what happens\b"
        r"|^(text|call|email|message|contact) (me|us) (again|one more time)( and| or)? (im|i will|ill|i am|i m"
        r"|i)( \w+){0,3}"
        r" (report\w*|block\w*|sue|suing|calling my (lawyer|attorney)|call my (lawyer|attorney)|call the police"
        r"|the fcc)\b"
        r"|^((im|i am|ive|i have|just|now) )*(reporting|reported|flagging|flagged|marking|marked)( you| this| it"
        r"| this number| your number| these)?( \w+)?( as)? (spam|junk|a scam)\b",
        (
            "I'll report this to the FCC if you text me one more time",
            "reporting as spam",
            "Reported this as spam",
            "I'm going to report this number if I get one more text",
            "text me again and I'm calling my lawyer",
            "Keep texting me and see what happens",
        ),
        scope="medium",
    ),
    Rule(
        "en.stop_the_sequence",
        "en",
        "opt_out",
        # what a sales tool sends: it is the medium the reply came by
        r"\b(stop|cease|end|halt|discontinue|cancel)( (the|this|these|your|ur|all))* (sequence|cadence|drip"
        r"|drip campaign"
        r"|email campaign|email sequence|follow ups|followups|automated emails|mailers)s?\b"
        r"|\b(take|get|remove|drop) (me|us) (off|from) the( \w+)? (sequence|cadence|drip|campaign|drip campaign)"
        r"( entirely| completely| please| now| for good)*$"
        # "I opted out of your emails in January and I'm still getting them"
        r"|\b(i|we) (already |have already |already have |previously |have )?(opted out|unsubscribed"
        r"|asked to be removed)\b(?=.*\b(still|again|keep|keeps|continue|yet)\b)"
        r"(?!.*\b(by mistake|accidentally|by accident|add me back|resubscribe|re subscribe)\b)",
        (
            "No thanks, stop the sequence",
            "please take me off the drip campaign entirely",
            "I opted out of your emails in January and I'm still getting them",
        ),
        scope="medium",
    ),
    Rule(
        "en.needs_to_stop",
        "en",
        "opt_out",
        r"\b(texting|calling|emailing|messaging|contacting|texts|calls|emails|messages)\b( \w+){0,6} (needs|need|has"
        r"|have)"
        r" to stop\b"
        r"|^((i|we) )?(dont|do not|no longer) want (these|them|any more of these|any of these)( anymore| any more"
        r"| thanks| please)*$"
        r"|\b(stop|quit) asking( me)?( already| please)*$"
        rf"|^(please|pls|plz) no ({PLURAL_MEDIA})( or| and| nor| no)*( {PLURAL_MEDIA})?\b{NOT_A_TIME}"
        r"|^(please|pls|plz) no (text|txt|message|msg|call|email)s? (more|anymore|again)\b",
        (
            "Whoever keeps texting my personal phone needs to stop",
            "i dont want these anymore",
            "not buying, stop asking",
            "please no phone calls, I'm hard of hearing",
            "Plz no text more. I not interest",
        ),
        scope="medium",
    ),
    Rule(
        "any.stop_both",
        "any",
        "opt_out",
        r"\b(stop|quit|cease|end|cancel|discontinue) (them )?(both|all of them|all three)\b"
        r"|\b(arret(e|ez|er)|cess(e|ez|er)|annul(e|ez|er)) (les deux|tout ca|les trois)\b"
        r"|\b(paren|pare|para|dejen|detengan|cancelen|basta de)( con)? (los dos|ambos|ambas|las dos|los tres"
        r"|ambas cosas"
        r"|las dos cosas)\b"
        rf"|\bni ({SMS}|{CALL}|{EMAIL}|appel|sms) ni ({SMS}|{CALL}|{EMAIL}|appel|sms)\b"
        r"|\bni por (aqui|aca|mensaje|texto|sms|correo|mail|email|telefono|llamada) ni por\b"
        r"|\bne (veux|voulons|souhaite) ni (lun|l un) ni (lautre|l autre)\b",
        (
            "Arrêtez les deux svp",
            "I get your emails and your texts. Stop both",
            "Paren los dos por favor",
            "ni llamadas ni mensajes por favor",
            "Ni appel ni sms, merci",
            "Les pido que paren con ambas cosas",
            "je reçois vos mails ET vos appels. Je ne veux ni l'un ni l'autre",
        ),
        names_before=True,
    ),
    Rule(
        "en.put_on_do_not_call",
        "en",
        "opt_out",
        r"\b(put|add|place|keep) (me|us|this number|my number|him|her)( \w+)? (on|to) (your|ur|the company|the internal"
        r"|an internal|your internal) (do not (call|contact|text|email|disturb)|dnc)( list| registry)?\b",
        ("Put me on your do not call list", "add this number to your do not text list"),
    ),
)
