/**
 * Published cuts (docs/review.md): a policy's whole PolicyProgress at a cut, on basis APPROVED,
 * stored as JSON exactly as computed, with a fingerprint of the data it came from; and the
 * comparison of a published cut with the live figures at the same cut.
 */
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { compareProducts, ProductChange } from '../calculation/progress-comparison';
import { isIsoDate } from '../calculation/iso-date';
import { PolicyProgressResult, WeightedProgress } from '../calculation/types';
import { PolicyRecord, PublishedCutRecord } from '../entities';
import { AuditAction, AuditService } from './audit.service';
import { bumpDataVersions } from './data-version.service';
import { ConflictError, NotFoundError, UserInputError } from './errors';
import { Viewer } from './viewer';

const SNAPSHOT_VERSION = 1;
const MAX_TITLE = 300;

interface Snapshot {
  version: number;
  basis: 'APPROVED';
  progress: Omit<PolicyProgressResult, 'products' | 'resultsById'> & {
    products: [number, WeightedProgress][];
    resultsById: [number, WeightedProgress][];
  };
  /** Product codes at publication (ids may be compared after products are renamed or removed). */
  productCodes: [number, string][];
}

/** Where the figures came from: a checksum over every row they read, plus the latest report id and change. */
export interface SourceFingerprint {
  checksum: string;
  maxReportId: number;
  reportsUpdatedAt: Date | null;
}

export interface CutComparison {
  cut: string;
  published: PolicyProgressResult;
  live: PolicyProgressResult;
  changes: (ProductChange & { productCode: string })[];
}

export class PublishedCutService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes the figures `compute` returns for the policy at the cut (basis APPROVED). The data's
   * fingerprint is taken before and after computing; if anything changed meanwhile, CONFLICT.
   */
  async publish(
    viewer: Viewer,
    policyCode: string,
    cut: string,
    title: string,
    compute: (policyId: number) => Promise<PolicyProgressResult>,
  ): Promise<PublishedCutRecord> {
    if (!isIsoDate(cut)) throw new UserInputError(`"cut" debe ser una fecha AAAA-MM-DD válida: ${cut}`, 'cut');
    const cleanTitle = title.trim();
    if (cleanTitle === '') throw new UserInputError('Escriba un título para el corte publicado.', 'title');
    if (cleanTitle.length > MAX_TITLE)
      throw new UserInputError(`El título tiene ${cleanTitle.length} caracteres; el máximo es ${MAX_TITLE}.`, 'title');
    const policy = await this.ds.getRepository(PolicyRecord).findOneBy({ code: policyCode });
    if (!policy) throw new NotFoundError(`La política ${policyCode} no existe.`);
    const before = await fingerprint(this.ds.manager, policy.id);
    const progress = await compute(policy.id);
    const after = await fingerprint(this.ds.manager, policy.id);
    if (before.checksum !== after.checksum) {
      throw new ConflictError(
        'Los datos de la política cambiaron mientras se publicaba (una importación o una decisión); vuelva a publicar.',
        {
          reason: 'DATA_CHANGED',
        },
      );
    }
    const codes = (await this.ds.query('SELECT id, code FROM products WHERE policy_id = ? ORDER BY id', [policy.id])) as {
      id: number;
      code: string;
    }[];
    const snapshot: Snapshot = {
      version: SNAPSHOT_VERSION,
      basis: 'APPROVED',
      progress: {
        ...progress,
        products: [...progress.products.entries()],
        resultsById: [...(progress.resultsById ?? new Map()).entries()],
      },
      productCodes: codes.map((c) => [Number(c.id), c.code]),
    };
    return this.ds.transaction(async (m) => {
      const row = await m.getRepository(PublishedCutRecord).save(
        m.getRepository(PublishedCutRecord).create({
          policyId: policy.id,
          cut,
          title: cleanTitle,
          publishedBy: viewer.name.slice(0, 200),
          snapshot: JSON.stringify(snapshot),
          sourceChecksum: after.checksum,
          sourceMaxReportId: after.maxReportId,
          sourceReportsUpdatedAt: after.reportsUpdatedAt,
        }),
      );
      // A published cut is not an input of the live figures; bumped so that one that uses it stays right.
      await bumpDataVersions(m, [policy.id]);
      await this.audit.record(
        {
          actor: viewer,
          action: AuditAction.CUT_PUBLISHED,
          subject: `policy:${policy.code}`,
          details: { publishedCutId: row.id, cut, title: cleanTitle, checksum: after.checksum },
        },
        m,
      );
      return m.getRepository(PublishedCutRecord).findOneByOrFail({ id: row.id });
    });
  }

  /** A policy's published cuts, newest first. */
  list(policyId: number): Promise<PublishedCutRecord[]> {
    return this.ds.getRepository(PublishedCutRecord).find({ where: { policyId }, order: { publishedAt: 'DESC', id: 'DESC' } });
  }

  byId(id: number): Promise<PublishedCutRecord | null> {
    return this.ds.getRepository(PublishedCutRecord).findOneBy({ id });
  }

  /** The figures as published (maps rebuilt from the JSON). */
  progressOf(cut: PublishedCutRecord): PolicyProgressResult {
    const s = JSON.parse(cut.snapshot) as Snapshot;
    return { ...s.progress, products: new Map(s.progress.products), resultsById: new Map(s.progress.resultsById) };
  }

  /** What changed since publication, product by product, against `live` (the same policy and cut, basis APPROVED). */
  async compare(cut: PublishedCutRecord, live: PolicyProgressResult): Promise<CutComparison> {
    const s = JSON.parse(cut.snapshot) as Snapshot;
    const published = this.progressOf(cut);
    const codes = new Map(s.productCodes);
    const current = (await this.ds.query('SELECT id, code FROM products WHERE policy_id = ?', [cut.policyId])) as {
      id: number;
      code: string;
    }[];
    for (const c of current) if (!codes.has(Number(c.id))) codes.set(Number(c.id), c.code);
    const changes = compareProducts(published.products, live.products).map((c) => ({
      ...c,
      productCode: codes.get(c.productId) ?? String(c.productId),
    }));
    return { cut: cut.cut, published, live, changes };
  }

  /** The current fingerprint of a policy's data (the same one a cut published now would store). */
  fingerprint(policyId: number): Promise<SourceFingerprint> {
    return fingerprint(this.ds.manager, policyId);
  }
}

/**
 * sha256 over every row the figures read, in a fixed order: the policy, its objectives, products,
 * goals, results, result goals, and the approved value of every report (a report never approved
 * counts as absent). Columns are read with SELECT *, so a column added later is covered too.
 */
async function fingerprint(m: EntityManager, policyId: number): Promise<SourceFingerprint> {
  const hash = createHash('sha256');
  const add = (label: string, rows: unknown[]) => {
    hash.update(label);
    for (const row of rows) hash.update(JSON.stringify(row));
  };
  const approved = `CASE WHEN r.review_status = 'APPROVED' THEN r.value ELSE r.approved_value END`;
  add('policy', await m.query('SELECT * FROM policies WHERE id = ?', [policyId]));
  add('objectives', await m.query('SELECT * FROM objectives WHERE policy_id = ? ORDER BY id', [policyId]));
  add('products', await m.query('SELECT * FROM products WHERE policy_id = ? ORDER BY id', [policyId]));
  add(
    'goals',
    await m.query('SELECT g.* FROM goals g INNER JOIN products p ON p.id = g.product_id WHERE p.policy_id = ? ORDER BY g.id', [policyId]),
  );
  add('results', await m.query('SELECT * FROM results WHERE policy_id = ? ORDER BY id', [policyId]));
  add(
    'result_goals',
    await m.query('SELECT g.* FROM result_goals g INNER JOIN results x ON x.id = g.result_id WHERE x.policy_id = ? ORDER BY g.id', [
      policyId,
    ]),
  );
  const reports = (await m.query(
    `SELECT r.id, r.product_id, r.year, r.period, ${approved} AS v, r.review_status, r.updated_at FROM progress_reports r
       INNER JOIN products p ON p.id = r.product_id WHERE p.policy_id = ? ORDER BY r.id`,
    [policyId],
  )) as { id: number; product_id: number; year: number; period: string; v: number | null; review_status: string; updated_at: Date }[];
  add(
    'reports',
    reports.map((r) => [r.id, r.product_id, r.year, r.period, r.v, r.review_status === 'PENDING']),
  );
  add(
    'result_reports',
    await m.query(
      `SELECT r.id, r.result_id, r.year, r.period, ${approved} AS v, r.review_status = 'PENDING' AS pending FROM result_reports r
         INNER JOIN results x ON x.id = r.result_id WHERE x.policy_id = ? ORDER BY r.id`,
      [policyId],
    ),
  );
  let maxReportId = 0;
  let reportsUpdatedAt: Date | null = null;
  for (const r of reports) {
    maxReportId = Math.max(maxReportId, Number(r.id));
    const at = new Date(r.updated_at);
    if (!reportsUpdatedAt || at > reportsUpdatedAt) reportsUpdatedAt = at;
  }
  return { checksum: hash.digest('hex'), maxReportId, reportsUpdatedAt };
}
