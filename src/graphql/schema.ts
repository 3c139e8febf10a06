import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import {
  EntityProgressTypeResolver,
  ObjectiveProgressResolver,
  ObjectiveProgressTypeResolver,
  PolicyProgressBreakdownResolver,
  PolicyProgressResolver,
  ProductProgressResolver,
  SectorProgressTypeResolver,
} from './resolvers/progress.resolver';
import { guardImportBatchFields } from './batch-access';
import { ApiTokenResolver } from './resolvers/api-token.resolver';
import {
  EntityRateResolver,
  InstanceStatsResolver,
  MembershipRateResolver,
  SessionQuorumResolver,
} from './resolvers/instance-stats.resolver';
import { ImportBatchResolver } from './resolvers/import-batch.resolver';
import { InstanceResolver, MembershipResolver, SessionScheduleResolver } from './resolvers/instance.resolver';
import { EntityResolver, PersonResolver, SectorResolver } from './resolvers/organization.resolver';
import { ObjectiveResolver, PolicyResolver } from './resolvers/policy.resolver';
import {
  AuditEventResolver,
  PolicyReviewResolver,
  ProductChangeResolver,
  PublishedCutResolver,
  ReviewMutationResolver,
} from './resolvers/review.resolver';
import { GoalResolver, ProductResolver, ProgressReportResolver } from './resolvers/product.resolver';
import {
  ObjectiveResultsResolver,
  PolicyResultsResolver,
  ProductResultResolver,
  ResultGoalResolver,
  ResultReportResolver,
  ResultResolver,
} from './resolvers/result.resolver';
import { AttendanceResolver, CommitmentResolver, ProductReviewResolver, SessionResolver } from './resolvers/session.resolver';
import { ProductTrajectoryResolver } from './resolvers/product-trajectory.resolver';
import { DeskItemResolver, ReportingDeskResolver } from './resolvers/reporting-desk.resolver';
import { ViewerResolver } from './resolvers/viewer.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  SectorResolver,
  EntityResolver,
  PersonResolver,
  InstanceResolver,
  MembershipResolver,
  SessionScheduleResolver,
  SessionResolver,
  AttendanceResolver,
  CommitmentResolver,
  ProductReviewResolver,
  PolicyResolver,
  ObjectiveResolver,
  ProductResolver,
  GoalResolver,
  ProgressReportResolver,
  ResultResolver,
  ResultGoalResolver,
  ResultReportResolver,
  PolicyResultsResolver,
  ObjectiveResultsResolver,
  ProductResultResolver,
  ImportBatchResolver,
  PolicyProgressResolver,
  PolicyProgressBreakdownResolver,
  ObjectiveProgressResolver,
  ProductProgressResolver,
  ObjectiveProgressTypeResolver,
  SectorProgressTypeResolver,
  EntityProgressTypeResolver,
  ApiTokenResolver,
  InstanceStatsResolver,
  SessionQuorumResolver,
  MembershipRateResolver,
  EntityRateResolver,
  ViewerResolver,
  ProductTrajectoryResolver,
  ReviewMutationResolver,
  AuditEventResolver,
  PolicyReviewResolver,
  PublishedCutResolver,
  ProductChangeResolver,
  ReportingDeskResolver,
  DeskItemResolver,
];

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process; type-graphql metadata is global). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false }).then((schema) => {
    const query = schema.getQueryType();
    if (query) query.description = 'Read access to instances, sessions, policies, products, their computed figures and import batches.';
    guardImportBatchFields(schema);
    const mutation = schema.getMutationType();
    if (mutation)
      mutation.description = "The planning office's decisions (ADMIN only, audited): review of reports, closed periods, published cuts.";
    return schema;
  });
  return cached;
}

/** SDL as committed in schema.graphql: sorted, so diffs stay readable. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
