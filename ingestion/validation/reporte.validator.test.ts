import { ImportKind } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';
import { ParsedPlan, ParsedReporte } from '../model/parsed-workbook.types';
import { reportValue } from '../parsing/percent.rules';
import { parseWorkbook } from '../parsing/workbook.parser';
import { contextFromPlan, planObjects, REPORTS } from '../test-support/plan.fixture';
import { RowObject, workbookOf } from '../test-support/workbook.builder';
import { reportPeriodKey, ValidationContext } from './validation.context';
import { validateWorkbook } from './workbook.validator';

const plan = (parseWorkbook(workbookOf(ImportKind.PLAN, planObjects())) as ParsedPlan).data;
const stored = (extra: Partial<ValidationContext> = {}, reports: Record<string, Record<string, number>> = {}): ValidationContext =>
  contextFromPlan(plan, extra, reports);
const parseReport = (rows: RowObject[], entities?: RowObject[]): ParsedReporte =>
  parseWorkbook(workbookOf(ImportKind.REPORTE, { Reporte: rows, ...(entities ? { Entidades: entities } : {}) })) as ParsedReporte;
const check = (rows: RowObject[], context: ValidationContext = stored()): Issue[] => validateWorkbook(parseReport(rows), context);
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);
const one = (change: RowObject): RowObject[] => [{ ...REPORTS[0], ...change }];

describe('REPORTE', () => {
  it('imports the reports of the worked example with no issues', () => {
    const parsed = parseReport(REPORTS);
    expect(parsed.kind).toBe(ImportKind.REPORTE);
    expect(validateWorkbook(parsed, stored())).toEqual([]);
    expect(parsed.data.reports[0]).toEqual({
      sheet: 'Reporte',
      row: 2,
      policyCode: 'PP-EJ',
      productCode: 'A',
      year: 2024,
      period: 'S1',
      value: 70,
      percentCell: false,
      qualitativeProgress: null,
      difficulties: null,
      evidence: null,
      reportedBy: null,
    });
  });

  it('rejects a negative value', () => {
    const issues = check(one({ value: -5 }));
    expect(issues).toEqual([expect.objectContaining({ code: 'VALOR_NEGATIVO', severity: 'ERROR', row: 2, column: 'Valor', value: '-5' })]);
  });

  it('collects a negative value together with the row’s other errors', () => {
    expect(codes(check(one({ value: '-5', productCode: 'Z' })))).toEqual(['VALOR_NEGATIVO', 'PRODUCTO_INEXISTENTE']);
  });

  it('rejects a product or policy that does not exist', () => {
    expect(check(one({ productCode: 'Z' }))).toEqual([
      expect.objectContaining({ code: 'PRODUCTO_INEXISTENTE', column: 'Código producto', value: 'Z' }),
    ]);
    expect(codes(check(one({ policyCode: 'OTRA' })))).toEqual(['POLITICA_INEXISTENTE']);
  });

  it('rejects a period after (or before) the policy horizon', () => {
    const issues = check(one({ year: 2026 }));
    expect(issues).toEqual([expect.objectContaining({ code: 'PERIODO_FUERA_DE_HORIZONTE', value: '2026' })]);
    expect(issues[0]!.message).toContain('después del final');
    expect(codes(check(one({ year: 2023 })))).toEqual(['PERIODO_FUERA_DE_HORIZONTE']);
  });

  it('rejects a period that does not match the product periodicity', () => {
    expect(codes(check(one({ period: 'T1' })))).toEqual(['PERIODO_NO_COINCIDE']);
    expect(codes(check(one({ period: 'ANUAL' })))).toEqual(['PERIODO_NO_COINCIDE']);
    expect(check([{ ...REPORTS[0], productCode: 'C', period: 'anual', value: 4 }])).toEqual([]);
    expect(codes(check(one({ period: 'Q1' })))).toEqual(['VALOR_NO_PERMITIDO']);
  });

  it('accepts reports only from the responsible or co-responsible entity, or the planning office', () => {
    const as = (entityCode: string | null, planningOffice = false) => stored({ uploader: { entityCode, planningOffice } });
    expect(check(REPORTS, as('02'))).toEqual([]);
    expect(check(REPORTS, as('05'))).toEqual([]);
    expect(check(REPORTS, as(null, true))).toEqual([]);
    const issues = check(one({}), as('11'));
    expect(issues).toEqual([expect.objectContaining({ code: 'ENTIDAD_NO_RESPONSABLE', severity: 'ERROR' })]);
    expect(issues[0]!.message).toContain('«11»');
  });

  it('warns when a report changes a stored value, not when it repeats it', () => {
    const context = stored({}, { A: { [reportPeriodKey(2024, 'S1')]: 60 } });
    const issues = check(one({}), context);
    expect(issues).toEqual([expect.objectContaining({ code: 'VALOR_REPORTADO_CAMBIA', severity: 'WARNING' })]);
    expect(issues[0]!.message).toContain('de 60');
    expect(check(one({ value: 60 }), context)).toEqual([]);
  });

  it('rejects the same product and period twice', () => {
    expect(check([...REPORTS, REPORTS[1]!]).map((i) => [i.code, i.row])).toEqual([['FILA_DUPLICADA', 8]]);
  });

  it('reads percent cells of a % product as percentages and warns once about a value 100× below its goal', () => {
    const cell = { type: 'number' as const, value: 0.45, format: '0%' };
    const parsed = parseReport([{ ...REPORTS[3], value: cell }]);
    const row = parsed.data.reports[0]!;
    expect([row.value, row.percentCell]).toEqual([0.45, true]);
    expect(reportValue(row, '%')).toBe(45);
    expect(reportValue(row, 'número')).toBe(0.45);
    expect(validateWorkbook(parsed, stored())).toEqual([]);
    const fraction = check([{ ...REPORTS[3], value: 0.45 }]);
    expect(fraction).toEqual([
      expect.objectContaining({ code: 'ESCALA_MEZCLADA', severity: 'WARNING', sheet: 'Reporte', row: 2, column: 'Valor', value: '0,45' }),
    ]);
  });

  /** The stored context with product D's yearly goal 34,6 (the real SDP mix-up) and the stored reports given. */
  const withGoal346 = (reports = new Map<string, number>()): ValidationContext => {
    const context = stored();
    const d = context.policies.get('PP-EJ')!.products.get('D')!;
    const products = new Map(context.policies.get('PP-EJ')!.products);
    products.set('D', {
      ...d,
      goals: [
        { year: 2024, period: null, value: 34.6 },
        { year: 2025, period: null, value: 34.6 },
      ],
      reports,
    });
    return { ...context, policies: new Map([['PP-EJ', { ...context.policies.get('PP-EJ')!, products }]]) };
  };

  it('the real mix-up (goal 34,6, report 0,3005 → 343 095 %) is caught, once for the product however many cells', () => {
    const rows = [
      { ...REPORTS[3], period: 'S1', value: 0.3005 },
      { ...REPORTS[3], period: 'S2', value: 0.31 },
    ];
    const issues = check(rows, withGoal346());
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([['ESCALA_MEZCLADA', 2, 'Valor', '0,3005']]);
    expect(issues[0]!.message).toContain('2 reporte(s)');
  });

  it('counts the series as stored and overlaid by the workbook: a stored report replaced is not counted, a repeated row once', () => {
    // 2024 S1 (odd) is replaced by the workbook's; 2025 S1 (odd) stays; 2025 S2 is fine
    const context = withGoal346(
      new Map([
        [reportPeriodKey(2024, 'S1'), 0.3],
        [reportPeriodKey(2025, 'S1'), 0.29],
        [reportPeriodKey(2025, 'S2'), 30],
      ]),
    );
    const rows = [
      { ...REPORTS[3], period: 'S1', value: 20 },
      { ...REPORTS[3], period: 'S2', value: 0.31 },
      { ...REPORTS[3], period: 'S2', value: 0.32 },
    ];
    const issues = check(rows, context);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ['VALOR_REPORTADO_CAMBIA', 2],
      ['ESCALA_MEZCLADA', 3],
      ['FILA_DUPLICADA', 4],
    ]);
    expect(issues[1]!.message).toContain('«0,31»');
    expect(issues[1]!.message).toContain('(2 reporte(s) así)');
    // the stored odd report alone, with nothing odd in the workbook: no warning (the plan's import told)
    expect(check([rows[0]!], context).map((i) => i.code)).toEqual(['VALOR_REPORTADO_CAMBIA']);
  });

  it('still checks the other cells of a row whose value is unreadable', () => {
    expect(codes(check(one({ value: '1.000', year: 2030, productCode: 'Z' })))).toEqual([
      'NUMERO_AMBIGUO',
      'PERIODO_FUERA_DE_HORIZONTE',
      'PRODUCTO_INEXISTENTE',
    ]);
    expect(codes(check(one({ value: null, period: 'T1' })))).toEqual(['VALOR_REQUERIDO', 'PERIODO_NO_COINCIDE']);
  });

  it('reads decimal commas and rejects ambiguous numbers', () => {
    expect(parseReport([{ ...REPORTS[0], value: '70,5' }]).data.reports[0]!.value).toBe(70.5);
    expect(check(one({ value: '1.000' }))).toEqual([
      expect.objectContaining({ code: 'NUMERO_AMBIGUO', row: 2, column: 'Valor', value: '1.000' }),
    ]);
  });

  it('requires the required columns and values', () => {
    expect(codes(check(one({ period: null })))).toEqual(['VALOR_REQUERIDO']);
    expect(codes(check([]))).toEqual(['HOJA_SIN_DATOS']);
  });

  it('accepts an Entidades sheet and checks its duplicates', () => {
    const entity = { code: '77', name: 'Nueva', sector: 'Salud' };
    const parsed = parseReport(REPORTS, [entity, entity]);
    expect(parsed.data.entities).toHaveLength(2);
    expect(codes(validateWorkbook(parsed, stored()))).toEqual(['FILA_DUPLICADA']);
  });
});
