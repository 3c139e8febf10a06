import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { PolicyRecord } from './policy.entity';

/**
 * The version of a policy's data (docs/scaling.md, «Caché de cifras»): every write that changes what the
 * policy's figures show adds one to it, in the same transaction, so every API process sees a new version
 * exactly when it sees the new data. A policy without a row is at version 0. Not part of the API.
 */
@Entity('policy_data_versions')
export class PolicyDataVersionRecord {
  @PrimaryColumn({ name: 'policy_id', type: 'int' })
  policyId!: number;

  @ManyToOne(() => PolicyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<PolicyRecord>;

  @Column({ type: 'bigint', unsigned: true, default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  version!: number;

  /** When the version last changed (set by every bump). */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  updatedAt!: Date;
}
