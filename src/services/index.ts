import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { AuditService } from './audit.service';
import { CatalogService } from './catalog.service';
import { FiguresCache } from './figures-cache.service';
import { ResponseCache } from './response-cache.service';
import { ImportBatchService } from './import-batch.service';
import { InstanceService } from './instance.service';
import { PolicyService } from './policy.service';
import { PublishedCutService } from './published-cut.service';
import { RecordLoadingService } from './record-loading.service';
import { ReportingDeskService } from './reporting-desk.service';
import { ReviewService } from './review.service';
import { StoredWorkbookService } from './stored-workbook.service';
import { createSecurityServices, TokenService } from './token.service';

/** The application's services, built once per process around one data source. */
export interface Services {
  readonly ds: DataSource;
  readonly catalog: CatalogService;
  readonly instances: InstanceService;
  readonly policies: PolicyService;
  readonly importBatches: ImportBatchService;
  readonly records: RecordLoadingService;
  /** API tokens (docs/security.md). */
  readonly tokens: TokenService;
  /** Who did what: token actions, uploads, imports. */
  readonly audit: AuditService;
  /** Review of reports and closed periods (docs/review.md). */
  readonly review: ReviewService;
  /** Published cuts and their comparison with live figures. */
  readonly publishedCuts: PublishedCutService;
  /** Computed figures of this process per policy, data version, cut and basis (docs/scaling.md). */
  readonly figures: FiguresCache;
  /** Whole GraphQL answers of this process for read-only queries about named policies (docs/scaling.md). */
  readonly responses: ResponseCache;
  /** An entity's reporting desk: its products, results and due periods (docs/reportar.md). */
  readonly reportingDesk: ReportingDeskService;
  /** A stored plan or instance as the rows of its workbook (the pre-filled PLAN and INSTANCIA). */
  readonly storedWorkbooks: StoredWorkbookService;
}

export function createServices(ds: DataSource, config: AppConfig): Services {
  const security = createSecurityServices(ds);
  return {
    ds,
    catalog: new CatalogService(ds, config.maxPageSize),
    instances: new InstanceService(ds, config.maxPageSize),
    policies: new PolicyService(ds, config.maxPageSize),
    importBatches: new ImportBatchService(ds, config.maxPageSize),
    records: new RecordLoadingService(ds),
    ...security,
    review: new ReviewService(ds, security.audit),
    publishedCuts: new PublishedCutService(ds, security.audit),
    figures: new FiguresCache(config.progressCacheMaxEntries),
    // Off with the figures cache too: PROGRESS_CACHE_MAX_ENTRIES=0 stays «every request computes».
    responses: new ResponseCache(config.progressCacheMaxEntries === 0 ? 0 : config.responseCacheMaxEntries),
    reportingDesk: new ReportingDeskService(ds),
    storedWorkbooks: new StoredWorkbookService(ds),
  };
}
