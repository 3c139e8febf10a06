import { DataSource } from 'typeorm';
import { ImportKind, ImportStatus } from '../domain/enums';
import { ImportBatchRecord } from '../entities';
import { Page, PageArgs, paginateQuery, SortDirection, SortSpec } from './pagination';

export interface ImportBatchFilter {
  status?: ImportStatus | null;
  kind?: ImportKind | null;
  uploader?: string | null;
  /** Created on or after this instant (ISO date or date-time). */
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

export type ImportBatchSortField = 'CREATED_AT' | 'FINISHED_AT' | 'FILE_NAME';

/** A DATETIME as the database compares it (UTC, as stored), for cursors. */
const sqlInstant = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace('Z', '') : null);

const SORTS: Record<ImportBatchSortField, Omit<SortSpec<ImportBatchRecord>, 'direction'>> = {
  CREATED_AT: { column: 'b.created_at', value: (b) => sqlInstant(b.createdAt) },
  FINISHED_AT: { column: 'b.finished_at', value: (b) => sqlInstant(b.finishedAt) },
  FILE_NAME: { column: 'b.file_name', value: (b) => b.fileName },
};

/** Read side of import batches (the ingestion worker writes them). */
export class ImportBatchService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  batches(
    filter: ImportBatchFilter,
    args: PageArgs,
    direction: SortDirection,
    sort: ImportBatchSortField = 'CREATED_AT',
  ): Promise<Page<ImportBatchRecord>> {
    const qb = this.ds.getRepository(ImportBatchRecord).createQueryBuilder('b');
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('b.kind = :kind', { kind: filter.kind });
    if (filter.uploader) qb.andWhere('b.uploader = :uploader', { uploader: filter.uploader });
    if (filter.createdFrom) qb.andWhere('b.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) qb.andWhere('b.created_at <= :to', { to: filter.createdTo });
    return paginateQuery(qb, { ...SORTS[sort], direction }, args, this.maxPageSize);
  }
}
