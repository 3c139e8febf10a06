/**
 * Builds the demo sample workbooks from sample-data.ts with the product's own template definitions:
 * each workbook is the template of its kind as the template writer generates it (`Instrucciones`
 * and every sheet with its headers, required ones marked ` *`), with the sample records laid out
 * under those headers by column key. The ZESAI attendance uses the matrix layout, whose fixed
 * columns come from ASISTENCIA_MATRIX_SHEET. Pure except `writeSamples`.
 *
 * File names sort in a valid import order on an empty database: plans, then the report (needs its
 * plan), then the instances (the seed-003 one reviews products of the PDH-CDMX plan). Every workbook
 * carries the `Entidades` it uses.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportKind } from '../../src/domain/enums';
import { ColumnDef, columnOf, SheetDef, templateHeader } from '../templates/column.types';
import { ASISTENCIA_MATRIX_SHEET } from '../templates/instancia.template';
import { templateOf } from '../templates/template.registry';
import { templateSheets } from '../templates/template.writer';
import { writeWorkbook } from '../xlsx/xlsx.adapter';
import { SheetSpec, WritableCell } from '../xlsx/workbook.types';
import {
  BOGOTA_TRATA_2020,
  CARTAGENA_PLAN,
  CARTAGENA_REPORTE_2024,
  CDMX_ESPACIO_2018,
  InstanciaSample,
  MatrixRowSample,
  PDH_CDMX_PLAN,
  PlanSample,
  ReporteSample,
  ZESAI_2020_S1,
} from './sample-data';

/** Sample records by template sheet name. */
type SheetRecords = Readonly<Record<string, readonly object[]>>;

/** A sample value as the cell an entity would type, according to the column definition. */
function cellOf(column: ColumnDef, value: unknown, sheet: string): WritableCell {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case 'date':
    case 'time':
      if (typeof value === 'string') return { type: 'date', value };
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'Sí' : 'No';
      break;
    case 'list':
      if (Array.isArray(value)) return value.map(String).join(column.listSeparator === 'newline' ? '\n' : ', ');
      break;
    case 'number':
      if (typeof value === 'number' || (value === 'ND' && column.acceptsNd)) return value;
      break;
    case 'text':
    case 'enum':
      if (typeof value === 'string') return value;
      break;
  }
  throw new Error(`${sheet}: ${JSON.stringify(value)} does not fit column «${column.header}» (${column.type})`);
}

/** One data row aligned to the sheet's columns; a field without a column is a programming error. */
function dataRow(def: SheetDef, record: object): WritableCell[] {
  const values = record as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(values)) {
    if (!def.columns.some((c) => c.key === key)) throw new Error(`${def.name}: no template column for field ${key}`);
  }
  return def.columns.map((c) => cellOf(c, values[c.key], def.name));
}

/** The generated template of `kind` with the records appended under each sheet's headers. */
function filledTemplate(kind: ImportKind, records: SheetRecords, replacements: Readonly<Record<string, SheetSpec>> = {}): Buffer {
  const template = templateOf(kind);
  for (const name of [...Object.keys(records), ...Object.keys(replacements)]) {
    if (!template.sheets.some((s) => s.name === name)) throw new Error(`${kind} has no sheet ${name}`);
  }
  const sheets = templateSheets(kind).map((spec): SheetSpec => {
    const replacement = replacements[spec.name];
    if (replacement) return replacement;
    const def = template.sheets.find((s) => s.name === spec.name);
    if (!def) return spec; // Instrucciones
    return { ...spec, rows: [...spec.rows, ...(records[spec.name] ?? []).map((r) => dataRow(def, r))] };
  });
  return writeWorkbook(sheets);
}

/** `Asistencia` in the matrix layout: Nombre *, Código entidad *, one date column per session, Total sesiones. */
function matrixSheet(dates: readonly string[], rows: readonly MatrixRowSample[]): SheetSpec {
  const [name, entity, total] = ['name', 'entityCode', 'total'].map((key) => columnOf(ASISTENCIA_MATRIX_SHEET, key)) as [
    ColumnDef,
    ColumnDef,
    ColumnDef,
  ];
  const body = rows.map((row): WritableCell[] => {
    if (row.marks.length !== dates.length) throw new Error(`${row.name}: ${row.marks.length} marks for ${dates.length} sessions`);
    return [row.name, row.entityCode, ...row.marks, row.total];
  });
  return {
    name: ASISTENCIA_MATRIX_SHEET.name,
    rows: [
      [
        templateHeader(name.header, name.required),
        templateHeader(entity.header, entity.required),
        ...dates.map((value): WritableCell => ({ type: 'date', value })),
        templateHeader(total.header, total.required),
      ],
      ...body,
    ],
    columnWidths: [name.width ?? 30, entity.width ?? 16, ...dates.map(() => 12), total.width ?? 10],
  };
}

export function planWorkbook(plan: PlanSample): Buffer {
  return filledTemplate(ImportKind.PLAN, {
    Politica: [plan.policy],
    Entidades: plan.entities,
    Objetivos: plan.objectives,
    Productos: plan.products,
    Metas: plan.goals,
  });
}

export function reporteWorkbook(reporte: ReporteSample): Buffer {
  return filledTemplate(ImportKind.REPORTE, { Reporte: reporte.reports, Entidades: reporte.entities });
}

export function instanciaWorkbook(sample: InstanciaSample): Buffer {
  const attendance = sample.attendance;
  return filledTemplate(
    ImportKind.INSTANCIA,
    {
      Instancia: [sample.instance],
      Entidades: sample.entities,
      Integrantes: sample.members,
      Sesiones: sample.sessions,
      ...(attendance.layout === 'LIST' ? { Asistencia: attendance.rows } : {}),
      Programacion: sample.schedule ?? [],
      Compromisos: sample.commitments ?? [],
      Retroalimentacion: sample.reviews ?? [],
      Funciones: sample.functions ?? [],
    },
    attendance.layout === 'MATRIX' ? { Asistencia: matrixSheet(attendance.sessionDates, attendance.rows) } : {},
  );
}

export interface SampleFile {
  readonly fileName: string;
  readonly kind: ImportKind;
  readonly build: () => Buffer;
}

/** The demo workbooks, in import order (which is also their file-name order). */
export const SAMPLE_FILES: readonly SampleFile[] = [
  { fileName: '01-plan-cartagena.xlsx', kind: ImportKind.PLAN, build: () => planWorkbook(CARTAGENA_PLAN) },
  { fileName: '02-plan-pdh-cdmx.xlsx', kind: ImportKind.PLAN, build: () => planWorkbook(PDH_CDMX_PLAN) },
  { fileName: '03-reporte-cartagena-2024.xlsx', kind: ImportKind.REPORTE, build: () => reporteWorkbook(CARTAGENA_REPORTE_2024) },
  { fileName: '04-instancia-bogota-trata-2020.xlsx', kind: ImportKind.INSTANCIA, build: () => instanciaWorkbook(BOGOTA_TRATA_2020) },
  { fileName: '05-instancia-zesai-2020-s1.xlsx', kind: ImportKind.INSTANCIA, build: () => instanciaWorkbook(ZESAI_2020_S1) },
  { fileName: '06-instancia-cdmx-espacio-trata-2018.xlsx', kind: ImportKind.INSTANCIA, build: () => instanciaWorkbook(CDMX_ESPACIO_2018) },
];

/** Sample files written by this module: `NN-name.xlsx`. */
const SAMPLE_NAME = /^\d{2}-[a-z0-9-]+\.xlsx$/;

/**
 * Writes every sample workbook into `dir` (created if needed) and removes sample files of an earlier
 * build that are no longer produced. Returns the written paths in import order.
 */
export async function writeSamples(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const wanted = new Set(SAMPLE_FILES.map((f) => f.fileName));
  for (const existing of await fs.readdir(dir)) {
    if (SAMPLE_NAME.test(existing) && !wanted.has(existing)) await fs.rm(path.join(dir, existing));
  }
  const written: string[] = [];
  for (const file of SAMPLE_FILES) {
    const target = path.join(dir, file.fileName);
    await fs.writeFile(target, file.build());
    written.push(target);
  }
  return written;
}
