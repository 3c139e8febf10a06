import { OrgEntityRecord, ProductRecord, ResultRecord, SectorRecord } from '../entities';
import { Page, PageArgs, paginateArray, SortDirection } from '../services/pagination';
import { GraphQLContext } from './context';
import { PolicyProductFilterInput, PolicyResultFilterInput, ProductSort } from './types/filters.input';

/**
 * A policy's products filtered by stored and computed fields, paginated in memory: every row comes
 * from the request's DataLoaders and the progress memo, so the dashboard's list costs no extra statements.
 */
export async function policyProducts(
  ctx: GraphQLContext,
  policyId: number,
  filter: PolicyProductFilterInput,
  cut: string | null,
  page: PageArgs,
  orderBy: ProductSort,
  direction: SortDirection,
): Promise<Page<ProductRecord>> {
  let rows = await ctx.loaders.productsByPolicyId.load(policyId);
  const computed = filter.trafficLight != null || filter.missingReport != null || filter.overExecution != null;
  if (computed) {
    const { products } = await ctx.progress.policy(policyId, cut);
    rows = rows.filter((p) => {
      const pr = products.get(p.id)?.progress;
      if (!pr) return false;
      return (
        (filter.trafficLight == null || pr.trafficLight === filter.trafficLight) &&
        (filter.missingReport == null || pr.missingReport === filter.missingReport) &&
        (filter.overExecution == null || pr.overExecution === filter.overExecution)
      );
    });
  }
  if (filter.entity != null || filter.sector != null) {
    const entities = await ctx.loaders.byId(OrgEntityRecord).loadMany([...new Set(rows.map((p) => p.responsibleEntityId))]);
    const byId = new Map<number, OrgEntityRecord>();
    for (const e of entities) if (e instanceof OrgEntityRecord) byId.set(e.id, e);
    let sectorNames = new Map<number, string>();
    if (filter.sector != null) {
      const sectorIds = [...new Set([...byId.values()].map((e) => e.sectorId).filter((id): id is number => id != null))];
      const sectors = await ctx.loaders.byId(SectorRecord).loadMany(sectorIds);
      sectorNames = new Map(sectors.filter((s): s is SectorRecord => s instanceof SectorRecord).map((s) => [s.id, s.name]));
    }
    rows = rows.filter((p) => {
      const e = byId.get(p.responsibleEntityId);
      if (filter.entity != null && e?.code !== filter.entity) return false;
      if (filter.sector != null && (e?.sectorId == null || sectorNames.get(e.sectorId) !== filter.sector)) return false;
      return true;
    });
  }
  if (filter.status != null) rows = rows.filter((p) => p.status === filter.status);
  if (filter.result != null) {
    const results = await ctx.loaders.resultsByPolicyId.load(policyId);
    const resultId = results.find((r) => r.code === filter.result)?.id;
    rows = rows.filter((p) => p.resultId !== null && p.resultId === resultId);
  }
  if (filter.objectiveNumber != null) {
    const objectives = await ctx.loaders.objectivesByPolicyId.load(policyId);
    const objectiveId = objectives.find((o) => o.number === filter.objectiveNumber)?.id;
    rows = rows.filter((p) => p.objectiveId === objectiveId);
  }
  const value = orderBy === ProductSort.NAME ? (p: ProductRecord) => p.name : (p: ProductRecord) => p.code;
  return paginateArray(rows, { value, direction }, page, ctx.config.maxPageSize);
}

/** A policy's results, filtered like its products (objective; computed light and flag at `cut`), by code. */
export async function policyResults(
  ctx: GraphQLContext,
  policyId: number,
  filter: PolicyResultFilterInput,
  cut: string | null,
  page: PageArgs,
  direction: SortDirection,
): Promise<Page<ResultRecord>> {
  let rows = await ctx.loaders.resultsByPolicyId.load(policyId);
  if (filter.trafficLight != null || filter.missingReport != null) {
    const { resultsById } = await ctx.progress.policy(policyId, cut);
    rows = rows.filter((r) => {
      const pr = resultsById.get(r.id)?.progress;
      return (
        pr !== undefined &&
        (filter.trafficLight == null || pr.trafficLight === filter.trafficLight) &&
        (filter.missingReport == null || pr.missingReport === filter.missingReport)
      );
    });
  }
  if (filter.objectiveNumber != null) {
    const objectives = await ctx.loaders.objectivesByPolicyId.load(policyId);
    const objectiveId = objectives.find((o) => o.number === filter.objectiveNumber)?.id;
    rows = rows.filter((r) => r.objectiveId === objectiveId);
  }
  return paginateArray(rows, { value: (r: ResultRecord) => r.code, direction }, page, ctx.config.maxPageSize);
}
