"""Cue patterns over folded text (lower case, no accents); commitment codes appear as ``#`` runs."""

from __future__ import annotations

import re


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


COMPROMISO = r"compromi[sz]os?|commitments?|item"

HELP = rx(
    r"^\W*(?:ayuda+|help+|auxilio|menu|comandos|instrucciones|\?+ayuda)\b"
    r"|\b(?:which|what)\s+commands\b|\bguide\b|\bgu[ií]a\s+(?:de\s+uso|del\s+bot|para\s+(?:usar\w*|usuari\w*|el\s+bot|principiantes))|\btutorial\b"
    r"|\bmanual\s+(?:de\s+uso|del\s+bot)\b"
    r"|\b(?:que|q|what)\s+(?:\w+\s+){0,2}?(?:sabes|puedes|can\s+you|do\s+you)\s*(?:hacer|do|understand)?"
    r"|\bexpla\w*|\bexplica\w*|\bhow\s+to\s+(?:change|log|use|mark|add|update|create|set|close|ask)\b"
    r"|\bque\s+puedo\s+(?:preguntar|pedir|hacer)|\bque\s+comandos|\bwhat\s+commands|\bhow\s+(?:do|can)\s+i\b"
    r"|\bhow\s+to\s+use\b|\bcomo\s+(?:te\s+uso|funciona|se\s+usa|te\s+utilizo|le\s+hago)|\bme\s+explicas\s+como"
    r"|\bhelp\s+(?:me|pls|please)\b|\bhow\s+do\s+i\s+use"
    r"|\bque\s+(?:te|le)\s+puedo\s+(?:preguntar|pedir)|\bque\s+haces\b|\bpara\s+que\s+(?:sirves|eres)"
    r"|\bcomo\s+(?:registro|anoto|agrego|cambio|marco|consulto|veo|pido|le\s+hago\s+para)\b"
    r"|\bwhat\s+(?:do|are)\s+you\s+(?:do|for)\b|\bwhat\s+are\s+you\s+for"
)
NEXT_SESSION = rx(
    r"\b(?:siguiente|sigiente|siguente|proxima|next|nueva)\s+(?:\w+\s+){0,2}?(?:sesion|session|meeting)"
    r"|\b(?:sesion|session)(?:\s+\w+){0,6}\s+(?:cuando|when)\b|\bcuando\s+(?:es\s+)?(?:la\s+)?(?:\w+\s+)?sesion\b"
    r"|\bcuando\s+sesiona|\bwhen\s+(?:does|will)\s+the\s+(?:commission|cove)\s+meet|\bmeets?\s+next\b"
    r"|\bfecha\s+(?:de\s+)?(?:la\s+)?(?:siguiente|sigiente|proxima)\s+sesion"
    r"|\b(?:siguiente|proxima|next)\s+(?:ordinaria|extraordinaria|ordinary|extraordinary)\b|\bsesionar\b"
    r"|\bmeets?\s+again\b|\bvolvemos\s+a\s+sesionar|\bnext\s+(?:cove|commission)\s+(?:session|meeting)"
    r"|\bsesiona(?:mos|n|ra|remos)?\b"
    r"|\b(?:sesion|session)\b.*\b(?:cuando|when|soon|pronto|fecha|date|dia|scheduled|programada|agendada)\b"
    r"|\b(?:cuando|when|fecha|date|dia|scheduled|programada|hay|is\s+there)\b.*\b(?:sesion|session)\b"
)
CREATE = rx(
    rf"\b(?:agrega|agregar|agregale|anade|anadir|nuevo|nueva|registra|registrar|alta\s+(?:de|del)|crea|crear|"
    rf"levanta|levantar|abre|abrir|apunta|apuntar|log\s+a|open\s+a|"
    rf"add|new|nvo|nva|create|captura|dar?\s+de\s+alta)\s+(?:(?:un|una|a|el|otro|este|esta|this|another|the)\s+)?"
    rf"(?:(?:siguiente|following)\s+)?(?:action\s+)?"
    rf"(?:nuevo\s+|new\s+)?(?:{COMPROMISO})\b(?:\s+(?:nuevo|nueva|new)\b)?"
    rf"|\b(?:sale|salio|surge|surgio|queda|quedo|hay|tenemos|se\s+acordo)\s+(?:(?:un|otro)\s+)?(?:nuevo\s+)?(?:{COMPROMISO})"
    rf"(?:\s+nuevo)?\b(?=\s+(?:nuevo\b|para|pa|p/|for|a\s+cargo|del?\b)|\s*:)"
    r"|^\W*(?:create|crear|crea|alta|nuevo|nueva|new)\s*(?=[(:—–])"  # the bare form: "Create (DEA, due …): …"
    r"|\b(?:add|create|open|log)\s+(?:a\s+new\s+|a\s+)?one\b"
)
# Words before the code that make the message a log entry ("Avance en 01/2023: …").
LOG_PREFIX = rx(
    r"\b(?:avance|avances|avanse|avanze|progreso|progress|bitacora|anota|anotar|agrega\s+(?:una\s+)?nota|"
    r"nota|notas|note|log|logea|update|actualizacion|actualiza|seguimiento|accion|action|registra|registrar|"
    r"registrale|reporta)\b"
)
THANKS = rx(r"\b(?:gracias|thanks|thank\s+you|thx|buen\s+trabajo|great\s+job|good\s+job|felicidades|bravo)\b")
QUESTION_START = rx(
    r"^[^\w#]*(?:(?:hola|oye|oigan|buenas|hey|hi)\W+)?(?:como|que|q|cual|cuales|cuando|donde|en\s+que|sabes|me\s+pasas|"
    r"me\s+recuerdas|hay|how|what|whats|when|where|which|is|are|has|have|any|do|does|did|status|estatus|"
    r"quick\s+check|ya\s+se|sigue|y\s+el|y\s+la|y\s+lo)\b"
)
# A request put as a question ("¿Puedes marcar como atendido el 02/2023?", "Can you set 07/2023 to pending?").
REQUEST = rx(
    r"^[^\w#]*(?:(?:hola|oye|hey|hi|hello)(?:\s+\w+)?\W+)?(?:me\s+)?(?:puedes|podrias|podria|puede|pueden|podemos|"
    r"podriamos|me\s+pasas|me\s+haces|me\s+ayudas\s+a|can\s+(?:you|u|we)|could\s+(?:you|we)|would\s+you|will\s+you|"
    r"please|pls|porfa|favor\s+de)\b"
)
# A question put as a statement: "quería saber si…", "nos solicitan conocer el estado…", "I'd like to know…".
INDIRECT_QUESTION = rx(
    r"\b(?=[qnmspwci])(?:(?:queria|quisiera|quiero|quisieramos|queremos|necesito|necesitamos|me\s+gustaria)\s+(?:saber|conocer)|"
    r"(?:solicito|solicitamos|pido|pedimos)\s+(?:(?:me|nos)\s+)?(?:informar|informen|compartir|compartan)\s+(?:el|la|sobre)\b|"
    r"(?:solicitan|solicita|solicito|solicitamos|piden|pide|pidio|pidieron)\s+"
    r"(?:(?:de\s+)?su\s+(?:amable\s+)?(?:apoyo|ayuda|colaboracion)\s+para\s+)?(?:conocer|saber)|"
    r"(?:me|nos)\s+(?:puedes|podrias|puede|podria|pueden|podrian)\s+(?:decir|informar|confirmar|indicar)|"
    r"(?:wanted|want|need|would\s+like|I'd\s+like)\s+to\s+know|can\s+you\s+tell\s+me)\b"
)
DUE_CUE = rx(
    r"\b(?:vence|vencen|vencera|venza|vencimiento|plazo|fecha\s+limite|fecha|deadline|due|recorre|recorrer|recorrio|"
    r"extiende\w*|extender|ampliar|aplaza\w*|pospon\w*|adelanta\w*|entregarse|debe\s+entregarse|"
    r"recorremos|pasa|pasalo|pasar|mueve|muevan|mover|move|push|extend|postpone|reprograma|reprogramar|prorroga\w*|prorrogar|"
    r"amplia|cambia|cambiar|debe\s+quedar|tiene\s+como|entrega|a\s+mas\s+tardar|para\s+el|pal|hasta)\b"
)
# Status words, each with the status it sets.
DONE = (
    r"atendid[oa]s?|atendio|cumplid[oa]s?|conclui?d[oa]s?|listo|lista|terminad[oa]s?|cerrad[oa]s?|"
    r"finalizad[oa]s?|resuelt[oa]s?|done|completed?|closed?|finished|resolved"
)
IN_PROGRESS = r"en\s+proceso|en\s+curso|in\s+progress|in-progress|en\s+tramite|trabajando|underway|ongoing"
PENDING = r"pendientes?|sin\s+atender|pending|no\s+atendid[oa]|sin\s+iniciar|not\s+started"
REOPEN = r"reabr\w*|reopen\w*|reabre"
STATUS_WORD = rx(
    rf"\b(?P<done>{DONE})\b|\b(?P<in_progress>{IN_PROGRESS})\b|\b(?P<pending>{PENDING})\b"
    rf"|\b(?P<reopen>{REOPEN})\b"
)
STATUS_VERB = rx(
    r"\b(?:da|dar|den|dalo|darlo|doy|damos)\s+(?:por|x)\b|\bmarca\w*|\bmark\w*|\bpon(?:lo|la)?\b|\bponle\b|\bponer\b"
    r"|\bcierra\w*|\bcerrar\b|\bclose\b|\bset\b|\bestatus\b.*\b(?:a|to)\b|\bcambia\w*\s+(?:el\s+)?(?:estatus|status)"
    r"|\bpasa\s+a\b|\bback\s+to\b|\bqueda\s+como\b|\bquedo\b|\bsigue\b|\besta\b|\bestan\b|\bis\b|\bare\b|\bqueda\b"
    r"|\bya\s+se\s+atendio|\bya\s+quedo\b|\bnow\b|\bone\s+is\b"
    r"|\bregres\w*|\bvuelve\w*|\bdevuelve\w*|\bdeja\w*|\bpasalo\b|\bmove\b|\bchange\w*|\bput\b|\bturn\b|\bswitch\w*"
    r"|\btacha\w*|\bpalomea\w*|\b(?:debe|deberia|tiene\s+que)\s+(?:estar|ir|quedar)\b|\bshould\s+be\b|\bcorrig\w*"
    rf"|\b(?:{REOPEN})\b"
)
# A deadline change commanded at the start ("recorre lo de X al …", "postpone the … to …"): an explicit form.
DUE_IMPERATIVE = rx(
    r"^[^\w#]*(?:please\s+|porfa\s+|favor\s+de\s+)?(?:se\s+)?(?:reprograma|recorre|pospon|aplaza|prorroga\w*|extiende|"
    r"amplia\w*\s+(?:el\s+)?plazo|"
    r"adelanta|mueve|move|reschedule|postpone|push|extend)\b"
)
CLOSE_VERB = rx(r"\b(?:cierra\w*|cerrar|close|ya\s+quedo|quedo\s+listo|tacha\w*|palomea\w*)\b")
# A message that opens by naming what it wants listed ("Compromisos con fecha límite…", "Lista de…").
LIST_OPENING = rx(r"^\W*(?:(?:los|las|all|the)\s+)?(?:compromisos|commitments|pendientes|items|lista(?:do)?|list)\b")
CLOSE_IMPERATIVE = rx(r"\b(?:cierra\w*|cerrar|close)\b")

LIST_CUE = rx(
    r"\b(?:pendientes|pendeintes|pendietes|pendiente|abiert[oa]s|open|outstanding|atrasad\w*|atrazad\w*|vencid\w*|"
    r"overdue|late|retrasad\w*|vence|vencen|due|en\s+proceso|in\s+progress|atendid[oa]s|cerrad[oa]s|closed|done|"
    r"lista|listado|list|compromisos|commitments|items|everything|pending|venzan|deadline|vencieron|owe|owes|owed)\b"
)
# Weak cues make a list only together with an area ("¿qué tiene la DAC?").
LIST_WEAK = rx(
    r"\b(?:todo|todos|all|queda|quedan|tiene|tienen|show|muestra|muestrame|dame|mis|my|stuff|cosas|ones|"
    r"lo\s+de|lo\s+del|que\s+hay)\b"
)
OVERDUE = rx(
    r"\b(?:atrasad\w*|atrazad\w*|vencid\w*|overdue|late|retrasad\w*|fuera\s+de\s+(?:plazo|tiempo)|past\s+due|"
    r"behind\s+schedule|vencieron|se\s+vencio|se\s+pasaron\s+de\s+(?:su\s+)?fecha|pasados?\s+de\s+fecha)\b"
)
DUE_BEFORE = rx(r"\b(?:vence|vencen|venza|venzan|due|antes|before|by|a\s+mas\s+tardar|hasta|de\s+aqui\s+a)\b")
# A clause that names the deadline a list is filtered by ("…, fecha límite antes del 15 de abril", "…los que venzan
# esta semana"), though it has no list word of its own.
DEADLINE_NAMED = rx(r"\b(?:venza|venzan|vencimiento|fecha\s+limite|plazo|deadline|due\s+date)\b")
LIST_OPEN = rx(
    r"\b(?:pendientes?|pendeintes|pendietes|abiert[oa]s?|open|outstanding|queda|quedan|le\s+falta\w*|les\s+falta\w*|"
    r"falta\w*\s+por|pending|still\s+have|still\s+owe\w*|owe\w*|debe|deben|adeuda\w*|(?:what'?s|what\s+is|anything)\s+left|"
    r"sin\s+atender(?:se)?|no\s+se\s+(?:han|ha)\s+atendido|sin\s+(?:cumplir|cerrar|concluir)(?:se)?|"
    r"no\s+(?:(?:esten|estan|hayan\s+sido|han\s+sido)\s+)?(?:atendid|cumplid|cerrad|conclui?d|terminad)[oa]s|"
    r"not\s+(?:yet\s+)?(?:done|closed|completed|finished))\b"
)
LIST_DONE = rx(
    r"\b(?:atendid[oa]s|lo\s+atendido|lo\s+cumplido|cerrad[oa]s|closed|done|cumplid[oa]s|conclui?d[oa]s|"
    r"terminad[oa]s|completed|se\s+(?:cerraron|atendieron|cumplieron|concluyeron|terminaron)|were\s+closed|"
    r"(?:ya\s+)?se\s+(?:ha|han)\s+(?:atendido|cumplido|cerrado|concluido|terminado)|ya\s+se\s+(?:atendio|cumplio|cerro)|"
    r"(?:que|q)\s+(?:ya\s+)?(?:cerro|cerraron|atendio|atendieron|cumplio|cumplieron|concluyo|concluyeron|closed|finished))\b"
)
# A status named to exclude it ("…Pendiente, no los que están en proceso"): not the status asked for.
LIST_EXCLUDED = rx(
    r"\b(?:no|not|sin|sin\s+contar|sin\s+incluir|excepto|except|excluding|without|menos)\s+(?:(?:los|las|lo|the)\s+)?"
    r"(?:(?:que|ones|which)\s+)?(?:(?:ya|already|still|siguen|sigan)\s+)?(?:(?:est[aá]n|estan|are)\s+)?"
    r"(?:en\s+proceso|in[\s-]progress|atendid[oa]s|done|pendientes?|pending)"
)
# "Pendiente" named as the value of the status ("en estatus de pendiente", "marked as pending"), not the loose
# "pendientes" that means everything not yet done.
LIST_PENDING = rx(
    r"\b(?:estatus|status|estado|marked|marcad[oa]s)\s+(?:(?:de|as|como|en|is|es|sea)\s+)?(?:pendiente|pending)\b"
    r"|\b(?:not\s+(?:yet\s+)?started|sin\s+(?:iniciar|empezar|arrancar)|no\s+(?:se\s+)?(?:han\s+)?(?:iniciad|empezad|arrancad)[oa]s)\b"
    r"|\b(?:estan|esta|siguen|sigan|quedan|queden)\s+en\s+(?:estatus\s+)?pendiente\b"
)
# Both open statuses named together ("los que siguen pendientes o en proceso"): everything not done.
LIST_BOTH_OPEN = rx(
    r"\b(?:pendientes?|pending)\s+(?:o|y|u|e|or|and|and/or|y/o)\s+(?:en\s+proceso|in\s+progress|en\s+curso)\b"
    r"|\b(?:en\s+proceso|in\s+progress|en\s+curso)\s+(?:o|y|u|e|or|and|and/or|y/o)\s+(?:pendientes?|pending)\b"
)
LIST_IN_PROGRESS = rx(r"\b(?:en\s+proceso|in[\s-]progress|en\s+curso)\b")
MINE = rx(r"\b(?:mis|my|mios|mine|me\s+toca|me\s+tocan|tengo)\b")

SUBJECT_MARKER = rx(
    r"\b(?:lo\s+del?|lo\s+de\s+la|lo\s+de\s+los|lo\s+de\s+las|el\s+de\s+la|el\s+de\s+los|el\s+de\s+las|el\s+del?|"
    r"la\s+de\s+la|la\s+de\s+los|la\s+de\s+las|la\s+del?|"
    r"(?:a|the)\s+(?:due\s+date|deadline)\s+(?:for|on|of)(?:\s+the)?|(?:el\s+)?(?:tema|asunto)\s+(?:de\s+la|de\s+los|del?)|"
    r"(?:the\s+)?one\s+(?:about|on)(?:\s+the)?|about\s+the|regarding(?:\s+the)?|"
    # what is asked of it: "an update on the risk plan", "what happened with the …", "¿ya hay avances en la …?"
    r"(?:an?\s+)?(?:update|news|progress)\s+(?:on|about|regarding)(?:\s+the)?|what\s+happened\s+(?:with|to)(?:\s+the)?|"
    r"(?:avances?|novedades|noticias)\s+(?:en|de|del|sobre|con)(?:\s+(?:la|el|los|las))?|"
    r"(?:el\s+)?(?:compromiso|commitment)\s+(?:de\s+la|de\s+los|de\s+las|del?|sobre|about|on|regarding)(?:\s+the)?|"
    # who owes it: "who's responsible for the risk plan?", "¿quién está a cargo de lo del convenio?"
    r"(?:responsible|in\s+charge)\s+(?:for|of)(?:\s+the)?|(?:responsable|a\s+cargo)\s+(?:de\s+la|de\s+los|de\s+las|del?)|"
    r"who\s+owns(?:\s+the)?|(?:fecha\s+limite|fecha|plazo|deadline)\s+tiene(?:\s+(?:el|la|lo\s+del?))?)\s+"
)
# An order said to the subject's pronoun ("la fecha del convenio cámbiala al 10"): where the subject ends.
CLITIC_ORDER = rx(
    r"\b(?:cambia|mueve|pon|pasa|recorre|actualiza|marca|cierra|deja|reprograma|modifica|corre|aplaza|pospone|"
    r"registra|anota|apunta|da)(?:la|lo|le|las|los)\b"
)
SUBJECT_QUESTION = rx(
    r"^[^\w#]*(?:(?:hola|oye|oigan|hey|hi)\W+)?"
    r"(?:(?:me\s+(?:puedes|podrias)\s+decir|me\s+dices|dime(?:\s+(?:por\s+favor|porfa))?|sabes|(?:queria|quisiera)\s+saber|"
    r"can\s+you\s+tell\s+me|"
    r"do\s+you\s+know)\s+)?"
    r"(?:y\s+(?:el|la|los|las|lo\s+de)?|(?:para\s+)?cuando\s+(?:quedo|queda|vence|se\s+entrega)\s+(?:el|la|los|las)?|"
    r"what(?:'s|\s+is)\s+(?:going\s+on|happening)\s+with(?:\s+the)?|"
    r"(?:el\s+)?(?:compromiso|commitment)\s+(?:de\s+la|de\s+los|de\s+las|del|de|sobre|about|on|of)(?=.*,\s*(?:ese|esa|eso)\b)|"
    r"como\s+va(?:mos|n)?\s+(?:con\s+)?(?:el|la|los|las)?|(?:que|q)\s+(?:paso|onda|hay|tal|ha\s+pasado)\s+(?:con\s+)?(?:el|la|los|las)?|"
    r"en\s+que\s+(?:quedo|va|estatus\s+esta)\s+(?:el|la)?|ya\s+(?:quedo|se\s+\w+|esta|salio)\s+(?:el|la|los|las)?|"
    r"sigue\s+(?:pendiente|abierto|en\s+proceso)\s+(?:el|la)?|"
    r"how\s+is(?:\s+the)?|how's(?:\s+the)?|(?:what's\s+the\s+)?status\s+of(?:\s+the)?|"
    r"any\s+(?:news|progress|update|updates)\s+(?:on|about|with)(?:\s+the)?|what\s+about(?:\s+the)?|"
    r"where\s+are\s+we\s+(?:on|with)(?:\s+the)?|is\s+the|"
    r"(?:alguna|algun|hay|any)\s+(?:novedad|novedades|noticia|noticias|avance)\s+(?:de|del|sobre|con|en)"
    r"(?:\s+(?:el|la|los|las|lo\s+de))?|(?:el\s+)?(?:estatus|status)\s+(?:del|de\s+la|de\s+los|de\s+las|de))\s+"
)
# "mark the Montreal visit as closed", "da por atendido lo de…": a status verb, then the subject.
SUBJECT_COMMAND = rx(
    r"^[^\w#]*(?:please\s+|porfa\s+|favor\s+de\s+|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?|"
    r"(?:me\s+)?(?:puedes|podrias)\s+)?(?:mark|marca|marcar|close|cierra|cerrar|reopen|reabre|reabrir|"
    r"da\s+por\s+\w+|pon|ponle|set|move|mueve|recorre|pasa|cambia\w*|"
    r"(?:actualiza\w*|update|modifica\w*|change)(?=\s+(?:the|el|la)\s+(?:deadline|due|plazo|fecha)))"
    r"(?:\s+(?:out|off|up))?\s+(?:the|el|la|los|las|lo\s+de)?\s*"
    r"(?:(?:deadline|due\s+date|plazo|fecha(?:\s+limite|\s+compromiso|\s+de\s+entrega|\s+de\s+vencimiento)?)\s+"
    r"(?:for|of|de|del|al|a)\s+(?:the\s+|la\s+|el\s+)?)?"
)
REPORT = rx(r"\b(?:reporte|informe|report|reportes|informes)\b(?!\s+(?:de\s+)?(?:avance|progress))")
LAUGH = rx(r"\b(?:ja(?:ja)+|je(?:je)+|lol|lmao|haha\w*|xd)\b")

# A status change said of a subject with no code: "el plan de riesgos ponlo en proceso".
STATUS_IMPERATIVE = rx(
    r"\b(?:ponlo|ponla|pon|ponle|ponme|marca|marcalo|marcala|marcame|marcar|mark|set|close|cierra|cierralo|cierrame|"
    r"reabre|reabrelo|reopen|"
    r"da(?:lo|la)?\s+por|dejalo|dejala|pasalo|pasala|(?:can|should|could|may)\s+(?:go|move)\s+(?:back\s+)?(?:to|into)|"
    r"(?:cambiar?|cambialo|cambiala|pasar?|mover|muevelo|muevela)\s+a|(?:change|move|switch)\s+(?:it\s+)?to|put|turn)\b"
)
