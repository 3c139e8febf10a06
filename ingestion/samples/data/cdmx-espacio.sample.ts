/**
 * INSTANCIA sample of seed 003: the 23rd working meeting (11 September 2018) of Mexico City's
 * participation space on the rights of victims of trafficking, which reviewed the half-year reports
 * of the prioritised strategies 516, 517, 518 and 520 of the PDHCDMX (pdh-cdmx-plan.sample.ts).
 *
 * Transcription notes:
 * - Session number 23 of 2018 ("23ª reunión de trabajo"); the minutes give no session type: taken as
 *   ORDINARIA. The agenda items summarise the minutes' "puntos sobresalientes". The next meeting the
 *   operative agreements fix (Thursday 27 September, 10:00 to 13:00) is session 24, PROGRAMADA.
 * - Integrantes: the attendees the minutes list ("instancias ejecutoras" and civil society) and the
 *   coordinator of the space, who signs the minutes, as technical secretariat (Secretaría Ejecutiva
 *   of the programme's follow-up mechanism). Names as written ("Rosa maría" capitalised).
 * - Retroalimentacion: one row per meta and executing body, with the report (INFORME), feedback
 *   (Retroalimentación) and observations of the minutes' table; HTML tags removed, long reports
 *   shortened where marked "…". Meta 516.2 has no report of its own: only the feedback on
 *   localisation.
 * - Compromisos: the two "acuerdos operativos" and the Secretaría de Gobierno's undertaking to bring
 *   information to the next meeting, all due on that meeting (27 September 2018); the responsible
 *   entity is the one each agreement names (the coordination for the next session's agenda). The
 *   instance code is invented.
 */
import { InstanceKind, MembershipRole, SessionModality, SessionStatus, SessionType } from '../../../src/domain/enums';
import { CDMX_ENTITIES } from './entities.sample';
import { PDH_CDMX_POLICY_CODE } from './pdh-cdmx-plan.sample';
import { InstanciaSample, ReviewSample } from './sample.types';

export const CDMX_ESPACIO_CODE = 'EP-TRATA-CDMX';
const NEXT_MEETING = '2018-09-27';

const ATTENDEES: readonly [name: string, entityCode: string][] = [
  ['Juan Carlos Martínez', 'CDMX-SIPINNA'],
  ['Ana Gladys Orta Moreno', 'CDMX-SIPINNA'],
  ['Brigido Pireyro', 'CDMX-DIF'],
  ['María del Refugio Martínez', 'CDMX-TSJ'],
  ['Adriana Flores', 'CDMX-PGJ'],
  ['Rocío Areli de la Rosa', 'CDMX-SEDESO'],
  ['Rosa María Torillo', 'CDMX-SECGOB'],
  ['Cintia Ixchel Arroyo Romero', 'CDMX-FORJANDO'],
];
const COORDINATOR = { name: 'Angélica Olivares Ocaranza', entityCode: 'CDMX-SE' } as const;

const review = (productCode: string, fields: Omit<ReviewSample, 'sessionNumber' | 'sessionYear' | 'policyCode' | 'productCode'>): ReviewSample => ({
  sessionNumber: 23,
  sessionYear: 2018,
  policyCode: PDH_CDMX_POLICY_CODE,
  productCode,
  ...fields,
});

const REVIEWS: readonly ReviewSample[] = [
  review('516.1', {
    report:
      'Se proporcionó capacitación a 35 personas adscritas a la Secretaría de Seguridad Pública de la Ciudad de México, se realizó capacitación a un total de 10 servidores y servidoras públicas de la Secretaría de Turismo y 6 ciudadanas. Se llevó a cabo capacitación a 9 personas de distintas dependencias que integran el Comité de Alerta Amber Ciudad de México. En diferentes fechas se llevó a cabo capacitación a un total de 79 personas servidoras públicas pertenecientes a la Procuraduría de Protección de niñas, niños y adolescentes así como del DIF.',
    feedback:
      'Lo que se reporta no coincide con las metas e indicadores que se solicita. Capacitar a servidores públicos suma a la estrategia para realizar una adecuada ruta de atención en investigación de casos denunciados de personas desaparecidas, pero eso por sí solo no da cumplimiento de la estrategia. Se necesita informar sobre el número de denuncias atendidas y el número de personas encontradas a partir de esas denuncias (señalando si las denuncias se hicieron desde las alertas Amber y plateada) para con ello dar razón de las metas y los indicadores que señala la estrategia. Las acciones de capacitación pueden estar enmarcadas en la estrategia 520, meta 520.2. Las acciones sí se están realizando, por lo que se recomienda reportar adecuadamente para que se visibilice el trabajo que están realizando las dependencias.',
    observations:
      'PGJ solicita que las recomendaciones de la SE sean más claras respecto a los criterios que debe contener el informe, por ejemplo: si lo que da cumplimiento a la estrategia son porcentajes, que eso se solicite. Además se pide incluir la orientación y retroalimentación surgida en los EP en el informe que se les envía a las dependencias para nutrir y poder hacer uso de ambas recomendaciones.',
  }),
  review('516.2', {
    feedback:
      'Sociedad civil cuestiona que la localización de las personas debería enfatizar en ser localizadas vivas. Sin embargo se señala que el objetivo de la meta es localizarlas sin definir más.',
  }),
  review('516.3', {
    report:
      'SEDESO: implementa el Sistema Alerta Social que contribuye a localizar a habitantes y animales de la CDMX en caso de extravío, así como apoyarlas en caso de emergencia. Consiste en la entrega de una placa que contiene los números telefónicos de LOCATEL y el Consejo Ciudadano, así como un folio de identificación. Este Sistema es transformación de lo que era Alerta Plateada, ya que desde 2016 no importa la edad de la persona para ser incorporada y desde 2017 se incorpora la vertiente denominada SAS Mascota.',
    feedback:
      'Se recomienda omitir que también incluye búsqueda de animales. Es necesario se reporten datos duros para conocer si se está cumpliendo con lo que mandata el indicador. En lo referente a la difusión es necesario se dé cuenta de si se está realizando una campaña o qué acción, los objetivos, en qué consiste, en qué medios se difunde, con qué periodicidad, entre otros. Y los porcentajes de denuncias y personas localizadas. Sería necesario saber cuántas personas saben ya sobre las alertas Amber y plateada a partir de su campaña de difusión.',
    observations:
      'SEDESO menciona que sería oportuno convocar a las áreas indicadas de cada instancia, ya que en SEDESO, quien lleva las cifras relacionadas con la meta, es el área de participación ciudadana y no DGIDS que es quien acude al espacio.',
  }),
  review('517', {
    report:
      '1.- El Agente del Ministerio Público, en coordinación con la Policía de Investigación, la Coordinación General de Servicios Periciales y la Secretaría de Seguridad Pública de la Ciudad de México, realizó de manera sorpresiva 81 operativos en los lugares de explotación. 2.- Se detuvieron en flagrancia a 22 personas por el delito de trata de personas. 3.- Se rescataron a 45 víctimas de los lugares de explotación. 4.- Se aseguraron 9 inmuebles. 5.- Se vincularon a proceso a 10 imputados por el delito de trata de personas.',
    feedback:
      'Para esta estrategia se reportan datos duros, lo que permite conocer si se está realizando un avance en el cumplimiento de la meta. El Espacio señala que no hay correspondencia entre la meta y el indicador, lo que puede afectar respecto a los datos que se informan y al cumplimiento de ésta. Se cuestiona que las personas vinculadas a proceso no significa que sean personas a las que ya se le haya imputado el delito y que estén pagando pena por el delito, lo cual debería ser el fin último de la estrategia.',
  }),
  review('518', {
    report:
      'En coordinación con la Universidad Nacional Autónoma de México, se capacitaron a personas servidoras públicas adscritas a la Fiscalía Central de Investigación para la Atención de la Trata de Personas, a través de un Diplomado impartido por la Facultad de Economía. De igual manera se difunde el tríptico y el cartel denominado ¿Sabes que es la trata de personas?',
    feedback:
      'La capacitación que se reporta, por sí sola no da cumplimiento a la meta; no se señala el tema y objetivos de la capacitación ni impacto y personas beneficiadas. Es necesario incluir en el reporte los datos de las personas con las que se difundió el tríptico, en qué lugares se realizó la difusión, así como el contenido del tríptico. El informe de la difusión también debe contener los medios y la temporalidad. Es necesario integrar datos estadísticos que den cuenta de la meta de la estrategia.',
    observations:
      'Ante la carencia de los probatorios que PGJ adjuntó al reporte es imposible conocer si la difusión del tríptico cumple o no con los criterios de la estrategia. La coordinación del Espacio plantea que es necesario que quien acuda a las reuniones posea la mayor información posible respecto a las acciones que se reportaron en el informe.',
  }),
  review('520.1', {
    report: 'No reportó',
    feedback:
      'Es necesario que la CI empiece a realizar acciones en torno a esta estrategia, ya que es la que debe orientar las actividades que dan cumplimiento a las metas de ésta. De acuerdo con la tabla programática es necesario que la CI establezca el grupo de trabajo que acompañará las acciones mandatadas en esta estrategia.',
    observations:
      'Quien acude al Espacio de Secretaría de Gobierno es nueva, por lo que adolece de información al respecto pero se compromete a traer información relacionada para la próxima reunión.',
  }),
  review('520.2', {
    report:
      'Se impartió el "Taller de técnicas y acompañamiento judicial de niñas, niños y adolescentes" (CECOFAM, Trabajo Social y Evaluación e Intervención Psicológica para Apoyo Judicial: 20 horas, del 18 al 29 de septiembre de 2017) y una segunda réplica para la Unidad de Medidas Cautelares y Suspensión Condicional del Proceso (del 9 al 20 de octubre de 2017). El Instituto de Estudios Judiciales, con la OIM, gestionó la asistencia de una Consejera, un Magistrado y un Juez al "Taller de Entrevistas y Preparación de un Testimonio de Víctima de Alto Riesgo dentro del Juicio Oral" …',
    feedback:
      'A través de los talleres se sensibiliza a las personas servidoras públicas sobre el tema de trata mejorando su trabajo y la impartición de justicia.',
    observations: 'TSJ menciona que es difícil sensibilizar a altos mandos debido a su agenda, siendo indispensable llegar a ellos.',
  }),
  review('520.3', {
    report:
      'Durante el periodo de enero a junio de 2018, se capacitó a 609 personas servidoras públicas en temas relacionados con la trata de personas y otras formas de explotación: La importancia del respeto a los Derechos Humanos de las partes en el Proceso Penal Acusatorio (552), El interés superior de las Niñas, Niños y Adolescentes en la procuración de justicia (48) y El Delito de Trata de Personas en México (9).',
    observations:
      'PGJ refiere que no es una instancia de impartición de justicia por lo que no le correspondería realizar la estrategia, pero aun así reportan lo que hacen sobre capacitación en la materia. Se le instruye que puede enviar oficio donde dé cuenta de lo anterior.',
  }),
];

export const CDMX_ESPACIO_2018: InstanciaSample = {
  instance: {
    code: CDMX_ESPACIO_CODE,
    name: 'Espacio de Participación Derechos de las Personas Víctimas de Trata y Formas de Explotación',
    kind: InstanceKind.ESPACIO_PARTICIPACION,
    secretariatEntityCode: 'CDMX-SE',
    territory: 'Ciudad de México',
  },
  entities: CDMX_ENTITIES,
  members: [
    { ...COORDINATOR, position: 'Coordinadora del Espacio de Participación', role: MembershipRole.SECRETARIA_TECNICA },
    ...ATTENDEES.map(([name, entityCode]) => ({ name, entityCode, role: MembershipRole.INTEGRANTE })),
  ],
  sessions: [
    {
      number: 23,
      year: 2018,
      type: SessionType.ORDINARIA,
      modality: SessionModality.PRESENCIAL,
      date: '2018-09-11',
      startTime: '10:00',
      place: 'Instalaciones de la Secretaría Ejecutiva. Calle General Prim #4, col. Centro, Delegación Cuauhtémoc',
      agenda: [
        'Contexto de la nueva coordinación del Espacio y actividades pendientes (documental y cartilla sobre trata de personas)',
        'Proyección del documental en las UAPVIF (SEDESO)',
        'Retroalimentación y orientación a la implementación de las estrategias priorizadas 516, 517, 518 y 520 del PDHCDMX',
        'Acuerdos operativos',
      ],
    },
    {
      number: 24,
      year: 2018,
      type: SessionType.ORDINARIA,
      modality: SessionModality.PRESENCIAL,
      date: NEXT_MEETING,
      startTime: '10:00',
      endTime: '13:00',
      status: SessionStatus.PROGRAMADA,
      agenda: ['Retroalimentación de las estrategias 523, 524 y 526', 'Trabajo en la cartilla sobre trata de personas'],
    },
  ],
  attendance: {
    layout: 'LIST',
    rows: [
      { sessionNumber: 23, sessionYear: 2018, ...COORDINATOR, attended: true, observations: 'Coordina el Espacio; firma la minuta' },
      ...ATTENDEES.map(([name, entityCode]) => ({ sessionNumber: 23, sessionYear: 2018, name, entityCode, attended: true })),
    ],
  },
  commitments: [
    {
      sessionNumber: 23,
      sessionYear: 2018,
      text: 'La siguiente sesión será el jueves 27 de septiembre, de 10:00 a 13:00 horas: de 10:00 a 12:00 se retroalimentarán las estrategias 523, 524 y 526 y de 12:00 a 13:00 se trabajará en relación con la cartilla sobre trata de personas.',
      responsibleEntityCode: 'CDMX-SE',
      dueDate: NEXT_MEETING,
    },
    {
      sessionNumber: 23,
      sessionYear: 2018,
      text: 'Se retomará la estrategia 520 abonando la información que traiga la Comisión Interinstitucional.',
      responsibleEntityCode: 'CDMX-CI',
      dueDate: NEXT_MEETING,
    },
    {
      sessionNumber: 23,
      sessionYear: 2018,
      text: 'Traer a la próxima reunión información relacionada con la estrategia 520 (Secretaría de Gobierno).',
      responsibleEntityCode: 'CDMX-SECGOB',
      dueDate: NEXT_MEETING,
    },
  ],
  reviews: REVIEWS,
};

export const CDMX_ATTENDEE_COUNT = ATTENDEES.length + 1;
