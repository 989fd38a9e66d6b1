"""English opt-outs, the first run: stop contacting me, don't contact or send, stop it, take
me off your list, remove me or my data."""

from __future__ import annotations

from optout.consent.classifier.fragments import (
    CONTACT_VERB,
    EMAIL,
    LIST_MEMBER,
    NOT_A_TIME,
    NOT_A_TIME_FOR_ME,
    SMS,
    THING,
)
from optout.consent.classifier.rule import Rule

OPT_OUT: tuple[Rule, ...] = (
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
)
