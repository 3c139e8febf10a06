/**
 * The template workbooks the product ships (`template` command and `GET /templates/:kind`): blank, or
 * pre-filled for an entity (REPORTE: one row per product or result and due period, docs/reportar.md).
 * Written with ExcelJS behind its adapter: `Instrucciones` first, a frozen styled header, drop-down
 * lists on the list columns, text format (`@`) on code and text columns, notes on the headers saying
 * what to write; in a pre-filled sheet the codes and names are locked (sheet protection) and only the
 * value and text cells can be changed.
 */
import { ImportKind } from '../../src/domain/enums';
import { FormCell, FormColumn, FormSheet, writeFormWorkbook } from '../../src/reports/adapters/xlsx-writer.adapter';
import { periodCodes } from '../../src/calculation/period-calendar';
import { DeskPeriodState, ReportingDesk } from '../../src/services/reporting-desk.service';
import { StoredInstanceWorkbook, StoredPlan, StoredRow, StoredValue } from '../../src/services/stored-workbook.service';
import { SheetSpec } from '../xlsx/workbook.types';
import { ColumnDef, SheetDef, TemplateDef, templateHeader } from './column.types';
import { buildInstructionsSheet, TABLE_HEADER } from './instructions.builder';
import { REPORTE_SHEET } from './reporte.template';
import { templateOf } from './template.registry';

/** Fixed creation date: the same template gives the same workbook. */
const CREATED = new Date('2024-01-01T00:00:00Z');

export function headerSheet(sheet: SheetDef): SheetSpec {
  return {
    name: sheet.name,
    rows: [sheet.columns.map((c) => templateHeader(c.header, c.required))],
    columnWidths: sheet.columns.map((c) => c.width ?? Math.max(12, c.header.length + 4)),
  };
}

/** The sheets of a template as plain specs: `Instrucciones` first, then one sheet per data sheet with its headers. */
export function templateSheets(kind: ImportKind): SheetSpec[] {
  const template = templateOf(kind);
  return [buildInstructionsSheet(template), ...template.sheets.map(headerSheet)];
}

/** What the header note of a column says: meaning, format, allowed values and an example. */
function headerNote(column: ColumnDef): string {
  const parts = [column.meaning, column.format];
  if (column.example) parts.push(`Ejemplo: ${column.example}`);
  if (column.required) parts.push('Obligatoria.');
  return parts.join('\n');
}

/** The form column of a definition's column: text format, drop-down or numeric check, note. */
export function formColumn(column: ColumnDef): FormColumn {
  const list = column.type === 'enum' ? column.allowed : column.type === 'boolean' ? ['Sí', 'No'] : undefined;
  return {
    header: templateHeader(column.header, column.required),
    width: column.width ?? Math.max(12, column.header.length + 4),
    text: column.type === 'text' || column.type === 'list',
    list,
    wholeBetween:
      column.type === 'number' && column.integer && column.min !== undefined && column.max !== undefined
        ? [column.min, column.max]
        : undefined,
    decimalMin: column.type === 'number' && !column.integer && !column.acceptsNd && column.min !== undefined ? column.min : undefined,
    note: headerNote(column),
    informative: column.informative,
  };
}

/** The `Instrucciones` sheet as a plain sheet, titles in bold. */
function instructionsSheet(template: TemplateDef): FormSheet {
  const spec = buildInstructionsSheet(template);
  const rows = spec.rows.map((r) => r.map((c) => (typeof c === 'string' || typeof c === 'number' ? c : null)));
  const boldRows = rows
    .map((r, i) => [r, i] as const)
    .filter(
      ([r, i]) =>
        i === 0 || r[0] === 'Cómo llenar este libro' || String(r[0] ?? '').startsWith('Hojas y columnas') || r[0] === TABLE_HEADER[0],
    )
    .map(([, i]) => i);
  return { name: spec.name, plain: { rows, widths: spec.columnWidths ?? [], boldRows } };
}

/** Blank templates are the same bytes every time (fixed definitions and date): written once per process. */
const blank = new Map<ImportKind, Promise<Buffer>>();

/** A blank .xlsx template for the given kind of workbook. */
export function buildTemplate(kind: ImportKind | `${ImportKind}`): Promise<Buffer> {
  const known = blank.get(kind as ImportKind);
  if (known) return known;
  const written = writeBlankTemplate(kind as ImportKind);
  blank.set(kind as ImportKind, written);
  written.catch(() => blank.delete(kind as ImportKind));
  return written;
}

function writeBlankTemplate(kind: ImportKind): Promise<Buffer> {
  const template = templateOf(kind);
  return writeFormWorkbook({
    creator: 'Rumbo',
    title: template.title,
    created: CREATED,
    sheets: [
      instructionsSheet(template),
      ...template.sheets.map((sheet) => ({ name: sheet.name, columns: sheet.columns.map(formColumn) })),
    ],
  });
}

/** Periods the pre-filled REPORTE asks for: due, and still open to a report (not approved, not closed). */
const ASKED: ReadonlySet<DeskPeriodState> = new Set([DeskPeriodState.MISSING, DeskPeriodState.RETURNED, DeskPeriodState.SUBMITTED]);

const STATE_NOTE: Partial<Record<DeskPeriodState, string>> = {
  [DeskPeriodState.SUBMITTED]: 'Ya enviado: espera la revisión de la oficina. Si escribe un valor, reemplaza el enviado.',
  [DeskPeriodState.RETURNED]: 'Devuelto por la oficina para corregir.',
};

/**
 * The REPORTE workbook pre-filled for an entity's desk: one row per product or result and period due
 * and not yet approved or closed (oldest first), codes and name locked, the goal shown, value and texts
 * empty. Rows left unanswered are skipped at import (REPORTE_SHEET.unansweredPrefill).
 */
export function buildPrefilledReporte(desk: ReportingDesk): Promise<Buffer> {
  const template = templateOf(ImportKind.REPORTE);
  const columns = REPORTE_SHEET.columns.map(formColumn);
  const keys = REPORTE_SHEET.columns.map((c) => c.key);
  const LOCKED = new Set(['policyCode', 'productCode', 'itemName', 'periodGoal']);
  const rows: FormCell[][] = [];
  for (const item of desk.items) {
    const years = [...new Set(item.periods.map((p) => String(p.year)))];
    for (const period of [...item.periods].reverse()) {
      if (!ASKED.has(period.state)) continue;
      const values: Record<string, FormCell> = {
        policyCode: { value: item.policyCode },
        productCode: { value: item.code },
        itemName: { value: item.name },
        year: { value: period.year, list: years },
        period: { value: period.period, list: periodCodes(item.periodicity) },
        periodGoal: { value: period.goal },
        value: {
          value: null,
          note:
            period.state === DeskPeriodState.RETURNED
              ? `${STATE_NOTE.RETURNED} Comentario: ${period.report?.reviewComment ?? '(sin comentario)'}`
              : STATE_NOTE[period.state],
          fill: period.state === DeskPeriodState.RETURNED ? 'FCE4D6' : undefined,
        },
      };
      rows.push(keys.map((key) => ({ ...(values[key] ?? { value: null }), locked: LOCKED.has(key) })));
    }
  }
  return writeFormWorkbook({
    creator: 'Rumbo',
    title: `${template.title} — ${desk.entity.code}`,
    created: CREATED,
    sheets: [
      instructionsSheet({
        ...template,
        notes: [
          `Libro prellenado para ${desk.entity.name} (${desk.entity.code}) con los periodos debidos al ${desk.date} que aún no están aprobados ni cerrados: escriba el valor de cada fila que reporta (y, si quiere, avance cualitativo, dificultades, evidencia y quién reporta). Las filas que deje sin valor ni textos no se envían. Los códigos, el nombre y la meta están bloqueados; para reportar otro periodo use la plantilla en blanco.`,
          ...(template.notes ?? []),
        ],
      }),
      { name: REPORTE_SHEET.name, columns, rows, protect: true, blankRows: 0 },
    ],
  });
}

/** A stored value as a form cell: booleans Sí/No, the rest as stored. */
function storedCell(v: StoredValue | undefined): FormCell {
  if (v === undefined || v === null) return { value: null };
  if (typeof v === 'boolean') return { value: v ? 'Sí' : 'No' };
  return { value: v };
}

/** A template written with stored rows: same sheets, columns, drop-downs and notes as the blank one; every cell editable. */
function writeStoredWorkbook(
  template: TemplateDef,
  rowsOf: Record<string, readonly StoredRow[]>,
  label: string,
  removing: string,
): Promise<Buffer> {
  return writeFormWorkbook({
    creator: 'Rumbo',
    title: `${template.title} — ${label}`,
    created: CREATED,
    sheets: [
      instructionsSheet({
        ...template,
        notes: [
          `Libro diligenciado con lo que Rumbo tiene guardado de ${label}: corrija lo que haga falta y vuelva a enviarlo. Las filas que no cambian no se vuelven a escribir. ${removing}`,
          ...(template.notes ?? []),
        ],
      }),
      ...template.sheets.map((sheet) => ({
        name: sheet.name,
        columns: sheet.columns.map(formColumn),
        rows: (rowsOf[sheet.name] ?? []).map((row) => sheet.columns.map((c) => storedCell(row[c.key]))),
      })),
    ],
  });
}

/** The PLAN workbook filled with a stored policy (docs/reportar.md#plan-e-instancia-diligenciados). */
export function buildStoredPlan(plan: StoredPlan): Promise<Buffer> {
  return writeStoredWorkbook(
    templateOf(ImportKind.PLAN),
    {
      Politica: [plan.politica],
      Entidades: plan.entidades,
      Objetivos: plan.objetivos,
      Resultados: plan.resultados,
      Productos: plan.productos,
      Metas: plan.metas,
    },
    `la política ${plan.code}`,
    'Las metas y las entidades corresponsables de cada producto del libro son las del libro (las que quite se borran); un producto que quite queda NO_VIGENTE desde la fecha de envío.',
  );
}

/** The INSTANCIA workbook filled with a stored instance (attendance in the list layout). */
export function buildStoredInstance(inst: StoredInstanceWorkbook): Promise<Buffer> {
  return writeStoredWorkbook(
    templateOf(ImportKind.INSTANCIA),
    {
      Instancia: [inst.instancia],
      Entidades: inst.entidades,
      Integrantes: inst.integrantes,
      Sesiones: inst.sesiones,
      Asistencia: inst.asistencia,
      Programacion: inst.programacion,
      Compromisos: inst.compromisos,
      Retroalimentacion: inst.retroalimentacion,
      Funciones: inst.funciones,
    },
    `la instancia ${inst.code}`,
    'El orden del día de cada sesión es el del libro; quitar otras filas (integrantes, asistencias, compromisos) no borra lo guardado.',
  );
}
