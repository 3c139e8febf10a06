import { Brackets, DataSource } from 'typeorm';
import { EntityLevel } from '../domain/enums';
import { OrgEntityRecord, PersonRecord, SectorRecord } from '../entities';
import { Page, PageArgs, paginateQuery, SortDirection } from './pagination';

export interface EntityFilter {
  sectorId?: number | null;
  sectorName?: string | null;
  level?: EntityLevel | null;
  /** Matches code, name or acronym. */
  search?: string | null;
}

export interface PersonFilter {
  entityCode?: string | null;
  search?: string | null;
}

export type EntitySortField = 'CODE' | 'NAME';

/** Sectors, entities and people: the organisations that report and the people who sit on instances. */
export class CatalogService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  sectorByName(name: string): Promise<SectorRecord | null> {
    return this.ds.getRepository(SectorRecord).findOneBy({ name });
  }

  sectors(args: PageArgs, direction: SortDirection): Promise<Page<SectorRecord>> {
    const qb = this.ds.getRepository(SectorRecord).createQueryBuilder('s');
    return paginateQuery(qb, { column: 's.name', value: (s) => s.name, direction }, args, this.maxPageSize);
  }

  entityByCode(code: string): Promise<OrgEntityRecord | null> {
    return this.ds.getRepository(OrgEntityRecord).findOneBy({ code });
  }

  entities(filter: EntityFilter, args: PageArgs, sort: EntitySortField, direction: SortDirection): Promise<Page<OrgEntityRecord>> {
    const qb = this.ds.getRepository(OrgEntityRecord).createQueryBuilder('e');
    if (filter.sectorId != null) qb.andWhere('e.sector_id = :sectorId', { sectorId: filter.sectorId });
    if (filter.sectorName) {
      qb.innerJoin(SectorRecord, 's', 's.id = e.sector_id').andWhere('s.name = :sectorName', { sectorName: filter.sectorName });
    }
    if (filter.level) qb.andWhere('e.level = :level', { level: filter.level });
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      qb.andWhere(new Brackets((w) => w.where('e.code LIKE :like', { like }).orWhere('e.name LIKE :like').orWhere('e.acronym LIKE :like')));
    }
    const spec =
      sort === 'NAME'
        ? { column: 'e.name', value: (e: OrgEntityRecord) => e.name, direction }
        : { column: 'e.code', value: (e: OrgEntityRecord) => e.code, direction };
    return paginateQuery(qb, spec, args, this.maxPageSize);
  }

  people(filter: PersonFilter, args: PageArgs, direction: SortDirection): Promise<Page<PersonRecord>> {
    const qb = this.ds.getRepository(PersonRecord).createQueryBuilder('p');
    if (filter.entityCode) {
      qb.innerJoin(OrgEntityRecord, 'e', 'e.id = p.entity_id').andWhere('e.code = :code', { code: filter.entityCode });
    }
    if (filter.search) qb.andWhere('p.name LIKE :like', { like: `%${escapeLike(filter.search)}%` });
    return paginateQuery(qb, { column: 'p.name', value: (p) => p.name, direction }, args, this.maxPageSize);
  }
}

/** Escapes LIKE wildcards in user text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
