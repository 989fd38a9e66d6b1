"""English doubtful refusals, for a person to judge ("Not interested", "Who gave you my
number?")."""

from __future__ import annotations

from optout.consent.classifier.rule import Rule

# What may come before an answer that is only a refusal: "No, not interested", "Thanks but no".
_DOUBT_LEAD = r"(ok|okay|sorry|thanks|thank you|thx|um|hmm|hey|hi|hello|honestly|but|no|nope|nah|actually|yeah)"
_DOUBT_TAIL = (
    r"(anymore|any more|at this time|at the moment|at this point|right now|now|for now|currently|thanks|thank you"
    r"|thx|sorry|at all|really|either|anyway|but thanks|but thank you|though|tho|please|bye)"
)

DOUBTFUL: tuple[Rule, ...] = (
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
)
