/**
 * A plan shaped like the real ones of issue 9 (the Bogotá youth-policy plan and the SDP corpus), built
 * in code: 99 products under 12 results and 6 objectives (3 products straight under objectives), five
 * results whose products' weights do not add up to their own, one product without weight, four
 * withdrawn products, every annualization type, CUATRIMESTRAL and BIENAL products (and MENSUAL,
 * BIMESTRAL, TRIMESTRAL, SEMESTRAL, ANUAL), a level series with "not programmed" 0 goals, a DECRECIENTE
 * without baseline, real scale mix-ups (goals 0.8 next to 80; reports 0.3005 against a goal of 34.6),
 * plus its REPORTE. `REAL_PLAN_SPEC` describes every product for an independent computation.
 */
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import { RowObject } from './workbook.builder';

export const REAL_POLICY_CODE = 'PPJ-BOG';
export const REAL_START = 2024;
export const REAL_YEARS = [2024, 2025, 2026, 2027, 2028, 2029];

const { SUMA, CONSTANTE, CRECIENTE, DECRECIENTE } = AnnualizationType;
const P = Periodicity;
const PERIODICITIES = [
  P.ANUAL,
  P.SEMESTRAL,
  P.TRIMESTRAL,
  P.CUATRIMESTRAL,
  P.BIENAL,
  P.ANUAL,
  P.MENSUAL,
  P.BIMESTRAL,
  P.SEMESTRAL,
  P.CUATRIMESTRAL,
  P.BIENAL,
];
const TYPES = [SUMA, CONSTANTE, CRECIENTE, DECRECIENTE];

/** Products withdrawn (NO_VIGENTE) from 2025-07-01. */
export const WITHDRAWN = new Set([20, 41, 62, 83]);
export const WITHDRAWN_FROM = '2025-07-01';
/** The product without weight (stored with weight 0). */
export const NO_WEIGHT = 50;
/** The DECRECIENTE without baseline (V16). */
export const NO_BASELINE = 7;
/** A CRECIENTE whose goals are 14, 18, 0, 0, 0, 0 ("not programmed" from 2026). */
export const ZERO_GOALS = 2;
/** A % CONSTANTE whose 2024 goal is written 0.8 next to 80 (plan-time scale mix-up). */
export const FRACTION_GOAL = 9;
/** A % CONSTANTE with goal 34.6 whose reports are written 0.3005 (report-time scale mix-up). */
export const HUNDRED_FOLD = 13;
/** Results whose weight is not the sum of their products' (V1). */
export const NOT_NESTING = new Set([0, 1, 2, 3, 4]);

export interface SpecProduct {
  index: number;
  code: string;
  objective: number;
  result: number | null;
  type: AnnualizationType;
  periodicity: Periodicity;
  unit: string;
  baseline: number | null;
  /** Whole-year goals by year. */
  goals: Record<number, number>;
  finalGoal: number | null;
  /** Weight as stored (the missing one as 0). */
  weight: number;
  withdrawnFrom: string | null;
  /** Reports as [year, period, value]. */
  reports: [number, string, number][];
}

/** Calendar of one periodicity for the fixture (independent of src/calculation): [code, year, last day, months]. */
export function fixturePeriods(periodicity: Periodicity): [string, number, string, number][] {
  const out: [string, number, string, number][] = [];
  const last = (y: number, m: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const split: Partial<Record<Periodicity, [string, number, number]>> = {
    [P.MENSUAL]: ['M', 1, 2],
    [P.BIMESTRAL]: ['B', 2, 1],
    [P.TRIMESTRAL]: ['T', 3, 1],
    [P.CUATRIMESTRAL]: ['C', 4, 1],
    [P.SEMESTRAL]: ['S', 6, 1],
  };
  for (const year of REAL_YEARS) {
    const s = split[periodicity];
    if (s) {
      for (let n = 1; n <= 12 / s[1]; n++) out.push([`${s[0]}${String(n).padStart(s[2], '0')}`, year, last(year, n * s[1]), s[1]]);
    } else if (periodicity === P.ANUAL) out.push(['ANUAL', year, `${year}-12-31`, 12]);
    else if (periodicity === P.BIENAL && (year - REAL_START) % 2 === 1) out.push(['BIENIO', year, `${year}-12-31`, 24]);
  }
  return out;
}

function goalsOf(i: number, type: AnnualizationType): Record<number, number> {
  const goals: Record<number, number> = {};
  REAL_YEARS.forEach((year, k) => {
    if (i === ZERO_GOALS) goals[year] = [14, 18, 0, 0, 0, 0][k]!;
    else if (i === HUNDRED_FOLD) goals[year] = 34.6;
    else if (type === SUMA) goals[year] = 12;
    else if (type === CONSTANTE) goals[year] = i === FRACTION_GOAL && k === 0 ? 0.8 : 80;
    else if (type === CRECIENTE) goals[year] = 10 + 5 * (k + 1);
    else goals[year] = 100 - 5 * (k + 1);
  });
  return goals;
}

function reportValue(i: number, type: AnnualizationType, goal: number, months: number, baseline: number | null): number {
  if (i === HUNDRED_FOLD) return 0.3005;
  const f = [0.35, 0.55, 0.75, 0.95, 1.4][i % 5]!;
  if (type === SUMA) return (goal * months * f) / 12;
  if (type === CONSTANTE) return goal * f;
  const b = baseline ?? 100;
  return b + (goal - b) * f;
}

function buildSpec(): SpecProduct[] {
  return Array.from({ length: 99 }, (_, i): SpecProduct => {
    const result = i < 96 ? Math.floor(i / 8) : null;
    const objective = result === null ? i - 96 + 1 : Math.floor(result / 2) + 1;
    const type = TYPES[i % 4]!;
    const periodicity = PERIODICITIES[i % 11]!;
    const baseline = type === CRECIENTE ? 10 : type === DECRECIENTE && i !== NO_BASELINE ? 100 : null;
    const goals = goalsOf(i, type);
    const reports: [number, string, number][] = [];
    for (const [code, year, end, months] of fixturePeriods(periodicity)) {
      if (end > '2025-12-31') continue;
      if (i % 7 === 0 && end > '2025-06-30') continue; // unreported at the later cuts: missing reports
      if (i % 13 === 5 && end === '2024-12-31') continue; // a gap in the middle
      reports.push([year, code, reportValue(i, type, goals[year]!, months, baseline)]);
    }
    return {
      index: i,
      code: `${objective}.${i + 1}`,
      objective,
      result,
      type,
      periodicity,
      unit: type === CONSTANTE ? '%' : 'número',
      baseline,
      goals,
      finalGoal: type === SUMA ? 72 : null,
      weight: i === NO_WEIGHT ? 0 : 1 / 99,
      withdrawnFrom: WITHDRAWN.has(i) ? WITHDRAWN_FROM : null,
      reports,
    };
  });
}

export const REAL_PLAN_SPEC: SpecProduct[] = buildSpec();

/** Results: CRECIENTE, ANUAL, baseline 20, goals 30..80; weight = Σ of its vigente products' except five. */
export const REAL_RESULTS = Array.from({ length: 12 }, (_, r) => {
  const own = REAL_PLAN_SPEC.filter((p) => p.result === r && !p.withdrawnFrom);
  return {
    code: `R${r + 1}`,
    objective: Math.floor(r / 2) + 1,
    weight: NOT_NESTING.has(r) ? 0.1 : own.reduce((s, p) => s + (p.index === NO_WEIGHT ? 0 : 1 / 99), 0),
    goals: Object.fromEntries(REAL_YEARS.map((y, k) => [y, 30 + 10 * k])) as Record<number, number>,
    reports: r % 3 === 0 ? [] : [[2024, 'ANUAL', 28 + r] as [number, string, number], [2025, 'ANUAL', 35 + r] as [number, string, number]],
  };
});

export function realPlanObjects(): Record<string, RowObject[]> {
  return {
    Politica: [
      {
        code: REAL_POLICY_CODE,
        name: 'Política Pública de Juventud (plan de acción de prueba)',
        adoptionDate: '2024-03-01',
        startYear: REAL_START,
        vigencias: REAL_YEARS.length,
        leadEntityCode: '0107',
      },
    ],
    Entidades: [
      {
        code: '0107',
        name: 'Secretaría Distrital de Integración Social',
        acronym: 'SDIS',
        sector: 'Integración Social',
        level: 'DISTRITAL',
      },
      { code: '0112', name: 'Secretaría de Educación del Distrito', acronym: 'SED', sector: 'Educación', level: 'DISTRITAL' },
    ],
    Objetivos: [1, 2, 3, 4, 5, 6].map((n) => ({ number: n, text: `Objetivo específico ${n}` })),
    Resultados: REAL_RESULTS.map((r) => ({
      code: r.code,
      objectiveNumber: r.objective,
      name: `Resultado ${r.code}`,
      indicator: `Indicador de resultado ${r.code}`,
      unit: 'número',
      annualizationType: CRECIENTE,
      periodicity: P.ANUAL,
      baseline: 20,
      weight: r.weight,
      responsibleEntityCode: '0107',
    })),
    Productos: REAL_PLAN_SPEC.map((p) => ({
      code: p.code,
      objectiveNumber: p.objective,
      resultCode: p.result === null ? null : `R${p.result + 1}`,
      name: `Producto ${p.code}`,
      indicator: `Indicador ${p.code}`,
      unit: p.unit,
      annualizationType: p.type,
      periodicity: p.periodicity,
      baseline: p.baseline,
      finalGoal: p.finalGoal,
      weight: p.index === NO_WEIGHT ? null : p.weight,
      responsibleEntityCode: p.index % 2 ? '0112' : '0107',
      status: p.withdrawnFrom ? 'No vigente' : null,
      withdrawnFrom: p.withdrawnFrom,
    })),
    Metas: [
      ...REAL_PLAN_SPEC.flatMap((p) => REAL_YEARS.map((year) => ({ productCode: p.code, year, value: p.goals[year]! }))),
      ...REAL_RESULTS.flatMap((r) => REAL_YEARS.map((year) => ({ productCode: r.code, year, value: r.goals[year]! }))),
    ],
  };
}

export function realReportRows(): RowObject[] {
  return [
    ...REAL_PLAN_SPEC.flatMap((p) =>
      p.reports.map(([year, period, value]) => ({ policyCode: REAL_POLICY_CODE, productCode: p.code, year, period, value })),
    ),
    ...REAL_RESULTS.flatMap((r) =>
      r.reports.map(([year, period, value]) => ({ policyCode: REAL_POLICY_CODE, productCode: r.code, year, period, value })),
    ),
  ];
}
