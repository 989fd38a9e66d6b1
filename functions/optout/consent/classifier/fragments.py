"""Regular-expression fragments shared by the rules of several languages and files, and by
the channel detection (`named_channels`): over the normalised text (`normalise.normalise_text`)."""

from __future__ import annotations

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
# Media named in the plural: "no calls or texts", "please no phone calls".
PLURAL_MEDIA = r"(texts|messages|msgs|sms|calls|phone calls|emails|e mails|mails|mensajes|llamadas|correos)"
