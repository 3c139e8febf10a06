import { aggregateProgress, computePolicyProgress } from '../calculation/aggregate-progress.calculator';
import { AggregateProgressResult, PolicyProgressResult, WeightedProgress } from '../calculation/types';
import { ReportBasis } from '../domain/enums';
import { OrgEntityRecord, PolicyRecord, ProductRecord, ResultRecord } from '../entities';
import { todayIn } from '../services/clock';
import { NotFoundError } from '../services/errors';
import { FiguresCache } from '../services/figures-cache.service';
import { reportsOnBasis, toPolicyCalcInput, toPolicyProductInput, toResultCalcInput } from '../services/progress-inputs';
import { RecordLoadingService } from '../services/record-loading.service';
import { Loaders } from './loaders';

/**
 * Per-request memo of computed progress: a policy is computed once per request, cut and basis, with all its
 * rows read through DataLoaders (a fixed number of statements for any number of products).
 *
 * Over it, the process's FiguresCache (docs/scaling.md, «Caché de cifras»): the request reads the policies'
 * data versions (one batched primary-key lookup) and figures already computed for that version, cut and
 * basis are served as they are. On a miss, the inputs are read through loaders of their own, created for
 * this request after the version was read: rows the request read earlier (the policy found by code, its
 * products) could be older than the version and must not be cached under it.
 */
export class ProgressCache {
  private readonly byKey = new Map<string, Promise<PolicyProgressResult>>();
  private figureLoaders: Loaders | null = null;

  constructor(
    private readonly loaders: Loaders,
    private readonly timeZone: string,
    private readonly shared: FiguresCache,
    private readonly records: RecordLoadingService,
  ) {}

  /** The cut to use: the one given, or today in the configured zone. */
  cutOf(cut: string | null | undefined): string {
    return cut ?? todayIn(this.timeZone);
  }

  policy(policyId: number, cut: string | null | undefined, basis: ReportBasis = ReportBasis.APPROVED): Promise<PolicyProgressResult> {
    const c = this.cutOf(cut);
    const key = `${policyId}|${c}|${basis}`;
    let hit = this.byKey.get(key);
    if (!hit) {
      hit = this.cached(policyId, c, basis);
      this.byKey.set(key, hit);
    }
    return hit;
  }

  private async cached(policyId: number, cut: string, basis: ReportBasis): Promise<PolicyProgressResult> {
    // No cache (PROGRESS_CACHE_MAX_ENTRIES=0): no version to read, the request's loaders as they are.
    if (!this.shared.enabled)
      return this.shared.get({ policyId, version: 0, cut, basis }, () => this.compute(this.loaders, policyId, cut, basis));
    const version = await this.loaders.dataVersionByPolicyId.load(policyId);
    const loaders = (this.figureLoaders ??= new Loaders(this.records));
    return this.shared.get({ policyId, version, cut, basis }, () => this.compute(loaders, policyId, cut, basis));
  }

  async product(product: ProductRecord, cut: string | null | undefined, basis?: ReportBasis): Promise<WeightedProgress> {
    const result = await this.policy(product.policyId, cut, basis);
    const found = result.products.get(product.id);
    if (!found) throw new NotFoundError(`Product ${product.id} is not part of policy ${product.policyId}`);
    return found;
  }

  /** An objective's aggregate; an objective without products gets the empty aggregate. */
  async objective(
    policyId: number,
    objectiveId: number,
    cut: string | null | undefined,
    basis?: ReportBasis,
  ): Promise<AggregateProgressResult> {
    const result = await this.policy(policyId, cut, basis);
    return result.byObjective.find((o) => o.objectiveId === objectiveId)?.progress ?? aggregateProgress([], result.cut);
  }

  async result(result: ResultRecord, cut: string | null | undefined, basis?: ReportBasis): Promise<WeightedProgress> {
    const computed = await this.policy(result.policyId, cut, basis);
    const found = computed.resultsById.get(result.id);
    if (!found) throw new NotFoundError(`Result ${result.id} is not part of policy ${result.policyId}`);
    return found;
  }

  private async compute(loaders: Loaders, policyId: number, cut: string, basis: ReportBasis): Promise<PolicyProgressResult> {
    const [policy, products, results] = await Promise.all([
      loaders.byId(PolicyRecord).load(policyId),
      loaders.productsByPolicyId.load(policyId),
      loaders.resultsByPolicyId.load(policyId),
    ]);
    if (!policy) throw new NotFoundError(`Policy ${policyId} does not exist`);
    const ids = products.map((p) => p.id);
    const [goals, reports, entities, resultValues] = await Promise.all([
      loaders.goalValuesByProductId.loadMany(ids),
      loaders.reportValuesByProductId.loadMany(ids),
      loaders.byId(OrgEntityRecord).loadMany([...new Set(products.map((p) => p.responsibleEntityId))]),
      loaders.resultValuesByResultId.loadMany(results.map((r) => r.id)),
    ]);
    const entityById = new Map<number, OrgEntityRecord>();
    for (const e of entities) if (e instanceof OrgEntityRecord) entityById.set(e.id, e);
    const inputs = products.map((p, i) => {
      const g = goals[i];
      const r = reports[i];
      if (g instanceof Error) throw g;
      if (r instanceof Error) throw r;
      const onBasis = reportsOnBasis(r ?? [], basis);
      return toPolicyProductInput(p, g ?? [], onBasis.reports, entityById.get(p.responsibleEntityId) ?? null, onBasis.pendingReports);
    });
    const resultInputs = results.map((r, i) => {
      const v = resultValues[i];
      if (v instanceof Error) throw v;
      const onBasis = reportsOnBasis(v?.reports ?? [], basis);
      return toResultCalcInput(r, v?.goals ?? [], onBasis.reports, onBasis.pendingReports);
    });
    return computePolicyProgress(toPolicyCalcInput(policy), inputs, cut, resultInputs);
  }
}
