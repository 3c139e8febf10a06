import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SessionType } from '../../domain/enums';
import '../../entities/enums.registry';
import { DateScalar } from '../scalars/date.scalar';

@ObjectType('SessionCount', { description: 'Sessions of one type held vs programmed in a period (calculation.md §9).' })
export class SessionCountType {
  @Field(() => SessionType, { description: 'Session type.' })
  type!: SessionType;

  @Field(() => Int, { description: 'Sessions held (REALIZADA) dated in the period.' })
  held!: number;

  @Field(() => Int, { description: 'Sessions programmed for half-years or years lying inside the period.' })
  programmed!: number;

  @Field(() => Float, { nullable: true, description: 'held / programmed (may exceed 1); null when nothing was programmed.' })
  compliance!: number | null;
}

@ObjectType('CommitmentCounts', { description: 'Commitments taken in the period: open, done, and open past their due date.' })
export class CommitmentCountsType {
  @Field(() => Int, { description: 'Open (ABIERTO), overdue ones included.' })
  open!: number;

  @Field(() => Int, { description: 'Done (CUMPLIDO).' })
  done!: number;

  @Field(() => Int, { description: 'Open with a due date before the cut (the end of the period, or today if earlier).' })
  overdue!: number;
}

@ObjectType('InstanceStats', { description: "An instance's figures for a period (calculation.md §9)." })
export class InstanceStatsType {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => [SessionCountType], { description: 'Held vs programmed per session type.' })
  sessions!: SessionCountType[];

  @Field(() => Float, {
    nullable: true,
    description: 'Functions addressed by at least one held session / all functions; null when the instance has no functions.',
  })
  functionCoverage!: number | null;

  @Field(() => CommitmentCountsType, { description: 'Commitments of the sessions held in the period.' })
  commitments!: CommitmentCountsType;
}

@ObjectType('Quorum', { description: 'Quorum of a session: voting members active on its date, present, required by the rule, met.' })
export class QuorumType {
  @Field(() => Int, { description: 'Voting members (PRESIDENCIA, SECRETARIA_TECNICA, INTEGRANTE) active on the session date.' })
  voting!: number;

  @Field(() => Int, { description: 'Of those, how many attended in person or by delegation.' })
  present!: number;

  @Field(() => Int, { description: "Required by the instance's rule (default half plus one)." })
  required!: number;

  @Field(() => Boolean, { description: 'present ≥ required.' })
  met!: boolean;
}
