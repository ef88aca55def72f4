"""Where a note, a subject or a new commitment's text begins and ends (now = Monday 13 Feb 2023, 10:00)."""

from __future__ import annotations

import pytest
from corpus import CATALOG, NOW, norm_text

from bot.nlu import parse

CASES = [
    # A note: the command's "que", lead-ins and labels are not in it; a note may come before the command.
    ("registra en el 07/2022 que la DEA ya liberó los recursos", "log_update", "la DEA ya liberó los recursos"),
    ("log on 12/2022 that the IME sent the draft", "log_update", "the IME sent the draft"),
    ("Sobre el 03/2023 les comparto que la UTSI terminó las pruebas", "log_update", "la UTSI terminó las pruebas"),
    ("Del 11/2022 les informo lo siguiente: la SRE firmó el anexo", "log_update", "la SRE firmó el anexo"),
    ("El 08/2022 tuvo avance: el OPL mandó su propuesta", "log_update", "el OPL mandó su propuesta"),
    ("la DJ revisó el convenio, anótalo en el 05/2023 porfa", "log_update", "la DJ revisó el convenio"),
    # A subject: the command or the chatter after it is not its name.
    ("lo de la ficha de difusión márcalo como atendido", "set_status", "ficha de difusión"),
    ("the consular kit one can move to done", "set_status", "consular kit"),
    ("how's the outreach video coming along?", "status", "outreach video"),
    ("¿cómo va el compromiso de la guía para consulados que pidió la SRE?", "status", "guía para consulados"),
    ("la DEA mandó el oficio al 09/2022, regístralo", "log_update", "la DEA mandó el oficio"),
    (
        "¿en qué va lo de las credenciales para mexicanos que viven en Texas?",
        "status",
        "credenciales para mexicanos que viven en Texas",
    ),
    ("¿Cómo va el asunto del padrón de observadores?", "status", "padrón de observadores"),
    ("close out the outreach video commitment, we published it", "set_status", "outreach video"),
    ("Is the consular kit thing still pending?", "status", "consular kit"),
    ("Push the deadline for the observers report to April 3", "set_due", "observers report"),
    # A new commitment: the owner named first is not its text.
    (
        "Nuevo compromiso a cargo de la DEA: revisar la suficiencia para las visitas",
        "create",
        "revisar la suficiencia para las visitas",
    ),
    ("new commitment, owner IME: share the consulates' calendar", "create", "share the consulates' calendar"),
    ("alta de compromiso - CNCS - diseñar la campaña en redes", "create", "diseñar la campaña en redes"),
    (
        "nuevo compromiso para la DEOE, surgió de la reunión con el IME: cotizar los paquetes",
        "create",
        "cotizar los paquetes",
    ),
    # A note's last clauses that only thank, ask to log it or sign the mail are not the note.
    ("Avance en 02/2023: la DEA liberó el pago. Anótalo xfa", "log_update", "la DEA liberó el pago"),
    ("08/2022: the OPL sent its budget, record it please", "log_update", "the OPL sent its budget"),
    (
        "Para el 09/2022: se recibió el oficio de la SRE. ¡Muchas gracias!",
        "log_update",
        "se recibió el oficio de la SRE",
    ),
    (
        "RE: 11/2022 — Colegas, les comento que la DJ validó el anexo. Favor de anotarlo en la bitácora. "
        "Saludos cordiales, Mtro. Luis Pérez",
        "log_update",
        "la DJ validó el anexo",
    ),
    ("12/2022. Acción: la UTSI instaló los equipos", "log_update", "la UTSI instaló los equipos"),
    ("el 05/2023 tiene esto: el IME confirmó la sede", "log_update", "el IME confirmó la sede"),
    ("La DEOE entregó el plan, súbelo al 03/2023 como avance", "log_update", "La DEOE entregó el plan"),
    # Codes said with a two-digit year after a dash or after the word "compromiso".
    ("anota en el 9-22: la DEA pagó los pasajes", "log_update", "la DEA pagó los pasajes"),
    ("en el compromiso 6 del 23 la CAI invitó a los observadores", "log_update", "la CAI invitó a los observadores"),
    # A status change's note after a semicolon, even when it speaks of "la lista".
    (
        "Pon el 04/2023 en proceso; la DERFE ya armó la lista de enlaces",
        "set_status",
        "la DERFE ya armó la lista de enlaces",
    ),
    # Subjects asked in more shapes; an area inside one does not make it a list; an order to its pronoun ends it.
    ("any update on the observers report?", "status", "observers report"),
    ("how is the observers report going?", "status", "observers report"),
    ("what happened to the outreach video?", "status", "outreach video"),
    ("¿hay novedades del padrón de observadores?", "status", "padrón de observadores"),
    ("¿cuándo vence lo del anexo INE-SRE?", "status", "anexo INE-SRE"),
    ("¿qué plazo tiene el compromiso de la visita con la CAI?", "status", "visita con la CAI"),
    ("la fecha del padrón de observadores muévela al 20 de marzo", "set_due", "padrón de observadores"),
    # A new commitment's deadline given as a field of its own is not its text (said in the sentence, it is).
    ("nuevo compromiso para la DEA — cotizar los pasajes — fecha límite 3 de marzo", "create", "cotizar los pasajes"),
    ("new commitment for CAI: invite the observers (deadline: March 9)", "create", "invite the observers"),
    ("nuevo compromiso para la UTSI: probar los equipos. Plazo: el jueves", "create", "probar los equipos"),
    (
        "nuevo compromiso para la UTSI: probar los equipos, vence el jueves",
        "create",
        "probar los equipos, vence el jueves",
    ),  # A note said before its code, however the code is tacked on; a forwarded mail's note is in its body.
    ("Just noting that the DEA paid the tickets (re 08/2022)", "log_update", "the DEA paid the tickets"),
    ("Se mandó el oficio a la SRE (compromiso 5/2023)", "log_update", "Se mandó el oficio a la SRE"),
    ("la DJ revisó el anexo, va en el 03/2023", "log_update", "la DJ revisó el anexo"),
    ("Update: the IME booked the venue. Code 07/2023.", "log_update", "the IME booked the venue"),
    (
        "RE: Compromiso 09/2022 - visas\n\nBuenas tardes, el consulado confirmó las citas para los funcionarios."
        "\n\nSaludos",
        "log_update",
        "el consulado confirmó las citas para los funcionarios.",
    ),
    ("compromiso 8 2022: la UTSI terminó la instalación", "log_update", "la UTSI terminó la instalación"),
    # A change asked as a question, or ordered after one, is a change; its subject loses the chatter around it.
    ("Can you mark 06/2023 as done? The report was delivered.", "set_status", "The report was delivered."),
    ("Hey, el padrón de observadores ya no está en proceso, márcalo atendido", "set_status", "padrón de observadores"),
    ("al del anexo técnico ponle fecha límite el 3 de marzo", "set_due", "anexo técnico"),
    ("para la compra de equipos la fecha queda al 10 de marzo", "set_due", "compra de equipos"),
    ("who is in charge of the outreach video?", "status", "outreach video"),
    # A new commitment's owner and deadline given as fields before its colon, or said with "para" + what to do.
    ("new commitment for DEA, due March 3: buy the laptops", "create", "buy the laptops"),
    ("Crea un compromiso a cargo de la CAI para invitar a los observadores", "create", "invitar a los observadores"),
    # blind10's shapes, in our words: labels, lead-ins and sign-offs around a note.
    ("Al 02/2023 anotar: la DEA liberó los viáticos", "log_update", "la DEA liberó los viáticos"),
    (
        "En el 05/2023 la CAI envió las invitaciones. Se registra como avance.",
        "log_update",
        "la CAI envió las invitaciones",
    ),
    (
        "Hola a todos.\n\nLes informo que, respecto al compromiso 03/2023, la UTSI concluyó las pruebas.\n\n"
        "Sin más por el momento, quedo a sus órdenes.\nIng. Marta Gil",
        "log_update",
        "la UTSI concluyó las pruebas",
    ),
    (
        "RE: 07/2023\n\nBuenas, solo para que quede registrado: la SRE respondió el oficio.",
        "log_update",
        "la SRE respondió el oficio.",
    ),
    # Subjects ending before a dash, "que quede", a past verb; after "el de las", "extiende el plazo del".
    ("Tell me about the observers report commitment — is it late?", "status", "observers report"),
    ("El de la guía de capacitación que quede para el 7 de marzo", "set_due", "guía de capacitación"),
    ("the outreach video slipped, new due date March 20", "set_due", "outreach video"),
    ("extiende el plazo del padrón de observadores al 31 de marzo", "set_due", "padrón de observadores"),
    # A status said of a subject, or a change to it after a colon.
    ("the outreach video one is done", "set_status", "outreach video"),
    ("padrón de observadores: cambiar a en proceso", "set_status", "padrón de observadores"),
    # A whole change of a named commitment is read (and asked), never dropped as chatter.
    ("la guía de capacitación ahora es para el 3 de marzo", "set_due", "guía de capacitación"),
    # blind11's shapes, in our words.
    ("¿Qué ha pasado con el padrón de observadores?", "status", "padrón de observadores"),
    ("ya quedó el anexo técnico o todavía no?", "status", "anexo técnico"),
    ("el 06/2023 avanzó: la CAI ya mandó las invitaciones", "log_update", "la CAI ya mandó las invitaciones"),
    ("el 02/2023 lleva avance: la DEA pagó los boletos", "log_update", "la DEA pagó los boletos"),
    ("08/2022: la SRE contestó el oficio, pa que lo anotes", "log_update", "la SRE contestó el oficio"),
    ("Hi bot, can you log on 04/2023 that the IME sent the list? thanks", "log_update", "the IME sent the list"),
    ("el anexo técnico ya se firmó!! márcalo como atendido", "set_status", "anexo técnico"),
    ("can we move the observers report deadline to March 3?", "set_due", "observers report"),
    ("la entrega del anexo se pasa al 6 de marzo, cambia la fecha", "set_due", "entrega del anexo"),
    # blind12's shapes, in our words.
    ("Who owns the observers report item and when is it due?", "status", "observers report"),
    ("La DEA ya pagó los boletos. Es del 02/2023, ponlo ahí", "log_update", "La DEA ya pagó los boletos"),
    ("La CAI invitó a los observadores. (comp. 06/2023)", "log_update", "La CAI invitó a los observadores"),
    ("nota de voz: en el 14 2022 la SRE mandó el anexo", "log_update", "la SRE mandó el anexo"),
    (
        "08/2022: la UTSI terminó las pruebas. Favor de dejar registro. Saludos",
        "log_update",
        "la UTSI terminó las pruebas",
    ),
    ("pon el 05/2023 en proceso porque la DEA ya liberó el pago", "set_status", "la DEA ya liberó el pago"),
    ("Can you set the observers one back to in progress?", "set_status", "observers"),
    ("márcame como atendido el padrón de observadores", "set_status", "padrón de observadores"),
    ("El anexo técnico ahora tiene como fecha límite el 3 de marzo", "set_due", "anexo técnico"),
    ("push the observers report to March 9", "set_due", "observers report"),
    ("lo del anexo dale hasta el 10 de marzo", "set_due", "anexo"),
    ("the anexo one is now due March 8", "set_due", "anexo"),
    ("agrega compromiso a la CAI para invitar a los observadores", "create", "invitar a los observadores"),
    ("Nuevo compromiso para la DEA: pagar los boletos. Fecha: 3 de marzo.", "create", "pagar los boletos"),
    # blind13's shapes, in our words.
    ("¿me ayudas con el estatus del padrón de observadores?", "status", "padrón de observadores"),
    ("is the observers report ready?", "status", "observers report"),
    ("para el 06/2023 porfa anota: la CAI confirmó la sede", "log_update", "la CAI confirmó la sede"),
    (
        "RE: compromiso 07/2023\n\nEstimados, para su registro: la DEA pagó los boletos.\n\nAtte.\nLic. Ana Gil",
        "log_update",
        "la DEA pagó los boletos.",
    ),
    ("Put the observers report back to in progress", "set_status", "observers report"),
    ("estatus del 05/2023: En proceso (falta la firma de la SRE)", "set_status", "falta la firma de la SRE"),
    ("the anexo técnico should be due on the 3rd of March, pls update", "set_due", "anexo técnico"),
    # blind14's shapes, in our words.
    ("Les comento que para el 05/2023 la DEA pagó los boletos, quedo atento", "log_update", "la DEA pagó los boletos"),
    (
        "sobre el 06/2023 les platico que la CAI ya invitó a los observadores",
        "log_update",
        "la CAI ya invitó a los observadores",
    ),
    ("respecto al 07/2023 se les informa que la SRE firmó el anexo", "log_update", "la SRE firmó el anexo"),
    ("Para el 08/2022 registra por favor: la UTSI cerró las pruebas", "log_update", "la UTSI cerró las pruebas"),
    ("09/2022: el IME mandó la lista. Porfa anótenlo en el seguimiento.", "log_update", "el IME mandó la lista"),
    ("regresa el 02/2023 a pendiente xq falta la firma de la SRE", "set_status", "falta la firma de la SRE"),
    ("El 03/2023 ya se atendió: la DEA entregó el informe.", "set_status", "la DEA entregó el informe."),
    (
        "El 04/2023 puede darse por atendido, ya concluyeron las pruebas de la UTSI.",
        "set_status",
        "ya concluyeron las pruebas de la UTSI.",
    ),
    ("el padrón de observadores pasa a en proceso", "set_status", "padrón de observadores"),
    ("nueva fecha límite para el anexo técnico: 20 de marzo", "set_due", "anexo técnico"),
    ("Reschedule the observers report commitment to March 9", "set_due", "observers report"),
    # blind15's shapes, in our words.
    ("¿Qué plazo tiene el padrón de observadores?", "status", "padrón de observadores"),
    ("muévele el plazo al anexo técnico para el 20 de marzo", "set_due", "anexo técnico"),
    ("Se amplía el plazo del padrón de observadores al 24 de marzo", "set_due", "padrón de observadores"),
    (
        "The IME sent the final list, all good. Put that on 06/2023 pls",
        "log_update",
        "The IME sent the final list, all good",
    ),  # blind16's shapes, in our words.
    ("Can you close 06/2023? The site is live since Monday.", "set_status", "The site is live since Monday."),
    ("Ponle en proceso al padrón de observadores", "set_status", "padrón de observadores"),
    ("El anexo técnico debe presentarse a más tardar el 9 de marzo, actualiza la fecha", "set_due", "anexo técnico"),
    (
        "Salió un compromiso nuevo para la CAI: invitar a los observadores antes del 9 de marzo. ¿Lo das de alta?",
        "create",
        "invitar a los observadores antes del 9 de marzo",
    ),
    ("nuevo compromiso DEA: pagar los boletos, fecha: 10/03/2023", "create", "pagar los boletos"),
    (
        "Please create one for CAI: invite the observers. No deadline yet.",
        "create",
        "invite the observers",
    ),  # blind17's shapes, in our words.
    ("Dime por favor cómo va el anexo con la SRE, me lo pide el consejero", "status", "anexo con la SRE"),
    (
        "06/2023 quick update: the IME booked the venue this morning",
        "log_update",
        "the IME booked the venue this morning",
    ),
    ("push the observers report deadline to March 9", "set_due", "observers report"),
    # a user's review: a greeting to whoever it names is no reason for a status.
    ("Hey bot, el 06/2023 ya quedó done, thanks!", "set_status", None),
    ("Buenas tardes equipo, el 06/2023 ya está atendido, saludos", "set_status", None),
    ("Hola Ana, el 06/2023 ya está atendido: la CAI firmó el convenio", "set_status", "la CAI firmó el convenio"),
]


@pytest.mark.parametrize(("text", "intent", "words"), CASES, ids=[c[0][:50] for c in CASES])
def test_where_the_words_begin_and_end(text, intent, words):
    r = parse(text, NOW, CATALOG)
    assert (r.intent, norm_text(r.text)) == (intent, norm_text(words))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("¿qué compromisos de la DEOE ya se atendieron?", dict(status="done", area="DEOE")),
        ("los de la DEA que siguen pendientes, no los que ya están en proceso", dict(status="open", area="DEA")),
        ("list the overdue ones, I want to call people before Friday", dict(overdue=True, date=None)),
        ("¿qué le toca entregar al Registro?", dict(area="DERFE")),
        ("the DEA ones with status pending, not the in progress ones", dict(status="pending", area="DEA")),
        ("los de la UTSI que aún no estén cumplidos", dict(status="open", area="UTSI")),
        ("what do the OPLEs still owe?", dict(status="open", area="OPL")),
        ("los de la DEA que están pendientes o en proceso", dict(status="open", area="DEA")),
        ("which of the UTSI ones have not started yet?", dict(status="pending", area="UTSI")),
        ("los pendientes de la CAI que vencen este mes", dict(status="open", area="CAI", date="2023-02-28")),
        ("¿qué cambió este mes?", dict(date=None)),
        ("what's left for the CAI", dict(status="open", area="CAI")),
        ("cuáles de la DEA están en pendiente", dict(status="pending", area="DEA")),
        ("list overdue for the Registro", dict(overdue=True, area="DERFE")),
        ("¿qué vence antes del viernes?", dict(status=None, date="2023-02-17")),
        ("what does Legal owe before March 10?", dict(area="DJ", date="2023-03-10")),
        (
            "Compromisos con vencimiento hasta el 3 de marzo de Comunicación Social",
            dict(area="CNCS", date="2023-03-03"),
        ),
        ("los que ya cerró la CAI", dict(status="done", area="CAI")),
        ("¿qué falta por atender antes del 3 de marzo?", dict(status="open", date="2023-03-03")),
        ("show in-progress items due before March 3", dict(status="in_progress", date="2023-03-03")),
        ("Overdue items for Consular Services?", dict(overdue=True, area="DGSC")),
        ("open items for the Foreign Ministry", dict(status="open", area="SRE")),
    ],
)
def test_list_filters(text, expected):
    r = parse(text, NOW, CATALOG).contract()
    assert r["intent"] == "list"
    assert {k: r[k] for k in expected} == expected


def test_next_weekday_in_english_said_the_day_before_is_next_weeks():
    r = parse("push 04/2023 to next Tuesday", NOW, CATALOG)
    assert (r.date.isoformat(), [d.isoformat() for d in r.alternatives]) == ("2023-02-21", ["2023-02-14"])


def test_a_question_about_no_commitment_is_not_a_status_question():
    assert parse("¿me mandas el link de la junta de las 5?", NOW, CATALOG).intent == "unknown"


def test_a_new_commitment_s_fields_before_its_colon_give_its_owner_and_deadline():
    r = parse("Create (DEA, due 2023-03-03): buy the laptops", NOW, CATALOG).contract()
    assert (r["area"], r["date"], norm_text(r["text"])) == ("DEA", "2023-03-03", "buy the laptops")
    r = parse("Compromiso nuevo p/ CAI: invitar a observadores con cifras al 1 de marzo", NOW, CATALOG).contract()
    assert (r["area"], r["date"]) == ("CAI", None)  # figures as of a day: no deadline


def test_a_day_month_first_and_a_period_without_a_list():
    assert parse("pls push 05/2023 to 3/28", NOW, CATALOG).contract()["date"] == "2023-03-28"
    assert parse("is there a session planned this month?", NOW, CATALOG).intent == "next_session"
    assert parse("how's the weather this week?", NOW, CATALOG).intent == "unknown"


def test_the_status_said_is_the_status_set_and_new_commitments_in_other_words():
    assert parse("Mark the observers report as pending", NOW, CATALOG).status == "pending"
    for text, area in (
        ("Add a new one for CAI: invite the observers", "CAI"),
        ("New action item for DEA: buy the laptops", "DEA"),
        ("Favor de dar de alta el siguiente compromiso a cargo de la CAI: revisar la agenda con la SRE.", "CAI"),
    ):
        r = parse(text, NOW, CATALOG)
        assert (r.intent, r.area) == ("create", area), text


def test_a_count_is_no_day_and_time_until_the_session_is_no_list():
    r = parse("new commitment for DEOE: ship the kits to the 4 consulates by March 10", NOW, CATALOG).contract()
    assert r["date"] == "2023-03-10"
    assert parse("¿Cuánto falta para la próxima sesión? Debo cerrar la carpeta", NOW, CATALOG).intent == "next_session"
    r = parse("De la reunión de hoy sale compromiso para la CAI: invitar a los observadores", NOW, CATALOG)
    assert (r.intent, r.area) == ("create", "CAI")


def test_a_day_of_a_month_and_a_request_for_news_in_other_words():
    assert parse("can we make 05/2023 due on the 3rd of March?", NOW, CATALOG).contract()["date"] == "2023-03-03"
    r = parse("Buenas tardes.\n\nLes solicito informar el avance del compromiso 03/2023.\n\nSaludos", NOW, CATALOG)
    assert r.intent == "status"


def test_blind13_shapes_of_lists_and_new_commitments_in_other_words():
    r = parse("lo que ya se atendió de la Coordinación de Asuntos Internacionales", NOW, CATALOG).contract()
    assert (r["intent"], r["status"], r["area"]) == ("list", "done", "CAI")
    r = parse("Para el 9 de marzo, crea un compromiso de la DEA: pagar los boletos", NOW, CATALOG).contract()
    assert (r["intent"], r["area"], r["date"]) == ("create", "DEA", "2023-03-09")


def test_a_spelled_code_and_a_future_short_year_are_read_as_what_they_are():
    """blind16's two writes made unasked and wrongly, in our words: a code dictated in words, and a day written
    month-first that looked like a code of a year to come."""
    r = parse("el compromiso ocho de 2023 vence el 10 de marzo, corrígelo porfa", NOW, CATALOG).contract()
    assert (r["intent"], r["code"], r["date"]) == ("set_due", "08/2023", "2023-03-10")
    assert parse("avance compromiso once de dos mil veintidos la DEA pagó", NOW, CATALOG).code == "11/2022"
    r = parse("Add a commitment for CAI: invite the observers, due 3/29", NOW, CATALOG).contract()
    assert (r["code"], r["area"], r["date"]) == (None, "CAI", "2023-03-29")  # only month-first is a day
    assert parse("¿Cómo va el 14/22?", NOW, CATALOG).code == "14/2022"  # a year gone by is still a code


def test_thanks_after_a_question_still_ask_it():
    r = parse("Buenas, ¿quién es el responsable del 05/2023? Gracias", NOW, CATALOG)
    assert (r.intent, r.code) == ("status", "05/2023")


def test_what_falls_due_next_week_runs_to_its_friday():
    assert parse("¿qué vence la próxima semana?", NOW, CATALOG).contract()["date"] == "2023-02-24"
    assert parse("anything due before next week?", NOW, CATALOG).contract()["date"] == "2023-02-20"


def test_a_range_of_days_is_not_a_code():
    assert parse("del 10-20 de marzo hubo reuniones en el 14/2022", NOW, CATALOG).code == "14/2022"


def test_a_new_commitment_for_an_institution_is_owned_by_it():
    r = parse("Hoy salió un compromiso nuevo para la SRE: enviar el calendario de visitas", NOW, CATALOG)
    assert (r.intent, r.area, r.text) == ("create", "SRE", "enviar el calendario de visitas")
