import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { ReviewStatus } from '../domain/enums';
import { readQuery } from '../database/replication';

/** A goal or a report reduced to what the calculation reads (no entity hydration). */
export interface PeriodValueRow {
  year: number;
  /** '' for a whole-year goal. */
  period: string;
  value: number;
}

/** A report with both the latest value sent and the last approved one (figures choose per basis). */
export interface ReviewedValueRow {
  year: number;
  period: string;
  /** Latest value sent. */
  value: number;
  /** Last value approved; null when none was. */
  approvedValue: number | null;
  reviewStatus: ReviewStatus;
}

/**
 * Batch reads used by the per-request DataLoaders: one statement for many keys.
 * Results come back grouped in the order of the keys asked for.
 */
export class RecordLoadingService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The data version of each policy (data-version.service.ts), in the order of the ids; a policy without
   * a row is at version 0. A primary-key lookup: what a request reads instead of the figures' inputs.
   */
  async dataVersions(policyIds: readonly number[]): Promise<number[]> {
    if (policyIds.length === 0) return [];
    // On the server the request reads its inputs from (readQuery): versions first, inputs after, so a
    // replica's inputs are never older than the version they are cached under.
    const rows = (await readQuery(
      this.ds,
      `SELECT policy_id, version FROM policy_data_versions WHERE policy_id IN (${policyIds.map(() => '?').join(', ')})`,
      [...policyIds],
    )) as { policy_id: number; version: number | string }[];
    const found = new Map(rows.map((r) => [Number(r.policy_id), Number(r.version)]));
    return policyIds.map((id) => found.get(id) ?? 0);
  }

  /**
   * Id and data version of each policy found by code, in one statement on the server the request reads
   * from (readQuery), before anything else of the request is read: what the response cache
   * (server/response-cache.plugin.ts) keys an answer by. Codes that match no policy are absent.
   */
  async policyVersionsByCode(codes: readonly string[]): Promise<{ id: number; code: string; version: number }[]> {
    if (codes.length === 0) return [];
    const rows = (await readQuery(
      this.ds,
      `SELECT p.id, p.code, v.version FROM policies p LEFT JOIN policy_data_versions v ON v.policy_id = p.id
        WHERE p.code IN (${codes.map(() => '?').join(', ')})`,
      [...codes],
    )) as { id: number; code: string; version: number | string | null }[];
    return rows.map((r) => ({ id: Number(r.id), code: String(r.code), version: Number(r.version ?? 0) }));
  }

  async byIds<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>, ids: readonly number[]): Promise<(T | null)[]> {
    const rows = await this.ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async byColumn<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    keys: readonly (number | string)[],
    orderBy: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
  ): Promise<T[][]> {
    const rows = await this.ds.getRepository(entity).find({
      where: { [column]: In([...keys]) } as never,
      order: orderBy as never,
    });
    const groups = new Map<unknown, T[]>();
    for (const r of rows) {
      const k = r[column];
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(r);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }

  /**
   * Year, period and value of the goals or reports of many products, ordered by year and period like
   * the entity loaders, as plain rows: the progress of a large policy reads tens of thousands of them,
   * and hydrating entities (every column, dates included) cost more than the calculation itself.
   */
  async periodValues(table: 'goals' | 'progress_reports', productIds: readonly number[]): Promise<PeriodValueRow[][]> {
    const groups = new Map<number, PeriodValueRow[]>();
    if (productIds.length) {
      const rows = (await readQuery(
        this.ds,
        `SELECT product_id, year, period, value FROM ${table} WHERE product_id IN (${productIds.map(() => '?').join(', ')})
          ORDER BY product_id ASC, year ASC, period ASC`,
        [...productIds],
      )) as { product_id: number; year: number; period: string; value: number | string }[];
      for (const r of rows) {
        const id = Number(r.product_id);
        let g = groups.get(id);
        if (!g) groups.set(id, (g = []));
        g.push({ year: Number(r.year), period: r.period, value: Number(r.value) });
      }
    }
    return productIds.map((id) => groups.get(id) ?? []);
  }

  /** Progress reports with their review columns, one statement for many products (docs/review.md). */
  async reviewedValues(productIds: readonly number[]): Promise<ReviewedValueRow[][]> {
    const groups = new Map<number, ReviewedValueRow[]>();
    if (productIds.length) {
      const rows = (await readQuery(
        this.ds,
        `SELECT product_id, year, period, value, approved_value, review_status FROM progress_reports
          WHERE product_id IN (${productIds.map(() => '?').join(', ')}) ORDER BY product_id ASC, year ASC, period ASC`,
        [...productIds],
      )) as {
        product_id: number;
        year: number;
        period: string;
        value: number | string;
        approved_value: number | string | null;
        review_status: ReviewStatus;
      }[];
      for (const r of rows) {
        const id = Number(r.product_id);
        let g = groups.get(id);
        if (!g) groups.set(id, (g = []));
        g.push({
          year: Number(r.year),
          period: r.period,
          value: Number(r.value),
          approvedValue: r.approved_value === null ? null : Number(r.approved_value),
          reviewStatus: r.review_status,
        });
      }
    }
    return productIds.map((id) => groups.get(id) ?? []);
  }

  /**
   * Goals and reports of many results in one statement (UNION ALL), as plain rows ordered by year and
   * period: a results level adds one statement to a policy's progress however many results it has.
   */
  async resultPeriodValues(resultIds: readonly number[]): Promise<{ goals: PeriodValueRow[]; reports: ReviewedValueRow[] }[]> {
    const groups = new Map<number, { goals: PeriodValueRow[]; reports: ReviewedValueRow[] }>();
    if (resultIds.length) {
      const list = resultIds.map(() => '?').join(', ');
      const rows = (await readQuery(
        this.ds,
        `SELECT 'g' AS kind, result_id, year, period, value, NULL AS approved_value, 'APPROVED' AS review_status
           FROM result_goals WHERE result_id IN (${list})
         UNION ALL
         SELECT 'r' AS kind, result_id, year, period, value, approved_value, review_status FROM result_reports WHERE result_id IN (${list})
         ORDER BY result_id ASC, year ASC, period ASC`,
        [...resultIds, ...resultIds],
      )) as {
        kind: 'g' | 'r';
        result_id: number;
        year: number;
        period: string;
        value: number | string;
        approved_value: number | string | null;
        review_status: ReviewStatus;
      }[];
      for (const r of rows) {
        const id = Number(r.result_id);
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { goals: [], reports: [] }));
        const row = { year: Number(r.year), period: r.period, value: Number(r.value) };
        if (r.kind === 'g') g.goals.push(row);
        else {
          g.reports.push({
            ...row,
            approvedValue: r.approved_value === null ? null : Number(r.approved_value),
            reviewStatus: r.review_status,
          });
        }
      }
    }
    return resultIds.map((id) => groups.get(id) ?? { goals: [], reports: [] });
  }
}
