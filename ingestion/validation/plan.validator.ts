/** PLAN checks (calculation.md §10, domain rules). Pure: issues only. */
import { ProductStatus } from '../../src/domain/enums';
import { IssueCollector, q } from '../issues/issue.collector';
import { RejectedRow, SourceRef } from '../model/common.types';
import { PlanData, PolicyRow, ProductRow, ResultRow } from '../model/plan.types';
import {
  checkDuplicates,
  EntityIndex,
  rejectedKeys,
  rejectedNumber,
  rejectedOf,
  rejectedText,
  showNumber,
  validateEntities,
} from './common.validator';
import { planQuality } from './plan-quality.rules';
import { Horizon, inHorizon, lastYear, periodicityHelp, periodMatches, periodOfHorizon, spanEndYears } from './period.rules';
import { ValidationContext } from './validation.context';

export { WEIGHT_TOLERANCE } from './plan-quality.rules';

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

function checkObjective(x: ProductRow | ResultRow, objectives: ReadonlySet<string>, issues: IssueCollector): void {
  if (objectives.has(String(x.objectiveNumber))) return;
  issues.error(
    'OBJETIVO_INEXISTENTE',
    { sheet: x.sheet, row: x.row, column: 'Número objetivo', value: String(x.objectiveNumber) },
    `el objetivo ${q(x.objectiveNumber)} no está en la hoja Objetivos; agréguelo o corrija el número`,
  );
}

function validateProduct(
  p: ProductRow,
  objectives: ReadonlySet<string>,
  results: ReadonlyMap<string, ResultRow>,
  knownResults: ReadonlySet<string>,
  entities: EntityIndex,
  issues: IssueCollector,
): void {
  const at = { sheet: p.sheet, row: p.row };
  checkObjective(p, objectives, issues);
  entities.check(p.responsibleEntityCode, { ...at, column: 'Código entidad responsable' }, issues);
  for (const code of p.coResponsibleEntityCodes) entities.check(code, { ...at, column: 'Entidades corresponsables' }, issues);
  if (p.resultCode !== null) {
    const result = results.get(p.resultCode);
    if (!result && !knownResults.has(p.resultCode)) {
      issues.error(
        'RESULTADO_INEXISTENTE',
        { ...at, column: 'Código resultado', value: p.resultCode },
        `el resultado ${q(p.resultCode)} no está en la hoja Resultados; agréguelo o corrija el código`,
      );
    } else if (result && result.objectiveNumber !== p.objectiveNumber) {
      issues.warning(
        'RESULTADO_OTRO_OBJETIVO',
        { ...at, column: 'Código resultado', value: p.resultCode },
        `el producto ${q(p.code)} es del objetivo ${p.objectiveNumber}, pero su resultado ${q(p.resultCode)} es del objetivo ${result.objectiveNumber}; se importa; revise el objetivo o el resultado`,
      );
    }
  }
}

function validateResult(r: ResultRow, objectives: ReadonlySet<string>, entities: EntityIndex, issues: IssueCollector): void {
  checkObjective(r, objectives, issues);
  entities.check(r.responsibleEntityCode, { sheet: r.sheet, row: r.row, column: 'Código entidad responsable' }, issues);
}

/** A stored product the re-sent PLAN does not list becomes NO_VIGENTE (never deleted; its reports are kept). */
function warnWithdrawn(data: PlanData, context: ValidationContext, issues: IssueCollector): void {
  const stored = data.policy ? context.policies.get(data.policy.code) : undefined;
  if (!stored) return;
  const listed = new Set(data.products.map((p) => p.code));
  for (const [code, product] of stored.products) {
    if (listed.has(code) || product.status === ProductStatus.NO_VIGENTE) continue;
    issues.warning(
      'PRODUCTO_RETIRADO',
      { sheet: 'Productos', column: 'Código producto', value: code },
      `el producto ${q(code)} está en el plan guardado pero no en este libro: queda NO_VIGENTE desde la fecha de este envío (pesa 0 en adelante; no se borra y conserva sus reportes). Si debe seguir vigente, inclúyalo en la hoja Productos`,
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

function validateGoal(
  g: GoalCheck,
  product: Pick<ProductRow, 'code' | 'periodicity'> | undefined,
  known: boolean,
  policy: Horizon | null,
  issues: IssueCollector,
): void {
  const at = { sheet: g.sheet, row: g.row };
  if (!product) {
    if (!known && g.productCode !== null) {
      issues.error(
        'PRODUCTO_INEXISTENTE',
        { ...at, column: 'Código producto', value: g.productCode },
        `el producto ${q(g.productCode)} no está en la hoja Productos (ni es un resultado de la hoja Resultados); agréguelo o corrija el código`,
      );
    }
  } else if (g.period !== null) {
    if (!periodMatches(product.periodicity, g.period)) {
      issues.error(
        'PERIODO_NO_COINCIDE',
        { ...at, column: 'Periodo', value: g.period },
        `el periodo ${q(g.period)} no corresponde a la periodicidad de ${q(product.code)}, que es ${periodicityHelp(product.periodicity)}; use uno de esos periodos o deje el periodo vacío para la meta del año`,
      );
    } else if (policy && g.year !== null && inHorizon(g.year, policy) && !periodOfHorizon(product.periodicity, policy, g.year, g.period)) {
      issues.error(
        'PERIODO_NO_COINCIDE',
        { ...at, column: 'Vigencia', value: String(g.year) },
        `${q(product.code)} es ${periodicityHelp(product.periodicity)}: su periodo ${q(g.period)} termina en ${spanEndYears(product.periodicity, policy)!.join(', ')} (los periodos se cuentan desde el año de inicio); escriba la meta en el último año del periodo o deje el periodo vacío`,
      );
    }
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
    data.results,
    (r) => r.code,
    (r) => `el resultado ${q(r.code)}`,
    'Código resultado',
    issues,
  );
  checkDuplicates(
    data.products,
    (p) => p.code,
    (p) => `el producto ${q(p.code)}`,
    'Código producto',
    issues,
  );
  const results = new Map<string, ResultRow>();
  for (const r of data.results) if (!results.has(r.code)) results.set(r.code, r);
  const products = new Map<string, ProductRow>();
  for (const p of data.products) if (!products.has(p.code)) products.set(p.code, p);
  for (const p of products.values()) {
    if (!results.has(p.code)) continue;
    issues.error(
      'CODIGO_PRODUCTO_Y_RESULTADO',
      { sheet: p.sheet, row: p.row, column: 'Código producto', value: p.code },
      `el código ${q(p.code)} es de un producto y también del resultado de la fila ${results.get(p.code)!.row} de la hoja Resultados; los reportes y las metas no sabrían a cuál van: use códigos distintos`,
    );
  }
  const rejectedProducts = new Set([...rejectedKeys(rejected, 'Productos'), ...rejectedKeys(rejected, 'Resultados')]);

  checkDuplicates(
    data.goals,
    (g) => `${g.productCode}|${g.year}|${g.period ?? ''}`,
    (g) => `la meta de ${q(g.productCode)} para ${g.year}${g.period ? ` ${g.period}` : ''}`,
    'Código producto',
    issues,
  );
  for (const r of results.values()) validateResult(r, objectiveNumbers, entities, issues);
  const knownResults = rejectedKeys(rejected, 'Resultados');
  for (const p of data.products) validateProduct(p, objectiveNumbers, results, knownResults, entities, issues);
  const horizon = horizonOf(data.policy, rejected);
  for (const g of [...data.goals, ...rejectedGoals(rejected)]) {
    const code = g.productCode ?? '';
    validateGoal(g, products.get(code) ?? results.get(code), rejectedProducts.has(code), horizon, issues);
  }
  const incomplete = rejectedOf(rejected, 'Productos').length + rejectedOf(rejected, 'Resultados').length > 0;
  for (const w of planQuality(data, horizon, incomplete).warnings) issues.warning(w.code, w.at, w.message);
  warnWithdrawn(data, context, issues);
}
