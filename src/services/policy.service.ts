import { Brackets, DataSource } from 'typeorm';
import { AnnualizationType, Periodicity, ProductStatus } from '../domain/enums';
import {
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductCoResponsibleRecord,
  ProductRecord,
  ProgressReportRecord,
  ResultRecord,
  SectorRecord,
} from '../entities';
import { escapeLike } from './catalog.service';
import { Page, PageArgs, paginateQuery, SortDirection } from './pagination';

export interface PolicyFilter {
  leadEntityCode?: string | null;
  search?: string | null;
}

export interface ProductFilter {
  policyCode?: string | null;
  objectiveNumber?: number | null;
  sectorName?: string | null;
  /** Products whose responsible entity has this code. */
  responsibleEntityCode?: string | null;
  /** Products where this entity is responsible or co-responsible. */
  involvedEntityCode?: string | null;
  annualizationType?: AnnualizationType | null;
  periodicity?: Periodicity | null;
  status?: ProductStatus | null;
}

export interface ReportFilter {
  policyCode?: string | null;
  productCode?: string | null;
  year?: number | null;
  period?: string | null;
  importBatchId?: number | null;
  reviewStatus?: string | null;
}

export type ProductSortField = 'CODE' | 'NAME';

/** Policies, objectives, products and their progress reports. */
export class PolicyService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  policyByCode(code: string): Promise<PolicyRecord | null> {
    return this.ds.getRepository(PolicyRecord).findOneBy({ code });
  }

  policies(filter: PolicyFilter, args: PageArgs, direction: SortDirection): Promise<Page<PolicyRecord>> {
    const qb = this.ds.getRepository(PolicyRecord).createQueryBuilder('p');
    if (filter.leadEntityCode) {
      qb.innerJoin(OrgEntityRecord, 'e', 'e.id = p.lead_entity_id').andWhere('e.code = :code', { code: filter.leadEntityCode });
    }
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      qb.andWhere(new Brackets((w) => w.where('p.code LIKE :like', { like }).orWhere('p.name LIKE :like')));
    }
    return paginateQuery(qb, { column: 'p.code', value: (p) => p.code, direction }, args, this.maxPageSize);
  }

  async objectiveByKey(policyCode: string, number: number): Promise<ObjectiveRecord | null> {
    return this.ds
      .getRepository(ObjectiveRecord)
      .createQueryBuilder('o')
      .innerJoin(PolicyRecord, 'p', 'p.id = o.policy_id')
      .where('p.code = :policyCode AND o.number = :number', { policyCode, number })
      .getOne();
  }

  async productByKey(policyCode: string, code: string): Promise<ProductRecord | null> {
    return this.ds
      .getRepository(ProductRecord)
      .createQueryBuilder('pr')
      .innerJoin(PolicyRecord, 'p', 'p.id = pr.policy_id')
      .where('p.code = :policyCode AND pr.code = :code', { policyCode, code })
      .getOne();
  }

  async resultByKey(policyCode: string, code: string): Promise<ResultRecord | null> {
    return this.ds
      .getRepository(ResultRecord)
      .createQueryBuilder('r')
      .innerJoin(PolicyRecord, 'p', 'p.id = r.policy_id')
      .where('p.code = :policyCode AND r.code = :code', { policyCode, code })
      .getOne();
  }

  async reportByKey(policyCode: string, productCode: string, year: number, period: string): Promise<ProgressReportRecord | null> {
    return this.ds
      .getRepository(ProgressReportRecord)
      .createQueryBuilder('r')
      .innerJoin(ProductRecord, 'pr', 'pr.id = r.product_id')
      .innerJoin(PolicyRecord, 'p', 'p.id = pr.policy_id')
      .where('p.code = :policyCode AND pr.code = :productCode AND r.year = :year AND r.period = :period', {
        policyCode,
        productCode,
        year,
        period,
      })
      .getOne();
  }

  products(filter: ProductFilter, args: PageArgs, sort: ProductSortField, direction: SortDirection): Promise<Page<ProductRecord>> {
    const qb = this.ds.getRepository(ProductRecord).createQueryBuilder('pr');
    if (filter.policyCode) {
      qb.innerJoin(PolicyRecord, 'p', 'p.id = pr.policy_id').andWhere('p.code = :policyCode', { policyCode: filter.policyCode });
    }
    if (filter.objectiveNumber != null) {
      qb.innerJoin(ObjectiveRecord, 'o', 'o.id = pr.objective_id').andWhere('o.number = :objectiveNumber', {
        objectiveNumber: filter.objectiveNumber,
      });
    }
    if (filter.sectorName || filter.responsibleEntityCode) {
      qb.innerJoin(OrgEntityRecord, 're', 're.id = pr.responsible_entity_id');
      if (filter.responsibleEntityCode) qb.andWhere('re.code = :reCode', { reCode: filter.responsibleEntityCode });
      if (filter.sectorName) {
        qb.innerJoin(SectorRecord, 'sec', 'sec.id = re.sector_id').andWhere('sec.name = :sectorName', { sectorName: filter.sectorName });
      }
    }
    if (filter.involvedEntityCode) {
      qb.andWhere(
        `(pr.responsible_entity_id = (SELECT ie.id FROM entities ie WHERE ie.code = :involved)
          OR EXISTS (SELECT 1 FROM product_co_responsibles pc INNER JOIN entities ce ON ce.id = pc.entity_id
                     WHERE pc.product_id = pr.id AND ce.code = :involved))`,
        { involved: filter.involvedEntityCode },
      );
    }
    if (filter.annualizationType) qb.andWhere('pr.annualization_type = :at', { at: filter.annualizationType });
    if (filter.periodicity) qb.andWhere('pr.periodicity = :per', { per: filter.periodicity });
    if (filter.status) qb.andWhere('pr.status = :status', { status: filter.status });
    const spec =
      sort === 'NAME'
        ? { column: 'pr.name', value: (p: ProductRecord) => p.name, direction }
        : { column: 'pr.code', value: (p: ProductRecord) => p.code, direction };
    return paginateQuery(qb, spec, args, this.maxPageSize);
  }

  reports(filter: ReportFilter, args: PageArgs, direction: SortDirection): Promise<Page<ProgressReportRecord>> {
    const qb = this.ds.getRepository(ProgressReportRecord).createQueryBuilder('r');
    if (filter.policyCode || filter.productCode) {
      qb.innerJoin(ProductRecord, 'pr', 'pr.id = r.product_id');
      if (filter.productCode) qb.andWhere('pr.code = :productCode', { productCode: filter.productCode });
      if (filter.policyCode) {
        qb.innerJoin(PolicyRecord, 'p', 'p.id = pr.policy_id').andWhere('p.code = :policyCode', { policyCode: filter.policyCode });
      }
    }
    if (filter.year != null) qb.andWhere('r.year = :year', { year: filter.year });
    if (filter.period) qb.andWhere('r.period = :period', { period: filter.period });
    if (filter.importBatchId != null) qb.andWhere('r.import_batch_id = :batch', { batch: filter.importBatchId });
    if (filter.reviewStatus) qb.andWhere('r.review_status = :reviewStatus', { reviewStatus: filter.reviewStatus });
    return paginateQuery(qb, { column: 'r.year', value: (r) => r.year, direction }, args, this.maxPageSize);
  }

  /** Co-responsible entity ids of a product, kept for access checks. */
  async coResponsibleEntityIds(productId: number): Promise<number[]> {
    const rows = await this.ds.getRepository(ProductCoResponsibleRecord).findBy({ productId });
    return rows.map((r) => r.entityId);
  }
}
