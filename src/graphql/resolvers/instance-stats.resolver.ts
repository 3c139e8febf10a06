import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { InstanceRecord, MembershipRecord, OrgEntityRecord, SessionRecord } from '../../entities';
import { GraphQLContext } from '../context';
import { entityRateOf, instanceStatsOf, membershipRateOf, quorumOf } from '../instance-figures';
import { DateScalar } from '../scalars/date.scalar';
import { InstanceStatsType, QuorumType } from '../types/instance-stats.type';

@Resolver(() => InstanceRecord)
export class InstanceStatsResolver {
  @FieldResolver(() => InstanceStatsType, { description: 'Sessions held vs programmed, function coverage and commitments for a period.' })
  stats(
    @Root() i: InstanceRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => DateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of the period.' }) to: string,
  ) {
    return instanceStatsOf(ctx, i, from, to);
  }
}

@Resolver(() => SessionRecord)
export class SessionQuorumResolver {
  @FieldResolver(() => QuorumType, { description: 'Quorum of the session from its attendance and the members active on its date.' })
  quorum(@Root() s: SessionRecord, @Ctx() ctx: GraphQLContext) {
    return quorumOf(ctx, s);
  }
}

@Resolver(() => MembershipRecord)
export class MembershipRateResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Sessions attended / sessions held while the membership was active; null when none was held.',
  })
  attendanceRate(
    @Root() m: MembershipRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => DateScalar, { nullable: true, description: 'From this date (inclusive).' }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' }) to?: string,
  ) {
    return membershipRateOf(ctx, m, from, to);
  }
}

@Resolver(() => OrgEntityRecord)
export class EntityRateResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "Sessions of an instance where at least one of the entity's people attended / sessions held; null when none was held.",
  })
  attendanceRate(
    @Root() e: OrgEntityRecord,
    @Ctx() ctx: GraphQLContext,
    @Arg('instanceCode', () => String, { description: 'Instance code.' }) instanceCode: string,
    @Arg('from', () => DateScalar, { nullable: true, description: 'From this date (inclusive).' }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' }) to?: string,
  ) {
    return entityRateOf(ctx, e.id, instanceCode, from, to);
  }
}
