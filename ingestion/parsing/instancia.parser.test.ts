import { ImportKind, MembershipRole, SessionStatus } from '../../src/domain/enums';
import { ParsedInstancia } from '../model/parsed-workbook.types';
import { instanciaObjects, SESSIONS } from '../test-support/instancia.fixture';
import { buildWorkbook, Rows, sheetRows, workbookOf } from '../test-support/workbook.builder';
import { templateOf } from '../templates/template.registry';
import { createValidationContext, StoredPolicy } from '../validation/validation.context';
import { validateWorkbook } from '../validation/workbook.validator';
import { parseWorkbook } from './workbook.parser';

const policies = new Map<string, StoredPolicy>([
  ['PP-EJ', { code: 'PP-EJ', startYear: 2024, vigencias: 2, leadEntityCode: '02', products: new Map([['A', {} as never]]) }],
]);
const context = createValidationContext({ policies });

/** The fixture workbook with its Asistencia sheet replaced by raw rows. */
function withAttendanceRows(rows: Rows, sessions = SESSIONS): ParsedInstancia {
  const sheets: Record<string, Rows> = {};
  for (const def of templateOf(ImportKind.INSTANCIA).sheets) {
    if (def.name === 'Asistencia') sheets[def.name] = rows;
    else sheets[def.name] = sheetRows(def, def.name === 'Sesiones' ? sessions : instanciaObjects()[def.name]!);
  }
  return parseWorkbook(buildWorkbook(sheets)) as ParsedInstancia;
}

describe('INSTANCIA — list layout', () => {
  const parsed = parseWorkbook(workbookOf(ImportKind.INSTANCIA, instanciaObjects())) as ParsedInstancia;

  it('imports the fixture with no issues', () => {
    expect(parsed.kind).toBe(ImportKind.INSTANCIA);
    expect(validateWorkbook(parsed, context)).toEqual([]);
    expect(parsed.data.attendanceLayout).toBe('LIST');
  });

  it('reads the instance, roles by abbreviation, sessions with times, agenda and default status', () => {
    const { data } = parsed;
    expect(data.instance).toMatchObject({ code: 'ZESAI', kind: 'MESA', secretariatEntityCode: '02', quorum: null });
    expect(data.members.map((m) => m.role)).toEqual([
      MembershipRole.SECRETARIA_TECNICA,
      MembershipRole.INTEGRANTE,
      MembershipRole.INTEGRANTE,
      MembershipRole.INVITADO_PERMANENTE,
      MembershipRole.PRESIDENCIA,
    ]);
    expect(data.members[4]).toMatchObject({ personKey: 'andres idarraga', from: '2020-01-01' });
    expect(data.sessions.map((s) => [s.number, s.date, s.startTime, s.endTime, s.status])).toEqual([
      [1, '2020-01-08', '08:00', '10:00', SessionStatus.REALIZADA],
      [2, '2020-02-12', null, null, SessionStatus.REALIZADA],
      [3, '2020-03-11', '14:30', null, SessionStatus.REALIZADA],
      [4, '2020-03-19', null, null, SessionStatus.REALIZADA],
    ]);
    expect(data.sessions[3]).toMatchObject({
      type: 'EXTRAORDINARIA',
      modality: 'VIRTUAL',
      agenda: ['1. Verificación del quórum', '2. Balance 2020', '3. Varios'],
    });
    expect(data.schedule).toEqual([
      expect.objectContaining({ year: 2020, semester: 1, type: 'ORDINARIA', programmed: 5 }),
      expect.objectContaining({ year: 2020, semester: 1, type: 'EXTRAORDINARIA', programmed: 2 }),
    ]);
    expect(data.commitments[0]).toMatchObject({ status: 'ABIERTO', dueDate: '2021-01-31', responsibleEntityCode: '05' });
    expect(data.reviews[0]).toMatchObject({ policyCode: 'PP-EJ', productCode: 'A', feedback: 'Ampliar cobertura' });
    expect(data.functions.map((f) => [f.number, f.year, f.sessionNumbers])).toEqual([
      [1, 2020, [1, 2]],
      [2, 2020, [3, 4]],
      [3, null, []],
    ]);
  });

  it('matches people by name within the entity; others attend with role OTRO', () => {
    const a = parsed.data.attendance;
    expect(a.map((r) => [r.name, r.attended, r.delegated, r.member, r.role])).toEqual([
      ['Ana Dunia Pinzón', true, false, true, MembershipRole.SECRETARIA_TECNICA],
      ['andres  idarraga', true, false, true, MembershipRole.PRESIDENCIA],
      ['Carlos Pedraza', true, false, false, MembershipRole.OTRO],
      ['Charlotte Callejas', false, false, true, MembershipRole.INTEGRANTE],
      ['Edwar Hernández', true, true, true, MembershipRole.INVITADO_PERMANENTE],
    ]);
    expect(a[1]).toMatchObject({
      sheet: 'Asistencia',
      row: 3,
      column: null,
      sessionNumber: 1,
      sessionYear: 2020,
      personKey: 'andres idarraga',
    });
  });
});

describe('INSTANCIA — matrix layout (seed 002)', () => {
  const header = ['Nombre *', 'Código entidad *'];

  it('reads Sesión N/AAAA headers, day-number marks and checks the total', () => {
    const parsed = withAttendanceRows([
      [...header, 'Sesión 1/2020', 'Sesion 2/2020', 'SESIÓN 3/2020', 'Total sesiones'],
      ['Ana Dunia Pinzón', '02', '08', 12, 'X', 3],
      ['Margarita Velásquez', '02', null, null, '11', 1],
      ['Charlotte  Callejas', '07', 'Sí', null, null, 2],
      ['Invitada Externa', '05', 'no', 1, null, null],
    ]);
    expect(parsed.data.attendanceLayout).toBe('MATRIX');
    const issues = validateWorkbook(parsed, context);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'TOTAL_SESIONES_NO_COINCIDE', severity: 'WARNING', row: 4, column: 'Total sesiones' }),
    ]);
    expect(issues[0]!.message).toContain('el total dice 2 sesiones pero la fila tiene 1 marca de asistencia');
    const marks = parsed.data.attendance.map((a) => `${a.row}:${a.sessionNumber}:${a.attended ? 1 : 0}`);
    expect(marks).toEqual(['2:1:1', '2:2:1', '2:3:1', '3:1:0', '3:2:0', '3:3:1', '4:1:1', '4:2:0', '4:3:0', '5:1:0', '5:2:1', '5:3:0']);
    expect(parsed.data.attendance[0]).toMatchObject({ column: 'Sesión 1/2020', role: MembershipRole.SECRETARIA_TECNICA, member: true });
    expect(parsed.data.attendance[6]).toMatchObject({ name: 'Charlotte  Callejas', member: true });
    expect(parsed.data.attendance[10]).toMatchObject({ member: false, role: MembershipRole.OTRO });
  });

  it('reads date headers written as text or as Excel date cells', () => {
    const parsed = withAttendanceRows([
      [...header, '2020-01-08', { type: 'date', value: '2020-02-12' }, '19/03/2020'],
      ['Ana Dunia Pinzón', '02', 8, 'x', 19],
    ]);
    expect(validateWorkbook(parsed, context)).toEqual([]);
    expect(parsed.data.attendance.map((a) => [a.sessionNumber, a.column, a.attended])).toEqual([
      [1, '2020-01-08', true],
      [2, '2020-02-12', true],
      [4, '19/03/2020', true],
    ]);
  });

  it('rejects a date header without session, and one matching several sessions', () => {
    const twice = [...SESSIONS, { number: 5, year: 2020, type: 'EXTRAORDINARIA', date: '2020-01-08' }];
    const parsed = withAttendanceRows(
      [
        [...header, '2020-01-08', '2020-05-13'],
        ['Ana Dunia Pinzón', '02', 'x', 'x'],
      ],
      twice,
    );
    expect(validateWorkbook(parsed, context).map((i) => [i.code, i.row, i.column])).toEqual([
      ['SESION_AMBIGUA', 1, '2020-01-08'],
      ['SESION_INEXISTENTE', 1, '2020-05-13'],
    ]);
  });

  it('warns when a day mark does not match the session date, rejects other marks, warns about other columns', () => {
    const parsed = withAttendanceRows([
      [...header, 'Cargo', 'Sesión 1/2020', 'Sesión 2/2020'],
      ['Ana Dunia Pinzón', '02', 'Profesional', '09', 'asistió'],
    ]);
    expect(validateWorkbook(parsed, context).map((i) => [i.code, i.severity, i.column])).toEqual([
      ['COLUMNA_DESCONOCIDA', 'WARNING', 'Cargo'],
      ['VALOR_NO_PERMITIDO', 'ERROR', 'Sesión 2/2020'],
      ['MARCA_DIA_NO_COINCIDE', 'WARNING', 'Sesión 1/2020'],
    ]);
  });

  it('rejects a session column for a session that does not exist, unless it is stored', () => {
    const rows: Rows = [
      [...header, 'Sesión 9/2019'],
      ['Ana Dunia Pinzón', '02', 'x'],
    ];
    expect(validateWorkbook(withAttendanceRows(rows), context).map((i) => [i.code, i.row, i.column])).toEqual([
      ['SESION_INEXISTENTE', 1, 'Sesión 9/2019'],
    ]);
    const storedInstance = { code: 'ZESAI', secretariatEntityCode: '02', sessions: [{ number: 9, year: 2019 }] };
    const withStored = createValidationContext({ policies, instances: new Map([['ZESAI', storedInstance]]) });
    expect(validateWorkbook(withAttendanceRows(rows), withStored)).toEqual([]);
  });

  it('rejects a repeated session column and a repeated person', () => {
    const parsed = withAttendanceRows([
      [...header, 'Sesión 1/2020', 'Sesión 1/2020'],
      ['Ana Dunia Pinzón', '02', 'x', 'x'],
      ['ana dunia pinzon', '02', 'x', 'x'],
    ]);
    expect(validateWorkbook(parsed, context).map((i) => [i.code, i.row])).toEqual([
      ['COLUMNA_DUPLICADA', 1],
      ['FILA_DUPLICADA', 3],
    ]);
  });

  it('rejects an Asistencia sheet in neither layout', () => {
    const parsed = withAttendanceRows([
      ['Persona', 'Entidad', 'Enero'],
      ['Ana', '02', 'x'],
    ]);
    expect(parsed.data.attendanceLayout).toBeNull();
    expect(validateWorkbook(parsed, context).map((i) => i.code)).toEqual(['FORMATO_ASISTENCIA_NO_RECONOCIDO']);
  });
});
