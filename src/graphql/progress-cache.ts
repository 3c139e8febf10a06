import { aggregateProgress, computePolicyProgress } from '../calculation/aggregate-progress.calculator';
import { AggregateProgressResult, PolicyProgressResult, WeightedProgress } from '../calculation/types';
import { ReportBasis } from '../domain/enums';
import { OrgEntityRecord, PolicyRecord, ProductRecord, ResultRecord } from '../entities';
import { todayIn } from '../services/clock';
import { NotFoundError } from '../services/errors';
import { reportsOnBasis, toPolicyCalcInput, toPolicyProductInput, toResultCalcInput } from '../services/progress-inputs';
import { Loaders } from './loaders';

/**
 * Per-request memo of computed progress: a policy is computed once per request, cut and basis, with all its
 * rows read through the request's DataLoaders (a fixed number of statements for any number of products).
 */
export class ProgressCache {
  private readonly byKey = new Map<string, Promise<PolicyProgressResult>>();

  constructor(
    private readonly loaders: Loaders,
    private readonly timeZone: string,
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
      hit = this.compute(policyId, c, basis);
      this.byKey.set(key, hit);
    }
    return hit;
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

  private async compute(policyId: number, cut: string, basis: ReportBasis): Promise<PolicyProgressResult> {
    const [policy, products, results] = await Promise.all([
      this.loaders.byId(PolicyRecord).load(policyId),
      this.loaders.productsByPolicyId.load(policyId),
      this.loaders.resultsByPolicyId.load(policyId),
    ]);
    if (!policy) throw new NotFoundError(`Policy ${policyId} does not exist`);
    const ids = products.map((p) => p.id);
    const [goals, reports, entities, resultValues] = await Promise.all([
      this.loaders.goalValuesByProductId.loadMany(ids),
      this.loaders.reportValuesByProductId.loadMany(ids),
      this.loaders.byId(OrgEntityRecord).loadMany([...new Set(products.map((p) => p.responsibleEntityId))]),
      this.loaders.resultValuesByResultId.loadMany(results.map((r) => r.id)),
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
