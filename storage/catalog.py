"""The default area catalog (from the commission's public reports), with the everyday names staff use."""

DEFAULT_AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "DERFE",
        "Dirección Ejecutiva del Registro Federal de Electores",
        ("Registro Federal de Electores", "Registro Federal", "el Registro"),
    ),
    (
        "DECEYEC",
        "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica",
        ("DECEyEC", "Capacitación", "Capacitación Electoral", "Educación Cívica"),
    ),
    ("DEOE", "Dirección Ejecutiva de Organización Electoral", ("Organización Electoral",)),
    ("DEPPP", "Dirección Ejecutiva de Prerrogativas y Partidos Políticos", ("Prerrogativas", "Partidos Políticos")),
    ("DESPEN", "Dirección Ejecutiva del Servicio Profesional Electoral Nacional", ("Servicio Profesional Electoral",)),
    ("DEA", "Dirección Ejecutiva de Administración", ("Administración",)),
    ("DJ", "Dirección Jurídica", ("Jurídico", "Legal")),
    ("UTSI", "Unidad Técnica de Servicios de Informática", ("UNICOM", "Informática", "Servicios de Informática")),
    ("CNCS", "Coordinación Nacional de Comunicación Social", ("Comunicación Social",)),
    ("CAI", "Coordinación de Asuntos Internacionales", ("Asuntos Internacionales",)),
    ("DAC", "Dirección de Atención Ciudadana", ("Atención Ciudadana",)),
    ("SRE", "Secretaría de Relaciones Exteriores", ("Cancillería", "Relaciones Exteriores", "Foreign Ministry")),
    ("IME", "Instituto de los Mexicanos en el Exterior", ("Mexicanos en el Exterior",)),
    ("DGSC", "Dirección General de Servicios Consulares", ("Servicios Consulares", "Consular Services")),
    ("INM", "Instituto Nacional de Migración", ("Migración",)),
    (
        "FISEL",
        "Fiscalía Especializada en materia de Delitos Electorales",
        ("FEPADE", "Fiscalía", "Delitos Electorales"),
    ),
    ("OPL", "Organismo Público Local", ("OPLE",)),
    ("INE", "Instituto Nacional Electoral", ()),
    ("DGAJ", "Dirección General de Asuntos Jurídicos de la SRE", ("Asuntos Jurídicos",)),
)

# Areas that belong to another area of the catalog, an institution: asking what the SRE owes means the SRE's
# own items and those of its IME, its consular and its legal directorates; asking what the INE owes, those of
# every directorate, unit and coordination of the institute.
PART_OF: dict[str, str] = {
    "IME": "SRE",
    "DGSC": "SRE",
    "DGAJ": "SRE",
    **dict.fromkeys(("DERFE", "DECEYEC", "DEOE", "DEPPP", "DESPEN", "DEA", "DJ", "UTSI", "CNCS", "CAI", "DAC"), "INE"),
}
