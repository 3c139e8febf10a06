/**
 * The worked example of calculation.md §8 as PLAN sheet objects (5 products, equal weights 0.2,
 * start 2024, 2 vigencias), plus its REPORTE rows and a validation context built from a plan.
 */
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import { PlanData } from '../model/plan.types';
import { reportPeriodKey, StoredProduct, ValidationContext } from '../validation/validation.context';
import { RowObject } from './workbook.builder';

export const POLICY: RowObject = {
  code: 'PP-EJ',
  name: 'Política de ejemplo',
  legalAct: 'Decreto 001 de 2024',
  adoptionDate: '2024-01-15',
  startYear: 2024,
  vigencias: 2,
  leadEntityCode: '02',
};

export const ENTITIES: RowObject[] = [
  { code: '02', name: 'Secretaría Distrital de Gobierno', acronym: 'SDG', sector: 'Gobierno', level: 'DISTRITAL' },
  { code: '05', name: 'Secretaría Distrital de la Mujer', acronym: 'SDMujer', sector: 'Mujer', level: 'DISTRITAL' },
];

export const OBJECTIVES: RowObject[] = [
  { number: 1, text: 'Prevenir las violencias' },
  { number: 2, text: 'Atender a las víctimas' },
];

const product = (
  code: string,
  objective: number,
  type: AnnualizationType,
  periodicity: Periodicity,
  finalGoal: number,
  extra: RowObject = {},
): RowObject => ({
  code,
  objectiveNumber: objective,
  name: `Producto ${code}`,
  indicator: `Indicador ${code}`,
  unit: 'número',
  annualizationType: type,
  periodicity,
  finalGoal,
  weight: 0.2,
  responsibleEntityCode: '02',
  coResponsibleEntityCodes: '05',
  ...extra,
});

export const PRODUCTS: RowObject[] = [
  product('A', 1, AnnualizationType.SUMA, Periodicity.SEMESTRAL, 200),
  product('B', 1, AnnualizationType.SUMA, Periodicity.TRIMESTRAL, 80),
  product('C', 2, AnnualizationType.SUMA, Periodicity.ANUAL, 20),
  product('D', 2, AnnualizationType.CONSTANTE, Periodicity.SEMESTRAL, 100, { unit: '%' }),
  product('E', 2, AnnualizationType.CRECIENTE, Periodicity.TRIMESTRAL, 50, { baseline: 10 }),
];

export const GOALS: RowObject[] = [
  { productCode: 'A', year: 2024, value: 100 },
  { productCode: 'A', year: 2025, value: 100 },
  { productCode: 'B', year: 2024, value: 40 },
  { productCode: 'B', year: 2025, value: 40 },
  { productCode: 'C', year: 2024, value: 10 },
  { productCode: 'C', year: 2025, value: 10 },
  { productCode: 'D', year: 2024, value: 100 },
  { productCode: 'D', year: 2025, value: 100 },
  { productCode: 'E', year: 2024, value: 30 },
  { productCode: 'E', year: 2025, value: 50 },
];

export const planObjects = (overrides: Partial<Record<string, RowObject[]>> = {}): Record<string, RowObject[]> => ({
  Politica: [POLICY],
  Entidades: ENTITIES,
  Objetivos: OBJECTIVES,
  Productos: PRODUCTS,
  Metas: GOALS,
  ...overrides,
});

export const REPORTS: RowObject[] = [
  { policyCode: 'PP-EJ', productCode: 'A', year: 2024, period: 'S1', value: 70 },
  { policyCode: 'PP-EJ', productCode: 'B', year: 2024, period: 'T1', value: 5 },
  { policyCode: 'PP-EJ', productCode: 'B', year: 2024, period: 'T2', value: 10 },
  { policyCode: 'PP-EJ', productCode: 'D', year: 2024, period: 'S1', value: 45 },
  { policyCode: 'PP-EJ', productCode: 'E', year: 2024, period: 'T1', value: 14 },
  { policyCode: 'PP-EJ', productCode: 'E', year: 2024, period: 'T2', value: 18 },
];

/** What the database layer would hold after importing `plan` (plus optional stored reports). */
export function contextFromPlan(
  plan: PlanData,
  extra: Partial<ValidationContext> = {},
  storedReports: Record<string, Record<string, number>> = {},
): ValidationContext {
  const products = new Map<string, StoredProduct>(
    plan.products.map((p) => [
      p.code,
      {
        code: p.code,
        unit: p.unit,
        annualizationType: p.annualizationType,
        periodicity: p.periodicity,
        responsibleEntityCode: p.responsibleEntityCode,
        coResponsibleEntityCodes: p.coResponsibleEntityCodes,
        reports: new Map(Object.entries(storedReports[p.code] ?? {})),
        baseline: p.baseline,
        finalGoal: p.finalGoal,
        goals: plan.goals.filter((g) => g.productCode === p.code).map((g) => ({ year: g.year, period: g.period, value: g.value })),
      },
    ]),
  );
  const policy = plan.policy!;
  return {
    entityCodes: new Set(plan.entities.map((e) => e.code)),
    policies: new Map([
      [
        policy.code,
        { code: policy.code, startYear: policy.startYear, vigencias: policy.vigencias, leadEntityCode: policy.leadEntityCode, products },
      ],
    ]),
    instances: new Map(),
    ...extra,
  };
}

export { reportPeriodKey };
