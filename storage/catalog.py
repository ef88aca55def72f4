"""The default area catalog (from the commission's public reports)."""

DEFAULT_AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("DERFE", "Dirección Ejecutiva del Registro Federal de Electores", ("Registro Federal de Electores",)),
    ("DECEYEC", "Dirección Ejecutiva de Capacitación Electoral y Educación Cívica", ("DECEyEC",)),
    ("DEOE", "Dirección Ejecutiva de Organización Electoral", ()),
    ("DEPPP", "Dirección Ejecutiva de Prerrogativas y Partidos Políticos", ()),
    ("DESPEN", "Dirección Ejecutiva del Servicio Profesional Electoral Nacional", ()),
    ("DEA", "Dirección Ejecutiva de Administración", ()),
    ("DJ", "Dirección Jurídica", ()),
    ("UTSI", "Unidad Técnica de Servicios de Informática", ("UNICOM",)),
    ("CNCS", "Coordinación Nacional de Comunicación Social", ()),
    ("CAI", "Coordinación de Asuntos Internacionales", ()),
    ("DAC", "Dirección de Atención Ciudadana", ()),
    ("SRE", "Secretaría de Relaciones Exteriores", ("Cancillería",)),
    ("IME", "Instituto de los Mexicanos en el Exterior", ()),
    ("DGSC", "Dirección General de Servicios Consulares", ()),
    ("INM", "Instituto Nacional de Migración", ()),
    ("FISEL", "Fiscalía Especializada en materia de Delitos Electorales", ("FEPADE",)),
    ("OPL", "Organismo Público Local", ("OPLE",)),
)
