/** PLAN checks (calculation.md §10, domain rules). Pure: issues only. */
import { AnnualizationType } from '../../src/domain/enums';
import { IssueCollector, q } from '../issues/issue.collector';
import { RejectedRow, SourceRef } from '../model/common.types';
import { GoalRow, PlanData, PolicyRow, ProductRow } from '../model/plan.types';
import { looksLikeFraction } from '../parsing/percent.rules';
import {
  checkDuplicates,
  EntityIndex,
  rejectedKeys,
  rejectedNumber,
  rejectedOf,
  rejectedText,
  sameNumber,
  showNumber,
  validateEntities,
} from './common.validator';
import { Horizon, inHorizon, lastYear, periodicityHelp, periodMatches, periodOrder } from './period.rules';
import { ValidationContext } from './validation.context';

export const WEIGHT_TOLERANCE = 0.001;

function fractionWarning(
  value: number | null,
  unit: string | null,
  at: { sheet: string; row: number; column: string },
  issues: IssueCollector,
): void {
  if (value === null || !looksLikeFraction(value, unit)) return;
  issues.warning(
    'VALOR_PARECE_FRACCION',
    { ...at, value: showNumber(value) },
    `el valor ${q(showNumber(value))} parece una fracción entre 0 y 1, pero la unidad del producto es %: se lee como ${showNumber(value)} %. Si quiso decir ${showNumber(value * 100)} %, escriba ${showNumber(value * 100)}`,
  );
}

function validatePolicy(policy: PolicyRow, entities: EntityIndex, context: ValidationContext, issues: IssueCollector): void {
  const at = { sheet: policy.sheet, row: policy.row };
  entities.check(policy.leadEntityCode, { ...at, column: 'Código entidad líder' }, issues);
  if (policy.mediumThreshold >= policy.highThreshold) {
    issues.error(
      'UMBRALES_INCONSISTENTES',
      { ...at, column: 'Umbral medio', value: showNumber(policy.mediumThreshold) },
      `el umbral medio (${showNumber(policy.mediumThreshold)}) debe ser menor que el umbral alto (${showNumber(policy.highThreshold)}); corrija uno de los dos`,
    );
  }
  const uploader = context.uploader;
  if (!uploader || uploader.planningOffice) return;
  // The stored lead entity decides: an entity can neither register a new policy nor name itself lead of another's.
  const stored = context.policies.get(policy.code);
  const lead = stored?.leadEntityCode ?? null;
  const mine = uploader.entityCode !== null && uploader.entityCode === lead;
  if (!stored || !mine) {
    issues.error(
      'ENTIDAD_NO_AUTORIZADA',
      { ...at, column: 'Código política', value: policy.code },
      stored
        ? `solo la oficina de planeación o la entidad líder${lead ? ` (${q(lead)})` : ''} pueden cargar el plan de acción de la política ${q(policy.code)}; su entidad es ${q(uploader.entityCode ?? 'ninguna')}`
        : `la política ${q(policy.code)} no está registrada: solo la oficina de planeación puede cargar el plan de una política nueva`,
    );
  } else if (policy.leadEntityCode !== null && policy.leadEntityCode !== lead) {
    issues.error(
      'ENTIDAD_NO_AUTORIZADA',
      { ...at, column: 'Código entidad líder', value: policy.leadEntityCode },
      `solo la oficina de planeación puede cambiar la entidad líder de la política ${q(policy.code)} (hoy ${q(lead!)}); deje ${q(lead!)} o la celda vacía`,
    );
  }
}

function validateWeights(products: readonly ProductRow[], rejected: readonly RejectedRow[], issues: IssueCollector): void {
  const rejectedProducts = rejectedOf(rejected, 'Productos');
  const rejectedWeights = rejectedProducts.map((r) => r.values.weight);
  const weighted = products.filter((p) => p.weight !== null);
  if (weighted.length === 0 && rejectedWeights.every((w) => typeof w !== 'number')) return;
  for (const p of products) {
    if (p.weight !== null) continue;
    issues.error(
      'PONDERADOR_FALTANTE',
      { sheet: p.sheet, row: p.row, column: 'Ponderador' },
      `el producto ${q(p.code)} no tiene ponderador y otros productos sí; dé ponderador a todos los productos (deben sumar 1) o déjelo vacío en todos`,
    );
  }
  // A rejected product row whose weight could not be read was already reported: the sum would mislead.
  if (rejectedProducts.some((r) => !('weight' in r.values))) return;
  const sum = [...weighted.map((p) => p.weight ?? 0), ...rejectedWeights.map((w) => (typeof w === 'number' ? w : 0))].reduce(
    (s, w) => s + w,
    0,
  );
  if (Math.abs(sum - 1) <= WEIGHT_TOLERANCE) return;
  issues.error(
    'PONDERADORES_NO_SUMAN_UNO',
    { sheet: weighted[0]?.sheet ?? rejectedProducts[0]!.sheet, column: 'Ponderador', value: showNumber(sum) },
    `los ponderadores de los productos suman ${showNumber(sum)} y deben sumar 1 (con tolerancia de ${showNumber(WEIGHT_TOLERANCE)}); ajústelos`,
  );
}

function validateProduct(p: ProductRow, objectives: ReadonlySet<string>, entities: EntityIndex, issues: IssueCollector): void {
  const at = { sheet: p.sheet, row: p.row };
  if (!objectives.has(String(p.objectiveNumber))) {
    issues.error(
      'OBJETIVO_INEXISTENTE',
      { ...at, column: 'Número objetivo', value: String(p.objectiveNumber) },
      `el objetivo ${q(p.objectiveNumber)} no está en la hoja Objetivos; agréguelo o corrija el número`,
    );
  }
  entities.check(p.responsibleEntityCode, { ...at, column: 'Código entidad responsable' }, issues);
  for (const code of p.coResponsibleEntityCodes) entities.check(code, { ...at, column: 'Entidades corresponsables' }, issues);
  if (p.annualizationType === AnnualizationType.DECRECIENTE && p.baseline === null) {
    issues.error(
      'LINEA_BASE_REQUERIDA',
      { ...at, column: 'Línea base', value: p.baselineNotAvailable ? 'ND' : null },
      `el producto ${q(p.code)} es DECRECIENTE y necesita una línea base numérica${p.baselineNotAvailable ? ' (ND no sirve)' : ''}; escriba el valor de la línea base`,
    );
  }
  fractionWarning(p.baseline, p.unit, { ...at, column: 'Línea base' }, issues);
  fractionWarning(p.finalGoal, p.unit, { ...at, column: 'Meta final' }, issues);
}

/** Goal of each year: the whole-year goal, else (SUMA) the sum of its periods or (others) its latest period. */
function yearlyGoals(p: ProductRow, goals: readonly GoalRow[]): Map<number, number> {
  const byYear = new Map<number, GoalRow[]>();
  for (const g of goals) byYear.set(g.year, [...(byYear.get(g.year) ?? []), g]);
  const result = new Map<number, number>();
  for (const [year, rows] of byYear) {
    const whole = rows.find((r) => r.period === null);
    if (whole) result.set(year, whole.value);
    else if (p.annualizationType === AnnualizationType.SUMA)
      result.set(
        year,
        rows.reduce((s, r) => s + r.value, 0),
      );
    else result.set(year, [...rows].sort((a, b) => periodOrder(b.period!) - periodOrder(a.period!))[0]!.value);
  }
  return result;
}

function validateGoalConsistency(p: ProductRow, goals: readonly GoalRow[], issues: IssueCollector): void {
  const at = { sheet: p.sheet, row: p.row };
  if (goals.length === 0) {
    issues.warning(
      'PRODUCTO_SIN_METAS',
      { ...at, column: 'Código producto', value: p.code },
      `el producto ${q(p.code)} no tiene metas en la hoja Metas; agréguelas para poder calcular su avance`,
    );
    return;
  }
  const years = yearlyGoals(p, goals);
  const sorted = [...years.keys()].sort((a, b) => a - b);
  const last = years.get(sorted[sorted.length - 1]!)!;
  const isSum = p.annualizationType === AnnualizationType.SUMA;
  const derived = isSum ? [...years.values()].reduce((s, v) => s + v, 0) : last;
  const finalGoal = p.finalGoal ?? derived;
  if (p.finalGoal !== null && !sameNumber(p.finalGoal, derived)) {
    if (isSum) {
      issues.warning(
        'META_FINAL_DIFIERE_SUMA',
        { ...at, column: 'Meta final', value: showNumber(p.finalGoal) },
        `el producto ${q(p.code)} es SUMA y sus metas anuales suman ${showNumber(derived)}, pero la meta final es ${showNumber(p.finalGoal)}; revise las metas o la meta final`,
      );
    } else {
      issues.warning(
        'META_FINAL_DIFIERE_ULTIMO_ANIO',
        { ...at, column: 'Meta final', value: showNumber(p.finalGoal) },
        `el producto ${q(p.code)} es ${p.annualizationType} y su meta del último año (${sorted[sorted.length - 1]}) es ${showNumber(last)}, pero la meta final es ${showNumber(p.finalGoal)}; revise las metas o la meta final`,
      );
    }
  }
  if (p.baseline === null) return;
  if (p.annualizationType === AnnualizationType.CRECIENTE && finalGoal < p.baseline) {
    issues.warning(
      'META_FINAL_BAJO_LINEA_BASE',
      { ...at, column: 'Meta final', value: showNumber(finalGoal) },
      `el producto ${q(p.code)} es CRECIENTE pero su meta final (${showNumber(finalGoal)}) es menor que la línea base (${showNumber(p.baseline)}); revise el tipo de anualización, la línea base o la meta`,
    );
  }
  if (p.annualizationType === AnnualizationType.DECRECIENTE && finalGoal > p.baseline) {
    issues.warning(
      'META_FINAL_SOBRE_LINEA_BASE',
      { ...at, column: 'Meta final', value: showNumber(finalGoal) },
      `el producto ${q(p.code)} es DECRECIENTE pero su meta final (${showNumber(finalGoal)}) es mayor que la línea base (${showNumber(p.baseline)}); revise el tipo de anualización, la línea base o la meta`,
    );
  }
}

/** A goal row to check; fields are null when unreadable (rows rejected by the reader are checked too). */
interface GoalCheck extends SourceRef {
  readonly productCode: string | null;
  readonly year: number | null;
  readonly period: string | null;
  readonly value: number | null;
}

function rejectedGoals(rejected: readonly RejectedRow[]): GoalCheck[] {
  return rejectedOf(rejected, 'Metas').map((r) => {
    const period = rejectedText(r, 'period');
    return {
      sheet: r.sheet,
      row: r.row,
      productCode: rejectedText(r, 'productCode'),
      year: rejectedNumber(r, 'year'),
      period: period === 'ANUAL' ? null : period,
      value: null,
    };
  });
}

/** The policy horizon: from the `Politica` row, or from its readable values when the row was rejected. */
function horizonOf(policy: PolicyRow | null, rejected: readonly RejectedRow[]): Horizon | null {
  if (policy) return policy;
  const row = rejectedOf(rejected, 'Politica')[0];
  const startYear = row ? rejectedNumber(row, 'startYear') : null;
  const vigencias = row ? rejectedNumber(row, 'vigencias') : null;
  return startYear !== null && vigencias !== null ? { startYear, vigencias } : null;
}

function validateGoal(g: GoalCheck, product: ProductRow | undefined, known: boolean, policy: Horizon | null, issues: IssueCollector): void {
  const at = { sheet: g.sheet, row: g.row };
  if (!product) {
    if (!known && g.productCode !== null) {
      issues.error(
        'PRODUCTO_INEXISTENTE',
        { ...at, column: 'Código producto', value: g.productCode },
        `el producto ${q(g.productCode)} no está en la hoja Productos; agréguelo o corrija el código`,
      );
    }
  } else {
    if (g.period !== null && !periodMatches(product.periodicity, g.period)) {
      issues.error(
        'PERIODO_NO_COINCIDE',
        { ...at, column: 'Periodo', value: g.period },
        `el periodo ${q(g.period)} no corresponde a la periodicidad del producto ${q(product.code)}, que es ${periodicityHelp(product.periodicity)}; use uno de esos periodos o deje el periodo vacío para la meta del año`,
      );
    }
    fractionWarning(g.value, product.unit, { ...at, column: 'Meta' }, issues);
  }
  if (policy && g.year !== null && !inHorizon(g.year, policy)) {
    issues.error(
      'PERIODO_FUERA_DE_HORIZONTE',
      { ...at, column: 'Vigencia', value: String(g.year) },
      `la vigencia ${g.year} está fuera del horizonte de la política (${policy.startYear} a ${lastYear(policy)}); corrija el año`,
    );
  }
}

export function validatePlan(data: PlanData, rejected: readonly RejectedRow[], context: ValidationContext, issues: IssueCollector): void {
  const entities = new EntityIndex(data.entities, context, rejected);
  validateEntities(data.entities, issues);
  if (data.policy) validatePolicy(data.policy, entities, context, issues);

  checkDuplicates(
    data.objectives,
    (o) => String(o.number),
    (o) => `el objetivo ${q(o.number)}`,
    'Número',
    issues,
  );
  const objectiveNumbers = new Set([...data.objectives.map((o) => String(o.number)), ...rejectedKeys(rejected, 'Objetivos')]);

  checkDuplicates(
    data.products,
    (p) => p.code,
    (p) => `el producto ${q(p.code)}`,
    'Código producto',
    issues,
  );
  const products = new Map<string, ProductRow>();
  for (const p of data.products) if (!products.has(p.code)) products.set(p.code, p);
  const rejectedProducts = rejectedKeys(rejected, 'Productos');

  checkDuplicates(
    data.goals,
    (g) => `${g.productCode}|${g.year}|${g.period ?? ''}`,
    (g) => `la meta del producto ${q(g.productCode)} para ${g.year}${g.period ? ` ${g.period}` : ''}`,
    'Código producto',
    issues,
  );
  for (const p of data.products) validateProduct(p, objectiveNumbers, entities, issues);
  validateWeights(data.products, rejected, issues);
  const horizon = horizonOf(data.policy, rejected);
  for (const g of [...data.goals, ...rejectedGoals(rejected)]) {
    const code = g.productCode ?? '';
    validateGoal(g, products.get(code), rejectedProducts.has(code), horizon, issues);
  }
  const goalsByProduct = new Map<string, GoalRow[]>();
  for (const g of data.goals) {
    const list = goalsByProduct.get(g.productCode);
    if (list) list.push(g);
    else goalsByProduct.set(g.productCode, [g]);
  }
  for (const p of products.values()) validateGoalConsistency(p, goalsByProduct.get(p.code) ?? [], issues);
}
