import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ReportBasis, ReviewStatus } from '../../domain/enums';
import { AuditEventRecord, ClosedPeriodRecord, PolicyRecord, ProductRecord, PublishedCutRecord } from '../../entities';
import { assertRole } from '../../services/access';
import { DecisionOutcome } from '../../services/review.service';
import { Role } from '../../services/viewer';
import { GraphQLContext } from '../context';
import { parseId } from '../ids';
import { DateScalar } from '../scalars/date.scalar';
import { Connection, PageArgsInput, toConnection } from '../types/connection.type';
import { PolicyProgressType } from '../types/progress.type';
import {
  AuditEventFilterInput,
  ProductChangeKind,
  ProductChangeType,
  PublishedCutComparisonType,
  ReviewDecisionType,
} from '../types/review.type';
import { FirstArg, firstItems, PERIOD_SERIES_SIZE } from '../types/list-args';

const AuditEventConnection = Connection(AuditEventRecord, 'AuditEvent');
const ADMIN_ONLY = 'ADMIN only (FORBIDDEN otherwise, nothing changed); audited.';
const IDS = 'Ids of PENDING progress reports (ProgressReport.id).';
const RESULT_IDS = 'Ids of PENDING result reports (result_reports), decided in the same transaction.';
const VERSIONS = 'Optional: ProgressReport.reviewVersion as you saw it, one per id in the same order; CONFLICT when a value changed since.';

async function decisionOf(ctx: GraphQLContext, outcome: DecisionOutcome): Promise<ReviewDecisionType> {
  return {
    decision: outcome.decision,
    count: outcome.reportIds.length + outcome.resultReportIds.length,
    reports: await ctx.services.review.reportsByIds(outcome.reportIds),
    resultReportIds: outcome.resultReportIds.map(String),
  };
}

const ids = (list: readonly string[] | null | undefined, field: string) => (list ?? []).map((id) => parseId(id, field));

/** The office's review of reports, closed periods, published cuts and the audit log (docs/review.md). */
@Resolver()
export class ReviewMutationResolver {
  @Mutation(() => ReviewDecisionType, {
    description: `Approves PENDING reports: their value becomes the approved one and counts on basis APPROVED. All or nothing; CONFLICT when one was already decided (e.g. by another session). ${ADMIN_ONLY}`,
  })
  async approveReports(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [ID], { description: IDS }) reportIds: string[],
    @Arg('comment', () => String, { nullable: true, description: 'Optional comment the entity reads.' }) comment?: string | null,
    @Arg('versions', () => [Int], { nullable: true, description: VERSIONS }) versions?: number[] | null,
    @Arg('resultReportIds', () => [ID], { nullable: true, description: RESULT_IDS }) resultReportIds?: string[] | null,
  ): Promise<ReviewDecisionType> {
    assertRole(ctx.viewer, Role.ADMIN);
    const request = { reportIds: ids(reportIds, 'ids'), resultReportIds: ids(resultReportIds, 'resultReportIds'), comment, versions };
    return decisionOf(ctx, await ctx.services.review.decide(ctx.viewer, { decision: ReviewStatus.APPROVED, ...request }));
  }

  @Mutation(() => ReviewDecisionType, {
    description: `Returns PENDING reports to their entity with a comment (required): they keep counting with their last approved value, if any, until re-sent and approved. All or nothing; CONFLICT when one was already decided. ${ADMIN_ONLY}`,
  })
  async returnReports(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [ID], { description: IDS }) reportIds: string[],
    @Arg('comment', () => String, { description: 'Why it is returned and what to fix (required; the entity reads it).' }) comment: string,
    @Arg('versions', () => [Int], { nullable: true, description: VERSIONS }) versions?: number[] | null,
    @Arg('resultReportIds', () => [ID], { nullable: true, description: RESULT_IDS }) resultReportIds?: string[] | null,
  ): Promise<ReviewDecisionType> {
    assertRole(ctx.viewer, Role.ADMIN);
    const request = { reportIds: ids(reportIds, 'ids'), resultReportIds: ids(resultReportIds, 'resultReportIds'), comment, versions };
    return decisionOf(ctx, await ctx.services.review.decide(ctx.viewer, { decision: ReviewStatus.RETURNED, ...request }));
  }

  @Mutation(() => ReviewDecisionType, {
    description: `Approves every PENDING report an import batch wrote; CONFLICT when none is pending. ${ADMIN_ONLY}`,
  })
  async approveBatch(
    @Ctx() ctx: GraphQLContext,
    @Arg('batchId', () => ID, { description: 'ImportBatch.id.' }) batchId: string,
    @Arg('comment', () => String, { nullable: true, description: 'Optional comment the entity reads.' }) comment?: string | null,
  ): Promise<ReviewDecisionType> {
    assertRole(ctx.viewer, Role.ADMIN);
    return decisionOf(ctx, await ctx.services.review.approveBatch(ctx.viewer, parseId(batchId, 'batchId'), comment));
  }

  @Mutation(() => ClosedPeriodRecord, {
    description: `Closes a period of a policy and every shorter period inside it (2022 S1 closes T1, T2, M01–M06): imports that would change its reports are refused (PERIODO_CERRADO) until reopened. Refused with PENDING_REPORTS (extensions.pending) while a report in it waits for review; CONFLICT when already closed. ${ADMIN_ONLY}`,
  })
  closePeriod(
    @Ctx() ctx: GraphQLContext,
    @Arg('policyCode', () => String, { description: 'Policy code.' }) policyCode: string,
    @Arg('year', () => Int, { description: 'Year (for a multi-year span, the year it ends).' }) year: number,
    @Arg('period', () => String, { description: 'Period code: ANUAL, S1, T3, M04, BIENIO…' }) period: string,
  ): Promise<ClosedPeriodRecord> {
    assertRole(ctx.viewer, Role.ADMIN);
    return ctx.services.review.closePeriod(ctx.viewer, policyCode, year, period);
  }

  @Mutation(() => ClosedPeriodRecord, {
    description: `Reopens a period exactly as it was closed (returns what was removed); CONFLICT when it is not closed, or closed by a longer period (reopen that one). ${ADMIN_ONLY}`,
  })
  reopenPeriod(
    @Ctx() ctx: GraphQLContext,
    @Arg('policyCode', () => String, { description: 'Policy code.' }) policyCode: string,
    @Arg('year', () => Int, { description: 'Year as closed.' }) year: number,
    @Arg('period', () => String, { description: 'Period code as closed.' }) period: string,
  ): Promise<ClosedPeriodRecord> {
    assertRole(ctx.viewer, Role.ADMIN);
    return ctx.services.review.reopenPeriod(ctx.viewer, policyCode, year, period);
  }

  @Mutation(() => PublishedCutRecord, {
    description: `Publishes the policy's whole PolicyProgress at a cut on basis APPROVED: stored as computed, never recomputed, with a fingerprint of its data. ${ADMIN_ONLY}`,
  })
  publishCut(
    @Ctx() ctx: GraphQLContext,
    @Arg('policyCode', () => String, { description: 'Policy code.' }) policyCode: string,
    @Arg('cut', () => DateScalar, { description: 'Cut date (YYYY-MM-DD).' }) cut: string,
    @Arg('title', () => String, { description: 'Title ("Informe de seguimiento 001"), at most 300 characters.' }) title: string,
  ): Promise<PublishedCutRecord> {
    assertRole(ctx.viewer, Role.ADMIN);
    return ctx.services.publishedCuts.publish(ctx.viewer, policyCode, cut, title, (policyId) =>
      ctx.progress.policy(policyId, cut, ReportBasis.APPROVED),
    );
  }

  @Query(() => AuditEventConnection, { description: 'The audit log (who did what), newest first. ADMIN only (FORBIDDEN otherwise).' })
  async auditEvents(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Arg('filter', () => AuditEventFilterInput, { nullable: true, description: 'Filters; all given must match.' })
    filter?: AuditEventFilterInput,
  ) {
    assertRole(ctx.viewer, Role.ADMIN);
    return toConnection(await ctx.services.audit.page(filter ?? {}, page, ctx.config.maxPageSize));
  }

  @Query(() => PublishedCutRecord, { nullable: true, description: 'A published cut by id.' })
  publishedCut(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'PublishedCut.id.' }) id: string) {
    return ctx.services.publishedCuts.byId(parseId(id));
  }
}

@Resolver(() => AuditEventRecord)
export class AuditEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Details of the action as JSON text (ids, period, comment…).' })
  details(@Root() e: AuditEventRecord): string | null {
    return e.details === null ? null : JSON.stringify(e.details);
  }
}

/** Each published cut carries a whole PolicyProgress: two a year for ten years by default, priced accordingly. */
const PUBLISHED_CUTS_SIZE = 20;

@Resolver(() => PolicyRecord)
export class PolicyReviewResolver {
  @FieldResolver(() => [PublishedCutRecord], { description: 'Cuts the office published for this policy, newest first.' })
  async publishedCuts(
    @Root() p: PolicyRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg(PUBLISHED_CUTS_SIZE) first: number,
  ): Promise<PublishedCutRecord[]> {
    return firstItems(await ctx.services.publishedCuts.list(p.id), first, ctx.config.maxPageSize, PUBLISHED_CUTS_SIZE);
  }

  @FieldResolver(() => [ClosedPeriodRecord], { description: 'Periods the office closed (each also closes the shorter periods inside it).' })
  async closedPeriods(
    @Root() p: PolicyRecord,
    @Ctx() ctx: GraphQLContext,
    @FirstArg(PERIOD_SERIES_SIZE) first: number,
  ): Promise<ClosedPeriodRecord[]> {
    return firstItems(await ctx.services.review.closedPeriodsOf(p.id), first, ctx.config.maxPageSize, PERIOD_SERIES_SIZE);
  }
}

@Resolver(() => PublishedCutRecord)
export class PublishedCutResolver {
  @FieldResolver(() => PolicyProgressType, { description: 'The figures as published (frozen).' })
  progress(@Root() c: PublishedCutRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.services.publishedCuts.progressOf(c);
  }

  @FieldResolver(() => PolicyRecord, { description: 'The policy.' })
  policy(@Root() c: PublishedCutRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(PolicyRecord).load(c.policyId);
  }

  @FieldResolver(() => PublishedCutComparisonType, {
    description: 'The published figures against the live ones at the same cut (basis APPROVED): what changed since, product by product.',
  })
  async comparison(@Root() c: PublishedCutRecord, @Ctx() ctx: GraphQLContext): Promise<PublishedCutComparisonType> {
    const compared = await ctx.services.publishedCuts.compare(c, await ctx.progress.policy(c.policyId, c.cut, ReportBasis.APPROVED));
    const source = await ctx.services.publishedCuts.fingerprint(c.policyId);
    return {
      cut: compared.cut,
      published: compared.published.total,
      live: compared.live.total,
      sameSource: source.checksum === c.sourceChecksum,
      changes: compared.changes.map((ch) => ({
        productId: ch.productId,
        productCode: ch.productCode,
        kind: ch.kind as ProductChangeKind,
        fields: ch.fields,
        published: ch.published?.progress ?? null,
        live: ch.live?.progress ?? null,
        publishedWeight: ch.published?.weight ?? null,
        liveWeight: ch.live?.weight ?? null,
      })),
    };
  }
}

@Resolver(() => ProductChangeType)
export class ProductChangeResolver {
  @FieldResolver(() => ProductRecord, { nullable: true, description: 'The product as it is now; null when it no longer exists.' })
  product(@Root() c: ProductChangeType, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.byId(ProductRecord).load(c.productId);
  }
}
