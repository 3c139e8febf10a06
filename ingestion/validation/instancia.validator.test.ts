import { ImportKind } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { parseWorkbook } from '../parsing/workbook.parser';
import {
  ATTENDANCE,
  COMMITMENTS,
  FUNCTIONS,
  INSTANCE,
  instanciaObjects,
  MEMBERS,
  REVIEWS,
  SCHEDULE,
  SESSIONS,
} from '../test-support/instancia.fixture';
import { RowObject, workbookOf } from '../test-support/workbook.builder';
import { createValidationContext, StoredPolicy, ValidationContext } from './validation.context';
import { validateWorkbook } from './workbook.validator';

const policies = new Map<string, StoredPolicy>([
  ['PP-EJ', { code: 'PP-EJ', startYear: 2024, vigencias: 2, leadEntityCode: '02', products: new Map([['A', {} as never]]) }],
]);
const base = createValidationContext({ policies });
const check = (overrides: Partial<Record<string, RowObject[]>>, context: ValidationContext = base): Issue[] =>
  validateWorkbook(parseWorkbook(workbookOf(ImportKind.INSTANCIA, instanciaObjects(overrides))), context);
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);

describe('INSTANCIA checks', () => {
  it('requires the Instancia, Integrantes, Sesiones and Asistencia sheets, not the optional ones', () => {
    const objects = instanciaObjects();
    const stored = createValidationContext({ entityCodes: new Set(['02']) });
    const minimal = { Instancia: objects.Instancia!, Integrantes: [], Sesiones: [], Asistencia: [] };
    expect(validateWorkbook(parseWorkbook(workbookOf(ImportKind.INSTANCIA, minimal)), stored)).toEqual([]);
    const missing = validateWorkbook(parseWorkbook(workbookOf(ImportKind.INSTANCIA, { Instancia: objects.Instancia! })), stored);
    expect(missing.map((i) => [i.code, i.sheet])).toEqual([
      ['HOJA_REQUERIDA', 'Integrantes'],
      ['HOJA_REQUERIDA', 'Sesiones'],
      ['HOJA_REQUERIDA', 'Asistencia'],
    ]);
  });

  it('rejects an unknown instance type and role', () => {
    const issues = check({
      Instancia: [{ ...INSTANCE, kind: 'Junta' }],
      Integrantes: [{ ...MEMBERS[0], role: 'Jefe' }, ...MEMBERS.slice(1)],
    });
    expect(issues.map((i) => [i.code, i.sheet, i.column])).toEqual([
      ['VALOR_NO_PERMITIDO', 'Instancia', 'Tipo'],
      ['VALOR_NO_PERMITIDO', 'Integrantes', 'Rol'],
    ]);
    expect(issues[1]!.message).toContain('PRESIDENCIA');
  });

  it('accepts the type with spaces and accents, and every role abbreviation (P, S, I, IP, O)', () => {
    expect(check({ Instancia: [{ ...INSTANCE, kind: 'Espacio de participación' }] })).toEqual([]);
    const roles = ['P', 's', 'I', 'ip', 'O', 'Invitado permanente', 'secretaría técnica'];
    const members = roles.map((role, i) => ({ name: `Persona ${i}`, entityCode: '02', role }));
    const parsed = parseWorkbook(workbookOf(ImportKind.INSTANCIA, instanciaObjects({ Integrantes: members })));
    expect(validateWorkbook(parsed, base)).toEqual([]);
    expect(parsed.kind === ImportKind.INSTANCIA && parsed.data.members.map((m) => m.role)).toEqual([
      'PRESIDENCIA',
      'SECRETARIA_TECNICA',
      'INTEGRANTE',
      'INVITADO_PERMANENTE',
      'OTRO',
      'INVITADO_PERMANENTE',
      'SECRETARIA_TECNICA',
    ]);
  });

  it('rejects unknown entity codes wherever they appear', () => {
    const issues = check({
      Instancia: [{ ...INSTANCE, secretariatEntityCode: '90' }],
      Integrantes: [...MEMBERS, { name: 'Nadie', entityCode: '91', role: 'I' }],
      Asistencia: [...ATTENDANCE, { sessionNumber: 1, sessionYear: 2020, name: 'Otro', entityCode: '92', attended: 'x' }],
      Compromisos: [{ ...COMMITMENTS[0], responsibleEntityCode: '93' }],
    });
    expect(issues.map((i) => [i.code, i.value])).toEqual([
      ['ENTIDAD_INEXISTENTE', '90'],
      ['ENTIDAD_INEXISTENTE', '91'],
      ['ENTIDAD_INEXISTENTE', '92'],
      ['ENTIDAD_INEXISTENTE', '93'],
    ]);
  });

  it('rejects references to sessions that do not exist, in every sheet', () => {
    const issues = check({
      Asistencia: [...ATTENDANCE, { sessionNumber: 7, sessionYear: 2020, name: 'Ana Dunia Pinzón', entityCode: '02', attended: 'x' }],
      Compromisos: [{ ...COMMITMENTS[0], sessionNumber: 8 }],
      Retroalimentacion: [{ ...REVIEWS[0], sessionYear: 2019 }],
      Funciones: [{ number: 1, text: 'Articular', year: 2020, sessions: '1, 9' }],
    });
    expect(issues.map((i) => [i.code, i.sheet, i.value])).toEqual([
      ['SESION_INEXISTENTE', 'Asistencia', '7/2020'],
      ['SESION_INEXISTENTE', 'Compromisos', '8/2020'],
      ['SESION_INEXISTENTE', 'Retroalimentacion', '4/2019'],
      ['SESION_INEXISTENTE', 'Funciones', '9/2020'],
    ]);
  });

  it('rejects duplicate sessions, attendance, schedule, commitments, reviews and functions', () => {
    const issues = check({
      Sesiones: [...SESSIONS, { ...SESSIONS[0], date: '2020-01-09' }],
      Asistencia: [...ATTENDANCE, { ...ATTENDANCE[0], name: 'ana dunia  PINZON' }],
      Programacion: [...SCHEDULE, SCHEDULE[0]!],
      Compromisos: [...COMMITMENTS, { ...COMMITMENTS[0], text: 'enviar el balance  de acciones' }],
      Retroalimentacion: [...REVIEWS, REVIEWS[0]!],
      Funciones: [...FUNCTIONS, FUNCTIONS[0]!],
    });
    expect(issues.map((i) => [i.code, i.sheet, i.row])).toEqual([
      ['FILA_DUPLICADA', 'Sesiones', 6],
      ['FILA_DUPLICADA', 'Asistencia', 7],
      ['FILA_DUPLICADA', 'Programacion', 4],
      ['FILA_DUPLICADA', 'Compromisos', 3],
      ['FILA_DUPLICADA', 'Retroalimentacion', 3],
      ['FILA_DUPLICADA', 'Funciones', 5],
    ]);
  });

  it('still checks the references of a row with an unreadable cell', () => {
    const issues = check({
      Asistencia: [{ sessionNumber: 7, sessionYear: 2020, name: 'Ana Dunia Pinzón', entityCode: '99', attended: 'quizá' }],
      Compromisos: [{ ...COMMITMENTS[0], sessionNumber: 8, text: null }],
    });
    expect(issues.map((i) => [i.code, i.sheet])).toEqual([
      ['VALOR_NO_PERMITIDO', 'Asistencia'],
      ['SESION_INEXISTENTE', 'Asistencia'],
      ['ENTIDAD_INEXISTENTE', 'Asistencia'],
      ['VALOR_REQUERIDO', 'Compromisos'],
      ['SESION_INEXISTENTE', 'Compromisos'],
    ]);
  });

  it('rejects a review of a product or policy that does not exist', () => {
    expect(codes(check({ Retroalimentacion: [{ ...REVIEWS[0], productCode: 'Z' }] }))).toEqual(['PRODUCTO_INEXISTENTE']);
    expect(codes(check({ Retroalimentacion: [{ ...REVIEWS[0], policyCode: 'NO' }] }))).toEqual(['POLITICA_INEXISTENTE']);
  });

  it('checks member dates, session dates and times', () => {
    const issues = check({
      Integrantes: [...MEMBERS, { name: 'Tardía', entityCode: '05', role: 'I', from: '2020-06-01', to: '2020-01-01' }],
      Sesiones: [...SESSIONS, { number: 5, year: 2020, type: 'ORDINARIA', date: '2021-01-10', startTime: '3:00 pm', endTime: '09:00' }],
    });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['FECHAS_INCONSISTENTES', 'ERROR'],
      ['FECHA_SESION_NO_COINCIDE_ANIO', 'WARNING'],
      ['HORAS_INCONSISTENTES', 'WARNING'],
    ]);
  });

  it('reads bad cells in every sheet', () => {
    const issues = check({
      Sesiones: [{ ...SESSIONS[0], date: '31/02/2020', startTime: '25:00' }, ...SESSIONS.slice(1)],
      Asistencia: [{ ...ATTENDANCE[0], attended: 'quizá' }],
      Programacion: [{ ...SCHEDULE[0], semester: 3 }],
      Compromisos: [{ ...COMMITMENTS[0], status: 'PENDIENTE' }],
      Instancia: [{ ...INSTANCE, quorum: 1.5 }],
    });
    expect(issues.map((i) => [i.code, i.sheet, i.column])).toEqual([
      ['VALOR_FUERA_DE_RANGO', 'Instancia', 'Quórum'],
      ['FECHA_INVALIDA', 'Sesiones', 'Fecha'],
      ['HORA_INVALIDA', 'Sesiones', 'Hora inicio'],
      ['VALOR_NO_PERMITIDO', 'Asistencia', 'Asistió'],
      ['VALOR_FUERA_DE_RANGO', 'Programacion', 'Semestre'],
      ['VALOR_NO_PERMITIDO', 'Compromisos', 'Estado'],
    ]);
  });

  it('checks functions: texts per number, a year for listed sessions, session numbers', () => {
    const issues = check({
      Funciones: [
        ...FUNCTIONS,
        { number: 1, text: 'Otro texto', year: 2021 },
        { number: 4, text: 'Sin año', sessions: '1' },
        { number: 5, text: 'Mal número', year: 2020, sessions: '1, dos' },
      ],
    });
    expect(issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['FUNCION_TEXTO_DIFERENTE', 'WARNING', 5],
      ['VALOR_REQUERIDO', 'ERROR', 6],
      ['NUMERO_INVALIDO', 'ERROR', 7],
    ]);
  });

  it('lets the stored technical secretariat or the planning office upload, nobody else', () => {
    const stored = new Map([['ZESAI', { code: 'ZESAI', secretariatEntityCode: '02', sessions: [] }]]);
    const as = (entityCode: string | null, planningOffice = false, instances = stored) =>
      createValidationContext({ policies, instances, uploader: { entityCode, planningOffice } });
    expect(check({}, as('02'))).toEqual([]);
    expect(check({}, as(null, true))).toEqual([]);
    expect(check({}, as(null, true, new Map()))).toEqual([]);
    expect(codes(check({}, as('05')))).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    // An entity cannot register a new instance, nor take the secretariat of another's.
    expect(codes(check({}, as('02', false, new Map())))).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    const takeover = check({ Instancia: [{ ...INSTANCE, secretariatEntityCode: '05' }] }, as('05'));
    expect(codes(takeover)).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    const reassigned = check({ Instancia: [{ ...INSTANCE, secretariatEntityCode: '05' }] }, as('02'));
    expect(codes(reassigned)).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    expect(reassigned[0]!.column).toBe('Código entidad secretaría técnica');
  });
});
