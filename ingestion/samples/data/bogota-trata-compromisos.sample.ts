/**
 * Seed 000, point 3 of the acta ("Proyección de Acciones 2021"): the committee's 2021 action plan by
 * axis (eje), recorded as commitments of acta No. 4 de 2020. Each commitment reads
 * "<Eje>: <acción propuesta>. <compromisos específicos>", as the acta writes them (obvious typos
 * fixed: "bimnesual", "trasnporte", "barerras", "Secretará").
 *
 * Due dates: the acta gives a month ("Febrero 2021"), taken as the month's last day; for two months
 * ("Mayo y septiembre 2021") the later one. Rows whose "fecha probable de entrega" is not a date
 * ("Permanente", "Mensualmente…", "Dos informes semestrales") have no due date and keep that text
 * in the commitment. Responsible entity: the one the acta names first; none when the acta assigns
 * the commitment to "todas las entidades" or to a committee table (mesa).
 */
import { CommitmentSample } from './sample.types';

type Row = readonly [eje: string, action: string, commitment: string | null, entity: string | null, due: string | null, when?: string];

const ROWS: readonly Row[] = [
  [
    'Coordinación y sostenibilidad',
    'Citación de las mesas de asistencia y protección, prevención e investigación y judicialización una vez al mes y del Comité directivo de manera bimensual',
    'Secretarías técnicas de cada una de las mesas realizar las citaciones, proponer las agendas y realizar seguimiento a los compromisos',
    null,
    null,
    'Reunión comité distrital y técnico bimensual: febrero, abril, junio, agosto, octubre y diciembre; reuniones mensuales de mesas técnicas',
  ],
  [
    'Coordinación y sostenibilidad',
    'Realización de informes de seguimiento interinstitucionales para tener evidencias de las acciones que han hecho diferentes entidades en el marco de la ruta de asistencia y protección para el restablecimiento de derechos de las víctimas',
    'Todas las entidades que hayan tenido que ver en el restablecimiento de derechos de las víctimas deberán aportar a la construcción de un informe de soporte de las acciones realizadas, incluyendo barreras en la atención y buenas prácticas',
    null,
    null,
    'Dos informes semestrales; informes mensuales de avances en atención a las PVTP',
  ],
  [
    'Coordinación y sostenibilidad',
    'Construcción del plan de acción de manera conjunta y no solamente basado en las acciones aisladas que realicen los diferentes sectores',
    'Esta acción deberá ser liderada por la Secretaría Distrital de Gobierno como secretaría técnica, pero todas las entidades que hagan parte de la instancia deberán realizar sus respectivos aportes',
    'BOG-SDG',
    '2021-02-28',
  ],
  [
    'Coordinación y sostenibilidad',
    'Articulación con entidades del orden nacional, organismos de cooperación internacional y organizaciones de la sociedad civil',
    null,
    null,
    '2021-04-30',
  ],
  [
    'Prevención',
    'Socializaciones dirigidas a instituciones educativas y actores de la sociedad civil, relacionadas con las modalidades y modus operandi de las bandas delincuenciales trasnacionales',
    'Dos socializaciones trimestrales, dirigidas a prevenir el delito de trata de personas',
    null,
    null,
    'Sensibilizaciones trimestrales – total de 4',
  ],
  [
    'Prevención',
    'Diseño de la campaña «Tu indiferencia cierra el trato» con base en los aportes realizados por las entidades. Unificación de una sola campaña comunicativa sobre trata de personas',
    'Desde la Secretaría Distrital de Gobierno, como secretaría técnica del Comité, se deberá garantizar la realización del material propuesto',
    'BOG-SDG',
    '2021-06-30',
  ],
  [
    'Prevención',
    'Procesos de fortalecimiento de capacidades dirigidos a servidores y servidoras coordinados por organizaciones internacionales, academia u organizaciones de la sociedad civil',
    'Generar dos espacios de fortalecimiento de capacidades: mayo y septiembre 2021',
    null,
    '2021-09-30',
  ],
  [
    'Prevención',
    'Diseñar procesos de sensibilización dirigidos a la ciudadanía teniendo en cuenta las particularidades poblacionales y los factores de riesgo (caja de herramientas)',
    'Entidades que hacen parte de la mesa de prevención deberán aportar a la construcción de las herramientas necesarias para generar procesos de sensibilización con la ciudadanía',
    null,
    '2021-03-31',
  ],
  [
    'Prevención',
    'Implementar acciones locales y territoriales que den respuesta a la Alerta Temprana 046 de la Defensoría del Pueblo con base en el encuentro de experiencias realizado el 27 de noviembre',
    'Entidades miembro de la mesa de prevención contando con el liderazgo de la Secretaría Distrital de Gobierno, Secretaría de Educación Distrital y Secretaría Distrital de la Mujer',
    'BOG-SDG',
    null,
    'Dos acciones territoriales en localidades alerta 046',
  ],
  [
    'Prevención',
    'Diseño e implementación conjunta de actividades de impacto territorial en los puntos identificados desde la Secretaría de Seguridad en sus mapas de calor',
    'Adelantar una actividad de impacto territorial trimestralmente en los territorios priorizados por Secretaría de Seguridad - Mesa de prevención',
    null,
    null,
    'Desarrollar cuatro actividades de impacto territorial en zonas priorizadas',
  ],
  [
    'Prevención',
    'Ampliar participantes en la mesa de prevención',
    'Es importante que en esta mesa participe Secretaría de Seguridad, Policía Metropolitana y Fiscalía General de la Nación',
    null,
    '2021-02-28',
  ],
  [
    'Prevención',
    'Consolidar la creación del micrositio, continuar con la actualización de lineamientos pedagógicos, poner en marcha la campaña de prevención y fortalecer los encuentros interlocales del Pacto Interlocal por la eliminación de la Trata de personas',
    'Mesa de Prevención',
    null,
    '2021-02-28',
  ],
  [
    'Asistencia y protección',
    'Recepción, asistencia y entrega de posibles víctimas a las instituciones encargadas de brindar la asistencia debida',
    '100% de los casos presentados',
    null,
    null,
    'Permanente',
  ],
  [
    'Asistencia y protección',
    'Asistencia inmediata: continuar fortaleciendo la ruta de asistencia y protección en los componentes de recibimiento, transporte, acompañamiento, alojamiento, asistencia material, valoración médica y psicológica, orientación jurídica y documentación',
    'Desde la secretaría técnica de la mesa de asistencia y protección se deberán realizar las gestiones necesarias que permitan fortalecer estos componentes de la ruta de atención',
    null,
    '2021-02-28',
  ],
  [
    'Asistencia y protección',
    'Caracterización y construcción proyecto de vida de las PVTP',
    'Es necesario que desde SDG se afiancen las herramientas que posibiliten una mejor caracterización de las PVTP, así como la construcción de su proyecto de vida',
    'BOG-SDG',
    null,
    'Permanente – según demanda',
  ],
  [
    'Asistencia y protección',
    'Vinculación aseguramiento salud - atenciones salud física y mental',
    'Continuar las articulaciones con el sector salud que faciliten este proceso teniendo en cuenta las situaciones particulares de cada víctima (migrantes irregulares); potencializar la atención en salud mental a partir del apoyo recibido desde Cruz Roja y OIM',
    'BOG-SDS',
    '2021-04-30',
  ],
  [
    'Asistencia y protección',
    'Educación',
    'Se recibirá por parte de Secretaría de Educación documento que permita identificar las barreras que se presentan para el restablecimiento de derechos de las PVTP',
    'BOG-SED',
    '2021-03-31',
  ],
  ['Asistencia y protección', 'Formación para el trabajo y generación de ingresos', 'Identificación perfil PVTP - SDG', 'BOG-SDG', null, 'Permanente'],
  [
    'Asistencia y protección',
    'Formación para el trabajo y generación de ingresos',
    'Articulación con empresarios privados con objeto de gestionar cupos de vinculación laboral - Agencia Pública de Empleo',
    'CO-SENA',
    '2021-03-31',
  ],
  [
    'Asistencia y protección',
    'Formación para el trabajo y generación de ingresos',
    'Cualificar perfil ocupacional de las PVTP: formación a la medida, cursos cortos, formación para el trabajo - Agencia Pública de Empleo',
    'CO-SENA',
    null,
    'Permanente – según demanda',
  ],
  [
    'Asistencia y protección',
    'Formación para el trabajo y generación de ingresos',
    'Apoyo en formulación e implementación iniciativas productivas - Agencia Pública de Empleo',
    'CO-SENA',
    '2021-02-28',
  ],
  [
    'Asistencia y protección',
    'Formación para el trabajo y generación de ingresos',
    'Donación capital semilla iniciativas productivas – Cruz Roja',
    'CO-CRUZROJA',
    '2021-01-31',
  ],
  [
    'Investigación y judicialización',
    'Creación del protocolo de la mesa de investigación y judicialización como directriz de actuación para las entidades que hacen parte del Comité',
    'Secretaría técnica de la mesa de investigación y judicialización deberá encargarse de la construcción del protocolo',
    null,
    '2021-02-28',
  ],
  [
    'Investigación y judicialización',
    'Fortalecimiento de los mecanismos para acceso a la justicia de las víctimas de trata de personas, evitando realizar acciones con daño y garantizando la debida diligencia y el deber de denuncia',
    'Fiscalía General de la Nación, Policía y Ministerio Público deberán asegurar que el acceso a la justicia para las víctimas se haga desde el enfoque de derechos humanos',
    'CO-FGN',
    '2021-03-31',
  ],
  [
    'Investigación y judicialización',
    'Fortalecer los mecanismos de protección para las víctimas que decidan cooperar con el proceso de investigación',
    'Fiscalía General de la Nación y Ministerio Público deberán asegurar celeridad en la asignación de protección para las víctimas de trata de personas que hayan decidido colaborar con la justicia',
    'CO-FGN',
    '2021-03-31',
  ],
  [
    'Investigación y judicialización',
    'Promover la denuncia',
    'Se fijarán estrategias para incentivar la denuncia en los focos de búsqueda activa',
    null,
    '2021-03-31',
  ],
  [
    'Investigación y judicialización',
    'Realizar seguimiento a los casos de posible trata de personas reportados por la Secretaría Distrital de Gobierno y demás entidades distritales',
    'Presentar y hacer seguimiento de cada caso de posible trata de personas en la mesa técnica de investigación y judicialización',
    null,
    null,
    'Mensualmente en la mesa de investigación',
  ],
  [
    'Investigación y judicialización',
    'Planear, implementar y hacer seguimiento a las solicitudes de articulación interagencial que se requieran con organismos de seguridad y justicia con el fin de fortalecer la investigación y judicialización del delito de trata de personas',
    'Continuar con el cruce de información de puntos críticos del mapa de calor; diseñar la estrategia de identificación y búsqueda activa de casos; articular con la Fiscalía General de la Nación, policía judicial e inteligencia la verificación de los posibles casos; informar a la mesa técnica los avances y dificultades de la investigación; apoyar la creación del centro de análisis integral del delito',
    null,
    null,
    'Mensualmente en la mesa de investigación',
  ],
  [
    'Gestión y generación del conocimiento',
    'Generación de alianzas con observatorios y consultorios de las universidades para realizar diagnósticos y caracterizaciones de la trata de personas',
    'Todas las entidades miembro del Comité realizarán las gestiones necesarias para acercar a las universidades a los espacios institucionales',
    null,
    '2021-06-30',
  ],
  [
    'Gestión y generación del conocimiento',
    'Creación de micrositio en alguna de las páginas web de las entidades que permita consolidar toda la información existente sobre la trata de personas',
    'Desde la Secretaría Distrital de Gobierno se podría elevar de nuevo la solicitud a las directivas para que allí repose toda la información',
    'BOG-SDG',
    '2021-06-30',
  ],
  [
    'Gestión y generación del conocimiento',
    'Conformación de mesa de generación y gestión del conocimiento tendiente a la conformación del observatorio distrital',
    'Instalación marzo 2021, sesiones trimestrales',
    null,
    '2021-03-31',
  ],
  [
    'Cooperación internacional',
    'Contacto con representaciones diplomáticas extranjeras, con el fin de coordinar procedimientos enfocados al restablecimiento de derechos de los migrantes',
    null,
    null,
    '2021-05-31',
  ],
  [
    'Cooperación internacional',
    'Lograr procesos de articulación, encuentros de saberes, de fortalecimiento conceptual y normativo a nivel Latinoamérica (con apoyo OIM)',
    null,
    'INT-OIM',
    '2021-06-30',
  ],
  [
    'Seguimiento y monitoreo',
    'Informes semestrales sobre las acciones de cada una de las entidades contenidas en el Plan de Acción',
    'Todas las entidades miembro deberán entregar estos informes semestrales a la secretaría técnica del Comité, quien realizará la consolidación y seguimiento al plan de acción',
    'BOG-SDG',
    null,
    'Un informe semestral',
  ],
  [
    'Seguimiento y monitoreo',
    'Elaboración de indicadores de impacto que permitan evaluar la efectividad de las acciones tanto de asistencia como de prevención desarrolladas',
    null,
    null,
    '2021-06-30',
  ],
];

export const BOGOTA_COMMITMENTS_2021: readonly CommitmentSample[] = ROWS.map(([eje, action, commitment, entity, due, when]) => ({
  sessionNumber: 4,
  sessionYear: 2020,
  text: `${eje}: ${action}.${commitment ? ` ${commitment}.` : ''}${when ? ` Fecha probable de entrega: ${when}.` : ''}`,
  ...(entity ? { responsibleEntityCode: entity } : {}),
  ...(due ? { dueDate: due } : {}),
}));
