"""French rules: opt-outs, then doubtful refusals."""

from __future__ import annotations

from optout.consent.classifier.fragments import CALL, EMAIL, NOT_A_TIME, SMS
from optout.consent.classifier.rule import Rule

# What may come before or after an answer that is only a refusal: "Non merci".
_FR_DOUBT_TAIL = (
    r"(merci|plus|pour le moment|pour linstant|actuellement|desole|desolee|du tout|vraiment|cordialement|bonne journee)"
)
_FR_DOUBT_LEAD = r"(non|merci|desole|desolee|mais|bonjour|salut|allo)"

OPT_OUT: tuple[Rule, ...] = (
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
)

DOUBTFUL: tuple[Rule, ...] = (
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
