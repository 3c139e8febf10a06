import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { OrgEntityRecord } from './org-entity.entity';
import { ProductRecord } from './product.entity';

/** Co-responsible entities of a product (entidades corresponsables). */
@Entity('product_co_responsibles')
export class ProductCoResponsibleRecord {
  @PrimaryColumn({ name: 'product_id', type: 'int' })
  productId!: number;

  @Index()
  @PrimaryColumn({ name: 'entity_id', type: 'int' })
  entityId!: number;

  @ManyToOne(() => ProductRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductRecord>;

  @ManyToOne(() => OrgEntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: Relation<OrgEntityRecord>;

  /** Position in the plan's list, kept so the list reads as the entity wrote it. */
  @Column({ type: 'int', default: 0 })
  position!: number;
}
