import { EntityManager } from 'typeorm';
import { ProductStatus } from '../../src/domain/enums';
import { PlanData, PolicyRow } from '../model/plan.types';
import { planQuality, PlanQuality } from '../validation/plan-quality.rules';
import { entityIdsByCode, importEntitiesOf, requireId } from './entity.importer';
import { addCounts, emptyCounts, ImportContext, ImportCounts } from './import.types';
import { deleteOthers, upsertRows } from './row-upsert.writer';

/**
 * Writes a validated PLAN: policy, objectives, results, products with co-responsible entities, and
 * the goals of products and results. The workbook is the whole plan: the co-responsible entities and
 * goals of what it lists are replaced by the workbook's; a stored product it does not list becomes
 * NO_VIGENTE from the date the workbook was received (never deleted: reports point at it). Quality
 * problems (docs/ingestion.md, checks) are stored as flags; a missing weight is stored as 0.
 */
export async function importPlan(ctx: ImportContext, data: PlanData): Promise<ImportCounts> {
  const counts = emptyCounts();
  const policy = data.policy;
  if (!policy) throw new Error('a PLAN without its Politica row cannot reach the import step');
  await importEntitiesOf(ctx, data.entities, counts);
  const entityIds = await entityIdsByCode(ctx.m, [
    ...(policy.leadEntityCode ? [policy.leadEntityCode] : []),
    ...data.results.flatMap((r) => (r.responsibleEntityCode ? [r.responsibleEntityCode] : [])),
    ...data.products.flatMap((p) => [p.responsibleEntityCode, ...p.coResponsibleEntityCodes]),
  ]);
  const entityId = (code: string) => requireId(entityIds, code, 'entidad');
  const quality = planQuality(data, policy);

  const policyId = await writePolicy(ctx.m, policy, entityId, counts);
  ctx.changedPolicies.add(policyId);
  const objectiveIds = await writeObjectives(ctx.m, policyId, data, counts);
  const resultIds = await writeResults(ctx.m, policyId, data, objectiveIds, entityId, quality, counts);
  const productIds = await writeProducts(ctx.m, policyId, policy, data, objectiveIds, resultIds, entityId, quality, counts);
  await writeCoResponsibles(ctx.m, data, productIds, entityId);
  await writeGoals(ctx.m, data, productIds, resultIds, counts);
  counts.updated += await withdrawAbsentProducts(ctx, policyId, data);
  return counts;
}

async function writePolicy(m: EntityManager, policy: PolicyRow, entityId: (code: string) => number, counts: ImportCounts): Promise<number> {
  const pol = await upsertRows(
    m,
    {
      table: 'policies',
      key: ['code'],
      columns: {
        code: 'text',
        name: 'text',
        legal_act: 'text',
        adoption_date: 'date',
        start_year: 'int',
        vigencias: 'int',
        lead_entity_id: 'int',
        high_threshold: 'decimal',
        medium_threshold: 'decimal',
        review_required: 'bool',
      },
    },
    [
      {
        code: policy.code,
        name: policy.name,
        legal_act: policy.legalAct,
        adoption_date: policy.adoptionDate,
        start_year: policy.startYear,
        vigencias: policy.vigencias,
        lead_entity_id: policy.leadEntityCode ? entityId(policy.leadEntityCode) : null,
        high_threshold: policy.highThreshold,
        medium_threshold: policy.mediumThreshold,
        review_required: policy.reviewRequired,
      },
    ],
  );
  addCounts(counts, pol);
  return requireId(pol.ids, policy.code, 'política');
}

/** Objective id by number (all the policy's objectives, listed or not). */
async function writeObjectives(m: EntityManager, policyId: number, data: PlanData, counts: ImportCounts): Promise<Map<number, number>> {
  const objectives = await upsertRows(
    m,
    { table: 'objectives', key: ['policy_id', 'number'], columns: { policy_id: 'int', number: 'int', text: 'text' } },
    data.objectives.map((o) => ({ policy_id: policyId, number: o.number, text: o.text })),
  );
  addCounts(counts, objectives);
  const stored = (await m.query('SELECT id, number FROM objectives WHERE policy_id = ?', [policyId])) as { id: number; number: number }[];
  return new Map(stored.map((o) => [Number(o.number), Number(o.id)]));
}

const INDICATOR_COLUMNS = {
  policy_id: 'int',
  code: 'text',
  objective_id: 'int',
  name: 'text',
  indicator: 'text',
  unit: 'text',
  annualization_type: 'text',
  periodicity: 'text',
  baseline_value: 'double',
  final_goal: 'double',
  weight: 'double',
  quality_flags: 'text',
} as const;

/** Result id by code. */
async function writeResults(
  m: EntityManager,
  policyId: number,
  data: PlanData,
  objectiveIds: Map<number, number>,
  entityId: (code: string) => number,
  quality: PlanQuality,
  counts: ImportCounts,
): Promise<Map<string, number>> {
  const results = await upsertRows(
    m,
    { table: 'results', key: ['policy_id', 'code'], columns: { ...INDICATOR_COLUMNS, responsible_entity_id: 'int' } },
    data.results.map((r) => ({
      policy_id: policyId,
      code: r.code,
      objective_id: objectiveIds.get(r.objectiveNumber),
      name: r.name,
      indicator: r.indicator,
      unit: r.unit,
      annualization_type: r.annualizationType,
      periodicity: r.periodicity,
      baseline_value: r.baseline,
      final_goal: r.finalGoal,
      weight: r.weight,
      quality_flags: (quality.resultFlags.get(r.code) ?? []).join(','),
      responsible_entity_id: r.responsibleEntityCode ? entityId(r.responsibleEntityCode) : null,
    })),
  );
  addCounts(counts, results);
  return new Map(data.results.map((r) => [r.code, requireId(results.ids, `${policyId}\u0001${r.code}`, 'resultado')]));
}

/** Product id by code. */
async function writeProducts(
  m: EntityManager,
  policyId: number,
  policy: PolicyRow,
  data: PlanData,
  objectiveIds: Map<number, number>,
  resultIds: Map<string, number>,
  entityId: (code: string) => number,
  quality: PlanQuality,
  counts: ImportCounts,
): Promise<Map<string, number>> {
  // A product marked NO_VIGENTE without a date stops counting from the plan's adoption (or its first day).
  const defaultWithdrawal = policy.adoptionDate ?? `${policy.startYear}-01-01`;
  const products = await upsertRows(
    m,
    {
      table: 'products',
      key: ['policy_id', 'code'],
      columns: {
        ...INDICATOR_COLUMNS,
        result_id: 'int',
        status: 'text',
        withdrawn_from: 'date',
        formula: 'text',
        baseline_date: 'date',
        baseline_source: 'text',
        priority: 'int',
        responsible_entity_id: 'int',
        target_population: 'text',
        focus: 'text',
        sdg: 'text',
      },
    },
    data.products.map((p) => {
      const withdrawn = p.status === ProductStatus.NO_VIGENTE;
      return {
        policy_id: policyId,
        code: p.code,
        objective_id: objectiveIds.get(p.objectiveNumber),
        result_id: p.resultCode ? (resultIds.get(p.resultCode) ?? null) : null,
        status: p.status,
        withdrawn_from: withdrawn ? (p.withdrawnFrom ?? defaultWithdrawal) : null,
        name: p.name,
        indicator: p.indicator,
        formula: p.formula,
        unit: p.unit,
        annualization_type: p.annualizationType,
        periodicity: p.periodicity,
        baseline_value: p.baseline,
        baseline_date: p.baselineDate,
        baseline_source: p.baselineSource,
        final_goal: p.finalGoal,
        weight: quality.zeroWeight.has(p.code) ? 0 : p.weight,
        quality_flags: (quality.productFlags.get(p.code) ?? []).join(','),
        priority: p.priority,
        responsible_entity_id: entityId(p.responsibleEntityCode),
        target_population: p.targetPopulation,
        focus: p.focus,
        sdg: p.sdg,
      };
    }),
  );
  addCounts(counts, products);
  return new Map(data.products.map((p) => [p.code, requireId(products.ids, `${policyId}\u0001${p.code}`, 'producto')]));
}

async function writeCoResponsibles(
  m: EntityManager,
  data: PlanData,
  productIds: Map<string, number>,
  entityId: (code: string) => number,
): Promise<void> {
  const links = data.products.flatMap((p) =>
    p.coResponsibleEntityCodes.map((code, i) => ({ product_id: productIds.get(p.code)!, entity_id: entityId(code), position: i })),
  );
  await upsertRows(
    m,
    {
      table: 'product_co_responsibles',
      noId: true,
      key: ['product_id', 'entity_id'],
      columns: { product_id: 'int', entity_id: 'int', position: 'int' },
    },
    links,
  );
  const ids = [...productIds.values()];
  if (ids.length === 0) return;
  const keep = new Set(links.map((l) => `${l.product_id}:${l.entity_id}`));
  const rows = (await m.query(
    `SELECT product_id, entity_id FROM product_co_responsibles WHERE product_id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  )) as { product_id: number; entity_id: number }[];
  for (const r of rows) {
    if (!keep.has(`${r.product_id}:${r.entity_id}`)) {
      await m.query('DELETE FROM product_co_responsibles WHERE product_id = ? AND entity_id = ?', [r.product_id, r.entity_id]);
    }
  }
}

/** Goals of the listed products and results become the workbook's (a Metas row names one or the other). */
async function writeGoals(
  m: EntityManager,
  data: PlanData,
  productIds: Map<string, number>,
  resultIds: Map<string, number>,
  counts: ImportCounts,
): Promise<void> {
  const forProducts = data.goals.filter((g) => productIds.has(g.productCode));
  const forResults = data.goals.filter((g) => !productIds.has(g.productCode) && resultIds.has(g.productCode));
  const goals = await upsertRows(
    m,
    { table: 'goals', key: ['product_id', 'year', 'period'], columns: { product_id: 'int', year: 'int', period: 'text', value: 'double' } },
    forProducts.map((g) => ({ product_id: productIds.get(g.productCode), year: g.year, period: g.period ?? '', value: g.value })),
  );
  addCounts(counts, goals);
  await deleteOthers(m, 'goals', 'product_id', [...productIds.values()], [...goals.ids.values()]);
  const resultGoals = await upsertRows(
    m,
    {
      table: 'result_goals',
      key: ['result_id', 'year', 'period'],
      columns: { result_id: 'int', year: 'int', period: 'text', value: 'double' },
    },
    forResults.map((g) => ({ result_id: resultIds.get(g.productCode), year: g.year, period: g.period ?? '', value: g.value })),
  );
  addCounts(counts, resultGoals);
  await deleteOthers(m, 'result_goals', 'result_id', [...resultIds.values()], [...resultGoals.ids.values()]);
}

/**
 * A product of the stored plan that the re-sent workbook does not list becomes NO_VIGENTE from the
 * date the workbook was received (its batch's creation date), unless already withdrawn. The validator
 * has warned about each (PRODUCTO_RETIRADO). Returns how many products changed.
 */
async function withdrawAbsentProducts(ctx: ImportContext, policyId: number, data: PlanData): Promise<number> {
  const listed = data.products.map((p) => p.code);
  const res = (await ctx.m.query(
    `UPDATE products SET status = 'NO_VIGENTE',
            withdrawn_from = COALESCE((SELECT DATE(b.created_at) FROM import_batches b WHERE b.id = ?), CURRENT_DATE)
      WHERE policy_id = ? AND status = 'VIGENTE'${listed.length ? ` AND code NOT IN (${listed.map(() => '?').join(', ')})` : ''}`,
    [ctx.batchId, policyId, ...listed],
  )) as { affectedRows?: number } | [unknown, number];
  return Array.isArray(res) ? Number(res[1] ?? 0) : Number(res?.affectedRows ?? 0);
}
