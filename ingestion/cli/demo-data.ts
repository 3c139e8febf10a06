import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ReviewStatus, Role } from '../../src/domain/enums';
import { AuditService } from '../../src/services/audit.service';
import { ReviewService } from '../../src/services/review.service';
import { Viewer } from '../../src/services/viewer';
import { CARTAGENA_POLICY_CODE } from '../samples/data/cartagena-plan.sample';
import { CARTAGENA_ENTITY_REPORTE_2025, DEMO_DECISIONS, DEMO_ENTITY_CODE } from '../samples/data/cartagena-entity-reporte.sample';
import { reporteWorkbook } from '../samples/sample-workbooks';
import { BatchStore } from '../worker/batch.store';
import { InboxLayout, storeAndEnqueue } from '../worker/inbox.scanner';

/** Folder of the demo workbooks (in the source tree; dist/ resolves back to it). */
export function samplesDir(): string {
  const here = __dirname.split(path.sep);
  const distAt = here.lastIndexOf('dist');
  const root = distAt >= 0 ? here.slice(0, distAt).join(path.sep) : path.join(__dirname, '..', '..');
  return path.join(root || path.sep, 'ingestion', 'samples');
}

/**
 * Queues the demo workbooks of ingestion/samples/ (in file-name order) through the real import path,
 * once: a sample whose content has a batch already is skipped. Returns how many were queued.
 */
export async function enqueueSamples(store: BatchStore, layout: InboxLayout, dir = samplesDir()): Promise<number> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx') && !f.startsWith('~$')).sort();
  } catch {
    return 0;
  }
  let queued = 0;
  for (const f of files) {
    const bytes = await fs.readFile(path.join(dir, f));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (await store.hasBatchFor(sha)) continue;
    await storeAndEnqueue(store, layout, bytes, f, 'demo', null);
    queued++;
  }
  return queued;
}

/** Uploader name of the demo entity report (also how a second start knows it was sent). */
export const DEMO_ENTITY_UPLOADER = `demo-entidad-${DEMO_ENTITY_CODE}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(500);
  }
  return false;
}

/**
 * The review demo (docs/review.md), run once after the sample workbooks are imported: uploads the
 * 2025 reports of CARTAGENA_ENTITY_REPORTE_2025 as the entity CTG-SPDS (PENDING), waits for the
 * worker to import them, then approves one and returns one with a comment, leaving the third pending,
 * so the demo data shows reports in each state. Returns what it did ('skipped' when already done).
 */
export async function runDemoReview(
  ds: DataSource,
  store: BatchStore,
  layout: InboxLayout,
  timeoutMs = 180_000,
): Promise<'done' | 'skipped' | 'timeout'> {
  const sent = (await ds.query('SELECT id FROM import_batches WHERE uploader = ? LIMIT 1', [DEMO_ENTITY_UPLOADER])) as unknown[];
  if (sent.length) return 'skipped';
  const idle = async () =>
    Number(
      ((await ds.query("SELECT COUNT(*) AS n FROM import_batches WHERE status IN ('PENDING', 'PROCESSING')")) as { n: number }[])[0]?.n,
    ) === 0;
  const entityId = async () =>
    ((await ds.query('SELECT id FROM entities WHERE code = ?', [DEMO_ENTITY_CODE])) as { id: number }[])[0]?.id ?? null;
  if (!(await waitFor(async () => (await idle()) && (await entityId()) !== null, timeoutMs))) return 'timeout';
  const id = await storeAndEnqueue(
    store,
    layout,
    reporteWorkbook(CARTAGENA_ENTITY_REPORTE_2025),
    '07-reporte-entidad-ctg-spds-2025.xlsx',
    DEMO_ENTITY_UPLOADER,
    Number(await entityId()),
  );
  const status = async () => ((await ds.query('SELECT status FROM import_batches WHERE id = ?', [id])) as { status: string }[])[0]?.status;
  if (!(await waitFor(async () => !['PENDING', 'PROCESSING'].includes((await status()) ?? ''), timeoutMs))) return 'timeout';
  if ((await status()) !== 'IMPORTED') return 'timeout';
  const reportId = async (productCode: string, year: number, period: string) => {
    const rows = (await ds.query(
      `SELECT r.id FROM progress_reports r INNER JOIN products p ON p.id = r.product_id INNER JOIN policies x ON x.id = p.policy_id
        WHERE x.code = ? AND p.code = ? AND r.year = ? AND r.period = ? AND r.review_status = 'PENDING'`,
      [CARTAGENA_POLICY_CODE, productCode, year, period],
    )) as { id: number }[];
    return rows.map((r) => Number(r.id));
  };
  const review = new ReviewService(ds, new AuditService(ds));
  const office: Viewer = { role: Role.ADMIN, entityId: null, name: 'demo (oficina de planeación)', tokenId: null };
  for (const a of DEMO_DECISIONS.approve) {
    const ids = await reportId(a.productCode, a.year, a.period);
    if (ids.length) await review.decide(office, { decision: ReviewStatus.APPROVED, reportIds: ids });
  }
  for (const r of DEMO_DECISIONS.return) {
    const ids = await reportId(r.productCode, r.year, r.period);
    if (ids.length) await review.decide(office, { decision: ReviewStatus.RETURNED, reportIds: ids, comment: r.comment });
  }
  return 'done';
}
