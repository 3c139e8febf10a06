import { PlanData } from '../model/plan.types';
import { entityIdsByCode, importEntities, requireId } from './entity.importer';
import { addCounts, emptyCounts, ImportContext, ImportCounts } from './import.types';
import { deleteOthers, upsertRows } from './row-upsert.writer';

/**
 * Writes a validated PLAN: policy, objectives, products with co-responsible entities, and goals.
 * The workbook is the whole plan of the products it lists: their co-responsible entities and goals
 * are replaced by the workbook's. Products of the policy that the workbook does not list are kept
 * (reports may point at them); the planning office removes products explicitly.
 */
export async function importPlan(ctx: ImportContext, data: PlanData): Promise<ImportCounts> {
  const { m } = ctx;
  const counts = emptyCounts();
  const policy = data.policy;
  if (!policy) throw new Error('a PLAN without its Politica row cannot reach the import step');
  await importEntities(m, data.entities, counts, !ctx.planningOffice);
  const entityIds = await entityIdsByCode(m, [
    ...(policy.leadEntityCode ? [policy.leadEntityCode] : []),
    ...data.products.flatMap((p) => [p.responsibleEntityCode, ...p.coResponsibleEntityCodes]),
  ]);

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
        lead_entity_id: policy.leadEntityCode ? requireId(entityIds, policy.leadEntityCode, 'entidad') : null,
        high_threshold: policy.highThreshold,
        medium_threshold: policy.mediumThreshold,
      },
    ],
  );
  addCounts(counts, pol);
  const policyId = requireId(pol.ids, policy.code, 'política');

  const objectives = await upsertRows(
    m,
    { table: 'objectives', key: ['policy_id', 'number'], columns: { policy_id: 'int', number: 'int', text: 'text' } },
    data.objectives.map((o) => ({ policy_id: policyId, number: o.number, text: o.text })),
  );
  addCounts(counts, objectives);
  const objectiveIdByNumber = new Map<number, number>();
  const storedObjectives = (await m.query('SELECT id, number FROM objectives WHERE policy_id = ?', [policyId])) as {
    id: number;
    number: number;
  }[];
  for (const o of storedObjectives) objectiveIdByNumber.set(Number(o.number), Number(o.id));

  const products = await upsertRows(
    m,
    {
      table: 'products',
      key: ['policy_id', 'code'],
      columns: {
        policy_id: 'int',
        code: 'text',
        objective_id: 'int',
        name: 'text',
        indicator: 'text',
        formula: 'text',
        unit: 'text',
        annualization_type: 'text',
        periodicity: 'text',
        baseline_value: 'decimal',
        baseline_date: 'date',
        baseline_source: 'text',
        final_goal: 'decimal',
        weight: 'decimal',
        priority: 'int',
        responsible_entity_id: 'int',
        target_population: 'text',
        focus: 'text',
        sdg: 'text',
      },
    },
    data.products.map((p) => ({
      policy_id: policyId,
      code: p.code,
      objective_id: objectiveIdByNumber.get(p.objectiveNumber),
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
      weight: p.weight,
      priority: p.priority,
      responsible_entity_id: requireId(entityIds, p.responsibleEntityCode, 'entidad'),
      target_population: p.targetPopulation,
      focus: p.focus,
      sdg: p.sdg,
    })),
  );
  addCounts(counts, products);
  const productId = (code: string) => requireId(products.ids, `${policyId}\u0001${code}`, 'producto');
  const productIds = data.products.map((p) => productId(p.code));

  await upsertRows(
    m,
    {
      table: 'product_co_responsibles',
      noId: true,
      key: ['product_id', 'entity_id'],
      columns: { product_id: 'int', entity_id: 'int', position: 'int' },
    },
    data.products.flatMap((p) =>
      p.coResponsibleEntityCodes.map((code, i) => ({
        product_id: productId(p.code),
        entity_id: requireId(entityIds, code, 'entidad'),
        position: i,
      })),
    ),
  );
  await deleteCoResponsiblesNotIn(
    ctx,
    productIds,
    data.products.flatMap((p) => p.coResponsibleEntityCodes.map((c) => `${productId(p.code)}:${requireId(entityIds, c, 'entidad')}`)),
  );

  const goals = await upsertRows(
    m,
    {
      table: 'goals',
      key: ['product_id', 'year', 'period'],
      columns: { product_id: 'int', year: 'int', period: 'text', value: 'decimal' },
    },
    data.goals.map((g) => ({ product_id: productId(g.productCode), year: g.year, period: g.period ?? '', value: g.value })),
  );
  addCounts(counts, goals);
  await deleteOthers(m, 'goals', 'product_id', productIds, [...goals.ids.values()]);
  return counts;
}

async function deleteCoResponsiblesNotIn(ctx: ImportContext, productIds: number[], keep: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const keepSet = new Set(keep);
  const rows = (await ctx.m.query(
    `SELECT product_id, entity_id FROM product_co_responsibles WHERE product_id IN (${productIds.map(() => '?').join(', ')})`,
    productIds,
  )) as { product_id: number; entity_id: number }[];
  for (const r of rows) {
    if (!keepSet.has(`${r.product_id}:${r.entity_id}`)) {
      await ctx.m.query('DELETE FROM product_co_responsibles WHERE product_id = ? AND entity_id = ?', [r.product_id, r.entity_id]);
    }
  }
}
