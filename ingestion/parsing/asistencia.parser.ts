/**
 * `Asistencia` in either layout (docs/plantillas.md): list (one row per person and session) or matrix
 * (one row per person, one column per session headed `Sesión N/AAAA` or by the session's date,
 * optional trailing `Total sesiones`). Pure.
 */
import { MembershipRole } from '../../src/domain/enums';
import { cellAsText, cellValueText, isEmptyCell, parseDateText, readBoolean } from '../cells/cell.reader';
import { IssueCollector, q } from '../issues/issue.collector';
import { AttendanceLayout, AttendanceRow, MemberRow, SessionRow } from '../model/instancia.types';
import { warnUnknownColumn } from '../reading/header.matcher';
import { findSheet } from '../reading/kind.detector';
import { bool, num, requiredOk, text } from '../reading/row.accessors';
import { isBlankSheet, readSheet, RowRead } from '../reading/sheet.reader';
import { ASISTENCIA_MATRIX_SHEET, ASISTENCIA_SHEET } from '../templates/instancia.template';
import { headerKey, memberKey, personKey } from '../text/text.normalizer';
import { Cell, SheetData } from '../xlsx/workbook.types';
import { ParseState, reject } from './parse.state';

export const sessionKey = (number: number, year: number): string => `${number}/${year}`;

interface SessionColumn {
  readonly index: number;
  readonly header: string;
  readonly number: number;
  readonly year: number;
  /** Session date when the session is in the workbook. */
  readonly date: string | null;
}

export interface AttendanceResult {
  readonly layout: AttendanceLayout | null;
  readonly attendance: AttendanceRow[];
}

/** `Sesión 4/2020` (also `Sesion No. 4/2020`, `Sesión 4 de 2020`) → number and year. */
export function parseSessionHeader(header: string): { number: number; year: number } | null {
  const m = /^sesion\s*(?:n[o°º.]*\s*)?(\d{1,4})\s*(?:\/|-|de)\s*(\d{4})$/.exec(headerKey(header));
  return m ? { number: Number(m[1]), year: Number(m[2]) } : null;
}

/** A header that is a date: an Excel date cell or `AAAA-MM-DD` / `DD/MM/AAAA` text. */
export function headerDate(cell: Cell | undefined): string | null {
  if (!cell) return null;
  if (cell.type === 'date') return Number(cell.value.slice(0, 4)) >= 1900 ? cell.value.slice(0, 10) : null;
  if (cell.type === 'string') return parseDateText(cell.value);
  return null;
}

/** Role of a person at a session: the membership active on the session date, else the first one. */
function roleOf(members: readonly MemberRow[] | undefined, date: string | null): MembershipRole {
  if (!members || members.length === 0) return MembershipRole.OTRO;
  if (date) {
    const active = members.find((m) => (!m.from || m.from <= date) && (!m.to || date <= m.to));
    if (active) return active.role;
  }
  return members[0]!.role;
}

class AttendanceBuilder {
  private readonly membersByKey = new Map<string, MemberRow[]>();
  private readonly sessionDates = new Map<string, string>();

  constructor(members: readonly MemberRow[], sessions: readonly SessionRow[]) {
    for (const m of members) {
      const key = memberKey(m.entityCode, m.name);
      this.membersByKey.set(key, [...(this.membersByKey.get(key) ?? []), m]);
    }
    for (const s of sessions) this.sessionDates.set(sessionKey(s.number, s.year), s.date);
  }

  dateOf(number: number, year: number): string | null {
    return this.sessionDates.get(sessionKey(number, year)) ?? null;
  }

  record(
    at: RowRead,
    column: string | null,
    session: { number: number; year: number },
    person: { name: string; entityCode: string },
    attendance: { attended: boolean; delegated: boolean; observations: string | null },
  ): AttendanceRow {
    const members = this.membersByKey.get(memberKey(person.entityCode, person.name));
    return {
      sheet: at.sheet,
      row: at.row,
      column,
      sessionNumber: session.number,
      sessionYear: session.year,
      name: person.name,
      personKey: personKey(person.name),
      entityCode: person.entityCode,
      ...attendance,
      member: members !== undefined,
      role: roleOf(members, this.dateOf(session.number, session.year)),
    };
  }
}

function parseList(state: ParseState, data: SheetData, builder: AttendanceBuilder): AttendanceRow[] {
  const sheet = readSheet(state.workbook, ASISTENCIA_SHEET, state.issues, { sheet: data });
  const out: AttendanceRow[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, ASISTENCIA_SHEET)) {
      reject(state, row, text(row, 'name'));
      continue;
    }
    out.push(
      builder.record(
        row,
        null,
        { number: num(row, 'sessionNumber')!, year: num(row, 'sessionYear')! },
        { name: text(row, 'name')!, entityCode: text(row, 'entityCode')! },
        { attended: bool(row, 'attended'), delegated: bool(row, 'delegated'), observations: text(row, 'observations') },
      ),
    );
  }
  return out;
}

function sessionColumns(
  data: SheetData,
  unknown: ReadonlyArray<{ index: number; header: string; cell: Cell | undefined }>,
  sessions: readonly SessionRow[],
  builder: AttendanceBuilder,
  issues: IssueCollector,
): SessionColumn[] {
  const columns: SessionColumn[] = [];
  const seen = new Set<string>();
  for (const u of unknown) {
    const at = { sheet: data.name, row: 1, column: u.header, value: cellValueText(u.cell) };
    let session = parseSessionHeader(u.header);
    const date = session ? null : headerDate(u.cell);
    if (!session && date) {
      const matches = sessions.filter((s) => s.date === date);
      if (matches.length === 0) {
        issues.error(
          'SESION_INEXISTENTE',
          at,
          `no hay en la hoja Sesiones una sesión del ${date}; agréguela allí o use el encabezado «Sesión N/AAAA»`,
        );
        continue;
      }
      if (matches.length > 1) {
        issues.error(
          'SESION_AMBIGUA',
          at,
          `hay ${matches.length} sesiones del ${date} en la hoja Sesiones; use el encabezado «Sesión N/AAAA» para indicar cuál`,
        );
        continue;
      }
      session = { number: matches[0]!.number, year: matches[0]!.year };
    }
    if (!session) {
      warnUnknownColumn(data, u, ASISTENCIA_MATRIX_SHEET, issues);
      continue;
    }
    const key = sessionKey(session.number, session.year);
    if (seen.has(key)) {
      issues.error('COLUMNA_DUPLICADA', at, `la sesión ${key} ya tiene otra columna; deje una sola columna por sesión`);
      continue;
    }
    seen.add(key);
    const header = u.header || (date ?? '');
    columns.push({ index: u.index, header, ...session, date: builder.dateOf(session.number, session.year) });
  }
  return columns;
}

/** Reads a matrix mark: yes/no, or the day number of the session (seed 002). */
function readMark(
  cell: Cell | undefined,
  column: SessionColumn,
  at: { sheet: string; row: number },
  issues: IssueCollector,
): boolean | null {
  if (isEmptyCell(cell)) return false;
  const yesNo = readBoolean(cell);
  if (yesNo.ok) return yesNo.value;
  const shown = cellAsText(cell);
  const day = cell?.type === 'number' ? cell.value : /^\d{1,2}$/.test(shown) ? Number(shown) : NaN;
  const where = { ...at, column: column.header, value: shown };
  if (Number.isInteger(day) && day >= 1 && day <= 31) {
    if (column.date && Number(column.date.slice(8, 10)) !== day) {
      issues.warning(
        'MARCA_DIA_NO_COINCIDE',
        where,
        `la marca ${q(shown)} no coincide con el día de la sesión (${column.date}); se tomó como asistencia. Revise si la marca está en la columna correcta`,
      );
    }
    return true;
  }
  issues.error(
    'VALOR_NO_PERMITIDO',
    where,
    `${q(shown)} no es una marca de asistencia; escriba Sí, S, X o 1 (o el número del día de la sesión) si asistió, o deje la celda vacía si no asistió`,
  );
  return null;
}

function parseMatrix(state: ParseState, data: SheetData, sessions: readonly SessionRow[], builder: AttendanceBuilder): AttendanceRow[] {
  const sheet = readSheet(state.workbook, ASISTENCIA_MATRIX_SHEET, state.issues, { sheet: data, warnUnknown: false });
  const columns = sessionColumns(data, sheet.header?.unknown ?? [], sessions, builder, state.issues);
  const out: AttendanceRow[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, ASISTENCIA_MATRIX_SHEET)) {
      reject(state, row, text(row, 'name'));
      continue;
    }
    const person = { name: text(row, 'name')!, entityCode: text(row, 'entityCode')! };
    let marks = 0;
    let unreadable = false;
    for (const column of columns) {
      const attended = readMark(row.cells[column.index], column, row, state.issues);
      if (attended === null) {
        unreadable = true;
        continue;
      }
      if (attended) marks++;
      out.push(builder.record(row, column.header, column, person, { attended, delegated: false, observations: null }));
    }
    const total = num(row, 'total');
    if (total !== null && !unreadable && total !== marks) {
      state.issues.warning(
        'TOTAL_SESIONES_NO_COINCIDE',
        { sheet: row.sheet, row: row.row, column: 'Total sesiones', value: String(total) },
        `el total dice ${total} ${total === 1 ? 'sesión' : 'sesiones'} pero la fila tiene ${marks} ${marks === 1 ? 'marca' : 'marcas'} de asistencia; se usan las marcas. Corrija el total o las marcas`,
      );
    }
  }
  return out;
}

export function parseAttendance(state: ParseState, members: readonly MemberRow[], sessions: readonly SessionRow[]): AttendanceResult {
  const data = findSheet(state.workbook, ASISTENCIA_SHEET.name);
  if (!data) {
    readSheet(state.workbook, ASISTENCIA_SHEET, state.issues); // reports the missing sheet
    return { layout: null, attendance: [] };
  }
  if (isBlankSheet(data)) return { layout: null, attendance: [] };
  const builder = new AttendanceBuilder(members, sessions);
  const headers = (data.rows[0] ?? []).map((cell) => headerKey(cellAsText(cell)));
  if (headers.includes(headerKey('Número sesión'))) {
    return { layout: 'LIST', attendance: parseList(state, data, builder) };
  }
  const looksMatrix = (data.rows[0] ?? []).some((cell) => parseSessionHeader(cellAsText(cell)) !== null || headerDate(cell) !== null);
  if (!looksMatrix) {
    state.issues.error(
      'FORMATO_ASISTENCIA_NO_RECONOCIDO',
      { sheet: data.name, row: 1 },
      'no se reconoce el formato de la hoja: use el formato de lista (columnas «Número sesión *», «Año *», «Nombre *», «Código entidad *», «Asistió *») o el de matriz (columnas «Nombre *», «Código entidad *» y una columna por sesión con el encabezado «Sesión N/AAAA» o la fecha de la sesión)',
    );
    return { layout: null, attendance: [] };
  }
  return { layout: 'MATRIX', attendance: parseMatrix(state, data, sessions, builder) };
}
