"""Opt-outs of every language tried after each language's own: a keyword explained ("STOP
wrong number", "Para, no me interesa"), a keyword and its channel ("SMS STOP"), a short
answer that is a refusal ("go away"), and a keyword written as a command ("STOP this is my
work phone")."""

from __future__ import annotations

from optout.consent.classifier.fragments import CALL, EMAIL, SMS
from optout.consent.classifier.rule import Rule

# A keyword that leads (or ends) a short sentence explaining it: "STOP wrong number".
LEAD_KEYWORD = (
    r"(stop|stop it|stop this|quit it|stopall|stop all|unsubscribe|unsub|cancel|end|quit|optout|opt out|remove me"
    r"|remove|alto|para|parar|basta"
    r"|baja|arret|arrete|arretez|stopper|paren|pare|parenle|cessez)"
)
_LEAD_FILLER = (
    r"(please|pls|plz|ok|okay|no|nope|nah|sorry|again|just|por favor|svp|merci|gracias|now|thanks|oh|great|ugh"
    r"|seriously|wow|omg|hey|hi|hello|kindly|stp)"
)
_TAIL_FILLER = (
    r"(please|pls|plz|thanks|thank you|thx|now|asap|svp|stp|merci|gracias|por favor|already|again|ya|immediatement"
    r"|tout de suite)"
)
# Clauses that explain a refusal: why a keyword around them is meant ("Stop, I never
# signed up for this"), where the keyword alone would be ordinary ("Stop! That price...").
REASON_EN = (
    r"(wrong (number|person|guy|girl|lady|man|contact)"
    r"|((i|we|i am|im|i m|we are|were|we re) )?(not|no longer) (interested|looking|selling|buying|in the market"
    r"|the (right )?person|the (owner|homeowner|one|decision maker)|who you think|your (customer|client|lead))"
    r"|(i|we) (already (sold|bought|moved)|sold (the|my|our) (house|home|place|property)|moved (away|out))"
    r"|(i|we) (never|didnt|did not|havent|have not|never ever) (signed|sign|subscribed|subscribe|asked|ask|opted"
    r"|opt|agreed|agree|gave|give|requested|request|registered|register|filled|consented|wanted|want)"
    r"|((i|we) )?(dont|do not) (want|need) (this|these|that|it|them|your|any|to be|texts|messages|calls|emails)"
    r"|(i|we) (sold|moved)( it| the house| the home| the property| already| out| away)*"
    r"|(i|we|ive|weve) (already |have already |already have )?(told|asked) (you|u)"
    r"|(told|asked) (you|u) (already|before|last|twice|to stop|not to)"
    r"|already (said|told|asked|unsubscribed|opted out)"
    r"|this is (spam|a scam|harassment)|spam|scam|harass\w*|leave me alone|who gave you|how did you get"
    r"|((i|we) (have|ve got) )?no interest|how many times|(im|i am|ill|i will) (report|block)\w*"
    r"|who is this|whos this|why do you keep|why are you (still )?(texting|calling|messaging)"
    r"|(i|we) (dont|do not) know (you|who)|this is (my |a )?(personal|private|work|business|office) (cell|number"
    r"|phone|line)|(i|we) (dont|do not) speak english"
    r"|((im|i am|were|we are|this number is|its) on the )?(national )?do not call (list|registry)"
    r"|(i|we) (already )?have (a|an) (realtor|agent|broker)|not for sale"
    r"|no longer (at|with|own|have|use|live)"
    r"|another (one|text|message|email)|((this is|thats|its) )?the (second|third|fourth|fifth|\d+(st|nd|rd|th)?)"
    r" (time|text|message|email)|(you have|you got|youve got|u have|u got) (my|this|the) number by (mistake|accident)"
    r"|by (mistake|accident)|(i|we) (dont|do not) (own|live at|live in|have) (that|this|the)"
    r"|deceased|(he|she|they) (died|passed|passed away|is deceased)|passed away)"
)
REASON_ES = (
    r"(numero equivocado|equivocad[oa]|se equivoc\w*|no me interesa|(ya )?no (estoy|estamos) interesad\w*"
    r"|nunca (me )?(suscribi|registre|inscribi|pedi|di|autorice|acepte)\w*|ya (le|te|les) (dije|pedi)"
    r"|no (quiero|queremos) (mas|nada|sus|tus|recibir|que me)|dej(a|e|en)(me|nos) en paz|quien (le|te|les) dio"
    r"|no (lo |la |los |las |a esa persona |a esa )?conozco"
    r"|no soy (yo|la persona|esa persona|quien)|no hablo ingles"
    r"|(yo )?no (vendo|estoy vendiendo|vendemos|estamos vendiendo|voy a vender)|(yo )?no (autorice|di permiso)\w*"
    r"|(van|ya van|son|ya son|es la|ya es la) (\d+|dos|tres|cuatro|cinco|segunda|tercera|cuarta|quinta|mil) (mensajes"
    r"|veces|vez|textos|llamadas|correos)|esto (ya )?es (spam|acoso)"
    r"|(ya )?no (vivo|vive|vivimos|trabajo|trabaja) (ahi|aqui|alli|alla|en)"
    r"|(ya )?no (estoy|estamos) (buscando|vendiendo|comprando))"
)
REASON_FR = (
    r"(mauvais numero|(vous vous etes|tu tes|vous etes) trompe\w*|erreur de numero|(pas|plus) interesse\w*"
    r"|ne (minteresse|nous interesse) (pas|plus)|(je|nous|on) (ne |n )?(suis|sommes) (pas|plus) (interesse\w*"
    r"|la bonne personne|le proprietaire)|(je|nous) (ne |n )?(veux|voulons) plus|jamais (inscrit|demande|donne)\w*"
    r"|je (vous|te) (lai|ai) (deja )?dit"
    r"|laiss(ez|e) (moi|nous) tranquilles?|qui vous a donne|ce nest pas (moi|le bon)"
    r"|(je|nous) (ne |n )?(suis|sommes) plus (proprietaire|locataire)s?"
    r"|(je |j )?(nai|n ai|ai) jamais (donne|demande|accepte|autorise|consenti|fourni)\w*"
    r"|(cest|c est|ca fait) (la|le) (\d+(e|eme)?|deuxieme|troisieme|quatrieme|cinquieme) (fois|message|sms|texto)"
    r"|(je ne |je n |j )?(suis|me suis) jamais inscrit\w*|(je ne |j )?vends pas|(cest|c est) (du )?(spam|harcelement))"
)


def _keyword_with_reason(reason: str) -> str:
    """A keyword then a reason ("STOP wrong number"), or a reason then a keyword
    ("Wrong number, stop"); nothing but filler around them. "bus stop" and "to stop" end a
    sentence without being a STOP."""
    lead = rf"^({_LEAD_FILLER} )*{LEAD_KEYWORD}( {LEAD_KEYWORD})*( {_LEAD_FILLER})* {reason}\b( \w+){{0,6}}$"
    tail = (
        rf"^({_LEAD_FILLER} )*{reason}\b( \w+){{0,6}}(?<!bus)(?<!the)(?<! a)(?<! to) {LEAD_KEYWORD}"
        rf"( {_TAIL_FILLER})*$"
    )
    return f"{lead}|{tail}"


OPT_OUT: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- opt-out: a keyword explained
    Rule(
        "en.prefer_no",
        "en",
        "opt_out",
        rf"\b(i |we )?(prefer|would prefer|d prefer|id prefer|d rather|id rather|wed rather|would rather)"
        rf" (not (to )?(get|receive|be sent|have)"
        rf"( any| these| those| your| more| further| any more| any further)?|no) ({SMS}|{CALL}|{EMAIL})\b"
        r"|\b(prefer|would prefer|d prefer|id prefer|d rather|id rather|wed rather|would rather) not (to )?be"
        r" (contacted|texted|called|emailed|messaged|reached)\b"
        rf"|\b(i|we) (dont|do not) do ({SMS}|{CALL}|{EMAIL})\b"
        rf"|^({SMS}|{CALL}|{EMAIL})( no| no thanks| no thank you| not ok| arent ok| are not ok| please no)+$"
        rf"|\bnot interested in ((getting|receiving|any) )?({SMS}|{CALL}|{EMAIL})\b"
        rf"|\b(stop|enough|knock it off|cut it out|done|quit it|quit|chill|easy) (with|w) (the|these|those|your|ur"
        rf"|all the"
        rf"|all these|all|all your)( \w+)? ({SMS}|{CALL}|{EMAIL})\b"
        rf"|\blay off( with)? (the|these|those|your|ur|all the|all these|all your) ({SMS}|{CALL}|{EMAIL})\b",
        (
            "I prefer not to get texts",
            "I'd rather not get texts",
            "I don't do texts",
            "texts no thanks",
            "not interested in texts",
            "Enough with the texts",
            "lay off the texts",
            "please quit with the solar texts",
            "pls stop w the texts",
            "I'd rather not receive these texts going forward",
            "I'd prefer not to be contacted by your team",
        ),
    ),
    Rule(
        "en.yes_stop",
        "en",
        "opt_out",
        r"^(yes|yeah|yep|ya|si|oui) (please )?(stop|unsubscribe|remove me|opt out|optout|unsub)( please| thanks"
        r"| now| thank you)*$"
        r"|\b(take|get) (me|us) out of (this|here|it|your list|the list|your system|your database)\b"
        r"|^(please )?(stop|block|unsubscribe|remove|cancel) (this|my) (number|phone|cell|line)( please| now"
        r"| thanks| thank you)*$",
        ("Yes stop", "take me out of this", "Stop this number"),
        scope="medium",
    ),
    Rule(
        "any.keyword_and_channel",
        "any",
        "opt_out",
        # a STOP keyword and the channel it stops, nothing else: "SMS STOP", "Parar mensajes"
        # ("End call" is a button, not a refusal: no "end" here)
        rf"^({_LEAD_FILLER} )*(stop|stopp|quit|cancel|unsubscribe|unsub|optout|opt out|parar|para|alto|basta"
        rf"|cancelar|baja|arret|arrete|arretez|stopper)( (the|all|these|les|vos|ces|los|las|mis|sus|tus|des|de|a los"
        rf"|a las|con los|con las|a sus|con sus|a tus|aux|a vos))?"
        rf" ({SMS}|{CALL}|{EMAIL})( {_TAIL_FILLER})*$"
        rf"|^({SMS}|{CALL}|{EMAIL}) (stop|stopp|quit|cancel|unsubscribe|unsub|optout|opt out|parar|alto|basta"
        rf"|cancelar|baja|arret|stopper)( {_TAIL_FILLER})*$",
        (
            "SMS STOP",
            "Stop msg",
            "Parar mensajes",
            "Stop les messages",
            "stop sms please",
            "texts stop",
            "Alto a los mensajes por favor",
        ),
    ),
    Rule(
        "en.you_can_stop",
        "en",
        "opt_out",
        r"^(you|u|yall) (can|may|should|need to|have to|must|gotta) (stop|quit|unsubscribe me|remove me|stop texting"
        r"( me)?|stop messaging( me)?)( now| please| pls| already| thanks| thank you| lol)*$",
        ("u can stop now", "You can stop now", "you need to stop"),
        scope="medium",
    ),
    Rule(
        "en.go_away",
        "en",
        "opt_out",
        r"^((please|pls|just|ok|okay|ugh) )*(go away|get lost|buzz off|piss off|f off|fuck off|back off|gfy|kick rocks"
        r"|eat rocks|get bent|screw off|go to hell|fuck you|stfu|get fucked)"
        r"( please| pls| now| already| and stop( texting| messaging| contacting)?( me)?)*$",
        ("go away", "Please go away", "Go away and stop texting", "GFY", "eat rocks"),
    ),
    Rule(
        "en.want_out",
        "en",
        "opt_out",
        r"^(i|we) (want|wanna|would like|d like) (out|off)( please| of this| of here| of these| now)*$"
        r"|^count (me|us) out( please| thanks| thank you)*$|^(please )?(do not|dont) disturb( please| thanks)*$"
        r"|^(please |pls )?((take|get) )?(me |us )?off (the|your|ur|this) list( please| pls| thanks| now)*$"
        r"|^(please |pls )?(take|get) off (the |your |ur |this )?list( please| pls| thanks| now)*$",
        ("I want out", "Count me out", "take off list", "off the list please", "do not disturb"),
        scope="medium",
    ),
    Rule(
        "en.no_more_alone",
        "en",
        "opt_out",
        # the whole answer: no more of what we send
        r"^(no more|no mas|nada mas|plus rien|ya no mas)( of (this|these|that|it))?( please| pls| por favor| thanks"
        r"| thank you| gracias| svp| merci)*$"
        r"|^(no|not accepting|we do not accept|we dont accept) (solicitations?|soliciting|solicitors)"
        r"( please| thanks)*$",
        ("No more please", "no more", "No más", "no more of this", "no solicitation", "not accepting solicitations"),
        scope="medium",
    ),
    Rule(
        "en.keyword_with_reason",
        "en",
        "opt_out",
        _keyword_with_reason(REASON_EN),
        (
            "STOP wrong number",
            "Stop, I never signed up for this",
            "stop I'm not looking anymore",
            "STOP. I told you last week",
            "Wrong number, stop",
            "I never signed up for this. STOP",
            "Unsubscribe, this is spam",
            "oh great another text. STOP",
            "this is the third time, stop",
            "I never gave you permission to text me, stop",
            "You have my number by mistake. Please stop.",
        ),
        scope="medium",
    ),
    Rule(
        "es.keyword_with_reason",
        "es",
        "opt_out",
        _keyword_with_reason(REASON_ES),
        ("Alto. Número equivocado", "Para, no me interesa", "Stop, nunca me suscribí"),
        scope="medium",
    ),
    Rule(
        "fr.keyword_with_reason",
        "fr",
        "opt_out",
        _keyword_with_reason(REASON_FR),
        ("Stop, mauvais numéro", "Arrêt, pas intéressé", "STOP je ne suis pas intéressé"),
        scope="medium",
    ),
    Rule(
        "any.keyword_as_command",
        "any",
        "opt_out",
        # A STOP keyword written as a command: in capitals opening or closing a short message
        # ("STOP this is my work phone", "wrong guy STOP"), or as its own first sentence
        # ("Stop. I'm at work"); "STOP by anytime", "Stop! That price..." and "STOP calling me
        # at work" (a time or place to avoid) are not.
        r"^(?!.*\b(?i:before|after|until|till|during|between|antes|despues|avant|apres"
        r"|(me|us) (at|on) (work|the office|home|weekends))\b)"
        r"(\W*(?P<kw>STOP|STOPALL|UNSUBSCRIBE|UNSUB|OPTOUT|ALTO|BAJA|ARRET|ARRETEZ|STOPPER)\b"
        r"(?!\W*(?i:by|in|on|at|over|to|the|and|if|when|being|for|thinking|wondering|sign|signs|light|lights)\b)"
        r"(\W+\w+){1,20}\W*$"
        r"|\W*(\w+\W+){1,20}(?<!\bBUS )(?<!\bTHE )(?<!\bA )(?<!\bTO )(?<!\bCANT )(?<!\bWONT )"
        r"(?P<kw2>STOP|STOPALL|UNSUBSCRIBE|UNSUB|OPTOUT|ALTO|BAJA|ARRET)\W*$"
        r"|\W*(?P<kw3>[Ss]top|[Uu]nsubscribe|[Aa]lto|[Bb]aja|[Aa]rret)\s*\.\s+\w+(\W+\w+){0,20}\W*$"
        # or as its own last sentence, before a signature at most ("Enough already. stop", "Please stop. -Greg")
        r"|.*\w[^\w\s]*[.!?]\s+((?i:please|pls|plz|just|so|now|ok|okay|seriously) )?(?P<kw4>[Ss]top|STOP|[Qq]uit|QUIT)"
        r"( (?i:please|pls|now|already|it|thanks|thank you|immediately))?[.!]*(\s+-+\s*[A-Z]\w*|\s+[A-Z]\w*)?\s*$)",
        (
            "STOP this is my work phone",
            "not the guy you want STOP",
            "Stop. I'm at work",
            "BAJA no vivo ahi",
            "enough already. stop",
            "Hi, this is the 4th email this week. Please stop. -Greg",
        ),
        scope="medium",
        cased=True,
    ),
)
