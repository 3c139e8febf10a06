import { ImportKind } from '../../src/domain/enums';
import { cellAsText } from '../cells/cell.reader';
import { ParsedPlan } from '../model/parsed-workbook.types';
import { parseWorkbook } from '../parsing/workbook.parser';
import { instanciaObjects } from '../test-support/instancia.fixture';
import { contextFromPlan, planObjects, REPORTS } from '../test-support/plan.fixture';
import { dataRows, fillTemplate, readBack, RowObject, Rows } from '../test-support/workbook.builder';
import { createValidationContext } from '../validation/validation.context';
import { validateWorkbook } from '../validation/workbook.validator';
import { templateOf } from './template.registry';
import { buildTemplate } from './template.writer';

const texts = (rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): string[][] =>
  rows.map((r) => (r ?? []).map((c) => cellAsText(c as never)));

function filled(kind: ImportKind, objects: Record<string, readonly RowObject[]>): Buffer {
  const rows: Record<string, Rows> = {};
  for (const def of templateOf(kind).sheets) if (objects[def.name]) rows[def.name] = dataRows(def, objects[def.name]!);
  return fillTemplate(kind, rows);
}

describe.each([ImportKind.PLAN, ImportKind.REPORTE, ImportKind.INSTANCIA])('template %s', (kind) => {
  const workbook = readBack(buildTemplate(kind));
  const template = templateOf(kind);

  it('has Instrucciones first, then every sheet of the definition', () => {
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Instrucciones', ...template.sheets.map((s) => s.name)]);
  });

  it('writes the headers of every sheet, required ones marked with " *"', () => {
    for (const def of template.sheets) {
      const sheet = workbook.sheets.find((s) => s.name === def.name)!;
      expect(texts(sheet.rows)).toEqual([def.columns.map((c) => (c.required ? `${c.header} *` : c.header))]);
    }
  });

  it('explains every column of every sheet in Instrucciones, in Spanish', () => {
    const rows = texts(workbook.sheets[0]!.rows);
    expect(rows[0]![0]).toBe(`Plantilla: ${template.title}`);
    const tableStart = rows.findIndex((r) => r[0] === 'Hoja' && r[1] === 'Columna');
    expect(rows[tableStart]).toEqual(['Hoja', 'Columna', 'Obligatoria', 'Tipo', 'Significado', 'Formato', 'Valores permitidos', 'Ejemplo']);
    for (const def of template.sheets) {
      expect(rows).toContainEqual(expect.arrayContaining([def.name, '(hoja)', def.optional ? 'No' : 'Sí']));
      for (const c of def.columns) {
        const row = rows.find((r) => r[0] === def.name && r[1] === c.header);
        expect(row).toBeDefined();
        expect(row![2]).toBe(c.required ? 'Sí' : 'No');
        expect(row![4]).toBe(c.meaning);
        expect(row![5]).toBe(c.format);
        for (const value of c.allowed ?? []) expect(row![6]).toContain(value);
      }
    }
  });

  it('rejects the empty template only for missing data, never for its structure', () => {
    const issues = validateWorkbook(parseWorkbook(buildTemplate(kind)));
    expect(issues.every((i) => i.code === 'HOJA_SIN_DATOS')).toBe(true);
  });
});

describe('template round trip: generated template → filled rows → parse → no errors', () => {
  it('PLAN', () => {
    const parsed = parseWorkbook(filled(ImportKind.PLAN, planObjects()));
    expect(parsed.kind).toBe(ImportKind.PLAN);
    expect(validateWorkbook(parsed)).toEqual([]);
    expect((parsed as ParsedPlan).data.products).toHaveLength(5);
  });

  it('REPORTE', () => {
    const plan = (parseWorkbook(filled(ImportKind.PLAN, planObjects())) as ParsedPlan).data;
    const parsed = parseWorkbook(filled(ImportKind.REPORTE, { Reporte: REPORTS }));
    expect(parsed.kind).toBe(ImportKind.REPORTE);
    expect(validateWorkbook(parsed, contextFromPlan(plan, { uploader: { entityCode: '02', planningOffice: false } }))).toEqual([]);
  });

  it('INSTANCIA', () => {
    const context = createValidationContext({
      policies: new Map([
        ['PP-EJ', { code: 'PP-EJ', startYear: 2024, vigencias: 2, leadEntityCode: '02', products: new Map([['A', {} as never]]) }],
      ]),
    });
    const parsed = parseWorkbook(filled(ImportKind.INSTANCIA, instanciaObjects()));
    expect(parsed.kind).toBe(ImportKind.INSTANCIA);
    expect(validateWorkbook(parsed, context)).toEqual([]);
  });

  it('a filled template with a bad row reports it with sheet, row, column and value', () => {
    const objects = planObjects();
    const bad = { ...objects, Metas: [...objects.Metas!, { productCode: 'A', year: '2.024', value: 5 }] };
    const issues = validateWorkbook(parseWorkbook(filled(ImportKind.PLAN, bad)));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'NUMERO_AMBIGUO', sheet: 'Metas', row: 12, column: 'Vigencia', value: '2.024' }),
    ]);
  });
});
