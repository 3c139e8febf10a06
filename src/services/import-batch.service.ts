import { DataSource } from 'typeorm';
import { ImportIssueSeverity, ImportKind, ImportStatus } from '../domain/enums';
import { ImportBatchRecord, ImportIssueRecord } from '../entities';
import { batchAccess, batchScope } from './access';
import { ForbiddenError } from './errors';
import { Page, PageArgs, paginateQuery, SortDirection, SortSpec } from './pagination';
import { Viewer } from './viewer';

export interface ImportBatchFilter {
  status?: ImportStatus | null;
  kind?: ImportKind | null;
  uploader?: string | null;
  /** Created on or after this instant (ISO date or date-time). */
  createdFrom?: Date | null;
  createdTo?: Date | null;
}

export interface ImportIssueFilter {
  severity?: ImportIssueSeverity | null;
  code?: string | null;
  sheet?: string | null;
}

export type ImportBatchSortField = 'CREATED_AT' | 'FINISHED_AT' | 'FILE_NAME';

/** A DATETIME as the database compares it (UTC, as stored), for cursors. */
const sqlInstant = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').replace('Z', '') : null);

const SORTS: Record<ImportBatchSortField, Omit<SortSpec<ImportBatchRecord>, 'direction'>> = {
  CREATED_AT: { column: 'b.created_at', value: (b) => sqlInstant(b.createdAt) },
  FINISHED_AT: { column: 'b.finished_at', value: (b) => sqlInstant(b.finishedAt) },
  FILE_NAME: { column: 'b.file_name', value: (b) => b.fileName },
};

/** Read side of import batches (the ingestion worker writes them), within what the viewer may see. */
export class ImportBatchService {
  constructor(
    private readonly ds: DataSource,
    private readonly maxPageSize: number,
  ) {}

  /** The batch, or null when it does not exist for this viewer (an ENTITY and another entity's batch). */
  visible(viewer: Viewer, batch: ImportBatchRecord | null): ImportBatchRecord | null {
    return batch && batchAccess(viewer, batch) !== 'NONE' ? batch : null;
  }

  batches(
    viewer: Viewer,
    filter: ImportBatchFilter,
    args: PageArgs,
    direction: SortDirection,
    sort: ImportBatchSortField = 'CREATED_AT',
  ): Promise<Page<ImportBatchRecord>> {
    const qb = this.ds.getRepository(ImportBatchRecord).createQueryBuilder('b');
    const scope = batchScope(viewer);
    if ('uploaderEntityId' in scope) {
      if (scope.uploaderEntityId === null) qb.andWhere('1 = 0');
      else qb.andWhere('b.uploader_entity_id = :scopeEntity', { scopeEntity: scope.uploaderEntityId });
    }
    const seesDetail = batchAccess(viewer, { uploaderEntityId: viewer.entityId }) === 'FULL';
    if (filter.uploader && !seesDetail) {
      throw new ForbiddenError(
        'Who uploaded a batch is readable by ADMIN and the uploading entity only: the uploader filter is not available.',
      );
    }
    // Sorting by file name would reveal the order of names that VIEWER and public read may not see.
    if (sort === 'FILE_NAME' && !seesDetail) {
      throw new ForbiddenError('File names are readable by ADMIN and the uploading entity only: sorting by FILE_NAME is not available.');
    }
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('b.kind = :kind', { kind: filter.kind });
    if (filter.uploader) qb.andWhere('b.uploader = :uploader', { uploader: filter.uploader });
    if (filter.createdFrom) qb.andWhere('b.created_at >= :from', { from: filter.createdFrom });
    if (filter.createdTo) qb.andWhere('b.created_at <= :to', { to: filter.createdTo });
    return paginateQuery(qb, { ...SORTS[sort], direction }, args, this.maxPageSize);
  }

  /** One page of a batch's issues in the order found (keyset on id): never the whole list in memory. */
  issues(batchId: number, filter: ImportIssueFilter, args: PageArgs): Promise<Page<ImportIssueRecord>> {
    const qb = this.ds.getRepository(ImportIssueRecord).createQueryBuilder('i').where('i.batch_id = :batchId', { batchId });
    if (filter.severity) qb.andWhere('i.severity = :severity', { severity: filter.severity });
    if (filter.code) qb.andWhere('i.code = :code', { code: filter.code });
    if (filter.sheet) qb.andWhere('i.sheet = :sheet', { sheet: filter.sheet });
    return paginateQuery(qb, { column: 'i.id', value: (i) => i.id, direction: 'ASC' }, args, this.maxPageSize);
  }
}
