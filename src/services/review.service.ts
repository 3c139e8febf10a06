/**
 * Review of progress reports and closed periods (docs/review.md): the office approves or returns
 * what entities sent, closes a period once everything in it is decided, and reopens it. Every
 * change runs in one transaction with its audit event; the caller has checked the role.
 */
import { DataSource, EntityManager, In } from 'typeorm';
import { periodSpan, periodWithin } from '../calculation/period-span';
import { ReviewStatus } from '../domain/enums';
import { ClosedPeriodRecord, ImportBatchRecord, PolicyRecord, ProgressReportRecord } from '../entities';
import { AuditAction, AuditService } from './audit.service';
import { bumpDataVersions } from './data-version.service';
import { ConflictError, NotFoundError, PendingReportsError, UserInputError } from './errors';
import { Viewer } from './viewer';

/** Where a report lives: a product's report or a result's. */
type ReportTable = 'progress_reports' | 'result_reports';

export type Decision = ReviewStatus.APPROVED | ReviewStatus.RETURNED;

export interface DecisionRequest {
  decision: Decision;
  /** Product reports (progress_reports ids). */
  reportIds: readonly number[];
  /** Result reports (result_reports ids). */
  resultReportIds?: readonly number[];
  comment?: string | null;
  /** When given, one per report id, in the same order: decide only if the report is still at that version. */
  versions?: readonly number[] | null;
}

export interface DecisionOutcome {
  decision: Decision;
  reportIds: number[];
  resultReportIds: number[];
}

export interface PendingReportRef {
  kind: 'PRODUCT' | 'RESULT';
  reportId: number;
  code: string;
  year: number;
  period: string;
}

const MAX_COMMENT = 2000;
const MAX_IDS = 5000;

function describe(status: string): string {
  return status === ReviewStatus.PENDING ? 'pendiente' : status === ReviewStatus.APPROVED ? 'aprobado' : 'devuelto';
}

export class ReviewService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Approves or returns PENDING reports, all or none. Rows are locked (SELECT … FOR UPDATE) and
   * checked inside the transaction: a report already decided by someone else, or at another version
   * than the caller saw, refuses the whole request with CONFLICT.
   */
  async decide(viewer: Viewer, request: DecisionRequest): Promise<DecisionOutcome> {
    const reportIds = unique(request.reportIds, 'ids');
    const resultReportIds = unique(request.resultReportIds ?? [], 'resultReportIds');
    if (reportIds.length + resultReportIds.length === 0) throw new UserInputError('Indique al menos un reporte.', 'ids');
    if (reportIds.length + resultReportIds.length > MAX_IDS) throw new UserInputError(`A lo sumo ${MAX_IDS} reportes por decisión.`, 'ids');
    const comment = cleanComment(request.comment, request.decision === ReviewStatus.RETURNED);
    if (request.versions && request.versions.length !== request.reportIds.length) {
      throw new UserInputError('"versions" debe tener una versión por cada id de "ids", en el mismo orden.', 'versions');
    }
    const versions = request.versions;
    const expected = versions ? new Map(request.reportIds.map((id, i) => [id, versions[i]!])) : null;
    return this.ds.transaction(async (m) => {
      await this.lockAndCheck(m, 'progress_reports', reportIds, expected);
      await this.lockAndCheck(m, 'result_reports', resultReportIds, null);
      await this.apply(m, 'progress_reports', reportIds, request.decision, comment, viewer.name);
      await this.apply(m, 'result_reports', resultReportIds, request.decision, comment, viewer.name);
      // Approving moves the approved value; returning changes what is pending: both change the figures.
      await bumpDataVersions(m, await policiesOfReports(m, reportIds, resultReportIds));
      await this.audit.record(
        {
          actor: viewer,
          action: request.decision === ReviewStatus.APPROVED ? AuditAction.REPORTS_APPROVED : AuditAction.REPORTS_RETURNED,
          subject: `reports:${reportIds.length + resultReportIds.length}`,
          details: { reportIds, resultReportIds, comment },
        },
        m,
      );
      return { decision: request.decision, reportIds, resultReportIds };
    });
  }

  /** Approves every PENDING report the batch wrote (product and result reports). */
  async approveBatch(viewer: Viewer, batchId: number, comment?: string | null): Promise<DecisionOutcome> {
    const batch = await this.ds.getRepository(ImportBatchRecord).findOneBy({ id: batchId });
    if (!batch) throw new NotFoundError(`El lote ${batchId} no existe.`);
    const pendingOf = async (table: ReportTable) =>
      (
        (await this.ds.query(`SELECT id FROM ${table} WHERE import_batch_id = ? AND review_status = 'PENDING' ORDER BY id`, [batchId])) as {
          id: number;
        }[]
      ).map((r) => Number(r.id));
    const reportIds = await pendingOf('progress_reports');
    const resultReportIds = await pendingOf('result_reports');
    if (reportIds.length + resultReportIds.length === 0) {
      throw new ConflictError(`El lote ${batchId} no tiene reportes pendientes de revisión (ya se decidieron o no los hubo).`, {
        reason: 'NOTHING_PENDING',
      });
    }
    return this.decide(viewer, { decision: ReviewStatus.APPROVED, reportIds, resultReportIds, comment: comment ?? null });
  }

  private async lockAndCheck(m: EntityManager, table: ReportTable, ids: number[], expected: Map<number, number> | null): Promise<void> {
    if (ids.length === 0) return;
    const rows = (await m.query(
      `SELECT id, review_status, review_version FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`,
      ids,
    )) as { id: number; review_status: string; review_version: number }[];
    const found = new Map(rows.map((r) => [Number(r.id), r]));
    const missing = ids.filter((id) => !found.has(id));
    const kind = table === 'progress_reports' ? 'reporte' : 'reporte de resultado';
    if (missing.length) throw new NotFoundError(`No existe ${kind} con id ${missing.join(', ')}.`);
    const decided = rows.filter((r) => r.review_status !== ReviewStatus.PENDING);
    if (decided.length) {
      throw new ConflictError(
        `Otra sesión ya decidió: ${decided.map((r) => `${kind} ${r.id} (${describe(r.review_status)})`).join(', ')}. Solo se deciden reportes pendientes; recargue la lista. No se cambió nada.`,
        { reason: 'ALREADY_DECIDED', ids: decided.map((r) => String(r.id)) },
      );
    }
    if (expected) {
      const stale = rows.filter((r) => Number(r.review_version) !== expected.get(Number(r.id)));
      if (stale.length) {
        throw new ConflictError(
          `El valor cambió después de que lo vio: ${stale.map((r) => `${kind} ${r.id} (versión ${r.review_version}, no ${expected.get(Number(r.id))})`).join(', ')}. Recargue y decida sobre el valor actual. No se cambió nada.`,
          { reason: 'STALE_VERSION', ids: stale.map((r) => String(r.id)) },
        );
      }
    }
  }

  private async apply(m: EntityManager, table: ReportTable, ids: number[], decision: Decision, comment: string | null, by: string) {
    if (ids.length === 0) return;
    const res = (await m.query(
      `UPDATE ${table} SET review_status = ?, approved_value = ${decision === ReviewStatus.APPROVED ? 'value' : 'approved_value'},
         review_comment = ?, reviewed_at = CURRENT_TIMESTAMP(3), reviewed_by = ?, review_version = review_version + 1
       WHERE id IN (${ids.map(() => '?').join(', ')}) AND review_status = 'PENDING'`,
      [decision, comment, by.slice(0, 200), ...ids],
    )) as { affectedRows?: number };
    if ((res.affectedRows ?? 0) !== ids.length)
      throw new ConflictError('Otra sesión decidió a la vez; no se cambió nada.', { reason: 'ALREADY_DECIDED' });
  }

  /**
   * Closes (year, period) of a policy: refused while a report of it (or of a shorter period inside
   * it) is PENDING, listing them; refused when it is already closed, itself or by a longer period.
   */
  async closePeriod(viewer: Viewer, policyCode: string, year: number, period: string): Promise<ClosedPeriodRecord> {
    const code = period.trim().toUpperCase();
    return this.ds.transaction(async (m) => {
      const policy = await lockPolicy(m, policyCode);
      if (!periodSpan(policy, year, code)) {
        throw new UserInputError(
          `El periodo ${year} ${code} no existe en el horizonte de la política ${policy.code} (${policy.startYear} a ${policy.startYear + policy.vigencias - 1}); use ANUAL, S1–S2, C1–C3, T1–T4, B1–B6, M01–M12 o BIENIO…QUINQUENIO del año en que termina.`,
          'period',
        );
      }
      const closed = await m.getRepository(ClosedPeriodRecord).findBy({ policyId: policy.id });
      const covering = closed.find((c) => periodWithin(policy, year, code, c.year, c.period));
      if (covering) {
        const same = covering.year === year && covering.period === code;
        throw new ConflictError(
          same
            ? `El periodo ${year} ${code} de ${policy.code} ya está cerrado (desde ${covering.closedAt.toISOString().slice(0, 10)}, por ${covering.closedBy}).`
            : `El periodo ${year} ${code} de ${policy.code} ya está cerrado porque lo contiene el periodo cerrado ${covering.year} ${covering.period}.`,
          { reason: 'ALREADY_CLOSED' },
        );
      }
      const pending = (await this.pendingReports(m, policy.id)).filter((r) => periodWithin(policy, r.year, r.period, year, code));
      if (pending.length) {
        const shown = pending.slice(0, 20).map((r) => `${r.code} ${r.year} ${r.period}`);
        throw new PendingReportsError(
          `No se puede cerrar ${year} ${code} de ${policy.code}: ${pending.length} reporte(s) siguen pendientes de revisión (${shown.join('; ')}${pending.length > shown.length ? '; …' : ''}). Apruébelos o devuélvalos primero.`,
          pending.map((r) => ({ ...r, reportId: String(r.reportId) })),
        );
      }
      // the same period closed and reopened before: a new row (the audit keeps the history)
      const row = await m
        .getRepository(ClosedPeriodRecord)
        .save(m.getRepository(ClosedPeriodRecord).create({ policyId: policy.id, year, period: code, closedBy: viewer.name.slice(0, 200) }));
      // Closed periods are not an input of today's figures; bumped so that a figure that uses them stays right.
      await bumpDataVersions(m, [policy.id]);
      await this.audit.record(
        { actor: viewer, action: AuditAction.PERIOD_CLOSED, subject: `policy:${policy.code}`, details: { year, period: code } },
        m,
      );
      return row;
    });
  }

  /** Reopens a closed period (exactly as it was closed); a period closed by a longer one must be reopened through that one. */
  async reopenPeriod(viewer: Viewer, policyCode: string, year: number, period: string): Promise<ClosedPeriodRecord> {
    const code = period.trim().toUpperCase();
    return this.ds.transaction(async (m) => {
      const policy = await lockPolicy(m, policyCode);
      const closed = await m.getRepository(ClosedPeriodRecord).findBy({ policyId: policy.id });
      const exact = closed.find((c) => c.year === year && c.period === code);
      if (!exact) {
        const covering = closed.find((c) => periodWithin(policy, year, code, c.year, c.period));
        throw new ConflictError(
          covering
            ? `El periodo ${year} ${code} de ${policy.code} está cerrado porque lo contiene ${covering.year} ${covering.period}; reabra ${covering.year} ${covering.period}.`
            : `El periodo ${year} ${code} de ${policy.code} no está cerrado.`,
          { reason: covering ? 'CLOSED_BY_LONGER_PERIOD' : 'NOT_CLOSED' },
        );
      }
      await m.getRepository(ClosedPeriodRecord).delete({ id: exact.id });
      await bumpDataVersions(m, [policy.id]);
      await this.audit.record(
        { actor: viewer, action: AuditAction.PERIOD_REOPENED, subject: `policy:${policy.code}`, details: { year, period: code } },
        m,
      );
      return exact;
    });
  }

  /** PENDING reports of a policy (products and results), by code, year and period. */
  async pendingReports(m: EntityManager, policyId: number): Promise<PendingReportRef[]> {
    const rows = (await m.query(
      `SELECT 'RESULT' AS kind, r.id, x.code, r.year, r.period FROM result_reports r INNER JOIN results x ON x.id = r.result_id
        WHERE x.policy_id = ? AND r.review_status = 'PENDING'
       UNION ALL
       SELECT 'PRODUCT' AS kind, r.id, x.code, r.year, r.period FROM progress_reports r INNER JOIN products x ON x.id = r.product_id
        WHERE x.policy_id = ? AND r.review_status = 'PENDING'
       ORDER BY code, year, period`,
      [policyId, policyId],
    )) as { kind: 'PRODUCT' | 'RESULT'; id: number; code: string; year: number; period: string }[];
    return rows.map((r) => ({ kind: r.kind, reportId: Number(r.id), code: r.code, year: Number(r.year), period: r.period }));
  }

  closedPeriodsOf(policyId: number): Promise<ClosedPeriodRecord[]> {
    return this.ds.getRepository(ClosedPeriodRecord).find({ where: { policyId }, order: { year: 'ASC', period: 'ASC' } });
  }

  reportsByIds(ids: readonly number[]): Promise<ProgressReportRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(ProgressReportRecord).find({ where: { id: In([...ids]) }, order: { id: 'ASC' } });
  }
}

/** The policies the reports belong to (product reports and result reports). */
async function policiesOfReports(m: EntityManager, reportIds: number[], resultReportIds: number[]): Promise<number[]> {
  const out = new Set<number>();
  for (const [ids, sql] of [
    [reportIds, 'SELECT DISTINCT x.policy_id FROM progress_reports r INNER JOIN products x ON x.id = r.product_id WHERE r.id IN'],
    [resultReportIds, 'SELECT DISTINCT x.policy_id FROM result_reports r INNER JOIN results x ON x.id = r.result_id WHERE r.id IN'],
  ] as const) {
    if (ids.length === 0) continue;
    const rows = (await m.query(`${sql} (${ids.map(() => '?').join(', ')})`, ids)) as { policy_id: number }[];
    for (const r of rows) out.add(Number(r.policy_id));
  }
  return [...out];
}

async function lockPolicy(m: EntityManager, policyCode: string): Promise<PolicyRecord> {
  const rows = (await m.query('SELECT id FROM policies WHERE code = ? FOR UPDATE', [policyCode])) as { id: number }[];
  const policy = rows[0] ? await m.getRepository(PolicyRecord).findOneBy({ id: Number(rows[0].id) }) : null;
  if (!policy) throw new NotFoundError(`La política ${policyCode} no existe.`);
  return policy;
}

function unique(ids: readonly number[], field: string): number[] {
  const set = [...new Set(ids)];
  for (const id of set) if (!Number.isSafeInteger(id) || id <= 0) throw new UserInputError(`"${field}" tiene un id inválido: ${id}`, field);
  return set.sort((a, b) => a - b);
}

function cleanComment(comment: string | null | undefined, required: boolean): string | null {
  const text = comment?.trim() ?? '';
  if (required && text === '') {
    throw new UserInputError('Para devolver reportes escriba un comentario: la entidad lo lee para corregir su reporte.', 'comment');
  }
  if (text.length > MAX_COMMENT)
    throw new UserInputError(`El comentario tiene ${text.length} caracteres; el máximo es ${MAX_COMMENT}.`, 'comment');
  return text === '' ? null : text;
}
