/**
 * Generic, definition-driven reading of a data sheet (pure): header matching, empty-row skipping,
 * typed reading of every defined column, required values, ranges and lengths. Every problem is
 * collected; a value that could not be read is left out of the row and its key marked invalid.
 */
import {
  cellAsText,
  cellValueText,
  isEmptyCell,
  readBoolean,
  readDate,
  readEnum,
  readList,
  readNumber,
  readText,
  readTime,
} from '../cells/cell.reader';
import { NumberValue, Reading } from '../cells/reading.types';
import { IssueCollector, q } from '../issues/issue.collector';
import { ColumnDef, SheetDef, templateHeader } from '../templates/column.types';
import { Cell, SheetData, SheetRow, WorkbookData } from '../xlsx/workbook.types';
import { HeaderMap, HeaderOptions, matchHeaders } from './header.matcher';
import { findSheet } from './kind.detector';

export type FieldValue = string | number | boolean | readonly string[] | null;

export interface RowRead {
  readonly sheet: string;
  /** Excel row number (headers are row 1). */
  readonly row: number;
  readonly values: ReadonlyMap<string, FieldValue>;
  /** Numbers with their percentage flag. */
  readonly numbers: ReadonlyMap<string, NumberValue>;
  /** Keys whose value was missing (required) or could not be read: already reported. */
  readonly invalid: ReadonlySet<string>;
  /** Number columns written `ND`. */
  readonly notAvailable: ReadonlySet<string>;
  /** The raw cells of the row (index 0 = column A). */
  readonly cells: SheetRow;
}

export interface SheetRead {
  /** The sheet as found in the workbook, if present. */
  readonly data: SheetData | undefined;
  /** Sheet name for issues: the workbook's spelling, else the template's. */
  readonly name: string;
  readonly header: HeaderMap | null;
  readonly rows: readonly RowRead[];
}

export function isEmptyRow(row: SheetRow | undefined): boolean {
  return !row || row.every((cell) => isEmptyCell(cell));
}

/** A sheet with no value at all (not even headers). */
export function isBlankSheet(sheet: SheetData): boolean {
  return sheet.rows.every((row) => isEmptyRow(row));
}

function checkNumber(column: ColumnDef, n: NumberValue, shown: string): Reading<NumberValue> {
  const v = n.value;
  if (column.integer && !Number.isInteger(v)) {
    return { ok: false, code: 'NUMERO_INVALIDO', detail: `${q(shown)} no es un número entero; escriba un número sin decimales` };
  }
  if (column.min !== undefined && v < column.min) {
    if (column.min === 0) {
      return { ok: false, code: 'VALOR_NEGATIVO', detail: `el valor ${q(shown)} es negativo; escriba un valor igual o mayor que 0` };
    }
    return outOfRange(column, shown);
  }
  if (column.max !== undefined && v > column.max) return outOfRange(column, shown);
  return { ok: true, value: n };
}

function outOfRange(column: ColumnDef, shown: string): Reading<NumberValue> {
  const range =
    column.min !== undefined && column.max !== undefined
      ? `entre ${column.min} y ${column.max}`
      : column.min !== undefined
        ? `igual o mayor que ${column.min}`
        : `igual o menor que ${column.max}`;
  return { ok: false, code: 'VALOR_FUERA_DE_RANGO', detail: `el valor ${q(shown)} está fuera del rango permitido; debe estar ${range}` };
}

const isNdText = (cell: Cell | undefined): boolean =>
  cellAsText(cell)
    .toUpperCase()
    .replace(/[^A-Z]/g, '') === 'ND';

interface MutableRow {
  values: Map<string, FieldValue>;
  numbers: Map<string, NumberValue>;
  invalid: Set<string>;
  notAvailable: Set<string>;
}

function tooLong(column: ColumnDef, text: string): boolean {
  return column.maxLength !== undefined && text.length > column.maxLength;
}

/** Where a column's issue is: built only when one is raised (most cells raise none; hot path of big imports). */
function locate(at: { sheet: string; row: number }, column: ColumnDef, cell: Cell | undefined) {
  return { ...at, column: column.header, value: cellValueText(cell) };
}

/** Reports a column's value as an error and marks the column invalid. */
function refuse(
  issues: IssueCollector,
  out: MutableRow,
  column: ColumnDef,
  cell: Cell | undefined,
  at: { sheet: string; row: number },
  r: { code: Parameters<IssueCollector['error']>[0]; detail: string },
): void {
  issues.error(r.code, locate(at, column, cell), r.detail);
  out.invalid.add(column.key);
}

/** Reads one defined column of one row into `out`, reporting problems. */
export function readColumn(
  column: ColumnDef,
  cell: Cell | undefined,
  at: { sheet: string; row: number },
  issues: IssueCollector,
  out: MutableRow,
): void {
  const empty = isEmptyCell(cell);
  if (empty && column.type !== 'boolean') {
    if (column.required) {
      refuse(issues, out, column, cell, at, {
        code: 'VALOR_REQUERIDO',
        detail: `falta el valor obligatorio de ${q(templateHeader(column.header, true))}; complete la celda`,
      });
    }
    out.values.set(column.key, column.type === 'list' ? [] : null);
    return;
  }
  switch (column.type) {
    case 'text': {
      const text = readText(cell);
      if (text !== null && tooLong(column, text)) {
        refuse(issues, out, column, cell, at, {
          code: 'TEXTO_DEMASIADO_LARGO',
          detail: `el texto tiene ${text.length} caracteres y el máximo es ${column.maxLength}; acórtelo`,
        });
        return;
      }
      out.values.set(column.key, text);
      return;
    }
    case 'number': {
      if (column.acceptsNd && isNdText(cell)) {
        out.values.set(column.key, null);
        out.notAvailable.add(column.key);
        return;
      }
      const read = readNumber(cell);
      if (!read.ok) return refuse(issues, out, column, cell, at, read);
      const checked = read.value === null ? null : checkNumber(column, read.value, cellAsText(cell));
      if (checked && !checked.ok) {
        // A negative value is kept (the row still goes through the other checks); any other
        // problem leaves the value out.
        if (checked.code !== 'VALOR_NEGATIVO') return refuse(issues, out, column, cell, at, checked);
        issues.error(checked.code, locate(at, column, cell), checked.detail);
      }
      out.values.set(column.key, read.value?.value ?? null);
      if (read.value) out.numbers.set(column.key, read.value);
      return;
    }
    case 'date':
    case 'time': {
      const read = column.type === 'date' ? readDate(cell) : readTime(cell);
      if (!read.ok) return refuse(issues, out, column, cell, at, read);
      out.values.set(column.key, read.value);
      return;
    }
    case 'boolean': {
      const read = readBoolean(cell);
      if (!read.ok) return refuse(issues, out, column, cell, at, read);
      out.values.set(column.key, read.value);
      return;
    }
    case 'enum': {
      const read = readEnum(cell, column.allowed ?? [], column.aliases);
      if (!read.ok) return refuse(issues, out, column, cell, at, read);
      out.values.set(column.key, read.value);
      return;
    }
    case 'list': {
      const items = readList(cell, column.listSeparator ?? 'comma');
      const long = items.find((item) => tooLong(column, item));
      if (long !== undefined) {
        refuse(issues, out, column, cell, at, {
          code: 'TEXTO_DEMASIADO_LARGO',
          detail: `el elemento ${q(long.slice(0, 40))} tiene más de ${column.maxLength} caracteres; acórtelo`,
        });
        return;
      }
      out.values.set(column.key, items);
      return;
    }
  }
}

export interface ReadSheetOptions extends HeaderOptions {
  /** Use this sheet instead of looking it up by the definition's name. */
  readonly sheet?: SheetData;
}

/** Reads a sheet of the workbook according to its definition. */
export function readSheet(workbook: WorkbookData, def: SheetDef, issues: IssueCollector, options: ReadSheetOptions = {}): SheetRead {
  const data = options.sheet ?? findSheet(workbook, def.name);
  if (!data) {
    if (!def.optional) {
      issues.error(
        'HOJA_REQUERIDA',
        { sheet: def.name },
        `falta la hoja obligatoria ${q(def.name)}; agréguela con los encabezados de la plantilla`,
      );
    }
    return { data, name: def.name, header: null, rows: [] };
  }
  const name = data.name;
  if (isBlankSheet(data)) {
    checkRowCount(def, name, 0, [], issues);
    return { data, name, header: null, rows: [] };
  }
  const header = matchHeaders(data, def, issues, options);
  const rows: RowRead[] = [];
  for (let r = 1; r < data.rows.length; r++) {
    const row = readRow(def, header, name, r, data.rows[r], issues);
    if (row) rows.push(row);
  }
  checkRowCount(def, name, rows.length, rows, issues);
  return { data, name, header, rows };
}

/**
 * One data row (`index`: 0 = Excel row 1) read by the definition, or null for a row that is skipped
 * (empty, or a pre-filled row left unanswered). What `readSheet` does for each row below the headers.
 */
export function readRow(
  def: SheetDef,
  header: HeaderMap,
  name: string,
  index: number,
  cells: SheetRow | undefined,
  issues: IssueCollector,
): RowRead | null {
  if (!cells || isEmptyRow(cells)) return null;
  if (def.unansweredPrefill && isUnansweredPrefill(cells, header, def.unansweredPrefill)) return null;
  const out: MutableRow = { values: new Map(), numbers: new Map(), invalid: new Set(), notAvailable: new Set() };
  const where = { sheet: name, row: index + 1 };
  for (const column of def.columns) {
    const at = header.columns.get(column.key);
    if (at === undefined) {
      if (column.required) out.invalid.add(column.key);
      out.values.set(column.key, column.type === 'list' ? [] : column.type === 'boolean' ? false : null);
      continue;
    }
    readColumn(column, cells[at], where, issues, out);
  }
  return { sheet: name, row: index + 1, cells, ...out };
}

/** A row of a pre-filled template the entity left unanswered (see SheetDef.unansweredPrefill). */
function isUnansweredPrefill(cells: SheetRow, header: HeaderMap, rule: NonNullable<SheetDef['unansweredPrefill']>): boolean {
  const filled = (key: string) => {
    const index = header.columns.get(key);
    return index !== undefined && !isEmptyCell(cells[index]);
  };
  return rule.informative.some(filled) && !rule.answers.some(filled);
}

/** The sheet-level checks of the number of data rows (none, or more than one where one is allowed). */
export function checkRowCount(def: SheetDef, name: string, count: number, rows: readonly RowRead[], issues: IssueCollector): void {
  if ((def.singleRow || def.requiresRows) && count === 0) {
    issues.error(
      'HOJA_SIN_DATOS',
      { sheet: name },
      def.singleRow
        ? `la hoja no tiene datos; llene la fila 2 (una sola fila de datos)`
        : `la hoja no tiene filas de datos; agregue al menos una desde la fila 2`,
    );
  }
  if (def.singleRow && count > 1) {
    const extra = rows[1]!;
    issues.error(
      'HOJA_VARIAS_FILAS',
      { sheet: name, row: extra.row },
      `la hoja admite una sola fila de datos y tiene ${count}; deje solo la fila 2 (se leyó la fila ${rows[0]!.row})`,
    );
  }
}
