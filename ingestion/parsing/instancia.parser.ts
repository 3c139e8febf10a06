/** INSTANCIA workbook → `InstanciaData` (pure). */
import { CommitmentStatus, InstanceKind, MembershipRole, SessionModality, SessionStatus, SessionType } from '../../src/domain/enums';
import { parseNumberText } from '../cells/cell.reader';
import { q } from '../issues/issue.collector';
import {
  CommitmentRow,
  FunctionRow,
  InstanceRow,
  InstanciaData,
  MemberRow,
  ProductReviewRow,
  ScheduleRow,
  SessionRow,
} from '../model/instancia.types';
import { enumValue, list, num, requiredOk, text } from '../reading/row.accessors';
import { readSheet, RowRead } from '../reading/sheet.reader';
import { SheetDef } from '../templates/column.types';
import {
  COMPROMISOS_SHEET,
  FUNCIONES_SHEET,
  INSTANCIA_SHEET,
  INTEGRANTES_SHEET,
  PROGRAMACION_SHEET,
  RETROALIMENTACION_SHEET,
  SESIONES_SHEET,
} from '../templates/instancia.template';
import { personKey } from '../text/text.normalizer';
import { parseAttendance, sessionKey } from './asistencia.parser';
import { parseEntities } from './entidades.parser';
import { ParseState, reject } from './parse.state';

/** Reads a sheet and maps each complete row; incomplete rows are rejected with their key. */
function rowsOf<T>(state: ParseState, def: SheetDef, key: (row: RowRead) => string | null, map: (row: RowRead) => T): T[] {
  const sheet = readSheet(state.workbook, def, state.issues);
  const out: T[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, def)) {
      reject(state, row, key(row));
      continue;
    }
    out.push(map(row));
  }
  return out;
}

const sessionKeyOf =
  (numberKey: string, yearKey: string) =>
  (row: RowRead): string | null => {
    const n = num(row, numberKey);
    const y = num(row, yearKey);
    return n !== null && y !== null ? sessionKey(n, y) : null;
  };

function parseInstance(state: ParseState): InstanceRow | null {
  const rows = rowsOf(
    state,
    INSTANCIA_SHEET,
    (r) => text(r, 'code'),
    (row): InstanceRow => ({
      sheet: row.sheet,
      row: row.row,
      code: text(row, 'code')!,
      name: text(row, 'name')!,
      kind: enumValue<InstanceKind>(row, 'kind')!,
      legalBasis: text(row, 'legalBasis'),
      internalRules: text(row, 'internalRules'),
      secretariatEntityCode: text(row, 'secretariatEntityCode'),
      territory: text(row, 'territory'),
      quorum: num(row, 'quorum'),
    }),
  );
  return rows[0] ?? null;
}

function parseMembers(state: ParseState): MemberRow[] {
  return rowsOf(
    state,
    INTEGRANTES_SHEET,
    (r) => text(r, 'name'),
    (row) => ({
      sheet: row.sheet,
      row: row.row,
      name: text(row, 'name')!,
      personKey: personKey(text(row, 'name')!),
      position: text(row, 'position'),
      entityCode: text(row, 'entityCode')!,
      role: enumValue<MembershipRole>(row, 'role')!,
      from: text(row, 'from'),
      to: text(row, 'to'),
      email: text(row, 'email'),
    }),
  );
}

function parseSessions(state: ParseState): SessionRow[] {
  return rowsOf(state, SESIONES_SHEET, sessionKeyOf('number', 'year'), (row) => ({
    sheet: row.sheet,
    row: row.row,
    number: num(row, 'number')!,
    year: num(row, 'year')!,
    type: enumValue<SessionType>(row, 'type')!,
    modality: enumValue<SessionModality>(row, 'modality'),
    date: text(row, 'date')!,
    startTime: text(row, 'startTime'),
    endTime: text(row, 'endTime'),
    place: text(row, 'place'),
    status: enumValue<SessionStatus>(row, 'status') ?? SessionStatus.REALIZADA,
    agenda: list(row, 'agenda'),
    minutesLink: text(row, 'minutesLink'),
  }));
}

function parseSchedule(state: ParseState): ScheduleRow[] {
  return rowsOf(
    state,
    PROGRAMACION_SHEET,
    () => null,
    (row) => ({
      sheet: row.sheet,
      row: row.row,
      year: num(row, 'year')!,
      semester: num(row, 'semester') as 1 | 2 | null,
      type: enumValue<SessionType>(row, 'type')!,
      programmed: num(row, 'programmed')!,
    }),
  );
}

function parseCommitments(state: ParseState): CommitmentRow[] {
  return rowsOf(
    state,
    COMPROMISOS_SHEET,
    () => null,
    (row) => ({
      sheet: row.sheet,
      row: row.row,
      sessionNumber: num(row, 'sessionNumber')!,
      sessionYear: num(row, 'sessionYear')!,
      text: text(row, 'text')!,
      responsibleEntityCode: text(row, 'responsibleEntityCode'),
      dueDate: text(row, 'dueDate'),
      status: enumValue<CommitmentStatus>(row, 'status') ?? CommitmentStatus.ABIERTO,
    }),
  );
}

function parseReviews(state: ParseState): ProductReviewRow[] {
  return rowsOf(
    state,
    RETROALIMENTACION_SHEET,
    () => null,
    (row) => ({
      sheet: row.sheet,
      row: row.row,
      sessionNumber: num(row, 'sessionNumber')!,
      sessionYear: num(row, 'sessionYear')!,
      policyCode: text(row, 'policyCode')!,
      productCode: text(row, 'productCode')!,
      report: text(row, 'report'),
      feedback: text(row, 'feedback'),
      observations: text(row, 'observations'),
    }),
  );
}

/** Session numbers of a `Funciones` row: `1, 3`, `1; 3` or `13 y 20`. Bad items are reported. */
function sessionNumbers(state: ParseState, row: RowRead): number[] {
  const numbers: number[] = [];
  const items = list(row, 'sessions').flatMap((item) => item.split(/\s+y\s+/i));
  for (const item of items) {
    const read = parseNumberText(item);
    if (read.ok && read.value && !read.value.percent && Number.isInteger(read.value.value) && read.value.value > 0) {
      numbers.push(read.value.value);
      continue;
    }
    state.issues.error(
      'NUMERO_INVALIDO',
      { sheet: row.sheet, row: row.row, column: 'Sesiones', value: item },
      `${q(item)} no es un número de sesión; escriba los números de las sesiones separados por comas (1, 3)`,
    );
  }
  return numbers;
}

function parseFunctions(state: ParseState): FunctionRow[] {
  return rowsOf(
    state,
    FUNCIONES_SHEET,
    (r) => num(r, 'number')?.toString() ?? null,
    (row) => ({
      sheet: row.sheet,
      row: row.row,
      number: num(row, 'number')!,
      text: text(row, 'text')!,
      year: num(row, 'year'),
      sessionNumbers: sessionNumbers(state, row),
    }),
  );
}

export function parseInstancia(state: ParseState): InstanciaData {
  const instance = parseInstance(state);
  const entities = parseEntities(state);
  const members = parseMembers(state);
  const sessions = parseSessions(state);
  const { layout, attendance } = parseAttendance(state, members, sessions);
  return {
    instance,
    entities,
    members,
    sessions,
    attendanceLayout: layout,
    attendance,
    schedule: parseSchedule(state),
    commitments: parseCommitments(state),
    reviews: parseReviews(state),
    functions: parseFunctions(state),
  };
}
