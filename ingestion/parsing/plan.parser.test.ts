import { AnnualizationType, ImportKind, Periodicity } from '../../src/domain/enums';
import { ParsedPlan } from '../model/parsed-workbook.types';
import { GOALS, planObjects, PRODUCTS } from '../test-support/plan.fixture';
import { buildWorkbook, RowObject, sheetRows, workbookOf } from '../test-support/workbook.builder';
import { templateOf } from '../templates/template.registry';
import { validateWorkbook } from '../validation/workbook.validator';
import { parseWorkbook } from './workbook.parser';

const parsePlan = (objects = planObjects()): ParsedPlan => {
  const parsed = parseWorkbook(workbookOf(ImportKind.PLAN, objects));
  expect(parsed.kind).toBe(ImportKind.PLAN);
  return parsed as ParsedPlan;
};

describe('PLAN — worked example of calculation.md §8', () => {
  it('imports with no errors and no warnings', () => {
    const parsed = parsePlan();
    expect(validateWorkbook(parsed)).toEqual([]);
  });

  it('produces typed rows with their sheet and Excel row', () => {
    const { data } = parsePlan();
    expect(data.policy).toEqual({
      sheet: 'Politica',
      row: 2,
      code: 'PP-EJ',
      name: 'Política de ejemplo',
      legalAct: 'Decreto 001 de 2024',
      adoptionDate: '2024-01-15',
      startYear: 2024,
      vigencias: 2,
      leadEntityCode: '02',
      highThreshold: 0.75,
      mediumThreshold: 0.5,
      reviewRequired: true,
    });
    expect(data.objectives.map((o) => [o.row, o.number])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(data.products).toHaveLength(5);
    expect(data.products[4]).toMatchObject({
      sheet: 'Productos',
      row: 6,
      code: 'E',
      annualizationType: AnnualizationType.CRECIENTE,
      periodicity: Periodicity.TRIMESTRAL,
      baseline: 10,
      baselineNotAvailable: false,
      finalGoal: 50,
      weight: 0.2,
      priority: null,
      responsibleEntityCode: '02',
      coResponsibleEntityCodes: ['05'],
    });
    expect(data.goals[9]).toEqual({ sheet: 'Metas', row: 11, productCode: 'E', year: 2025, period: null, value: 50 });
    expect(data.entities.map((e) => e.code)).toEqual(['02', '05']);
  });
});

describe('PLAN — reading rules', () => {
  it('reads percent-formatted cells of a % product as percentages, and other products as stored', () => {
    const products: RowObject[] = PRODUCTS.map((p) =>
      p.code === 'D'
        ? { ...p, baseline: { type: 'number', value: 0.4, format: '0%' }, finalGoal: { type: 'number', value: 1, format: '0%' } }
        : p.code === 'A'
          ? { ...p, baseline: { type: 'number', value: 0.5, format: '0%' } }
          : p,
    );
    const goals = GOALS.map((g) => (g.productCode === 'D' ? { ...g, value: { type: 'number' as const, value: 1, format: '0%' } } : g));
    const { data, issues } = parsePlan(planObjects({ Productos: products, Metas: goals }));
    expect(issues).toEqual([]);
    const d = data.products.find((p) => p.code === 'D')!;
    expect([d.baseline, d.finalGoal]).toEqual([40, 100]);
    expect(data.goals.filter((g) => g.productCode === 'D').map((g) => g.value)).toEqual([100, 100]);
    expect(data.products.find((p) => p.code === 'A')!.baseline).toBe(0.5);
  });

  it('reads decimal commas, percent text weights, ND baselines, abbreviations of months and ANUAL goals', () => {
    const products = PRODUCTS.map((p) => ({ ...p, weight: '20%', baseline: p.code === 'A' ? 'ND' : (p.baseline ?? null) }));
    const goals: RowObject[] = [...GOALS, { productCode: 'A', year: 2024, period: 's1', value: '50,5' }];
    const { data, issues } = parsePlan(planObjects({ Productos: products, Metas: goals }));
    // text numbers are read, and said once per column (NUMERO_COMO_TEXTO warnings only)
    expect(issues.filter((issue) => issue.severity === 'ERROR')).toEqual([]);
    expect([...new Set(issues.map((issue) => issue.code))]).toEqual(['NUMERO_COMO_TEXTO']);
    expect(data.products.map((p) => p.weight)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(data.products[0]).toMatchObject({ baseline: null, baselineNotAvailable: true });
    expect(data.goals.at(-1)).toMatchObject({ period: 'S1', value: 50.5 });
    const annual = parsePlan(planObjects({ Metas: [{ productCode: 'C', year: 2024, period: 'Anual', value: 10 }] }));
    expect(annual.data.goals[0]!.period).toBeNull();
  });

  it('applies the default thresholds and reads given ones (percent cells too)', () => {
    const custom = parsePlan(planObjects({ Politica: [{ ...planObjects().Politica![0], highThreshold: '80%', mediumThreshold: 0.6 }] }));
    expect([custom.data.policy!.highThreshold, custom.data.policy!.mediumThreshold]).toEqual([0.8, 0.6]);
  });

  it('reads Excel date cells and text dates', () => {
    const products = PRODUCTS.map((p, i) => ({
      ...p,
      baselineDate: i === 0 ? { type: 'date' as const, value: '2023-12-31' } : '31/12/2023',
    }));
    const { data, issues } = parsePlan(planObjects({ Productos: products }));
    expect(issues).toEqual([]);
    expect(data.products.map((p) => p.baselineDate)).toEqual(Array(5).fill('2023-12-31'));
  });

  it('keeps formula-looking text as text and reads formula cells by their cached value', () => {
    const products = PRODUCTS.map((p) => ({
      ...p,
      formula: '=(mujeres/denuncias)*100',
      targetPopulation: '@todas',
      finalGoal: { type: 'formula' as const, formula: '=100+100', cached: 200 },
    }));
    const { data } = parsePlan(planObjects({ Productos: products.slice(0, 1), Metas: GOALS.slice(0, 2) }));
    expect(data.products[0]).toMatchObject({ formula: '=(mujeres/denuncias)*100', targetPopulation: '@todas', finalGoal: 200 });
  });

  it('reads text in numeric cells under the number rules and says so once per column, not per cell', () => {
    const products = PRODUCTS.map((p, i) => ({ ...p, baseline: i < 3 ? `1${i},5` : (p.baseline ?? null) }));
    const goals = GOALS.map((g) => ({ ...g, value: String(g.value) }));
    const { data, issues } = parsePlan(planObjects({ Productos: products, Metas: goals }));
    expect(data.products.slice(0, 3).map((p) => p.baseline)).toEqual([10.5, 11.5, 12.5]);
    expect(data.goals[0]!.value).toBe(100);
    expect(issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.column, i.value])).toEqual([
      ['WARNING', 'NUMERO_COMO_TEXTO', 'Productos', 2, 'Línea base', '10,5'],
      ['WARNING', 'NUMERO_COMO_TEXTO', 'Metas', 2, 'Meta', '100'],
    ]);
    expect(issues[1]!.message).toContain('10 celdas');
  });

  it('rejects rows with missing required values and remembers their keys', () => {
    const products = [{ ...PRODUCTS[0], name: null }, ...PRODUCTS.slice(1)];
    const parsed = parsePlan(planObjects({ Productos: products }));
    expect(parsed.data.products).toHaveLength(4);
    expect(parsed.rejectedRows).toEqual([
      { sheet: 'Productos', row: 2, key: 'A', values: expect.objectContaining({ code: 'A', weight: 0.2 }) },
    ]);
    // The rejected row's weight still counts (no misleading sum error); its goals are not orphans.
    expect(validateWorkbook(parsed).map((i) => i.code)).toEqual(['VALOR_REQUERIDO']);
  });
});

describe('kind recognition', () => {
  it('rejects a workbook with none of the kind sheets', () => {
    const parsed = parseWorkbook(buildWorkbook({ Hoja1: [['a']] }));
    expect(parsed.kind).toBeNull();
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'ERROR', code: 'LIBRO_NO_RECONOCIDO', sheet: null, row: null })]);
    expect(parsed.issues[0]!.message).toMatch(/^No se reconoce el tipo de libro/);
  });

  it('rejects a workbook with several kind sheets', () => {
    const parsed = parseWorkbook(buildWorkbook({ Productos: [['a']], Reporte: [['b']] }));
    expect(parsed.kind).toBeNull();
    expect(parsed.issues[0]!.message).toContain('«Productos» y «Reporte»');
  });

  it('recognises sheets ignoring case and accents, ignores Instrucciones and Errores, warns about others', () => {
    const objects = planObjects();
    const buffer = buildWorkbook({
      Instrucciones: [['texto']],
      POLÍTICA: workbookRows(objects).Politica!,
      Entidades: workbookRows(objects).Entidades!,
      objetivos: workbookRows(objects).Objetivos!,
      productos: workbookRows(objects).Productos!,
      Metas: workbookRows(objects).Metas!,
      Errores: [['Hoja']],
      Notas: [['libre']],
    });
    const parsed = parseWorkbook(buffer);
    expect(parsed.kind).toBe(ImportKind.PLAN);
    expect(validateWorkbook(parsed)).toEqual([expect.objectContaining({ code: 'HOJA_DESCONOCIDA', sheet: 'Notas', severity: 'WARNING' })]);
  });

  it('reports unreadable and oversized files', () => {
    expect(parseWorkbook(Buffer.from('hola')).issues).toEqual([expect.objectContaining({ code: 'LIBRO_ILEGIBLE' })]);
    const big = workbookOf(ImportKind.PLAN, planObjects());
    expect(parseWorkbook(big, { limits: { maxRows: 5 } }).issues).toEqual([expect.objectContaining({ code: 'LIBRO_DEMASIADO_GRANDE' })]);
  });
});

function workbookRows(objects: Record<string, RowObject[]>): Record<string, ReturnType<typeof sheetRows>> {
  const out: Record<string, ReturnType<typeof sheetRows>> = {};
  for (const def of templateOf(ImportKind.PLAN).sheets) if (objects[def.name]) out[def.name] = sheetRows(def, objects[def.name]!);
  return out;
}
