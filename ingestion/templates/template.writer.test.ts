import ExcelJS from 'exceljs';
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
  let bytes: Buffer;
  let workbook: ReturnType<typeof readBack>;
  const template = templateOf(kind);
  beforeAll(async () => {
    bytes = await buildTemplate(kind);
    workbook = readBack(bytes);
  });

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
    const issues = validateWorkbook(parseWorkbook(bytes));
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

describe('blank templates are styled for filling in', () => {
  it('REPORTE: frozen styled header with notes, text format on codes, drop-downs on periods, a whole-number year', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate(ImportKind.REPORTE)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instrucciones', 'Reporte', 'Entidades']);
    const ws = wb.getWorksheet('Reporte')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(String(ws.getCell('B1').note)).toContain('Ejemplo: 3.5');
    for (const row of [2, 50, 201]) {
      expect(ws.getCell(`B${row}`).numFmt).toBe('@');
      expect(ws.getCell(`E${row}`).dataValidation).toMatchObject({ type: 'list' });
      expect(String(ws.getCell(`E${row}`).dataValidation.formulae[0])).toContain('T4');
      expect(ws.getCell(`D${row}`).dataValidation).toMatchObject({ type: 'whole', formulae: [1900, 2200] });
      expect(ws.getCell(`G${row}`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0] });
    }
    expect(ws.getCell('A2').value).toBeNull();
  });
});
