/**
 * Quality checks of an adopted plan (docs/ingestion.md, "Checks"): problems the SDP's own tooling
 * flags in official plans. They never refuse the plan: each gives a warning naming sheet, row and
 * column, and the record keeps a quality flag saying why a figure is not what the plan literally says.
 * Pure: the validator reports the warnings, the importer stores the flags and the weights to use.
 */
import { checkScale } from '../../src/calculation/scale-check';
import { AnnualizationType, ProductStatus, QualityFlag } from '../../src/domain/enums';
import { IssueCode, IssueLocation } from '../issues/issue.types';
import { q } from '../issues/issue.collector';
import { GoalRow, PlanData, ProductRow, ResultRow } from '../model/plan.types';
import { sameNumber, showNumber } from './common.validator';
import { Horizon, periodOrder } from './period.rules';

export const WEIGHT_TOLERANCE = 0.001;

export interface QualityWarning {
  readonly code: IssueCode;
  readonly at: IssueLocation;
  readonly message: string;
}

export interface PlanQuality {
  readonly warnings: QualityWarning[];
  /** Flags per product code. */
  readonly productFlags: Map<string, QualityFlag[]>;
  /** Flags per result code. */
  readonly resultFlags: Map<string, QualityFlag[]>;
  /** Products stored with weight 0 because the plan weighs other products and not them. */
  readonly zeroWeight: Set<string>;
}

type Indicator = (ProductRow | ResultRow) & { readonly kind: 'producto' | 'resultado' };

const within = (sum: number, target: number): boolean => Math.abs(sum - target) <= WEIGHT_TOLERANCE + 1e-12;

function flag(map: Map<string, QualityFlag[]>, code: string, f: QualityFlag): void {
  const list = map.get(code) ?? [];
  if (!list.includes(f)) list.push(f);
  map.set(code, list);
}

/** Goal of each year: the whole-year goal, else (SUMA) the sum of its periods or (others) its latest period. */
export function yearlyGoals(type: AnnualizationType, goals: readonly GoalRow[]): Map<number, number> {
  const byYear = new Map<number, GoalRow[]>();
  for (const g of goals) byYear.set(g.year, [...(byYear.get(g.year) ?? []), g]);
  const result = new Map<number, number>();
  for (const [year, rows] of byYear) {
    const whole = rows.find((r) => r.period === null);
    if (whole) result.set(year, whole.value);
    else if (type === AnnualizationType.SUMA)
      result.set(
        year,
        rows.reduce((s, r) => s + r.value, 0),
      );
    else result.set(year, [...rows].sort((a, b) => periodOrder(b.period!) - periodOrder(a.period!))[0]!.value);
  }
  return result;
}

/** V2 (and the missing weight): product weights over the vigente products. */
function checkProductWeights(products: readonly ProductRow[], out: PlanQuality): void {
  const vigentes = products.filter((p) => p.status === ProductStatus.VIGENTE);
  if (!products.some((p) => p.weight !== null)) return;
  for (const p of products) {
    if (p.weight !== null) continue;
    out.zeroWeight.add(p.code);
    if (p.status !== ProductStatus.VIGENTE) continue;
    flag(out.productFlags, p.code, QualityFlag.PONDERADOR_FALTANTE);
    out.warnings.push({
      code: 'PONDERADOR_FALTANTE',
      at: { sheet: p.sheet, row: p.row, column: 'Ponderador' },
      message: `el producto ${q(p.code)} no tiene ponderador y otros productos sí: se importa con ponderador 0 (no pesa en el avance de la política); escriba su ponderador si debe contar`,
    });
  }
  const sum = vigentes.reduce((s, p) => s + (p.weight ?? 0), 0);
  if (vigentes.length === 0 || within(sum, 1)) return;
  const first = vigentes.find((p) => p.weight !== null) ?? vigentes[0]!;
  out.warnings.push({
    code: 'PONDERADORES_NO_SUMAN_UNO',
    at: { sheet: first.sheet, row: first.row, column: 'Ponderador', value: showNumber(sum) },
    message: `los ponderadores de los productos vigentes suman ${showNumber(sum)} y deberían sumar 1 (regla V2, tolerancia ${showNumber(WEIGHT_TOLERANCE)}): el plan se importa y el avance usa los ponderadores tal como están; revíselos`,
  });
}

/** V0 (results add up to 1) and V1 (a result's weight is shared by its vigente products). */
function checkResultWeights(results: readonly ResultRow[], products: readonly ProductRow[], out: PlanQuality): void {
  const weighted = results.filter((r) => r.weight !== null);
  if (weighted.length === 0) return;
  const sum = weighted.reduce((s, r) => s + (r.weight ?? 0), 0);
  if (!within(sum, 1) || weighted.length < results.length) {
    const first = weighted[0]!;
    out.warnings.push({
      code: 'PONDERADORES_RESULTADOS_NO_SUMAN_UNO',
      at: { sheet: first.sheet, row: first.row, column: 'Ponderador', value: showNumber(sum) },
      message: `los ponderadores de los resultados suman ${showNumber(sum)}${weighted.length < results.length ? ` y ${results.length - weighted.length} resultado(s) no tienen ponderador` : ''}; deberían sumar 1 (regla V0). Se importa; revíselos`,
    });
  }
  for (const r of weighted) {
    const own = products.filter((p) => p.resultCode === r.code && p.status === ProductStatus.VIGENTE);
    if (own.length === 0) continue;
    const total = own.reduce((s, p) => s + (p.weight ?? 0), 0);
    if (within(total, r.weight!)) continue;
    flag(out.resultFlags, r.code, QualityFlag.PONDERADORES_NO_ANIDAN);
    out.warnings.push({
      code: 'PONDERADORES_NO_ANIDAN',
      at: { sheet: r.sheet, row: r.row, column: 'Ponderador', value: showNumber(r.weight!) },
      message: `el resultado ${q(r.code)} pesa ${showNumber(r.weight!)}, pero los ponderadores de sus ${own.length} productos vigentes suman ${showNumber(total)} (regla V1: el peso de un resultado se reparte entre sus productos). Se importa; revise los ponderadores`,
    });
  }
}

/** V14, V16, V17 and the scale check of one product or result. */
function checkIndicator(x: Indicator, goals: readonly GoalRow[], horizon: Horizon | null, out: PlanQuality): void {
  const flags = x.kind === 'producto' ? out.productFlags : out.resultFlags;
  const at = { sheet: x.sheet, row: x.row };
  const name = `el ${x.kind} ${q(x.code)}`;
  if (x.annualizationType === AnnualizationType.DECRECIENTE && x.baseline === null) {
    flag(flags, x.code, QualityFlag.LINEA_BASE_FALTANTE);
    out.warnings.push({
      code: 'LINEA_BASE_REQUERIDA',
      at: { ...at, column: 'Línea base', value: x.baselineNotAvailable ? 'ND' : null },
      message: `${name} es DECRECIENTE y no tiene línea base numérica${x.baselineNotAvailable ? ' (ND)' : ''} (regla V16): se importa, pero su avance queda sin calcular hasta que tenga línea base`,
    });
  }
  if (goals.length === 0) {
    out.warnings.push({
      code: 'PRODUCTO_SIN_METAS',
      at: { ...at, column: x.kind === 'producto' ? 'Código producto' : 'Código resultado', value: x.code },
      message: `${name} no tiene metas en la hoja Metas; agréguelas para poder calcular su avance`,
    });
    return;
  }
  const years = yearlyGoals(x.annualizationType, goals);
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const isSum = x.annualizationType === AnnualizationType.SUMA;
  // a 0 goal of a level series is "not programmed" (docs/calculation.md §2): the last programmed goal counts
  const programmed = sorted.filter((y) => isSum || !sameNumber(years.get(y)!, 0));
  const lastYear = programmed[programmed.length - 1] ?? sorted[sorted.length - 1]!;
  const last = years.get(lastYear)!;
  const derived = isSum ? [...years.values()].reduce((s, v) => s + v, 0) : last;
  const finalGoal = x.finalGoal ?? derived;
  if (x.finalGoal !== null && !sameNumber(x.finalGoal, derived)) {
    flag(flags, x.code, QualityFlag.METAS_NO_ALCANZAN_META_FINAL);
    out.warnings.push(
      isSum
        ? {
            code: 'META_FINAL_DIFIERE_SUMA',
            at: { ...at, column: 'Meta final', value: showNumber(x.finalGoal) },
            message: `${name} es SUMA y sus metas anuales suman ${showNumber(derived)}, pero la meta final es ${showNumber(x.finalGoal)} (regla V17); revise las metas o la meta final`,
          }
        : {
            code: 'META_FINAL_DIFIERE_ULTIMO_ANIO',
            at: { ...at, column: 'Meta final', value: showNumber(x.finalGoal) },
            message: `${name} es ${x.annualizationType} y su meta del último año programado (${lastYear}) es ${showNumber(last)}, pero la meta final es ${showNumber(x.finalGoal)} (regla V17); revise las metas o la meta final`,
          },
    );
  }
  if (x.baseline !== null) {
    const below = x.annualizationType === AnnualizationType.CRECIENTE && finalGoal < x.baseline;
    const above = x.annualizationType === AnnualizationType.DECRECIENTE && finalGoal > x.baseline;
    if (below || above) {
      flag(flags, x.code, QualityFlag.META_FINAL_LADO_EQUIVOCADO);
      out.warnings.push({
        code: below ? 'META_FINAL_BAJO_LINEA_BASE' : 'META_FINAL_SOBRE_LINEA_BASE',
        at: { ...at, column: 'Meta final', value: showNumber(finalGoal) },
        message: `${name} es ${x.annualizationType} pero su meta final (${showNumber(finalGoal)}) es ${below ? 'menor' : 'mayor'} que la línea base (${showNumber(x.baseline)}) (regla V14); revise el tipo de anualización, la línea base o la meta`,
      });
    }
  }
  if (!horizon) return;
  const scale = checkScale(
    horizon,
    {
      id: 0,
      annualizationType: x.annualizationType,
      periodicity: x.periodicity,
      baseline: x.baseline,
      finalGoal: x.finalGoal,
      weight: null,
      priority: null,
      goals: goals.map((g) => ({ year: g.year, period: g.period, value: g.value })),
      reports: [],
    },
    x.unit,
  );
  if (scale?.goalIndex != null) {
    const g = goals[scale.goalIndex]!;
    flag(flags, x.code, QualityFlag.ESCALA_MEZCLADA);
    out.warnings.push({
      code: 'ESCALA_MEZCLADA',
      at: { sheet: g.sheet, row: g.row, column: 'Meta', value: showNumber(g.value) },
      message: `las metas de ${name} (unidad %) mezclan fracciones y porcentajes: ${scale.count} meta(s) como ${showNumber(g.value)} están en una escala unas 100 veces distinta de las demás. Escriba todas en la misma escala (45 para 45 %)`,
    });
  }
}

/**
 * Every quality finding of a plan. `horizon` null when the `Politica` row could not be read;
 * `incomplete` when some Productos/Resultados rows were rejected (their weights are unknown, so the
 * weight sums would mislead and are not checked: the workbook is refused for those rows anyway).
 */
export function planQuality(data: PlanData, horizon: Horizon | null, incomplete = false): PlanQuality {
  const out: PlanQuality = { warnings: [], productFlags: new Map(), resultFlags: new Map(), zeroWeight: new Set() };
  const goalsByCode = new Map<string, GoalRow[]>();
  for (const g of data.goals) goalsByCode.set(g.productCode, [...(goalsByCode.get(g.productCode) ?? []), g]);
  if (!incomplete) {
    checkProductWeights(data.products, out);
    checkResultWeights(data.results, data.products, out);
  }
  const seen = new Set<string>();
  for (const r of data.results) {
    if (seen.has(r.code)) continue;
    seen.add(r.code);
    checkIndicator({ ...r, kind: 'resultado' }, goalsByCode.get(r.code) ?? [], horizon, out);
  }
  for (const p of data.products) {
    if (seen.has(p.code)) continue;
    seen.add(p.code);
    checkIndicator({ ...p, kind: 'producto' }, goalsByCode.get(p.code) ?? [], horizon, out);
  }
  return out;
}
