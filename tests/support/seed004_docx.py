"""Seed 004 (the follow-up report on the INE–SRE meetings) as the secretariat keeps it in Word.

The wording is the seed's, typos included; text the seed's PDF split across a page break is put back
together. Inline markup in the strings below: ``**bold**``, ``*italic*``, ``<https://…>`` a hyperlink.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

HEADERS_1 = (
    "Fecha y modalidad",
    "Asistentes",
    "Relación de compromisos",
    "Estatus de los compromisos y acciones desarrolladas",
)
HEADERS_2 = (
    "Fecha y modalidad",
    "Asistentes",
    "Objetivo de la reunión y relación de compromisos más relevantes",
    "Estatus y acciones desarrolladas",
)
TITLE = (
    "Reuniones entre la Secretaría de Relaciones Exteriores (SRE) y el Instituto Nacional Electoral (INE), a fin de "
    "conocer los avances en materia del programa piloto de voto presencial en el extranjero y el seguimiento a los "
    "compromisos de trabajo acordados en estas reuniones"
)
OPENING = (
    "El 30 de enero de 2023 se llevó a cabo la Primera Sesión Extraordinaria de la Comisión del Voto de las Mexicanas "
    "y los Mexicanos Residentes en el Extranjero (COVE), de la que derivó el compromiso número **01/2023**, relativo "
    "a **entregar una nota informativa del avance puntual sobre el estatus y desarrollo de cada una de las tareas que "
    "se encuentran pendientes de atención, mismas que se refirieron en el compromiso 14/2022, a fin de identificar "
    "las razones por las que se encuentran en proceso de atención.**",
    "Por lo anterior, y en el marco de la implementación del *Modelo de operación del programa piloto del Voto de las "
    "Mexicanas y los Mexicanos Residentes en el Extranjero en modalidad presencial en Módulos Receptores de Votación "
    "en el extranjero, para los Procesos Electorales Locales 2022-2023*, a continuación, se presentan **únicamente "
    "las reuniones celebradas entre el Instituto Nacional Electoral (INE) y la Secretaría de Relaciones Exteriores "
    "(SRE) con compromisos que se encontraban en proceso o pendientes de atención**, de los cuales también se señalan "
    "su estatus actual y las actividades desarrolladas para dar seguimiento a los mismos.",
)
ADDITIONALLY = (
    "Adicionalmente, y a fin de continuar reportando **los temas y acuerdos derivados de las reuniones entre la "
    "Secretaría de Relaciones Exteriores (SRE) y el Instituto Nacional Electoral (INE), a fin de conocer los avances "
    "en materia del programa piloto de voto presencial en Módulos Receptores de Votación (MRE) en el extranjero**, de "
    "acuerdo con el compromiso **14/2022**, se informa lo siguiente:"
)
_MODEL = (
    "Modelo de operación del programa piloto del Voto de las Mexicanas y los Mexicanos Residentes en el Extranjero "
    "en modalidad presencial en Módulos Receptores de Votación en el extranjero, para los Procesos Electorales "
    "Locales 2022-2023"
)
_PLAN_DUE = (
    'No se omite señalar que de acuerdo con el numeral 2.2, último párrafo, del "' + _MODEL + '", aprobado por el '
    "Consejo General del INE mediante Acuerdo INE/CG241/2022, este plan debe ser presentado ante la COVE en mayo de "
    "2023."
)


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    previous: str | None  # as written after "Estatus previo:"
    status: str  # the bold status word
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Meeting:
    when: tuple[str, ...]  # the paragraphs of the "Fecha y modalidad" cell
    attendees: tuple[str, ...]
    items: tuple[Item, ...]


MEETINGS = (
    Meeting(
        ("19 de mayo de 2022", "Virtual"),
        ("INE", "SRE (IME y DGSC)"),
        (
            Item(
                1,
                "Llevar a cabo reunión con las áreas administrativas tanto de la Cancillería como del INE, para "
                "conocer los alcances administrativos, y posteriormente llevar a cabo una reunión con los consulados "
                "involucrados.",
                "en proceso",
                "Atendido",
                (
                    "El pasado 18 de enero de 2023 se llevó a cabo una reunión de trabajo virtual entre el INE y la "
                    "SRE.",
                    "Esta reunión estuvo presidida, por parte del INE, por la presidencia de la COVE, y por parte de "
                    "la SRE, por el titular del Instituto de los Mexicanos en el Exterior (IME).",
                    "De la misma manera, en esta reunión participaron, entre otras y otros funcionarios, la Lic. "
                    "Martha Catalina Reynoso Casas, Directora de Recursos Financieros de la Dirección Ejecutiva de "
                    "Administración (DEA) del INE; así como los enlaces administrativos de las cuatro sedes consulares "
                    "de Dallas, Chicago, Los Angeles y Montreal, de la SRE.",
                ),
            ),
        ),
    ),
    Meeting(
        ("9 de agosto de 2022", "Virtual"),
        ("INE", "SRE (IME DGSC Representantes de los consulados de México en Los Angeles, Dallas, Chicago y Montreal)"),
        (
            Item(
                1,
                "Celebrar reuniones de seguimiento y retroalimentación entre todos los participantes en el Programa "
                "Piloto del Voto Presencial para coordinar el trabajo conjunto y atender oportunamente los asuntos que "
                "se presenten.",
                "en proceso",
                "Atendido",
                (
                    "Se informa que el pasado 18 de enero se llevó a cabo una reunión de trabajo virtual entre el INE "
                    "y la SRE, en la que estuvieron presentes las distintas áreas involucradas de cada institución, "
                    "con el objetivo de revisar el avance en las solicitudes de registro para votar desde el "
                    "extranjero, los instrumentos de colaboración a celebrar entre ambas instituciones para la "
                    "operación del programa piloto, los requerimientos técnicos y operativos, así como visitas para "
                    "revisión de los mismos y pruebas, y aspectos relacionados con el visado de funcionariado y "
                    "representantes de partidos políticos que acudirán a las sedes consulares el día de la jornada.",
                    "Cabe señalar que se continuarán celebrando las reuniones que resulten necesarias para dar "
                    "seguimiento y coordinar los trabajos para el adecuado desarrollo del programa piloto de voto "
                    "presencial, y atender con oportunidad cualquier aspecto relacionado.",
                ),
            ),
            Item(
                2,
                "Conjuntamente INE y SRE, realizar un análisis de costos de todos los aspectos operativos, de "
                "infraestructura, recurso humano, seguimiento y otros, que se derivan de este proceso.",
                "en proceso",
                "Atendido",
                (
                    "Se informa que, de manera conjunta con personal del INE y de la SRE, se han llevado a cabo los "
                    "análisis correspondientes costos de los aspectos operativos, de infraestructura, recurso humano, "
                    "seguimiento y otros, que se derivan de la implementación del voto presencial.",
                ),
            ),
            Item(
                3,
                "En las reuniones de seguimiento, abordar lo relacionado con el avance en el registro y la promoción "
                "del voto.",
                "en proceso",
                "Atendido",
                (
                    "Durante cada sesión se ha presentado el avance en las solicitudes de inscripción a la Lista "
                    "Nominal de Electores Residentes en el Extranjero (LNERE), así como los aspectos más relevantes "
                    "sobre la promoción del VMRE.",
                    "Estos avances se continuarán abordado en las reuniones subsecuentes de seguimiento.",
                ),
            ),
            Item(
                4,
                "Diseñar de manera conjunta, INE y SRE, un plan de riesgos.",
                "pendiente",
                "En proceso",
                (
                    "Actualmente, este plan se encuentra en construcción, por lo que una vez se cuente con una primera "
                    "propuesta, se estará haciendo llegar a las áreas del INE involucradas para su retroalimentación "
                    "y, posteriormente, a la SRE y Consulados para sus aportaciones.",
                    _PLAN_DUE.replace("señalar que de", "señalar que, de"),
                ),
            ),
        ),
    ),
    Meeting(
        ("8 de septiembre de 2022", "Virtual"),
        ("INE", "SRE (IME)"),
        (
            Item(
                1,
                "Trabajar en conjunto INE y sedes consulares, los requerimientos técnicos para la implementación del "
                "modelo.",
                "en proceso",
                "Atendido",
                (
                    "Se informa que, de manera conjunta con personal del INE y de la SRE, se han llevado a cabo los "
                    "análisis correspondientes a los requerimientos técnicos, a efecto de que puedan ser atendidos por "
                    "ambas instituciones.",
                ),
            ),
            Item(
                2,
                "Involucrar a las áreas jurídicas del INE y la SRE, para el diseño del plan de riesgos.",
                "pendiente",
                "En proceso",
                (
                    "Actualmente, este plan se encuentra en construcción, por lo que una vez se cuente con una primera "
                    "propuesta, se estará haciendo llegar a las áreas del INE involucradas, entre ellas a la Dirección "
                    "Jurídica, para su retroalimentación y, posteriormente, a la SRE, incluyendo a la Dirección "
                    "General de Asuntos Jurídicos y la Consultoría Jurídica, así como a los consulados, para su "
                    "retroalimentación.",
                    _PLAN_DUE,
                ),
            ),
            Item(
                3,
                "En consonancia con el punto anterior, por parte del IME, revisar con su área jurídica cómo "
                "implementar una ruta de acción en caso de incidente dentro de los MRV, es decir, el mecanismo de "
                "seguridad más factible dentro del consulado, como parte del plan de riesgos.",
                "pendiente",
                "En proceso",
                (
                    "Actualmente, este plan se encuentra en construcción, por lo que una vez se cuente con una primera "
                    "propuesta, se estará haciendo llegar a las áreas del INE involucradas para su retroalimentación "
                    "y, posteriormente, a la SRE, incluyendo a la Dirección General de Asuntos Jurídicos y la "
                    "Consultoría Jurídica, para sus aportaciones, considerando los incidentes que puedan presentarse "
                    "dentro de los Módulos Receptores de Votación (MRV), y la propuesta de mecanismo para su atención.",
                    _PLAN_DUE,
                ),
            ),
            Item(
                4,
                "Por parte del INE, consultar con el área competente en el INE y demás instituciones correspondientes "
                "sobre los mecanismos para atender posibles actos de proselitismo en el extranjero y así estar en "
                "condiciones de informar a las sedes consulares.",
                "en proceso",
                "En proceso",
                (
                    "A fin de atender este compromiso, el pasado 27 de enero se llevó a cabo una reunión de trabajo "
                    "entre la Dirección Ejecutiva de Capacitación Electoral y Educación Cívica (DECEYEC), la Dirección "
                    "Ejecutiva de Organización Electoral (DEOE) y la DERFE, a fin de revisar el mecanismo que deberán "
                    "atender las personas funcionarias de los MRV ante posibles actos, entre otros, de proselitismo. "
                    "En ese sentido, la DECEYEC se encuentra en la elaboración de materiales que prevén las "
                    "situaciones que pueden ocurrir en los MRV y la recomendación de actuación a las personas "
                    "funcionarias de dichos Módulos, mismos que se estarán utilizando para la capacitación de los "
                    "funcionarios y del propio personal del INE y de los Consulados que participen el día de la "
                    "jornada electoral.",
                    "Adicionalmente, se realizó una consulta a la Dirección Jurídica del INE mediante oficio "
                    "INE/DERFE/0132/2023, a fin de informar sobre el mecanismo a seguir ante eventuales actos de "
                    "proselitismo.",
                    "De la misma manera, está en gestión una reunión con la Fiscalía Especializada en materia de "
                    "Delitos Electorales (FISEL) para abordar el tema.",
                    "En ese sentido, una vez se cuente con los insumos, se estará informando a las sedes consulares al "
                    "respecto.",
                ),
            ),
        ),
    ),
    Meeting(
        ("20 de octubre de 2022", "Virtual"),
        ("INE SRE (IME)",),
        (
            Item(
                1,
                "Por parte del IME, dar seguimiento con las embajadas de México en Estados Unidos y Canadá, sobre las "
                "gestiones ante los Departamentos de Estado de estos países.",
                "en proceso",
                "Atendido",
                (
                    "El IME, a través de la Jefatura de Unidad de América del Norte, solicitó información a los "
                    "Departamentos de Estado de Estados Unidos y de Canadá, sobre los aspectos que deben atenderse "
                    "para el desarrollo de la jornada electoral en las sedes consulares respectivas, mismos que "
                    "señalaron lo siguiente:",
                    "En el caso de **Estados Unidos**, se informó que no es necesario realizar ninguna gestión "
                    "adicional ante el Departamento de Estado debido a que la estancia del funcionario del INE será "
                    "menor a 90 días. Al respecto, únicamente es necesario que, el funcionario del INE cuente con un "
                    "visado especial (cuya tramitología iniciará una vez que se encuentre firmado el Convenio entre el "
                    "INE y la SRE).",
                    "En el caso de **Canadá**, se informó que la Embajada de México en Canadá debe formalizar la "
                    "petición para el establecimiento de la casilla en el Consulado General de México en Montreal, a "
                    "través del envío de una *nota verbal* en la que se señale la fecha, sede, horario de la votación "
                    "y persona de contacto en caso de emergencias.",
                    "Por lo que hace al funcionario, se indicó que se deben atender los requisitos necesarios que "
                    "cualquier viajero debe cumplir para ingresar a ese país, entre ellos, contar con la autorización "
                    "electrónica de viaje (eTA).",
                ),
            ),
        ),
    ),
    Meeting(
        ("23 de noviembre de 2022",),
        ("INE (Presidencia de la COVE, DERFE, UTSI)", "SRE (IME y DGSC)"),
        (
            Item(
                1,
                "Por parte del IME, compartir el convenio con la Dirección General de Asuntos Jurídicos de la SRE, "
                "para validación.",
                "en proceso",
                "Atendido",
                (
                    "Se ha informado por parte del IME que el Convenio Específico se encuentra en revisión por parte "
                    "de la Dirección General de Asuntos Jurídicos de la SRE. En breve será remitido a este Instituto "
                    "para la validación respectiva.",
                ),
            ),
            Item(
                2,
                "Por parte del IME proponer fecha para llevar a cabo la firma de convenio y revisar si también "
                "participará en la firma el titular de la DGSC.",
                "pendiente",
                "En proceso",
                (
                    "Se está a la espera de la propuesta de fecha de firma del convenio por parte de la SRE. Una vez "
                    "que se cuente con dicha información se estará poniendo a consideraciones de las autoridades del "
                    "INE para concretar la fecha de suscripción del instrumento de colaboración.",
                    "Por otra parte, se informó por parte del IME que la Dirección General de Servicios Consulares "
                    "estará participando en la firma del convenio de mérito.",
                ),
            ),
            Item(
                3,
                "Por parte del IME, proponer fecha para la reunión virtual con los equipos técnicos; y por parte del "
                "INE elaborar y enviar propuesta de agenda técnica para esta reunión.",
                "en proceso",
                "Atendido",
                (
                    "En fecha 18 de enero se celebró la reunión de trabajo virtual entre el INE y la SRE, en la cual "
                    "participaron los equipos técnicos de ambas instituciones, desahogando aspectos de esta "
                    "naturaleza.",
                ),
            ),
            Item(
                4,
                "Por parte del INE, y en atención a la sugerencia de la SRE, el INE revisará la posibilidad "
                "presupuestal de llevar a cabo visitas presenciales de los equipos técnicos a los consulados para "
                "concretar requerimientos técnicos y operativos.",
                "en proceso",
                "Atendido",
                (
                    "Durante la primera semana de febrero, a través de la DERFE y la UTSI llevaron a cabo visitas "
                    "técnicas a los consulados de Los Angeles, Chicago y Dallas, durante la cual se desahogaron temas "
                    "relativos a los requerimientos técnicos, operativos y de costos, y se desarrollaron algunas "
                    "pruebas.",
                    "Cabe señalar que, también se está considerando llevar a cabo una visita técnica al Consulado "
                    "General de México en Montreal, para los mismos efectos.",
                ),
            ),
        ),
    ),
)

JANUARY = Meeting(
    ("18 de enero de 2023 Virtual",),
    (
        "INE (Presidencia de la COVE, DERFE, DJ, DECEYEC, DEA)",
        "SRE (IME y DGSC, Dirección General de Asuntos Jurídicos, Consultoría Jurídica, las sedes consulares de "
        "Dallas, Chicago, Los Angeles y Montreal)",
    ),
    (
        Item(
            1,
            "El INE enviará la proyección estimada de cuántas ciudadanas y ciudadanos podrían llegar el día de la "
            "jornada electoral a ejercer el voto de manera presencial, de acuerdo con la tendencia de registros a la "
            "LNERE de estos Procesos Electorales Locales y el comportamiento del electorado en otras elecciones con "
            "voto desde el extranjero.",
            None,
            "Atendido",
            (
                "Mediante comunicación electrónica enviada al IME en fecha 8 de febrero, se envió nota ejecutiva con "
                "la proyección estimada.",
            ),
        ),
        Item(
            2,
            "El INE compartirá nuevamente la liga del sistema de registro para votar en el extranjero y del tablero de "
            "información para consultar el avance en la recepción de las solicitudes de registro.",
            None,
            "Atendido",
            (
                "Mediante comunicación electrónica enviada al IME el pasado 23 de enero, se hizo llegar la liga al "
                "Sistema de Registro para Votar desde el Extranjero (<https://votoextranjero.ine.mx>), así como "
                "material digital dirigida a la ciudadanía mexicana residente en el extranjero que informa sobre cómo "
                "llevar a cabo el registro a la LNERE.",
            ),
        ),
        Item(
            3,
            "El IME se compromete a tener una versión de convenio y del acuerdo de traspaso de recursos ya con las "
            "observaciones del jurídico de la SRE para la próxima semana, y a proporcionar una propuesta de fecha de "
            "celebración de dicho convenio.",
            None,
            "En proceso",
            (
                "Se ha informado por parte del IME que el Convenio Específico se encuentran en revisión por parte de "
                "la Dirección General de Asuntos Jurídicos de la SRE. En breve serán remitido a este Instituto para la "
                "validación respectiva. De la misma manera, se continúa en la revisión de los requerimientos técnicos "
                "y su atención por parte de las instituciones.",
                "En este sentido, se está a la espera de la propuesta de fecha de firma del convenio por parte de la "
                "SRE. Una vez que contemos con esta información se estará poniendo a consideración de las autoridades "
                "del INE para concretar la fecha de suscripción del instrumento de colaboración.",
            ),
        ),
        Item(
            4,
            "El INE trabajará en un protocolo de actuación ante cualquier riesgo o eventualidad para que se pueda "
            "revisar con la SRE y ver las necesidades específicas de cada consulado para el día de la jornada "
            "electoral.",
            None,
            "En proceso",
            (
                "Actualmente, este plan se encuentra en construcción, por lo que una vez se cuente con una primera "
                "propuesta, se estará haciendo llegar a las áreas del INE involucradas para su retroalimentación y, "
                "posteriormente, a la SRE y Consulados para sus aportaciones.",
                _PLAN_DUE.replace("señalar que de", "señalar que, de").replace(f'"{_MODEL}"', f"“{_MODEL}”"),
            ),
        ),
        Item(
            5,
            "El INE enviará la agenda para las visitas técnicas a los consulados, y explorará la posibilidad de "
            "extender la visita también al consulado de Montreal.",
            None,
            "Atendido",
            (
                "La agenda para las visitas técnicas se hizo llegar al IME mediante comunicación electrónica del 23 de "
                "enero.",
                "Además, cabe señalar que, durante la primera semana de febrero, a través de la DERFE y la UTSI "
                "llevaron a cabo visitas técnicas a los consulados de Los Angeles, Chicago y Dallas, durante la cual "
                "se desahogaron temas relativos a los requerimientos técnicos, operativos y de costos, y se "
                "desarrollaron algunas pruebas.",
                "Adicionalmente, se está considerando llevar a cabo una visita técnica al Consulado General de México "
                "en Montreal, para los mismos efectos.",
            ),
        ),
        Item(
            6,
            "El INE enviará la información necesaria sobre el procedimiento para que la ciudadanía residente que esté "
            "en el extranjero pueda ser observador(a) electoral y lo necesario para acreditarse como visitante "
            "extranjero.",
            None,
            "Atendido",
            (
                "Mediante comunicación electrónica enviada al IME el pasado 23 de enero, se hizo llegar la información "
                "sobre el procedimiento para que la ciudadanía residente en el extranjero pueda ser observador(a) "
                "electoral y lo necesario para acreditarse como visitante extranjero.",
            ),
        ),
        Item(
            7,
            "El IME compartirá con el INE el procedimiento, fechas y la documentación necesaria para en trámite de la "
            "Visa A2, a fin de que el INE pueda integrar la lista del funcionariado del INE y de los partidos "
            "políticos que contarán con este documento para las actividades previas y durante el día de la jornada "
            "electoral.",
            None,
            "Pendiente",
            ("Se continúa en espera de la información.",),
        ),
    ),
)
JANUARY_OBJECTIVE = (
    "Seguimiento a los trabajos de implementación del **Modelo de operación del programa piloto del Voto de las y los "
    "Mexicanos Residentes en el Extranjero en modalidad presencial en Módulos Receptores de Votación en el extranjero, "
    "para los Procesos Electorales Locales 2022-2023**, en el marco del Grupo de trabajo entre el Instituto Nacional "
    "Electoral (INE) y la Secretaría de Relaciones Exteriores (SRE) en materia del Voto de las y los Mexicanos "
    "Residentes en el Extranjero bajo la modalidad presencial."
)
JANUARY_TOPICS = (
    "I. Avance en las solicitudes de registro para votar desde el extranjero.",
    "II. Convenio Específico de Colaboración para la operación del programa piloto del voto de las y los mexicanos "
    "residentes en el extranjero en modalidad presencial en Módulos Receptores de Votación en el extranjero para los "
    "Procesos Electorales Locales 2022-2023.",
    "III. Acuerdo de Traspaso de Recursos Presupuestarios derivado del Convenio Específico de Colaboración.",
    "IV. Visita técnica a Consulados de México en el extranjero involucrados en la implementación del voto presencial "
    "en el extranjero -requerimientos-.",
    "V. Maqueta del Módulo Receptor de Votación -operatividad y ámbito logístico-.",
    "VI. Tipo de visado para funcionarios y representantes de partidos políticos.",
)
_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|<(https?://[^>]+)>")


def build_seed004_docx(path: Path) -> Path:
    """Write seed 004 as a Word file at ``path`` and return the path."""
    doc = Document()
    title = doc.add_paragraph()
    title.add_run(TITLE).bold = True
    for text in OPENING:
        write(doc.add_paragraph(), text)
    table = add_table(doc, HEADERS_1)
    for meeting in MEETINGS:
        add_meeting(table, meeting)
    write(doc.add_paragraph(), ADDITIONALLY)
    table = add_table(doc, HEADERS_2)
    first = table.add_row().cells
    fill(first[0], JANUARY.when)
    fill(first[1], JANUARY.attendees)
    fill(first[2], ("**Objetivos**", JANUARY_OBJECTIVE, "**Temas**", *JANUARY_TOPICS))
    label = table.add_row().cells
    fill(label[0].merge(label[3]), ("**Relación de compromisos**",))
    for item in JANUARY.items:
        _, _, commitment, status = table.add_row().cells
        fill(commitment, (item_text(item),))
        fill(status, (f"**{item.status}**", *item.actions))
    doc.save(str(path))
    return path


def add_table(doc: DocumentObject, headers: tuple[str, ...]) -> Table:
    """A bordered table whose header row Word repeats at the top of every page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        fill(cell, (f"**{header}**",))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def add_meeting(table: Table, meeting: Meeting) -> None:
    """One row per commitment; the date and attendees cells merged down over them."""
    rows = [table.add_row().cells for _ in meeting.items]
    for item, cells in zip(meeting.items, rows, strict=True):
        fill(cells[2], (item_text(item),))
        fill(cells[3], (f"**{item.status}**", *item.actions))
    when, attendees = rows[0][0], rows[0][1]
    if len(rows) > 1:
        when, attendees = when.merge(rows[-1][0]), attendees.merge(rows[-1][1])
    fill(when, meeting.when)
    fill(attendees, meeting.attendees)


def item_text(item: Item) -> str:
    previous = f" **(Estatus previo: {item.previous})**" if item.previous else ""
    return f"{item.number}. {item.text}{previous}"


def fill(cell: _Cell, paragraphs: tuple[str, ...]) -> None:
    """Write paragraphs into a cell, the first into the paragraph every cell already has."""
    for i, text in enumerate(paragraphs):
        write(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), text)


def write(paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to a paragraph as runs, reading the module's inline markup."""
    at = 0
    for match in _MARKUP.finditer(text):
        if match.start() > at:
            paragraph.add_run(text[at : match.start()])
        bold, italic, url = match.groups()
        if url:
            add_hyperlink(paragraph, url)
        else:
            run = paragraph.add_run(bold or italic)
            run.bold, run.italic = bool(bold) or None, bool(italic) or None
        at = match.end()
    if at < len(text):
        paragraph.add_run(text[at:])


def plain(text: str) -> str:
    """The text a reader sees: the markup's words without the markup."""
    return _MARKUP.sub(lambda m: m[1] or m[2] or m[3], text)


def add_hyperlink(paragraph: Paragraph, url: str) -> None:
    """A hyperlink showing its own address (python-docx has no call for it)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
