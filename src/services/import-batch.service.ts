import { DataSource } from 'typeorm';
import { ImportKind, ImportStatus } from '../domain/enums';
import { ImportBatchRecord } from '../entities';
import { Page, PageArgs, paginateQuery, SortDirection } from './pagination';

export interface ImportBatchFilter {
  status?: ImportStatus | null;
  kind?: ImportKind | null;
  uploader?: string | null;
  /** Created on or after this instant (ISO date or date-time). */
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

/** Read side of import batches (the ingestion worker writes them). */
export class ImportBatchService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  batches(filter: ImportBatchFilter, args: PageArgs, direction: SortDirection): Promise<Page<ImportBatchRecord>> {
    const qb = this.ds.getRepository(ImportBatchRecord).createQueryBuilder('b');
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('b.kind = :kind', { kind: filter.kind });
    if (filter.uploader) qb.andWhere('b.uploader = :uploader', { uploader: filter.uploader });
    if (filter.createdFrom) qb.andWhere('b.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) qb.andWhere('b.created_at <= :to', { to: filter.createdTo });
    return paginateQuery(qb, { column: 'b.id', value: (b) => b.id, direction }, args, this.maxPageSize);
  }
}
