import { ImportKind } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { parseWorkbook } from '../parsing/workbook.parser';
import { ENTITIES, GOALS, planObjects, POLICY, PRODUCTS } from '../test-support/plan.fixture';
import { RowObject, workbookOf } from '../test-support/workbook.builder';
import { createValidationContext, ValidationContext } from './validation.context';
import { validateWorkbook } from './workbook.validator';

const check = (overrides: Partial<Record<string, RowObject[]>>, context?: ValidationContext): Issue[] =>
  validateWorkbook(parseWorkbook(workbookOf(ImportKind.PLAN, planObjects(overrides))), context);
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);
const withProduct = (code: string, change: RowObject): RowObject[] => PRODUCTS.map((p) => (p.code === code ? { ...p, ...change } : p));
const withGoals = (code: string, goals: RowObject[]): RowObject[] => [...GOALS.filter((g) => g.productCode !== code), ...goals];

describe('weights (ponderadores)', () => {
  it('accepts weights summing to 1 within 0.001', () => {
    expect(check({ Productos: withProduct('A', { weight: 0.2009 }) })).toEqual([]);
  });

  it('warns (SDP V2, no longer refuses) about weights not summing to 1, giving the actual sum', () => {
    const issues = check({ Productos: withProduct('A', { weight: 0.3 }) });
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'PONDERADORES_NO_SUMAN_UNO',
        severity: 'WARNING',
        row: 2,
        sheet: 'Productos',
        column: 'Ponderador',
        value: '1,1',
      }),
    ]);
    expect(issues[0]!.message).toContain('suman 1,1 y deberían sumar 1');
  });

  it('imports a product without weight when others have one: weight 0, warned (was PONDERADOR_FALTANTE, refused)', () => {
    const issues = check({ Productos: withProduct('C', { weight: null }) });
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['WARNING', 'PONDERADORES_NO_SUMAN_UNO'],
      ['WARNING', 'PONDERADOR_FALTANTE'],
    ]);
    expect(issues[1]).toMatchObject({ sheet: 'Productos', row: 4, column: 'Ponderador' });
  });

  it('accepts no weights at all (priorities instead)', () => {
    expect(check({ Productos: PRODUCTS.map((p, i) => ({ ...p, weight: null, priority: (i % 3) + 1 })) })).toEqual([]);
  });

  it('rejects a negative weight and a priority outside 1-3', () => {
    const issues = check({ Productos: withProduct('A', { weight: -0.2, priority: 4 }) });
    expect(codes(issues)).toEqual(expect.arrayContaining(['VALOR_NEGATIVO', 'VALOR_FUERA_DE_RANGO']));
  });
});

describe('types, periodicity and baseline', () => {
  it('rejects an unknown annualization type and periodicity, listing the allowed values', () => {
    const issues = check({ Productos: withProduct('A', { annualizationType: 'ACUMULADA', periodicity: 'QUINCENAL' }) });
    expect(issues.filter((i) => i.severity === 'ERROR').map((i) => [i.code, i.column])).toEqual([
      ['VALOR_NO_PERMITIDO', 'Tipo de anualización'],
      ['VALOR_NO_PERMITIDO', 'Periodicidad'],
    ]);
    expect(issues[0]!.message).toContain('SUMA, CONSTANTE, CRECIENTE, DECRECIENTE');
  });

  it('accepts types written in lower case and with accents', () => {
    expect(check({ Productos: withProduct('A', { annualizationType: 'suma', periodicity: 'Semestral' }) })).toEqual([]);
  });

  it('warns (V16) about a DECRECIENTE without numeric baseline (empty or ND): imported, figures null', () => {
    const goals = withGoals('E', [
      { productCode: 'E', year: 2024, value: 30 },
      { productCode: 'E', year: 2025, value: 20 },
    ]);
    for (const baseline of [null, 'ND']) {
      const issues = check({ Productos: withProduct('E', { annualizationType: 'DECRECIENTE', baseline, finalGoal: 20 }), Metas: goals });
      expect(codes(issues)).toEqual(['LINEA_BASE_REQUERIDA']);
      expect(issues[0]).toMatchObject({ severity: 'WARNING', sheet: 'Productos', row: 6, column: 'Línea base' });
    }
    expect(check({ Productos: withProduct('E', { annualizationType: 'DECRECIENTE', baseline: 40, finalGoal: 20 }), Metas: goals })).toEqual(
      [],
    );
  });
});

describe('goals (metas)', () => {
  it('rejects a goal year outside the horizon', () => {
    const issues = check({ Metas: [...GOALS, { productCode: 'A', year: 2026, value: 1 }] });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'PERIODO_FUERA_DE_HORIZONTE', row: 12, column: 'Vigencia', value: '2026' }),
    );
    expect(issues.find((i) => i.code === 'PERIODO_FUERA_DE_HORIZONTE')!.message).toContain('2024 a 2025');
  });

  it('rejects a period that does not match the periodicity, accepts one that does', () => {
    const bad = check({
      Metas: [
        ...GOALS,
        { productCode: 'A', year: 2024, period: 'T1', value: 50 },
        { productCode: 'C', year: 2024, period: 'S1', value: 5 },
      ],
    });
    expect(bad.filter((i) => i.code === 'PERIODO_NO_COINCIDE').map((i) => [i.row, i.value])).toEqual([
      [12, 'T1'],
      [13, 'S1'],
    ]);
    expect(check({ Metas: [...GOALS, { productCode: 'B', year: 2024, period: 'T2', value: 20 }] })).toEqual([]);
  });

  it('still checks the other cells of a goal row whose value is unreadable', () => {
    const issues = check({ Metas: [...GOALS, { productCode: 'C', year: 2030, period: 'S1', value: '1.000' }] });
    expect(codes(issues)).toEqual(['NUMERO_AMBIGUO', 'PERIODO_NO_COINCIDE', 'PERIODO_FUERA_DE_HORIZONTE']);
    const noPolicyName = check({ Politica: [{ ...POLICY, name: null }], Metas: [...GOALS, { productCode: 'E', year: 2031, value: 50 }] });
    expect(codes(noPolicyName)).toEqual(['VALOR_REQUERIDO', 'PERIODO_FUERA_DE_HORIZONTE']);
  });

  it('rejects a goal for a product not in Productos', () => {
    expect(codes(check({ Metas: [...GOALS, { productCode: 'Z', year: 2024, value: 1 }] }))).toEqual(['PRODUCTO_INEXISTENTE']);
  });

  it('rejects duplicate goals, products and objectives', () => {
    const issues = check({
      Metas: [...GOALS, { productCode: 'A', year: 2024, value: 100 }],
      Objetivos: [
        { number: 1, text: 'x' },
        { number: 2, text: 'y' },
        { number: 1, text: 'z' },
      ],
    });
    expect(issues.map((i) => [i.code, i.sheet, i.row])).toEqual([
      ['FILA_DUPLICADA', 'Objetivos', 4],
      ['FILA_DUPLICADA', 'Metas', 12],
    ]);
    expect(issues[1]!.message).toContain('ya está en la fila 2');
    const dupProduct = check({ Productos: [...PRODUCTS, { ...PRODUCTS[0], weight: 0 }] });
    expect(codes(dupProduct)).toEqual(['FILA_DUPLICADA']);
  });

  it('warns when SUMA goals do not add up to the final goal', () => {
    const issues = check({ Productos: withProduct('A', { finalGoal: 250 }) });
    expect(issues).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'META_FINAL_DIFIERE_SUMA', row: 2 })]);
    expect(issues[0]!.message).toContain('suman 200');
  });

  it('warns when the last-year goal of other types differs from the final goal', () => {
    const issues = check({ Productos: withProduct('E', { finalGoal: 60 }) });
    expect(issues).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'META_FINAL_DIFIERE_ULTIMO_ANIO', row: 6 })]);
  });

  it('derives a missing final goal without warnings', () => {
    expect(check({ Productos: PRODUCTS.map((p) => ({ ...p, finalGoal: null })) })).toEqual([]);
  });

  it('warns about CRECIENTE below and DECRECIENTE above the baseline', () => {
    const growing = check({ Productos: withProduct('E', { baseline: 60 }) });
    expect(codes(growing)).toEqual(['META_FINAL_BAJO_LINEA_BASE']);
    const decreasing = check({ Productos: withProduct('E', { annualizationType: 'DECRECIENTE', baseline: 5 }) });
    expect(codes(decreasing)).toEqual(['META_FINAL_SOBRE_LINEA_BASE']);
  });

  it('warns about a product without goals', () => {
    expect(codes(check({ Metas: GOALS.filter((g) => g.productCode !== 'C') }))).toEqual(['PRODUCTO_SIN_METAS']);
  });

  it('warns once per product when its goals mix fractions and percentages, never once per cell', () => {
    const goals = withGoals('D', [
      { productCode: 'D', year: 2024, value: 0.9 },
      { productCode: 'D', year: 2025, value: 95 },
    ]);
    const issues = check({ Productos: withProduct('D', { finalGoal: 95 }), Metas: goals });
    expect(issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.column, i.value])).toEqual([
      ['WARNING', 'ESCALA_MEZCLADA', 'Metas', 10, 'Meta', '0,9'],
    ]);
  });

  it('a % product written as fractions throughout (the SDP writes 100 % as 1) is consistent: no warning', () => {
    const goals = withGoals('D', [
      { productCode: 'D', year: 2024, value: 0.9 },
      { productCode: 'D', year: 2025, value: 1 },
    ]);
    expect(check({ Productos: withProduct('D', { finalGoal: 1 }), Metas: goals })).toEqual([]);
    expect(check({ Productos: withProduct('A', { baseline: 0.5 }) })).toEqual([]);
  });
});

describe('references, thresholds and authorization', () => {
  it('rejects unknown objectives and entity codes, accepting stored entities', () => {
    const products = withProduct('A', { objectiveNumber: 9, responsibleEntityCode: '99', coResponsibleEntityCodes: '05, 98' });
    const issues = check({ Productos: products });
    expect(issues.map((i) => [i.code, i.column, i.value])).toEqual([
      ['OBJETIVO_INEXISTENTE', 'Número objetivo', '9'],
      ['ENTIDAD_INEXISTENTE', 'Código entidad responsable', '99'],
      ['ENTIDAD_INEXISTENTE', 'Entidades corresponsables', '98'],
    ]);
    const stored = createValidationContext({ entityCodes: new Set(['99', '98']) });
    expect(codes(check({ Productos: products }, stored))).toEqual(['OBJETIVO_INEXISTENTE']);
    expect(codes(check({ Entidades: [ENTITIES[0]!] }))).toEqual(expect.arrayContaining(['ENTIDAD_INEXISTENTE']));
  });

  it('hints at leading zeros removed by Excel', () => {
    const issues = check({ Productos: withProduct('A', { responsibleEntityCode: 2 }) });
    expect(issues).toEqual([expect.objectContaining({ code: 'ENTIDAD_INEXISTENTE', value: '2' })]);
    expect(issues[0]!.message).toContain('¿quiso decir «02»?');
  });

  it('rejects duplicate entities', () => {
    expect(codes(check({ Entidades: [...ENTITIES, ENTITIES[0]!] }))).toEqual(['FILA_DUPLICADA']);
  });

  it('rejects a medium threshold not below the high one', () => {
    const issues = check({ Politica: [{ ...POLICY, highThreshold: 0.5, mediumThreshold: 0.6 }] });
    expect(codes(issues)).toEqual(['UMBRALES_INCONSISTENTES']);
  });

  it('requires exactly one Politica row', () => {
    expect(codes(check({ Politica: [POLICY, { ...POLICY, code: 'OTRA' }] }))).toEqual(['HOJA_VARIAS_FILAS']);
    expect(codes(check({ Politica: [] }))).toContain('HOJA_SIN_DATOS');
  });

  it('lets the planning office or the stored lead entity upload the plan, nobody else', () => {
    const stored = new Map([['PP-EJ', { code: 'PP-EJ', startYear: 2024, vigencias: 2, leadEntityCode: '02', products: new Map() }]]);
    const as = (entityCode: string | null, planningOffice = false, policies = stored) =>
      createValidationContext({ policies, uploader: { entityCode, planningOffice } });
    expect(check({}, as('02'))).toEqual([]);
    expect(check({}, as(null, true))).toEqual([]);
    expect(check({}, as(null, true, new Map()))).toEqual([]);
    expect(codes(check({}, as('05')))).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    // An entity cannot register a new policy, nor hand the lead to itself or another entity.
    const created = check({}, as('02', false, new Map()));
    expect(codes(created)).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    expect(created[0]!.message).toMatch(/no está registrada/);
    const otherLead = [{ ...stored.get('PP-EJ')!, leadEntityCode: '05' }];
    expect(codes(check({}, as('02', false, new Map(otherLead.map((p) => [p.code, p])))))).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    const reassigned = check({ Politica: [{ ...POLICY, leadEntityCode: '05' }] }, as('02'));
    expect(codes(reassigned)).toEqual(['ENTIDAD_NO_AUTORIZADA']);
    expect(reassigned[0]!.column).toBe('Código entidad líder');
  });

  it('collects all errors of a bad plan at once', () => {
    const issues = check({
      Productos: withProduct('A', { weight: 0.5, annualizationType: 'X', objectiveNumber: 7 }),
      Metas: [...GOALS, { productCode: 'B', year: 2030, period: 'S1', value: '1.000' }],
    });
    // the rejected product's weight is unknown, so no (misleading) weight-sum warning
    expect(codes(issues)).toEqual(expect.arrayContaining(['VALOR_NO_PERMITIDO', 'NUMERO_AMBIGUO', 'PERIODO_FUERA_DE_HORIZONTE']));
    expect(issues.filter((i) => i.severity === 'ERROR').length).toBeGreaterThanOrEqual(3);
  });
});
