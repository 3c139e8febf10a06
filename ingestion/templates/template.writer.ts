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

/** A blank .xlsx template for the given kind of workbook. */
export function buildTemplate(kind: ImportKind | `${ImportKind}`): Promise<Buffer> {
  const template = templateOf(kind as ImportKind);
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
