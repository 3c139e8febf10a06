/**
 * INSTANCIA sample of seed 002: the ZESAI inter-institutional table, first half of 2020, with the
 * attendance MATRIX as the technical secretariat keeps it.
 *
 * Transcription notes:
 * - Matrix: one row per seat as the report writes it (names joined by "/" are the people who
 *   alternate in the seat), one column per meeting date (8 Jan, 12 Feb, 11 and 19 Mar, 13 and 20 May,
 *   10 Jun 2020), marks written as the report writes them (the day number: "08", "12", …) and the
 *   trailing `Total sesiones`. The report's "Cargo" column holds the people; their dependency goes to
 *   `Cargo` in `Integrantes`. "Geovanna Moreno Patricia Mugno" is written with the "/" the other
 *   rows use; "José David Riveros N." with the surname the report's signature gives.
 * - The row "Alcaldías Locales de Santafé y Los Mártires" is split into one row per local mayoralty
 *   (one entity each), reading "/" as the separator of the two pairs, in the order of the heading.
 * - Roles with the report's abbreviations (S, I, IP, O) in `Integrantes`. Gabriel Burbano (Seguridad)
 *   has no role in the report: he is left out of `Integrantes`, so the import records him as an
 *   attendee with role OTRO.
 * - Session types: the report says "ordinarias realizadas / programadas: 6/5" and "extraordinarias
 *   0/2", but also lists seven meeting dates and says two extraordinary meetings were held. Like the
 *   calculation tests of this seed, the sample keeps the report's figure of six ordinary sessions and
 *   takes 19 March 2020 as the other one (EXTRAORDINARIA); the report does not say which date it was.
 *   Programacion: 5 ordinary and 2 extraordinary sessions for semester 1 of 2020.
 * - Funciones: the report marks the day numbers of the sessions ("13 y 20"); the sheet takes session
 *   numbers (sessions 1..7 in date order).
 * - The instance code `ZESAI` is the table's own acronym; the Secretaría Distrital de Gobierno holds
 *   the technical secretariat (Decreto 126 de 2007, which also holds the internal rules).
 */
import { InstanceKind, SessionType } from '../../../src/domain/enums';
import { BOGOTA_ENTITIES, entitiesOf } from './entities.sample';
import { FunctionSample, InstanciaSample, MatrixRowSample, MemberSample, SessionSample } from './sample.types';

export const ZESAI_CODE = 'ZESAI';

/** Meeting dates of the matrix columns, in order: sessions 1..7 of 2020. */
export const ZESAI_DATES: readonly string[] = [
  '2020-01-08',
  '2020-02-12',
  '2020-03-11',
  '2020-03-19',
  '2020-05-13',
  '2020-05-20',
  '2020-06-10',
];
const EXTRAORDINARY = '2020-03-19';

const ALL = ['08', '12', '11', '19', '13', '20', '10'] as const;
/** The marks of a row: the report's day numbers at the given columns (1-based session numbers). */
const marks = (...sessions: number[]): (string | null)[] => ALL.map((day, i) => (sessions.includes(i + 1) ? day : null));
const row = (name: string, entityCode: string, sessions: number[]): MatrixRowSample => ({
  name,
  entityCode,
  marks: marks(...sessions),
  total: sessions.length,
});

const EVERY = [1, 2, 3, 4, 5, 6, 7];

export const ZESAI_MATRIX: readonly MatrixRowSample[] = [
  row('José David Riveros Namen', 'BOG-SDG', []),
  row('Ana Dunia Pinzón B.', 'BOG-SDG', EVERY),
  row('Margarita Velásquez', 'BOG-SDG', [4, 5, 6, 7]),
  row('Carlos Pedraza – Carlos Arenas', 'BOG-AL-SANTAFE', [5, 7]),
  row('Carlos Cifuentes – Luz Marina Porras', 'BOG-AL-MARTIRES', [5, 7]),
  row('Olga Díaz / Janeth Zamora', 'BOG-SDP', [2, 4, 5, 6]),
  row('Charlotte Callejas / Paola Gómez', 'BOG-SDS', [2, 4, 5, 6, 7]),
  row('Geovanna Moreno / Patricia Mugno', 'BOG-SDIS', EVERY),
  row('Edith Camargo / Susana Torres', 'BOG-SDHT', [6, 7]),
  row('Edwar Hernández / Yanira Espinosa / Clara López García', 'BOG-SDMUJER', EVERY),
  row('Gabriel Burbano', 'BOG-SDSCJ', [5, 6, 7]),
  row('Carmen Marciales / Marcela Salas', 'CO-DEFENSORIA', EVERY),
  row('Blanca Suárez / María Helena Villamil', 'BOG-PERSONERIA', EVERY),
];

const MEMBERS: readonly MemberSample[] = [
  { name: 'José David Riveros Namen', position: 'Subsecretario para la Gobernabilidad y Garantía de Derechos', entityCode: 'BOG-SDG', role: 'S' },
  { name: 'Ana Dunia Pinzón B.', position: 'Subsecretaría para la Gobernabilidad y Garantía de Derechos', entityCode: 'BOG-SDG', role: 'S' },
  { name: 'Margarita Velásquez', position: 'Profesional, Dirección de Derechos Humanos', entityCode: 'BOG-SDG', role: 'I' },
  { name: 'Carlos Pedraza – Carlos Arenas', entityCode: 'BOG-AL-SANTAFE', role: 'O' },
  { name: 'Carlos Cifuentes – Luz Marina Porras', entityCode: 'BOG-AL-MARTIRES', role: 'O' },
  { name: 'Olga Díaz / Janeth Zamora', position: 'Dirección de Diversidad Sexual', entityCode: 'BOG-SDP', role: 'I' },
  {
    name: 'Charlotte Callejas / Paola Gómez',
    position: 'Subdirección de Gestión y Evaluación de Políticas Públicas en Salud',
    entityCode: 'BOG-SDS',
    role: 'I',
  },
  { name: 'Geovanna Moreno / Patricia Mugno', position: 'Dirección Poblacional', entityCode: 'BOG-SDIS', role: 'I' },
  { name: 'Edith Camargo / Susana Torres', entityCode: 'BOG-SDHT', role: 'O' },
  {
    name: 'Edwar Hernández / Yanira Espinosa / Clara López García',
    position: 'Dirección de Derechos y Diseño de Política',
    entityCode: 'BOG-SDMUJER',
    role: 'IP',
  },
  { name: 'Carmen Marciales / Marcela Salas', entityCode: 'CO-DEFENSORIA', role: 'IP' },
  { name: 'Blanca Suárez / María Helena Villamil', entityCode: 'BOG-PERSONERIA', role: 'IP' },
];

const SESSIONS: readonly SessionSample[] = ZESAI_DATES.map((date, i) => ({
  number: i + 1,
  year: 2020,
  type: date === EXTRAORDINARY ? SessionType.EXTRAORDINARIA : SessionType.ORDINARIA,
  date,
}));

/** FUNCIONES GENERALES (Decreto 126 de 2007) with the sessions of 2020 that addressed them. */
const FUNCTION_ROWS: readonly (readonly [text: string, sessions: readonly number[]])[] = [
  [
    'Articular la acción del Distrito Capital, dentro del marco de las competencias institucionales, para el diseño, formulación, implementación y evaluación de la política pública distrital respecto del manejo integral, control y seguimiento de los servicios de alto impacto ligados a la prostitución y actividades afines.',
    [5, 6],
  ],
  [
    'Coordinar las actuaciones de las diferentes organismos y entidades integrantes de la Mesa, en apoyo a la delimitación, modificación, actualización y reglamentación de las Zonas Especiales de Servicios de Alto Impacto en el Distrito Capital.',
    EVERY,
  ],
  [
    'Presentar propuestas de diseño de los Planes de Acción para cada zona, según las competencias de cada organismo o entidad distrital vinculada a la Mesa.',
    [],
  ],
  ['Coordinar la formulación, implementación y evaluación de dichos planes.', []],
  [
    'Realizar seguimientos y análisis permanentes a las gestiones efectuadas por cada entidad, que tengan que ver con la materia de qué trata este Decreto.',
    EVERY,
  ],
  [
    'Articular la actuación de los organismos y entidades del Distrito Capital frente a las alternativas adoptadas para el reordenamiento de los usos de alto impacto que orienten las acciones y actuaciones urbanísticas tendientes a la relocalización de los servicios de alto impacto referidos a la prostitución y actividades afines, en áreas permitidas por la norma, garantizando el respeto de las normas alusivas a las incompatibilidades de estas actividades con otros usos.',
    [],
  ],
  [
    'Elaborar y presentar propuestas y recomendaciones a la Administración Distrital, cuando se estime la pertinencia y conveniencia de efectuar revisiones o modificaciones de la norma vigente en la materia.',
    [5, 6],
  ],
  [
    'Apoyar a las alcaldías locales a fin de fomentar la participación y el control ciudadano respecto de los impactos culturales, sociales y de salubridad relativos al ejercicio de la prostitución y actividades afines, mediante los mecanismos pertinentes.',
    [7],
  ],
  [
    'Coordinar la evaluación de las propuestas de ordenamiento y normatividad de los servicios de alto impacto referidos a la prostitución y actividades afines, para que se armonicen con las disposiciones de los diferentes planes maestros adoptados para Bogotá D.C.',
    [],
  ],
  [
    'Orientar las iniciativas de los organismos y entidades que adelanten actuaciones relacionadas con la prostitución y actividades afines, con el fin de que se establezca una coordinación interinstitucional de las decisiones que se adopten en esta materia.',
    EVERY,
  ],
];
const FUNCTIONS: readonly FunctionSample[] = FUNCTION_ROWS.map(([text, sessions], i) => ({ number: i + 1, text, year: 2020, sessions }));

export const ZESAI_2020_S1: InstanciaSample = {
  instance: {
    code: ZESAI_CODE,
    name: 'Mesa Interinstitucional para el manejo y control de los servicios de alto impacto referidos a la prostitución y actividades afines en el Distrito Capital - ZESAI',
    kind: InstanceKind.MESA,
    legalBasis: 'Decreto 126 de 2007',
    internalRules: 'Decreto 126 de 2007',
    secretariatEntityCode: 'BOG-SDG',
    territory: 'Bogotá D.C.',
  },
  entities: entitiesOf(BOGOTA_ENTITIES, [...new Set(ZESAI_MATRIX.map((r) => r.entityCode))]),
  members: MEMBERS,
  sessions: SESSIONS,
  attendance: { layout: 'MATRIX', sessionDates: ZESAI_DATES, rows: ZESAI_MATRIX },
  schedule: [
    { year: 2020, semester: 1, type: SessionType.ORDINARIA, programmed: 5 },
    { year: 2020, semester: 1, type: SessionType.EXTRAORDINARIA, programmed: 2 },
  ],
  functions: FUNCTIONS,
};
