"""The natural-language rules of the inbound classifier, as data: one `Rule` per way of
saying something, each with an id, a language, what it means, its pattern and examples.

Patterns are regular expressions over the normalised text (`keywords.normalise_text`:
lower case, no accents, no apostrophes, punctuation as single spaces), so "Don't" is
"dont", "d'appels" is "dappels" and "Número" is "numero". Order matters within an
outcome: the first rule that matches (and is not negated) names the message, so the
narrower rules come before the broader ones.

Adding a phrase is adding a `Rule` here with `examples`; tests/unit/test_keywords.py
proves each rule matches its examples and that `classify` gives them the rule's outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["opt_out", "channel_email", "doubtful"]
# "named": the message covers the channels its words name, or all contact when it names
# none ("take me off your list"). "medium": the words are a STOP keyword in other words
# ("wrong number", "unsubscribe me"): with no channel named they revoke what the message
# came by, which for a text is whatever the StopScope setting gives a STOP.
Scope = Literal["named", "medium"]
LANGUAGES = ("en", "es", "fr", "any")


@dataclass(frozen=True)
class Rule:
    id: str  # "<lang>.<name>": what the evidence records, never the body
    lang: str  # one of LANGUAGES ("any": the rule mixes languages)
    outcome: Outcome
    pattern: str
    examples: tuple[str, ...]  # messages the rule must decide (tests prove it)
    scope: Scope = "named"
    # A negation right before the match cancels it ("don't stop texting me"); off for the
    # rules whose own words are the negation ("don't text me").
    negatable: bool = True
    # The pattern reads the message with its case and punctuation kept (accents and
    # apostrophes still dropped: `keywords.normalise_cased`), and its groups `kw`, `kw2`...
    # hold the keyword, which a negation before it cancels. Tried after every other rule.
    cased: bool = False
    # The channels are those the whole message names, not only those after the match: "I get
    # your emails AND your texts. Stop both".
    names_before: bool = False


# ---- Fragments shared by the patterns (and by the channel detection in keywords.py) ----

SMS = (
    r"(texts?|texting|txts?|txting|sms|messages?|messaging|msgs?|msging|mensajes?|mensajitos?|textos?|textitos?"
    r"|textear(me|nos)?|texteen"
    r"|mtexter|texter|textez)"
)
CALL = (
    r"(calls?|calling|phone calls?|phoning|ringing|llamadas?|llamarme|llamen|llames|llame|llamar|marcar|marcarme"
    r"|marquen"
    r"|appels?|dappels|appeler|mappeler|appelez|mappelez|telephonez|telephoner|por telefono|al telefono)"
)
EMAIL = r"(emails?|emailing|e mails?|mails?|mailing|correos?|courriels?|demails?|dcourriels?|diffusion)"
# The medium itself, as a switch to email names it ("email me instead", "por correo").
EMAIL_NOUN = r"(email|e mail|mail|correo|courriel)"
# ("Don't send me the brochure yet" is no refusal: "send" is en.dont_send's, with what is sent.)
CONTACT_VERB = r"(text|txt|message|msg|sms|contact|call|phone|ring|email|e mail|mail|bother|spam|harass)"
LIST_MEMBER = (
    r"(me|us|him|her|them|my (phone |cell |mobile )?number|this number|my info|my name|my email( address)?|my contact"
    r"( info| information| details)?|my details|my address|this (email )?address|this email|this contact|it"
    r"|this inbox|(his|her|their) (phone |cell )?(number|info|name|email|details)|our (address|email|company|firm"
    r"|office|team|number|names|details))"
)
THING = (
    r"(list|lists|database|system|contacts|contact list|mailing list|call list|texting list|sms list|cadence"
    r"|sequence|campaign|drip|newsletter|distribution|records|files|roster|outreach|prospecting lists|prospect list"
    r"|crm|prospecting tool|tool|platform|automation|sequences|campaigns)(?! of\b)"
)
# Not a refusal but a time to avoid: "Don't call me before 10", "No me llames antes de las 9".
NOT_A_TIME = (
    r"(?! (before|after|until|till|til|during|between|at work|on (weekends|sundays|saturdays)|antes|despues|hasta"
    r"|avant|apres|pendant|entre|le (matin|soir|weekend)"
    # nor a place: "Ne m'appelez pas au bureau, plutôt sur mon cell"
    r"|at the office|at my office|at home|au bureau|au travail|a la maison|al trabajo|en el trabajo|a la oficina"
    r"|en la oficina|a mi trabajo)\b)"
)
# The same, after "me": "Stop calling me after 8pm", "No more calls after 8".
NOT_A_TIME_FOR_ME = NOT_A_TIME.replace("(?! (", "(?!( me| us| this number)? (", 1)
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
_PLURAL_MEDIA = r"(texts|messages|msgs|sms|calls|phone calls|emails|e mails|mails|mensajes|llamadas|correos)"
# What may come before an answer that is only a refusal: "No, not interested", "Thanks but no".
_DOUBT_LEAD = r"(ok|okay|sorry|thanks|thank you|thx|um|hmm|hey|hi|hello|honestly|but|no|nope|nah|actually|yeah)"
_DOUBT_TAIL = (
    r"(anymore|any more|at this time|at the moment|at this point|right now|now|for now|currently|thanks|thank you"
    r"|thx|sorry|at all|really|either|anyway|but thanks|but thank you|though|tho|please|bye)"
)
_ES_DOUBT_TAIL = (
    r"(mas|por ahora|ahora|gracias|muchas gracias|por el momento|en este momento|de momento|ya|lo siento|saludos"
    r"|para nada)"
)
_ES_DOUBT_LEAD = r"(gracias|perdon|disculpe|lo siento|no|pues|pero|por ahora|por el momento|de momento|ahorita|hola)"
_FR_DOUBT_TAIL = (
    r"(merci|plus|pour le moment|pour linstant|actuellement|desole|desolee|du tout|vraiment|cordialement|bonne journee)"
)
_FR_DOUBT_LEAD = r"(non|merci|desole|desolee|mais|bonjour|salut|allo)"


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


RULES: tuple[Rule, ...] = (
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
    # ---------------------------------------------------------------- opt-out: English
    Rule(
        "en.stop_contact_verb",
        "en",
        "opt_out",
        # "stop sending the wrong brochure" is about the brochure; "Stop, text me later" asks for texts
        rf"\b(stop|quit|cease|end) ((fucking|freaking|effing|frickin|friggin|damn|goddamn|bloody) )?(sending( me)?"
        rf"( any more| anymore| more)?"
        rf"(?!( me| us)? (the|that|a|an|my|his|her|old|new|wrong|other) (?!{SMS}|{EMAIL}))"
        rf"(?=$| (me|us|these|those|this|them|that|it|stuff|junk|spam|crap|garbage|anything|things|your|ur|all|any"
        rf"|more|anymore|promo\w*|ads|offers|marketing)\b| {SMS}| {EMAIL})"
        rf"|texting|txting|messaging|msging|contacting|calling|phoning|emailing|bothering|spamming|harassing"
        rf"|bugging|pestering|hounding|badgering|stalking|pinging|hassling|nagging|soliciting"
        r"|writing to (me|us|this)|hitting (my|this) (line|phone|number|cell)"
        r"|send( me)? (message|messages|msg|text|texts|sms)|to (message|text|call|contact|send|email)( me)?"
        rf"|reaching out|hitting me up|hitting up|blowing up|{SMS}(?! (me|us)\b))\b{NOT_A_TIME_FOR_ME}"
        # someone else's number: "Stop texting my husband, text me instead"
        r"(?! (my|his|her|our) (husband|wife|partner|son|daughter|mom|mother|dad|father|boss|assistant"
        r"|kids|family|friend|colleague)\b(?! (phone|number|cell|line)\b))",
        (
            "Stop texting me",
            "pls stop msging me",
            "quit calling me",
            "cease texting me",
            "Stop sending me texts",
            "stop sending me these",
            "Stop texting my kid's phone",
            "Stop fucking texting me",
            "stop writing to this address",
            "lmaooo nah. stop hitting my line",
            "Stop send me message please",
            "Kindly stop to message me on this number",
        ),
    ),
    Rule(
        "en.stop_all_contact",
        "en",
        "opt_out",
        r"\b(stop|cease|end|halt|discontinue)( all| any)?( further)?( email| text| phone| written)? (communication"
        r"|communications|contact"
        r"|correspondence|outreach)\b"
        r"|\b(i|we) (want|wish|would like) nothing (more )?to do with (you|your|this|ur)\b",
        (
            "stop all communication",
            "Stop all contact with me",
            "Cease all communication",
            "cease contact",
            "Discontinue all contact",
            "Kindly cease further email correspondence",
            "I want nothing to do with your company",
        ),
    ),
    Rule(
        "en.stop_the_channel",
        "en",
        "opt_out",
        rf"\b(stop|cease|halt|discontinue|end)( (the|these|those|your|ur|yall|all|all the|all these|all your|any|my"
        rf"|future|all future|les|vos|ces|tes|los|las|sus))+ ({SMS}|calls"
        rf"|phone calls"
        rf"|{EMAIL}|spam)\b"
        # no determiner: plural nouns only, and not a verb ("Stop, text me later")
        r"|\b(stop|cease|discontinue) (texts|messages|msgs|sms|emails|e mails|mails|calls|phone calls|spam)\b"
        r"(?! (is|are)\b)",
        (
            "stop the calls",
            "Stop all messages and calls from your company",
            "stop these emails",
            "Stop emails",
            "please discontinue texts to this number",
            "end these messages",
        ),
    ),
    Rule(
        "en.cancel_messages",
        "en",
        "opt_out",
        rf"\bcancel( (the|these|those|your|all|all the|all these|all your|any|my|this|future))* ({SMS}|emails|e mails"
        r"|alerts|subscription|subscriptions|notifications)\b",
        (
            "cancel these texts",
            "cancel all texts",
            "please cancel these messages",
            "cancel my subscription",
            "Please cancel all future texts",
        ),
        scope="medium",
    ),
    Rule(
        "en.dont_contact",
        "en",
        "opt_out",
        r"\b(dont|do not|never)( ever)? reach out( to (me|us))? (again|anymore|any more)\b"
        rf"|\b(dont|do not|never)( ever)? {CONTACT_VERB}(( or| and|,| dont| do not| no| and dont) {CONTACT_VERB})*"
        # "Don't text me the address, email it" asks for another medium for one thing
        rf"( me| us| this (number|phone|cell|line|address|email)| my (number|phone|cell|line|office)| again| back"
        rf"| (the|our) (practice|office|company|firm|school|business|clinic|team|staff)"
        rf"|$| (him|her|them|it)(?= (again|anymore|any more|ever)\b)){NOT_A_TIME}"
        r"(?! (the|a|an|that|those|it|your|until|unless|if|when|til)\b)"
        rf"|\b(can|could|would) (you|u|yall) (please |pls )?not( {CONTACT_VERB}( me| us| this number)?)?( anymore"
        r"| any more| again| please| thanks)*$"
        r"|\b(will|to) no longer (contact|text|call|email|message) (me|us)\b"
        # "Don't call, just text me the details": calls only (the text is kept)
        rf"|\b(dont|do not|never) {CONTACT_VERB}( me)?(?= (just|only) (text|txt|message|call|email) me\b)"
        r"|\b(ask|request|asked|requested) (that )?(you|your team|u|your company) (do )?not (reach out|contact|email"
        r"|text"
        r"|call|message|phone)\b"
        r"|\b(dont|do not|never) (add|put|include|subscribe|sign) (me|us|this (number|address|email))( up)? (to|on|in"
        r"|for)"
        r" (any|your|ur|the|more|other)( \w+)? (list|lists|mailing|campaign|campaigns|database|newsletter)\b",
        (
            "Don't contact me again",
            "do not text this number",
            "Never contact me again",
            "don't call or text me",
            "Do not reach out again",
            "STOP AND DONT TEXT BACK",
            "can you not text me anymore",
            "please dont message this phone anymore",
            "Do not add me to any lists",
            "do not text him again",
            "dont text dont call",
            "Dr. Patel has asked that you do not email or phone the practice",
            "I'd ask that you not reach out again by email",
        ),
        negatable=False,
    ),
    Rule(
        "en.dont_send",
        "en",
        "opt_out",
        rf"\b(dont|do not|never) send( me| us)? (any more |anymore |more |any |any further |further |such |these "
        rf"|those "
        rf"|your |this kind of |this type of )?({SMS}|{EMAIL}|anything|marketing|promotions|promos|ads|spam|junk|offers"
        r"|newsletters)\b"
        r"|^(please )?(dont|do not) send (anymore|any more|more|anything( else| more)?)( please| thanks)*$"
        r"|\b(dont|do not|never)( ever)? hit (me|us) up\b",
        (
            "Don't send me any more texts",
            "do not send me emails",
            "Do not send anymore",
            "dont hit me up",
            "Please don't send any further texts",
            "Kindly do not send such mails to my id henceforth",
            "Please don't send marketing here again",
        ),
        negatable=False,
    ),
    Rule(
        "en.stop_it",
        "en",
        "opt_out",
        r"\b(cut it out|knock it off|make (it|this|them|these)( texts| messages| calls| emails)? stop)( already| please"
        r"| now| both of (em|them))*$"
        r"|\b(like|want|need) (them|these|it|this|the texts|these texts|the messages|these messages) to stop\b"
        r"(?! (by|at|in|over|for|on)\b)"
        r"|(?<!would )(?<!will )(?<!to )\b(please|pls|plz|kindly|just) (stop|quit)( it| now| already| immediately"
        r"| asap)*$"
        r"|\b(im|i am|were|we are) done with (these|them|your (texts|messages|emails|calls))"
        r"(?=$| (no more|please|already|now|stop)\b| (texts|messages|emails|calls)\b)"
        r"|^(please |pls )?cancel (this|it|all this|all of this)( please| now| thanks)*$"
        r"|^(please |pls )?(stop|quit) (it|this|that|immediately|already|right now|with this|with it|with that"
        r"|all of it"
        r"|all of this|all this|everything|all of them)"
        r"( immediately| already"
        r"| right now| now| please| thanks| thank you)*$",
        (
            "stop it",
            "stop this",
            "Please stop this now",
            "Stop it already",
            "quit it",
            "Seriously, cut it out",
            "Is there a way to make these texts stop? Because I'd like them to stop",
            "Whoever you are, please stop",
            "I'm done with these, no more",
            "Knock it off, both of em",
            "STOP ALL OF IT",
            "cancel this",
        ),
        scope="medium",
    ),
    Rule(
        "en.off_this_list",
        "en",
        "opt_out",
        rf"\b(take|get|remove|delete|drop|erase|strike) {LIST_MEMBER}"
        rf" (off|from) this( \w+)? {THING}\b(?! (and|but) (add|put|keep|move|sign)\b)",
        (
            "Take me off this list",
            "remove me from this mailing list please",
            "Take me off this list. I've clicked unsubscribe twice",
        ),
        scope="medium",
    ),
    Rule(
        "en.off_list",
        "en",
        "opt_out",
        rf"\b(take|get|remove|delete|drop|erase|strike|scrub|purge) {LIST_MEMBER}"
        rf" (off|from|out of) (your|ur|all|any|all your|all of your|any of your|whatever|every)( \w+){{0,3}} {THING}\b"
        rf"|\b(i|we) want (off|out of) (your|this|the|ur)( \w+)? {THING}\b"
        rf"|\b(take|get|remove|delete) {LIST_MEMBER} (off|from) the( \w+)? {THING}$"
        # "remove my name, number and email from all your lists" (not an old number replaced)
        r"|\b(take|remove|delete|erase|strike|drop|scrub|purge) (me|my|our|this|the|his|her|their)"
        r" (?!(old|previous|former|other|work|wifes|husbands|wrong)\b)(\w+ ){1,6}(off|from)"
        rf" (all |any )?(of )?(your|ur)( \w+){{0,3}} {THING}\b"
        # "Delete sales@ from your prospecting tool"; passive: "our school is taken off your contact list"
        rf"|\b(remove|delete|strike|scrub) \w+ (off|from) (your|ur|all your|all of your)( \w+){{0,2}} {THING}\b"
        rf"|\b(?<!to )(is|be|are|get|gets|been) (taken|removed|deleted|struck|scrubbed) (off|from) (your|ur|the|all|any"
        rf"|all your"
        rf"|all of your)( \w+){{0,2}} {THING}\b",
        (
            "Take me off your list",
            "remove me from your list",
            "Remove me from your mailing list",
            "I want off your list",
            "Please remove my email address from your list",
            "Please remove my name, number and email from all your lists",
            "kindly remove this address from your distribution list",
            "please take me off your email cadence",
            "Please take him off your list",
            "please delete me from your records",
            "drop me from your list",
            "Please remove him from your mailing and call lists",
            "Please remove me and everyone at our firm from your outreach",
            "Please take my name off your recruiting outreach",
            "Please strike this address and all staff addresses from your outreach lists",
            "Scrub my details from your system please",
            "Delete me from your CRM",
            "Please take the practice and all physicians off your call and email lists",
            "Please ensure our school is taken off your contact list",
            "pls take me off whatever list this is",
            "Get my number out of your system now",
        ),
    ),
    Rule(
        "en.take_me_off",
        "en",
        "opt_out",
        r"\b(take|get) (me|us|my (phone |cell )?number|this number) off( this| here| it| of this| of there| there"
        r"| of it)?( please| thanks"
        r"| thank you| now)*$"
        r"|\b(want|like|need) (it|this number|my number|me|us|my name|my info) (taken|removed|deleted|erased) (off"
        r"|from)\b",
        (
            "take me off",
            "Please get my number off",
            "take this number off",
            "take us off",
            "Hey you can go ahead and take me off of there thank you",
            "can you take me off this please?",
            "I would like it taken off whatever list it is on",
        ),
    ),
    Rule(
        "en.remove_me",
        "en",
        "opt_out",
        r"\b(remove|delete|take|erase) (it|me|this number|my number|him|her) (off|from) (whatever|wherever|everything"
        r"|all)( you have| you got| list| lists| its on| it is on)*$"
        r"|\b(remove|delete|erase) (me|him|her|them)( from (this|these|it|here|that))?( please| pls| plz| now| asap"
        r"| thanks"
        r"| thank you"
        r"| thx| right now| already| for good| permanently| this time| completely| entirely| immediately)*$"
        r"|\b(remove|delete|erase) me( right)? (now|immediately|asap) (or|and|before)\b"
        r"|\b(request(ing)?|demand(ing)?|ask(ing)? for) (my |our |immediate |the )?removal\b",
        (
            "remove me",
            "Please remove me",
            "Remove me please",
            "Remove me now or I file a complaint",
            "Please remove me for good this time",
            "I am requesting removal from all of your lists",
            "How did you get it? Remove her immediately.",
            "Please remove it from whatever you have.",
            "Take it off whatever you got.",
        ),
        scope="medium",
    ),
    Rule(
        "en.remove_my_data",
        "en",
        "opt_out",
        r"\b(remove|delete|erase) (my|this|our) (phone |cell |mobile |contact |email |personal )?(number|info"
        r"|information|details|data|email|email address|address|contact)"
        r"( please| now| asap| thanks| thank you| immediately| right now)*(?=$| (i|we|im|and dont|and do not|or|this"
        r"|it)\b)"
        r"|\b(delete|erase|remove|purge) (his|her|their) (details|info|information|data|contact details)\b"
        r"|\bforget (you (ever )?had|about) (this|my) (number|email|info|address)\b"
        r"|\b(want|get) (you|yall|u) (outta|out of) my (phone|inbox|life|hair)\b"
        # ("This email is confidential... please delete it" is a disclaimer)
        r"|\b(my|this) (number|info)\b( \w+){0,8} (delete|remove|erase) it\b"
        r"|\b(lose|forget) (my|this|our) (number|info|information|details|contact( info| details| information)?"
        r"|email|address|data)\b"
        r"|\b(remove|delete|erase) (this|my) (phone |cell )?number (and|from)\b"
        r"|\b(delete|erase|purge|remove) (all )?(of )?(my|our)( personal| contact)? (data|information)\b",
        (
            "delete my number",
            "remove my info",
            "Lose my number",
            "Remove this number",
            "Please delete my contact information",
            "Lose my contact details, please.",
            "delete this number and don't text it again",
            "Please delete all my personal data",
            "Yo chill. forget you ever had this number",
            "Erase my info or I will sue",
            "Please delete my number, I no want receive message from you company",
            "I want you outta my phone",
            "who gave you my number? delete it",
        ),
    ),
    Rule(
        "en.no_more",
        "en",
        "opt_out",
        rf"\bno (more|further) ({SMS}|{CALL}|{EMAIL}|contact|spam|communication|communications)\b{NOT_A_TIME}"
        rf"|^no (txt|text|{_PLURAL_MEDIA})(( or| and| nor|)( no)? {_PLURAL_MEDIA})*"
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
        rf"|^(please|pls|plz) no ({_PLURAL_MEDIA})( or| and| nor| no)*( {_PLURAL_MEDIA})?\b{NOT_A_TIME}"
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
    # ---------------------------------------------------------------- opt-out: Spanish
    Rule(
        "es.no_me_escriba",
        "es",
        "opt_out",
        r"\b(ya )?no me (vuelva|vuelvas|vuelvan) a (escribir|enviar|mandar)\b"
        # ("No me mandes el folleto, ya lo tengo" is about the brochure)
        rf"|\b(ya )?(no|ni) me (los |las )?(envie|envies|envien|mande|mandes|manden|escriba|escribas|escriban|escribais"
        rf"|envieis|mandeis|texteen|textees|textee)\b{NOT_A_TIME}"
        r"(?!( mas)? (el|la|los|las|un|una|otro|otra|ese|esa|eso|esto|este|esta|nada hasta|hasta|todavia|aun|fotos?"
        r"|link"
        r"|enlace|liga|archivo|pdf|info|informacion|precio|precios|cotizacion|direccion)\b)"
        r"|\bno (la|lo|le|les|los|las) (escriban|llamen|manden|envien|contacten|molesten|textee|texteen)( mas| ni|$)"
        r"|\bno (escriban|escribas|escriba|envien|manden|mande|mandes) mas\b(?! (de|que)\b)"
        rf"|\b(ya )?no (manden|envien|mande|mandes|envie|envies|escriban) (mas )?({SMS}|{EMAIL}|nada)\b"
        r"(?! (hasta|antes)\b)"
        r"|\bdej(a|e|en) de (escribir|mandar mensajes|enviar mensajes)( a este (numero|telefono|celular))?( ya"
        r"| por favor| gracias)*$"
        r"|\b(dej(a|e|en|ar|ad|es|aran|ara|aras)|par(a|e|en))( ya)? de (escribir|mandar|enviar)(me|nos)\b"
        r"(?! (el|la|los|las|un|una|ese|esa|esos|esas|fotos?|link|enlace|liga|archivo|pdf|info|precio|precios)\b)",
        (
            "No me escriba más",
            "no me escribas",
            "No me envíe más mensajes",
            "No me envíen correos",
            "No escriban más por favor",
            "Deja de escribir",
            "XFA YA NO MANDEN TEXTOS",
            "Número equivocado, no soy Roberto. No escriban más",
            "para ya de escribirme",
            "No me escribáis más a este número",
            "no me texteen",
            "dejen de escribir a este numero",
            "Ni me llamen ni me escriban",
            "le ruego que ya no me los mande",
            "Por favor no le escriban ni le llamen",
        ),
        scope="medium",
    ),
    Rule(
        "es.no_me_contacten",
        "es",
        "opt_out",
        r"\b(ya )?no me (vuelva|vuelvas|vuelvan) a (contactar|llamar|molestar)\b"
        r"|\bno (vuelva|vuelvas|vuelvan) a (contactarme|llamarme|molestarme|contactarnos|llamarnos|marcarme)\b"
        r"|\bno (me )?(vuelva|vuelvas|vuelvan) a (marcar|llamar|escribir)( a| al)? (este|mi|ese) (numero|telefono"
        r"|celular)\b"
        r"|\bno (la|lo|le|los|las) (molesten|llamen|contacten|escriban|moleste|llame|contacte|escriba) mas\b"
        r"|\bno (le|la|lo|les|los|las) (vuelva|vuelvan|vuelvas) a (escribir|llamar|contactar|molestar|marcar|mandar)"
        r"|\bno (volver|volverme|volvernos|vuelva|vuelvan|vuelvas) a (llamar|escribir|contactar|molestar|marcar)(me|nos"
        r"|la|lo"
        r"|le|les|los|las)?\b"
        r"|\bno (escriban|llamen|manden|envien|contacten|molesten)( mas)?( por favor| gracias)*$"
        r"|\b(no|ni) me (sigan|siga|sigas) (enviando|mandando|escribiendo|llamando|marcando|molestando|contactando)\b"
        r"|\bno hace falta que (me )?(sigan|siga|sigas) (enviando|mandando|escribiendo|llamando)\b"
        r"|^(ya )?no (contacten|escriban|llamen|manden|envien|molesten)( mas)?( por favor| gracias)*$"
        r"|\bfavor de no (escribir|enviar|mandar|llamar|contactar|molestar)\b"
        r"|\b(no|ni) me (hablen|hable|hables)( mas)? (por telefono|al celular|al telefono)\b"
        rf"|\b(ya )?(no|ni) me (contacte|contactes|contacten|llame|llames|llamen|moleste|molestes|molesten|llameis"
        rf"|contacteis|molesteis|marquen)\b{NOT_A_TIME}",
        (
            "No me contacten más",
            "no me molesten mas",
            "No me llamen",
            "Ya no me llamen por favor",
            "no contacten",
            "favor de no enviar mensajes",
            "No vuelvan a contactarme",
            "No vuelvan a marcar a este teléfono",
            "no la molesten más",
            "le pido el favor de no volverme a llamar",
            "ya no vivo en esa casa, no escriban",
            "No me sigan enviando cotizaciones ni me marquen",
            "No hace falta que sigan mandando nada",
            "no vuelvan a contactarla",
            "No me hablen más por teléfono",
            "no le vuelvan a escribir ni a llamar",
        ),
    ),
    Rule(
        "es.no_quiero_que",
        "es",
        "opt_out",
        r"\bno (quiero|queremos) que me (contacten|contacte|contactes|llamen|llame|llames|escriban|escriba|escribas"
        r"|envien|envie|envies|manden|mande|mandes|molesten|moleste|sigan)\b"
        r"|\bno (quiero|queremos) que me (vuelvan|vuelva|vuelvas) a (contactar|llamar|escribir|mandar|enviar|molestar)",
        ("No quiero que me contacten más", "no quiero que me llamen", "No quiero que me vuelvan a contactar"),
    ),
    Rule(
        "es.deja_de",
        "es",
        "opt_out",
        rf"\b(dej(a|e|en|ar|ad|es|aran|ara|aras)|par(a|e|en))( ya)? de (enviar|mandar|escribir|llamar|contactar"
        rf"|molestar|textear)(me"
        rf"|nos)\b"
        r"(?! (el|la|los|las|un|una|ese|esa|esos|esas|fotos?|link|enlace|liga|archivo|pdf|info|precio|precios)\b)"
        rf"|\bdej(a|e|en) de (enviar|mandar)( me)? ({SMS}|{EMAIL})\b"
        # with no object: "Ya basta, dejen de molestar", "dejen de chingar con sus mensajes"
        r"|\bdej(a|e|en|ar|ad|es|aran|ara|aras)( ya)? de (molestar|chingar|joder|fregar|insistir|contactar|llamar)\b"
        r"(?! (a|al|el|la)\b)"
        r"|\bdej(a|e|en|ar|ad|es|aran|ara|aras)( ya)? de (mandar|enviar)( me| nos)? (sus|tus|las|los|esas|esos|estas"
        r"|estos|tanta|tantas"
        r"|tantos|vuestras|vuestros)( \w+)? (promociones|ofertas|mensajes|mensajitos|publicidad|anuncios|correos|textos"
        r"|cosas)\b"
        rf"|\b(paren|pare|para|parale|basta|ya basta)( ya)? con (los |las |sus |tus |tantos |tantas |estos |esos )?"
        rf"({SMS}|{CALL}|{EMAIL})\b",
        (
            "Deja de enviarme mensajes",
            "Dejen de molestarme",
            "Deja de llamarme",
            "Paren de contactarme",
            "Ya basta!! dejen de molestar",
            "ya dejen de chingar con sus mensajes y llamadas",
            "Oigan ya paren con los textos",
            "Por favor dejen de insistir con los mensajitos",
            "ya dejen de mandar sus promociones",
            "Dejad de llamarme a todas horas",
            "Por favor dejen de contactar.",
        ),
    ),
    Rule(
        "es.no_contactarme",
        "es",
        "opt_out",
        rf"\b(favor de |por favor )?no (contactarme|llamarme|escribirme|molestarme|mandarme|enviarme)\b{NOT_A_TIME}",
        ("Favor de no contactarme", "Por favor no llamarme"),
    ),
    Rule(
        "es.dejenme_en_paz",
        "es",
        "opt_out",
        r"\b(me|nos) (dejen|deje|dejes|dejan|dejeis) (en paz|tranquil[oa]s?)\b"
        r"|\bdej(a|e|en|ad|ar)(me|nos) (en paz|tranquil[oa]s?)\b|\b(me|nos) (pueden|puede|podrian"
        r"|podria) dejar en paz\b"
        r"|\bolvid(ense|ate|ese|en|a|ad) de (mi|nosotros)\b|\b(absten|abstenga|absteng)\w* de (contactar|llamar"
        r"|escribir"
        r"|enviar|mandar|molestar)\w*",
        (
            "Déjenme en paz",
            "dejame en paz por favor",
            "dejadme en paz ya",
            "q me dejen en paz!!! ya les dije 3 veces",
            "¿Me pueden dejar en paz?",
            "olvídense de mí, de verdad",
            "absténganse de contactarme por cualquier vía",
        ),
    ),
    Rule(
        "es.quitame",
        "es",
        "opt_out",
        # "Quítame una duda" (answer me something) is no revocation: a list, or nothing else, follows
        r"\b(quitame|quiteme|quitenme|sacame|saqueme|saquenme|borrame|borreme|borrenme|eliminame|elimineme"
        r"|eliminenme|desuscribeme|desuscribame|desuscribanme|borrenla|borrenlo|quitenla|quitenlo|saquenla|saquenlo"
        r"|eliminenla|eliminenlo|quitadme|sacadme|borradme|eliminadme)( (de|del) (la |tu |su |sus |tus |esta |este |el "
        r"|los"
        r" |esa |ese |esas |vuestra |vuestras )?"
        r"(lista|listas|base|sistema|contactos|registro|grupo|mensajes|correos|envios)\b|( por favor| ya| gracias)*$"
        r"|(?= (o|y|ya|porque|que)\b))"
        r"|\bque me (eliminen|borren|quiten|saquen|retiren|den de baja)\b"
        r"|\b(lo|la|me|nos|los|las) (den|de|des|dan) de baja\b"
        r"|\bcomo (me )?(desuscribo|doy de baja|desinscribo)\b"
        r"|\bcomo (salgo|me salgo|me quito|me borro) de (la|su|sus|esta|estas|tu|tus) (lista|listas|base)\b"
        r"|\b(bajame|bajeme|bajenme)\b"
        r"|\b(eliminarme|borrarme|quitarme|sacarme|removerme) de (su|tu|la|sus|tus|esta|este|el) (lista|base|sistema)"
        r"|\b(quiero|quisiera|deseo|me gustaria|necesito) salir de (la|su|tu|sus|tus|esta|este|el) (lista|listas|base"
        r"|sistema|grupo)\b"
        r"|\bme (saca|sacan|quita|quitan|borra|borran|elimina|eliminan|quite|quiten|saque|saquen|borre|borren|elimine"
        r"|eliminen|quiteis|saqueis|borreis|elimineis) de (la|su|tu|sus|tus|esa|esta|este|ese|el|vuestra"
        r"|vuestras)( \w+)?"
        r" (lista|listas|base|sistema|registro|contactos)\b"
        r"|\b(borrenme|quitenme|saquenme|eliminenme) de (eso|ahi|alli|todo|todas|todos)\b"
        r"|\b(remove|delete|unsubscribe|take) me (de|del|off de) (la|tu|su|sus|tus|esta|este|el) (lista|base"
        r"|sistema)\b",
        (
            "Quítame de tu lista",
            "Quiero salir de la lista",
            "Sáquenme de su lista",
            "Bórrame de la lista",
            "Elimínenme de su lista de correos",
            "Favor de eliminarme de su lista",
            "Quiero que me eliminen de su lista",
            "Bájame de la lista",
            "Bórrenla de su lista",
            "Remove me de tu lista porfa",
            "me hace el favor y me saca de esa base de datos",
            "os pido por favor que me quitéis de vuestra lista de contactos",
            "bórrenme de eso",
            "Mano ya, bórrame de esa lista de textos",
            "Quitadme de vuestras listas de una vez",
            "Les pido que lo den de baja de todas sus listas",
            "Elimínenme o los reporto a Profeco",
            "¿cómo me desuscribo de estos correos?",
        ),
    ),
    Rule(
        "es.dar_de_baja",
        "es",
        "opt_out",
        r"\b(dar|darme|darse|dame|denme|deme|quiero darme|quiero dar|deseo darme|me quiero dar) de baja( por favor| ya"
        r"| gracias)*$"
        r"|^((hola|buenas|buenos dias|buenas tardes|por favor|favor de) )*(quiero |deseo |quisiera )?"
        r"(dar|darme|darse|dame|denme|deme) de baja\b(?!( a)? (mi|este|el|de)\b)"
        r"|\b(desuscribirme|desuscribanme|desuscribame|desuscribeme|desinscribirme)\b"
        r"|^baja (de|del) (este|su|la|el|esta|sus)( \w+)? (servicio|lista|mensajes|numero|sms|textos|correos)\b"
        r"|\bcancelar (la |mi )?suscripcion\b",
        (
            "Quiero darme de baja",
            "Dame de baja por favor",
            "Quiero desuscribirme",
            "Cancelar suscripción",
            "Darse de baja por favor, recibo 4 correos por semana",
            "quiero desuscribirme de los sms",
            "Baja de este servicio de mensajes por favor",
        ),
        scope="medium",
    ),
    Rule(
        "es.baja_numero",
        "es",
        "opt_out",
        r"\bde baja (a )?(mi|este|el) (numero|telefono|celular)\b"
        r"|\bde baja de (la |su |sus |esta |este |tu |tus |estos |estas |esos |esas |los |las )?(lista|listas|mensajes"
        r"|servicio|numero|correos|textos"
        r"|llamadas|envios|comunicaciones)\b"
        r"|\bde baja (del|de los|de las|de sus|de su) (boletin|newsletter|lista|listas|correos|mensajes|envios"
        r"|servicio)\b"
        r"|\b(eliminen|eliminar|elimine|elimina|borren|borrar|borre|borra|quiten|quitar|quite|quita|saquen|sacar"
        r"|saque|saca|retiren|retirar)( por favor)? (mi|este) (numero|telefono|celular|contacto)\b"
        r"(?! (viejo|anterior|antiguo|de trabajo|del trabajo|de la oficina|fijo)\b)"
        r"|\b(eliminen|eliminar|elimine|elimina|borren|borrar|borre|borra|quiten|quitar|supriman|suprimir|retire"
        r"|retiren"
        r"|retirar)( por favor)? (mis|todos mis|sus|todos sus|todos los) datos\b"
        r"|\b(eliminen|borren|quiten|saquen|retiren|supriman)( por favor)? (su|mi|este|esta|sus|mis)( \w+){1,5} de"
        r" (sus|su|la|las|tu|tus|esta) (lista|listas|base|bases|sistema|registros)\b",
        (
            "Dar de baja mi número",
            "Eliminen mi número",
            "borren mi numero de su lista",
            "Eliminen mis datos",
            "favor de darme de baja de sus correos",
            "Por favor, retiren su nombre y este correo de sus listas",
            "Quiero darme de baja del boletín",
            "Quiero darme de baja de estos mensajes",
            "le ruego que retire mis datos de todas sus campañas",
            "borren todos sus datos",
        ),
    ),
    Rule(
        "es.no_quiero",
        "es",
        "opt_out",
        rf"\b(ya )?no (quiero|queremos|deseo|deseamos) ((mas|recibir|sus|tus|estos|esos|los|mas de sus) )*({SMS}|{CALL}"
        rf"|{EMAIL})\b"
        r"|\bno (quiero|queremos|deseo|deseamos) recibir (nada|ni uno mas|mas$)"
        r"|\bno (quiero|queremos|deseo|deseamos) (recibir )?(mas )?(sus |tus |estas |esas |las |los )?(promociones"
        r"|publicidad|ofertas|anuncios)\b"
        r"|\bno (deseo|quiero|queremos|deseamos) ser (contactad[oa]s?|llamad[oa]s?|molestad[oa]s?)\b"
        r"|\b(solicito|pido|exijo|solicitamos) (la )?(eliminacion|supresion|baja) de (mis|nuestros|todos mis) datos\b",
        (
            "Ya no quiero recibir mensajes",
            "no quiero mas mensajes",
            "ya no quiero correos",
            "Ya no quiero recibir sus mensajes",
            "no quiero recibir nada de ustedes",
            "Ya no quiero recibir sus promociones por mensaje",
            "xq me siguen mandando msjs si nunca me registre?? no quiero recibir mas",
            "No deseo ser contactado por ningún medio",
            "solicito la eliminación de mis datos personales de sus bases",
        ),
    ),
    Rule(
        "es.no_mas",
        "es",
        "opt_out",
        rf"\b(no mas|basta de|basta ya de) ({SMS}|{CALL}|{EMAIL}|contacto|spam)\b",
        ("No más mensajes", "no mas mensajes", "No más llamadas por favor", "Basta de mensajes"),
    ),
    Rule(
        "es.cesar_contacto",
        "es",
        "opt_out",
        r"\b(ces(ar|en|e)|suspend(er|an|a)|deten(er|gan|ga)|termin(ar|en|e)|cort(ar|en|e)) (toda|todo|cualquier)"
        r" (tipo de )?(comunicacion|contacto|mensaje|envio)"
        r"|\bno (quiero|queremos|deseo|deseamos) (ningun|ninguna) (tipo de )?(contacto|comunicacion|mensaje|llamada"
        r"|correo)"
        r"|\bno (quiero|queremos) saber nada (mas )?de (ustedes|usted|ti|su|tu|esta|la)\b",
        (
            "les solicito cesar toda comunicación conmigo",
            "no quiero ningún tipo de contacto con ustedes",
            "No quiero saber nada de ustedes",
        ),
    ),
    Rule(
        "es.si_siguen",
        "es",
        "opt_out",
        # a threat is the wish: "Si me siguen mandando mensajes voy a reportarlos"
        r"^(?=.*\b(report\w*|demand\w*|denunci\w*|bloque\w*|queja|abogado|profeco)\b).*\bsi (me |nos )?(sigue"
        r"|siguen|sigues|vuelve|vuelven|vuelves) (mandando|enviando|escribiendo|llamando|textando|texteando|molestando"
        r"|a (escribir|llamar|mandar|enviar|contactar|molestar|textear))",
        ("Si me siguen mandando mensajes voy a reportarlos",),
    ),
    Rule(
        "es.revoco_consentimiento",
        "es",
        "opt_out",
        r"\b(revoco|retiro|revocamos|retiramos|revocar|retirar) (mi |el |nuestro |todo )?(consentimiento|permiso"
        r"|autorizacion)\b|\bno (les |le |te )?(doy|damos|di|dimos) (mi |el )?(consentimiento|permiso|autorizacion)\b",
        ("Revoco mi consentimiento para cualquier tipo de comunicación", "No les doy mi permiso"),
    ),
    Rule(
        "es.cancelen_mensajes",
        "es",
        "opt_out",
        # ("Quiero cancelar la cita de mañana" is about the appointment)
        rf"\b(cancel(en|a|e|ar|o)|deten(gan|ga|er)|suspend(an|a|er)|corten)( (los|las|estos|estas|sus|mis|esos|esas"
        rf"|todos"
        rf" los|todas las|tus))* ({SMS}|{EMAIL}"
        r"|llamadas|envios|notificaciones|alertas)\b",
        ("cancelen los mensajes", "Cancelar mensajes por favor", "detengan los mensajes"),
        scope="medium",
    ),
    Rule(
        "any.stop_mandando",
        "any",
        "opt_out",
        # Spanglish: "stop mandándome textos"
        r"\b(stop|quit|para|paren|pare) (mandando|enviando|escribiendo|llamando|textando|texteando)(me|nos)?\b",
        ("stop mandandome textos please", "Stop llamándome"),
    ),
    # ---------------------------------------------------------------- opt-out: French
    Rule(
        "fr.ne_mecrivez_plus",
        "fr",
        "opt_out",
        r"\b(ne (me |m |m)?|n)(ecrivez|envoyez|textez|ecris|envoie) (plus|pas)\b"
        # ("Ne m'envoie plus le lien, envoie le PDF" is about the link)
        r"(?! (le|la|les|un|une|ce|cette|ces|ton|votre|vos|tes|ta|de (photos|liens|documents))\b"
        r"(?! (messages|sms|textos|courriels|emails|mails|pubs|publicites|offres|promotions)\b))"
        r"|\b(textez|ecrivez|texte|ecris) (moi|moe) (pu|plus)\b",
        (
            "Ne m'envoyez plus de messages",
            "ne m envoyez plus de sms",
            "Ne m'écrivez plus",
            "Textez-moi pu jamais",
            "N'envoyez plus de messages à ce numéro",
        ),
        scope="medium",
    ),
    Rule(
        "fr.ne_me_contactez_plus",
        "fr",
        "opt_out",
        r"\b(mappelez|mecrivez|mtextez|mtexte|mappelle|mecris|me contactez|me textez|me texte) (pu|plus)\b"
        r"|\bne (me |m |m)?(contactez|appelez|derangez|harcelez|telephonez|contacte|appelle|derange|telephone"
        r"|recontactez"
        r"|rappelez|relancez|recontacte|rappelle|relance)"
        rf" (plus|pas)\b{NOT_A_TIME}",
        (
            "Ne me contactez plus",
            "ne me contactez plus jamais",
            "Ne m'appelez plus",
            "M'appelez pu svp",
            "Ne me recontactez pas",
        ),
    ),
    Rule(
        "fr.ne_plus_me",
        "fr",
        "opt_out",
        r"\bne plus (me |m |m|lui |leur |nous |la |le |les |l |l)?(contacter|appeler|ecrire|envoyer|deranger|texter"
        r"|solliciter|relancer"
        r"|recevoir|etre (contacte|sollicite|appele|derange)e?s?)\b"
        r"|\b(appelez|appelle|contactez|contacte) (moi|moe) (pu|plus)\b"
        r"|\binutile de (continuer a )?(mecrire|me contacter|mappeler|me texter|me relancer|m ecrire|m appeler)\b"
        rf"|\bne pas (me |m |m)?(contacter|appeler|ecrire|envoyer|deranger|texter|solliciter)\b{NOT_A_TIME}",
        (
            "Merci de ne plus me contacter",
            "Veuillez ne plus m'appeler",
            "Merci de ne pas me contacter",
            "J'aimerais ne plus recevoir vos messages",
            "merci de ne plus lui écrire",
            "Merci de ne plus la contacter",
            "je souhaite ne plus être sollicité par votre société",
            "Appelez-moi pu",
            "inutile de continuer à m'écrire",
        ),
    ),
    Rule(
        "fr.ne_veux_plus",
        "fr",
        "opt_out",
        r"\bne (veux|souhaite|desire|voulons|souhaitons) plus (recevoir|de |daucun|aucun|aucune|etre contacte"
        r"|etre sollicite|etre appele|avoir de (vos )?nouvelles|entendre parler|rien recevoir|etre derange)"
        # spoken, without the "ne" ("je veux plus être contacté"): not "je veux plus de détails"
        r"|\b(je|j|on) (veux|voulons|veut|souhaite) (plus|pu) (etre (contacte|sollicite|appele|derange)|recevoir"
        r"|rien recevoir|entendre parler)",
        (
            "Je ne veux plus recevoir de SMS",
            "Je ne veux plus être contacté",
            "Je ne veux plus recevoir vos emails",
            "Je ne veux plus avoir de nouvelles de votre entreprise",
            "je veux plus être contacté",
        ),
    ),
    Rule(
        "fr.arretez_decrire",
        "fr",
        "opt_out",
        # writing is by the medium the message came by: "Arrêtez de m'écrire"
        r"\b(arret(e|ez|er)|cess(e|ez|er)) d(e |)(m|me |)(ecrire|envoyer des (messages|textos|sms|courriels|emails))\b",
        ("Arrêtez de m'écrire", "Cessez de m'écrire.", "ARRÊTEZ DE M'ÉCRIRE C'EST LA 4E FOIS"),
        scope="medium",
    ),
    Rule(
        "fr.arretez_de",
        "fr",
        "opt_out",
        r"\bd?(arret(e|ez|er)|cess(e|ez|er))( immediatement| tout de suite)? d(e |)(m|me |le |la |les |lui |)(envoyer"
        r"|contacter|appeler|texter|deranger|harceler"
        r"|solliciter|achaler|relancer|spammer|importuner|embeter)"
        rf"|\b(arret(e|ez|er)|cess(e|ez|er)) (les|vos|ces|tes) ({SMS}|{CALL}|{EMAIL}|envois)\b",
        (
            "Arrêtez de m'envoyer des messages",
            "Arrêtez de me contacter",
            "arretez les sms svp",
            "arrete les messages",
            "arrete de m'texter stp",
            "Heille, arrêtez de m'achaler avec vos offres",
            "Merci d'arrêter de m'envoyer ces SMS",
            "Je vous prie de cesser immédiatement de le solliciter",
        ),
    ),
    Rule(
        "fr.cessez_toute_communication",
        "fr",
        "opt_out",
        r"\b(cess(ez|er|e)|arret(ez|er|e)) (toute|tout|toutes|tous) (communication|contact|correspondance|sollicitation"
        r"|envoi|echange)s?\b"
        r"|\b(cess(ez|er|e)|arret(ez|er|e)) (lenvoi|les envois) d"
        r"|\bannul(ez|er|e) (ces |les |vos |mes |tous les |toutes les )?(messages|textos|sms|courriels|emails|appels"
        r"|envois|notifications|abonnements?)\b",
        (
            "cessez toute communication avec moi",
            "je vous prie de cesser l'envoi de ces courriels",
            "Annulez ces messages, merci",
        ),
    ),
    Rule(
        "fr.plus_de",
        "fr",
        "opt_out",
        rf"^((merci|svp|stp|non|allo|bonjour|salut) )*plus (de |d)?({SMS}|{CALL}|{EMAIL}|sms|textos|appels|emails"
        r"|courriels)\b(?! (que|qu|dune|dun|de|avant|apres)\b)"
        rf"|\bplus (de |d)?({SMS}|{CALL}|{EMAIL}|sms|textos|appels|emails|courriels)( svp| merci| stp)*$"
        rf"|\bplus aucun(e|s)? ({SMS}|{CALL}|{EMAIL}|sms|textos|appels|emails|courriels)\b",
        (
            "Plus de messages svp",
            "Plus d'appels svp",
            "Plus de courriels svp",
            "Plus de textos svp, je suis pas intéressé",
            "Vous m'appelez même la nuit, arrêtez ça, plus d'appels svp",
            "plus aucun SMS svp",
        ),
    ),
    Rule(
        "fr.stop_aux_messages",
        "fr",
        "opt_out",
        r"\bstop (aux|a vos|a ces|a tes) (messages|sms|appels|mails|emails|courriels|textos)\b"
        r"|^(stop|arret|non) (a la |au |aux )?(pub|pubs|publicite|publicites|demarchage)( svp| merci)*$",
        ("Stop aux messages", "Stop pub", "Stop au démarchage"),
    ),
    Rule(
        "fr.laissez_moi",
        "fr",
        "opt_out",
        r"\blaiss(ez|e) (moi|nous) tranquilles?\b|\b(fichez|foutez|fiche|fous) (moi|nous) la paix\b"
        r"|\blach(ez|e) (moi|moe|nous)( avec| la grappe| les baskets| svp| stp| merci| donc|$)"
        r"|\boubli(ez|e) (mon numero|moi|mes coordonnees|mon adresse|mon courriel|mon email)\b",
        (
            "Laissez-moi tranquille",
            "Fichez-moi la paix",
            "Lâchez-moi avec vos messages et vos appels",
            "Oubliez mon numéro.",
            "pu capable de vos textos, lâchez-moé",
        ),
    ),
    Rule(
        "fr.desabonner",
        "fr",
        "opt_out",
        r"\b(desabonne|desabonnez|desabonner|desinscris|desinscrivez|desinscrire|desabonnement|desinscription)\b",
        ("Désabonnez-moi", "Je veux me désinscrire"),
        scope="medium",
    ),
    Rule(
        "fr.retirez_moi",
        "fr",
        "opt_out",
        r"\b(retirez|supprimez|enlevez|effacez|rayez|retire|supprime|enleve|raye)( moi| mon numero| mon contact"
        r"| mes coordonnees| mon adresse| mon courriel| mon email| mes donnees| mon nom)\b"
        r"|\b(retirer|supprimer|effacer|enlever) (mes coordonnees|mon numero|mon adresse|mon courriel|mes donnees)\b"
        r"|\b(me |m |m)?(retirer|supprimer|enlever|radier|rayer) (de|des) (votre|vos|la|ta|cette|tes|les) (liste|listes"
        r"|fichier|fichiers|base|contacts)\b"
        r"|\betre (retire|supprime|desinscrit|radie|desabonne)e?s? (de|des) (votre|vos|la|ta|cette|tes|les)"
        r" (liste|listes|fichier|fichiers|base|contacts)\b"
        r"|\b(retirez|supprimez|enlevez|effacez|rayez)( le| la| les| ce numero| mon nom)? (de|des) (votre|vos|la|ta"
        r"|cette|tes|les) (liste|listes|fichier|fichiers|base|contacts)\b"
        r"|\b(merci de|veuillez|svp|pouvez vous|prière de) (m |me |m)(effacer|supprimer|retirer|enlever|desinscrire"
        r"|radier)\b"
        r"|\b(je|nous) (retire|retirons|revoque|revoquons) (mon|notre|le) (consentement|autorisation|accord)\b"
        r"|\b(la )?(suppression|effacement) de (l ensemble de |lensemble de |toutes )?(mes|nos) (donnees|coordonnees)\b"
        r"|\bcessation de (tout|toute) (demarchage|sollicitation|contact|communication)\b",
        (
            "Retirez-moi de votre liste",
            "Supprimez mon numéro",
            "Merci de me retirer de votre liste de diffusion",
            "Je souhaite être retiré de votre liste",
            "Mauvais numéro, effacez-le de votre liste",
            "merci de m'effacer",
            "je vous prie de retirer mes coordonnées de votre fichier clients",
            "supprimez mon adresse de votre base",
            "pourriez-vous m'enlever de votre liste d'envoi?",
            "je vous demande la suppression de l'ensemble de mes données",
            "Je retire mon consentement à toute sollicitation",
        ),
    ),
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
    # ---------------------------------------------------------------- doubtful: English
    Rule(
        "en.dont_want_this",
        "en",
        "doubtful",
        # (a bare "No" answers a question as often as it refuses: an ordinary reply)
        r"^((i|we) )?(dont|do not) want (this|it|that|any of (this|it))( thanks| thank you)*$",
        ("I don't want this", "don't want it"),
    ),
    Rule(
        "en.not_interested",
        "en",
        "doubtful",
        rf"^({_DOUBT_LEAD} )*((i|we|i am|im|i m|we are|were|we re|am|are) )?(really |just |honestly |still )?"
        r"(not|no longer|not really) interested( in (this|that|it|these|those|your \w+|buying|selling|anything"
        r"|any \w+|whatever (this is|it is|youre selling|you are selling)|what (youre|you are) (selling|offering)))?"
        rf"( {_DOUBT_TAIL})*$",
        (
            "Not interested",
            "not interested anymore",
            "Not interested at this time",
            "No, not interested thanks",
            "I'm not interested in whatever this is",
        ),
    ),
    Rule(
        "en.not_looking",
        "en",
        "doubtful",
        rf"^({_DOUBT_LEAD} )*((i|we|i am|im|i m|we are|were|we re) )?(really |just )?not (looking|in the market"
        rf"|buying|selling)( for (this|that|it|anything|one|any|a|an|these|those)( \w+)?)?( {_DOUBT_TAIL})*$",
        ("We're not looking for this.", "Not looking right now, thanks"),
    ),
    Rule(
        "en.no_thanks",
        "en",
        "doubtful",
        r"^(no|nope|nah)( thanks| thank you| thank u| thanku| thnx| thx| ty| sorry| im good| were good| im ok| i m good"
        r"| im all set)+$"
        r"|^(please|pls|plz|oh|god) (no|dont|do not)$",
        ("No thanks", "Please no", "nah im good", "No thank u", "please don't"),
    ),
    Rule(
        "en.never_signed_up",
        "en",
        "doubtful",
        r"^((i|we) (never|didnt|did not|dont remember|do not remember|dont recall) (ever )?(sign|signing|signed|ask"
        r"|asking|asked|opt|opted|opting|subscribe|subscribed|agree|agreed|consent|consented|request|requested)"
        r"( up| in)?( for (this|these|that|it|any of this|your \w+|these \w+|texts|messages|emails|anything))?)$",
        ("I never signed up for this", "I didn't ask for these texts"),
    ),
    Rule(
        "en.not_for_me",
        "en",
        "doubtful",
        rf"^({_DOUBT_LEAD} )*((its|this is|thats|that is) )?not for (me|us)( {_DOUBT_TAIL})*$"
        rf"|^({_DOUBT_LEAD} )*(ill|well|i will|we will|i ll|we ll|im gonna|i think ill) pass( {_DOUBT_TAIL})*$"
        rf"|^({_DOUBT_LEAD} )*((i|we) have )?no interest( in (this|that|it|buying|selling))?( {_DOUBT_TAIL})*$"
        rf"|\bhow many times (do|must|have|should) (i|we)\b"
        rf"|^({_DOUBT_LEAD} )*((its|this is|thats|that is) not|(this|that|it) (isnt|is not)|not) something (we|i)"
        rf"( would| will)?( ever| really)? (need|want|use|be interested in)( {_DOUBT_TAIL})*$",
        (
            "Not for me, thanks",
            "I'll pass",
            "No interest",
            "How many times do I have to say no?",
            "Not something we need, thank you.",
            "This isn't something we would ever need.",
        ),
    ),
    Rule(
        "en.report_block",
        "en",
        "doubtful",
        r"\b(im |i am |ill |i will |going to |gonna )(report|reporting|block|blocking)( you| this( number)?| your"
        r" number)\b|^(reported|blocked|blocking)( you| this number)?$",
        ("I'm reporting this number", "blocked"),
    ),
    Rule(
        "en.im_good",
        "en",
        "doubtful",
        rf"^({_DOUBT_LEAD} )*(im|i am|i m|were|we are|we re) (good|all set|set|fine)( {_DOUBT_TAIL})*$",
        ("I'm good, thanks", "We're all set"),
    ),
    Rule(
        "en.who_gave_my_number",
        "en",
        "doubtful",
        r"\b(who gave you|how did you get|where did you get|how do you have|why do you have|where did you find"
        r"|how did you find|who sold you)( my| this| our)( \w+)? (number|email|email address|e mail|contact|info"
        r"|information|details|cell|phone|address)\b",
        ("Who gave you my number?", "how did you get this number", "How did you get my email address?"),
    ),
    Rule(
        "en.why_keep_contacting",
        "en",
        "doubtful",
        r"\bwhy (do|are|does|do you|are you) (you |u )?(keep|still|always)( on)? (texting|messaging|calling"
        r"|emailing|contacting|bothering|sending(?! (me |us )?(the|that|my|a|an|our|his|her|over)\b))\b"
        r"|\bwhy (are|r) (you|u) (texting|messaging|calling|emailing|contacting) me\b",
        ("Why do you keep texting me?", "why are you texting me"),
    ),
    Rule(
        "en.legal_complaint",
        "en",
        "doubtful",
        r"\b(tcpa|violat\w*|lawsuit|sue (you|your)|my (attorney|lawyer)|report (you|this) to|fcc|ftc|do not call"
        r"( list| registry))\b",
        ("You are violating the TCPA", "I'm on the do not call list", "I will report you to the FCC"),
    ),
    Rule(
        "en.annoyed",
        "en",
        "doubtful",
        r"^((ugh|omg|seriously|wow|ok|honestly|man|god|jeez) )*(this is|its|thats|this|these are|youre|you are"
        r"|getting)( getting| so| very| really| becoming)* (annoying|irritating|ridiculous|harassment|spam|a scam)"
        r"( now| already)?$"
        r"|\banother one of these\b|^(enough already|not again|again with this)$",
        ("This is getting annoying", "ugh another one of these", "seriously this is spam"),
    ),
    Rule(
        "en.dont_follow_up",
        "en",
        "doubtful",
        r"\b((dont|do not|no need to|please dont|please do not) (follow up|reach out|bother following up)"
        r"|stop following up)"
        r"( again| anymore| with me| with us| please| thanks| thank you)*$",
        ("Please don't follow up", "No need to reach out again", "Please stop following up"),
        negatable=False,
    ),
    # Short refusals and exasperation that name no channel and no stop word: a bare "No",
    # "Not now" or "Who is this?" answers a question as often as it refuses and stays a reply.
    Rule(
        "en.flat_refusal",
        "en",
        "doubtful",
        rf"^({_DOUBT_LEAD} )*(not a chance|hard pass|pass|hell no|heck no|hell nah|not happening|not gonna happen"
        rf"|thanks but no thanks|thank you but no thank you)( {_DOUBT_TAIL})*$",
        ("Not a chance", "hard pass", "pass", "Thanks but no thanks"),
    ),
    Rule(
        "en.said_no",
        "en",
        "doubtful",
        # "I said no to the upgrade, can you fix the bill?" is about something else
        r"\b(i|we|ive|weve|i have|we have)( already)? (said|told you|told u|answered|replied|responded)( already)? no"
        r"( (already|before|twice|again|thanks|ok|okay|lol|\w+ times))*$"
        r"|^(for the last time|last time|one more time|again) no$"
        r"|^((no|nope) )?(just no|no means no|no no( no)*|no and no|nope( nope)+|nah( nah)+)$",
        ("I already said no", "for the last time, no", "No. Just no.", "Again? I've replied no three times"),
    ),
    Rule(
        "en.exasperated",
        "en",
        "doubtful",
        # bare, or with interjections only: "Enough for today, let's talk Monday" and "seriously? that's a
        # great price" say more. A bare "ugh", "seriously" or "again" is no sign: the message is also read
        # without its sign-off, and "Ugh, thanks for the reminder" or "Again, thanks" would be read so.
        r"^((u+g+h+|omg|jeez|geez|smh|seriously|srsly|wtf|ffs|bruh|really|oh my god|my god|god|man|dude) )*"
        r"(smh|wtf|ffs|not again|this again|you again|enough|enough already|enough is enough"
        r"|(u+g+h+|jeez|geez|smh|wtf|ffs|bruh|seriously|srsly) (again|seriously|srsly)|every single (day|time)"
        r"|every (day|time) (smh|ugh|seriously|wtf)|are you serious|are you kidding me|you cant be serious"
        r"|give it a rest|give me a break)"
        r"( (again|already|now|smh|lol|ugh|seriously|man|dude|bro|really|omg|wtf|jeez|every (single )?day))*$",
        ("Ugh. Again?", "Seriously?? again", "Enough!", "every single day smh", "give it a rest"),
    ),
    Rule(
        "en.never_give_up",
        "en",
        "doubtful",
        r"\b(you|u|you people|you guys|yall|ya ll|you lot) (never|dont ever|do not ever) (give up|quit|learn)"
        r"( do you| huh| lol| smh| seriously)*$"
        r"|^do (you|u|you people|you guys|yall) ever (give up|quit|learn)( lol| smh)*$",
        ("you people never quit", "Do you ever give up?"),
    ),
    Rule(
        "en.dont_know_you",
        "en",
        "doubtful",
        r"^((sorry|um|hmm|uh|no) )*((i|we) )?(dont|do not) know (you|u|who (this is|you are|u are))( sorry| lol)*$"
        r"|^who (tf|the hell|the heck|the fuck|the f|da hell) (is this|are you|r u|is dis|dis|this)$"
        # "not me, my wife handles the bills" says who instead
        r"|^((sorry|no|nope|um|uh|hmm) )*((thats|that is|this is|its) )?not me( sorry| lol| buddy| pal| dude| bro)*$",
        ("I don't know you", "who tf is this", "not me"),
    ),
    # ---------------------------------------------------------------- doubtful: Spanish
    Rule(
        "es.no_me_interesa",
        "es",
        "doubtful",
        rf"^({_ES_DOUBT_LEAD} )*(ya )?no (me|nos) interesa(n)?( {_ES_DOUBT_TAIL})*$"
        rf"|^({_ES_DOUBT_LEAD} )*(ya )?no (estoy|estamos) interesad(o|a|os|as)( {_ES_DOUBT_TAIL})*$",
        (
            "No me interesa",
            "Ya no estoy interesado",
            "No estamos interesados por ahora",
            "Gracias, pero por ahora no nos interesa. Saludos.",
        ),
    ),
    Rule(
        "es.no_vendo",
        "es",
        "doubtful",
        rf"^({_ES_DOUBT_LEAD} )*(yo |nosotros )?no (vendo|estoy vendiendo|estamos vendiendo|vendemos|estoy buscando"
        r"|estamos buscando|busco|buscamos)\b( \w+){0,4}$",
        ("no estoy vendiendo", "Por el momento no estamos buscando proveedores, gracias"),
    ),
    Rule(
        "es.otra_vez",
        "es",
        "doubtful",
        r"\b(es la|ya es la|van|ya van|son|ya son) (\d+|segunda|tercera|cuarta|quinta|dos|tres|cuatro|cinco) (vez|veces"
        r"|mensajes|textos|llamadas|correos)\b",
        ("Esta es la tercera vez que me escriben", "ya van 5 mensajes"),
    ),
    Rule(
        "es.no_gracias",
        "es",
        "doubtful",
        r"^no( gracias| muchas gracias| por ahora| por el momento)+$",
        ("no gracias", "No, muchas gracias"),
    ),
    Rule(
        "es.quien_dio_mi_numero",
        "es",
        "doubtful",
        r"\b(quien|como|donde) (le|te|les) (dio|paso|dieron|pasaron) (mi|este) (numero|correo|contacto)\b"
        r"|\b(como|de donde) (consiguio|consiguieron|obtuvo|obtuvieron|saco|sacaron|tiene|tienen|consiguiste)"
        r" (mi|este) (numero|correo|contacto)\b",
        ("¿Quién le dio mi número?", "De dónde sacaron mi número?"),
    ),
    Rule(
        "es.ya_dije_que_no",
        "es",
        "doubtful",
        r"^(ya )?((le|te|les|lo) )?(dije|he dicho|dijimos|hemos dicho|conteste|contestamos|respondi|respondimos)( ya)?"
        r" que no( gracias| mas| ya| por favor| saludos)*$"
        r"|\bcuantas veces (le |te |les )?(tengo|tenemos|hay) (que|de) (decir|repetir)\b"
        r"|^(no es no|no( no)* y no|no no no( no)*)$",
        ("ya les dije que no", "le dije que no", "Ya les contesté que no. Saludos", "no es no"),
    ),
    Rule(
        "es.harto",
        "es",
        "doubtful",
        # bare, or with interjections only: "ya basta de pagar tanto de luz" and "en serio? qué buen precio" say
        # more; a bare "otra vez" or "en serio" is no sign ("Otra vez gracias", read without its "gracias")
        r"^((ay|uy|uff|uf|ash|chale|no manches|en serio|otra vez|ya|pues) )*"
        r"(que (fastidio|lata|pesad[oa]s?|molestia|hartera|necedad|insistencia|latosos?|intensos?|intensas?)"
        r"|(ay|uy|uff|uf|ash|chale|no manches|en serio) (otra vez|de nuevo)|otra vez con esto"
        r"|ya basta|basta|basta ya|ya estuvo|esto es (acoso|spam|una estafa)"
        r"|(estoy|estamos) (harto|harta|hartos|hartas)|ya me (tienen|tiene) (harto|harta|cansado|cansada)"
        r"|ustedes otra vez|otra vez ustedes)"
        r"( (ya|otra vez|de nuevo|por favor|en serio|todos los dias|hombre|que pesados|que fastidio))*$",
        ("qué fastidio 🙄", "qué lata", "en serio?? otra vez", "esto es acoso", "ya basta!!"),
    ),
    Rule(
        "es.paso",
        "es",
        "doubtful",
        # "paso a las 3" is a visit; "no soy yo" bare, not "no soy yo quien firma"
        r"^((no|nop|nope|nel|pues|gracias) )*(yo )?paso( gracias| muchas gracias| por ahora| esta vez)*$"
        r"|^(ni loco|ni loca|ni de broma|ni en suenos|ni muerto|ni muerta)( gracias)*$"
        r"|^((ese|esa|este|esta|eso) )?no soy yo( lo siento| perdon| gracias)*$",
        ("paso, gracias", "Nop, paso 👎", "ni loco", "ese no soy yo"),
    ),
    Rule(
        "es.por_que_siguen",
        "es",
        "doubtful",
        r"\bpor que (me|nos) (siguen|sigue|sigues|continuan|continua) (escribiendo|llamando|molestando|contactando"
        r"|texteando|mandando mensajes|enviando mensajes)\b"
        r"|\bpor que (me|nos) (escriben|escribe|escribes|llaman|molestan|contactan|textean)( tanto| todavia| otra vez"
        r"| de nuevo| todos los dias)?$",
        ("por qué me siguen escribiendo?", "¿Por qué me escriben tanto?"),
    ),
    # ---------------------------------------------------------------- doubtful: French
    Rule(
        "fr.pas_interesse",
        "fr",
        "doubtful",
        rf"^((non|merci|desole|desolee|mais) )*((je ne suis|je suis|nous ne sommes|nous sommes|on est|on nest|je|nous"
        rf") )?(pas|plus) interess(e|es|ee|ees)( {_FR_DOUBT_TAIL})*$"
        rf"|^((non|merci|desole|desolee|mais) )*(ca |cela |ceci )?ne (minteresse|nous interesse) (pas|plus)"
        rf"( {_FR_DOUBT_TAIL})*$",
        ("Pas intéressé", "Ça ne m'intéresse plus", "Nous ne sommes pas intéressés"),
    ),
    Rule(
        "fr.non_merci",
        "fr",
        "doubtful",
        r"^(merci mais )?non( merci| merci beaucoup| pas pour le moment| pas pour linstant| ca ira)+$"
        rf"|^({_FR_DOUBT_LEAD} )*(ce nest |cest )?pas pour (moi|nous)( {_FR_DOUBT_TAIL})*$",
        ("non merci", "Non, merci beaucoup", "Pas pour moi, merci", "Merci mais non merci"),
    ),
    Rule(
        "fr.je_ne_vends_pas",
        "fr",
        "doubtful",
        rf"^({_FR_DOUBT_LEAD} )*(je ne |je n |on ne |nous ne |je |on )?(vends|vend|vendons|cherche|cherchons)"
        r" (pas|rien)( \w+){0,3}$",
        ("Je ne vends pas.", "on vend pas merci"),
    ),
    Rule(
        "fr.qui_vous_a_donne",
        "fr",
        "doubtful",
        r"\b(qui vous a donne|qui ta donne|comment avez vous (eu|obtenu|trouve)|ou avez vous (eu|trouve|obtenu))"
        r" (mon|ce|mes) (numero|email|courriel|adresse|coordonnees)\b",
        ("Qui vous a donné mon numéro ?", "Comment avez-vous eu mon numéro ?"),
    ),
    Rule(
        "fr.deja_dit_non",
        "fr",
        "doubtful",
        r"^(jai|je vous ai|je tai|on vous a|nous vous avons|je lai)( deja)? (dit|repondu)( deja)? (non|que non)"
        rf"( {_FR_DOUBT_TAIL})*$"
        r"|\bcombien de fois (faut il|dois je|je dois|il faut) (vous |te )?(le )?(dire|repeter)\b"
        r"|^(non cest non|non et non|non non( non)*)$",
        ("Je vous ai déjà répondu non. Bonne journée", "j'ai déjà dit non", "non c'est non"),
    ),
    Rule(
        "fr.ca_suffit",
        "fr",
        "doubtful",
        # bare, or with interjections only: "ça suffit pour aujourd'hui" says more; a bare "encore" or "sérieux"
        # is no sign ("Encore merci", read without its "merci")
        r"^((oh|pff+|bon|franchement|serieux|serieusement|mais|ah) )*"
        r"(ca suffit|cest assez|ca va faire|encore vous|encore toi|(pff+|serieux|serieusement|franchement) encore"
        r"|encore (serieux|pff+)|cest du harcelement|cest (du spam|une arnaque|penible|relou|abusif)"
        r"|vous etes (lourds|penibles|relous|insistants|fatigants)|jen ai marre|ras le bol|y en a marre|pff+)"
        r"( (encore|maintenant|la|hein|franchement|serieux|svp|vraiment|tous les jours|pff+))*$",
        ("ça suffit", "ça suffit maintenant !", "sérieux ? encore ?", "encore vous ?!", "c'est du harcèlement"),
    ),
    Rule(
        "fr.pourquoi_encore",
        "fr",
        "doubtful",
        r"\bpourquoi (est ce que )?(vous|tu) (mecrivez|mecris|mappelez|mappelles|me contactez|me contactes|me textez"
        r"|me textes|mtextez|me relancez|me harcelez|me derangez)( encore| toujours| sans arret| sans cesse"
        r"| tout le temps)?$"
        r"|\bpourquoi (mecrivez|mappelez|me contactez|me relancez|me harcelez|me derangez) vous\b"
        r"|\bpourquoi (vous )?(continuez|continues)( vous| tu)? (a|de) (mecrire|mappeler|me contacter|me texter|mtexter"
        r"|me relancer|me harceler|me deranger)\b",
        ("pourquoi vous m'écrivez encore", "Pourquoi continuez-vous à m'appeler ?"),
    ),
    Rule(
        "fr.pas_question",
        "fr",
        "doubtful",
        # bare: "c'est pas moi qui signe" says who
        r"^((non|bof) )*(pas question|hors de question|jamais de la vie)( merci)*$"
        r"|^(non )?(cest|ce nest|c) pas moi( desole| desolee| merci)*$",
        ("pas question", "Non, hors de question", "c'est pas moi"),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule_of(evidence: str) -> Rule | None:
    """The rule a classification's `rule` ("phrase:en.no_more") names, if it names one."""
    _, _, rule_id = evidence.partition(":")
    return RULES_BY_ID.get(rule_id)
