/** An INSTANCIA workbook modelled on seeds 000 and 002 (ZESAI table, first half of 2020). */
import { RowObject } from './workbook.builder';

export const INSTANCE: RowObject = {
  code: 'ZESAI',
  name: 'Mesa Interinstitucional ZESAI',
  kind: 'Mesa',
  legalBasis: 'Decreto 126 de 2007',
  secretariatEntityCode: '02',
  territory: 'Bogotá D.C.',
};

export const INSTANCE_ENTITIES: RowObject[] = [
  { code: '02', name: 'Secretaría Distrital de Gobierno', sector: 'Gobierno' },
  { code: '05', name: 'Secretaría Distrital de la Mujer', sector: 'Mujeres' },
  { code: '07', name: 'Secretaría Distrital de Salud', sector: 'Salud' },
];

export const MEMBERS: RowObject[] = [
  { name: 'Ana Dunia Pinzón', position: 'Profesional', entityCode: '02', role: 'S' },
  { name: 'Margarita Velásquez', entityCode: '02', role: 'I' },
  { name: 'Charlotte Callejas', entityCode: '07', role: 'Integrante' },
  { name: 'Edwar Hernández', entityCode: '05', role: 'IP' },
  { name: 'Andrés Idárraga', entityCode: '02', role: 'P', from: '2020-01-01' },
];

export const SESSIONS: RowObject[] = [
  { number: 1, year: 2020, type: 'Ordinaria', modality: 'Presencial', date: '2020-01-08', startTime: '8:00 am', endTime: '10:00' },
  { number: 2, year: 2020, type: 'ORDINARIA', date: '12/02/2020' },
  { number: 3, year: 2020, type: 'ORDINARIA', date: { type: 'date', value: '2020-03-11' }, startTime: { type: 'date', value: '14:30' } },
  {
    number: 4,
    year: 2020,
    type: 'extraordinaria',
    modality: 'virtual',
    date: '2020-03-19',
    status: 'Realizada',
    agenda: '1. Verificación del quórum\n2. Balance 2020\n3. Varios',
    minutesLink: 'https://ejemplo.gov.co/acta-4.pdf',
  },
];

export const ATTENDANCE: RowObject[] = [
  { sessionNumber: 1, sessionYear: 2020, name: 'Ana Dunia Pinzón', entityCode: '02', attended: 'Sí' },
  { sessionNumber: 1, sessionYear: 2020, name: 'andres  idarraga', entityCode: '02', attended: 'x', delegated: 'No' },
  { sessionNumber: 1, sessionYear: 2020, name: 'Carlos Pedraza', entityCode: '02', attended: 'S', observations: 'Alcaldía local' },
  { sessionNumber: 2, sessionYear: 2020, name: 'Charlotte Callejas', entityCode: '07', attended: 'No' },
  { sessionNumber: 2, sessionYear: 2020, name: 'Edwar Hernández', entityCode: '05', attended: true, delegated: 'Si' },
];

export const SCHEDULE: RowObject[] = [
  { year: 2020, semester: 1, type: 'ORDINARIA', programmed: 5 },
  { year: 2020, semester: 1, type: 'EXTRAORDINARIA', programmed: 2 },
];

export const COMMITMENTS: RowObject[] = [
  { sessionNumber: 4, sessionYear: 2020, text: 'Enviar el balance de acciones', responsibleEntityCode: '05', dueDate: '2021-01-31' },
];

export const REVIEWS: RowObject[] = [
  { sessionNumber: 4, sessionYear: 2020, policyCode: 'PP-EJ', productCode: 'A', report: 'Informe', feedback: 'Ampliar cobertura' },
];

export const FUNCTIONS: RowObject[] = [
  { number: 1, text: 'Articular la acción del Distrito Capital', year: 2020, sessions: '1, 2' },
  { number: 2, text: 'Coordinar las actuaciones de las entidades', year: 2020, sessions: '3 y 4' },
  { number: 3, text: 'Presentar propuestas de planes de acción' },
];

export const instanciaObjects = (overrides: Partial<Record<string, RowObject[]>> = {}): Record<string, RowObject[]> => ({
  Instancia: [INSTANCE],
  Entidades: INSTANCE_ENTITIES,
  Integrantes: MEMBERS,
  Sesiones: SESSIONS,
  Asistencia: ATTENDANCE,
  Programacion: SCHEDULE,
  Compromisos: COMMITMENTS,
  Retroalimentacion: REVIEWS,
  Funciones: FUNCTIONS,
  ...overrides,
});
