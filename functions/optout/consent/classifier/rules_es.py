"""Spanish rules: opt-outs, then doubtful refusals."""

from __future__ import annotations

from optout.consent.classifier.fragments import CALL, EMAIL, NOT_A_TIME, SMS
from optout.consent.classifier.rule import Rule

# What may come before or after an answer that is only a refusal: "No, gracias".
_ES_DOUBT_TAIL = (
    r"(mas|por ahora|ahora|gracias|muchas gracias|por el momento|en este momento|de momento|ya|lo siento|saludos"
    r"|para nada)"
)
_ES_DOUBT_LEAD = r"(gracias|perdon|disculpe|lo siento|no|pues|pero|por ahora|por el momento|de momento|ahorita|hola)"

OPT_OUT: tuple[Rule, ...] = (
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
)

DOUBTFUL: tuple[Rule, ...] = (
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
)
