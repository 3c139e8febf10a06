import { Brackets, DataSource } from 'typeorm';
import { CommitmentStatus, InstanceKind, SessionStatus, SessionType } from '../domain/enums';
import { CommitmentRecord, InstanceRecord, OrgEntityRecord, SessionRecord } from '../entities';
import { escapeLike } from './catalog.service';
import { Page, PageArgs, paginateQuery, SortDirection } from './pagination';

export interface InstanceFilter {
  kind?: InstanceKind | null;
  /** Code of the technical-secretariat entity. */
  entityCode?: string | null;
  search?: string | null;
}

export interface SessionFilter {
  instanceCode?: string | null;
  year?: number | null;
  from?: string | null;
  to?: string | null;
  type?: SessionType | null;
  status?: SessionStatus | null;
}

export interface CommitmentFilter {
  instanceCode?: string | null;
  status?: CommitmentStatus | null;
  responsibleEntityCode?: string | null;
  dueBefore?: string | null;
}

/** Coordination instances, their sessions and commitments. */
export class InstanceService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  instanceByCode(code: string): Promise<InstanceRecord | null> {
    return this.ds.getRepository(InstanceRecord).findOneBy({ code });
  }

  instances(filter: InstanceFilter, args: PageArgs, direction: SortDirection): Promise<Page<InstanceRecord>> {
    const qb = this.ds.getRepository(InstanceRecord).createQueryBuilder('i');
    if (filter.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.entityCode) {
      qb.innerJoin(OrgEntityRecord, 'e', 'e.id = i.technical_secretariat_id').andWhere('e.code = :code', { code: filter.entityCode });
    }
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      qb.andWhere(new Brackets((w) => w.where('i.code LIKE :like', { like }).orWhere('i.name LIKE :like')));
    }
    return paginateQuery(qb, { column: 'i.code', value: (i) => i.code, direction }, args, this.maxPageSize);
  }

  async sessionByKey(instanceCode: string, year: number, number: number): Promise<SessionRecord | null> {
    return this.ds
      .getRepository(SessionRecord)
      .createQueryBuilder('s')
      .innerJoin(InstanceRecord, 'i', 'i.id = s.instance_id')
      .where('i.code = :instanceCode AND s.year = :year AND s.number = :number', { instanceCode, year, number })
      .getOne();
  }

  sessions(filter: SessionFilter, args: PageArgs, direction: SortDirection): Promise<Page<SessionRecord>> {
    const qb = this.ds.getRepository(SessionRecord).createQueryBuilder('s');
    if (filter.instanceCode) {
      qb.innerJoin(InstanceRecord, 'i', 'i.id = s.instance_id').andWhere('i.code = :instanceCode', { instanceCode: filter.instanceCode });
    }
    if (filter.year != null) qb.andWhere('s.year = :year', { year: filter.year });
    if (filter.from) qb.andWhere('s.date >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('s.date <= :to', { to: filter.to });
    if (filter.type) qb.andWhere('s.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    return paginateQuery(qb, { column: 's.date', value: (s) => s.date, direction }, args, this.maxPageSize);
  }

  commitments(filter: CommitmentFilter, args: PageArgs, direction: SortDirection): Promise<Page<CommitmentRecord>> {
    const qb = this.ds.getRepository(CommitmentRecord).createQueryBuilder('c');
    if (filter.instanceCode) {
      qb.innerJoin(SessionRecord, 's', 's.id = c.session_id')
        .innerJoin(InstanceRecord, 'i', 'i.id = s.instance_id')
        .andWhere('i.code = :instanceCode', { instanceCode: filter.instanceCode });
    }
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.responsibleEntityCode) {
      qb.innerJoin(OrgEntityRecord, 'e', 'e.id = c.responsible_entity_id').andWhere('e.code = :ecode', {
        ecode: filter.responsibleEntityCode,
      });
    }
    if (filter.dueBefore) qb.andWhere('c.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    return paginateQuery(qb, { column: 'c.due_date', value: (c) => c.dueDate, direction }, args, this.maxPageSize);
  }
}
