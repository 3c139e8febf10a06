import { EntityManager } from 'typeorm';
import { AnnualizationType, ImportKind, Periodicity, ProductStatus } from '../../src/domain/enums';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import {
  ClosedPeriodRef,
  closedReportKey,
  reportPeriodKey,
  StoredInstance,
  StoredPolicy,
  StoredProduct,
  StoredReportContent,
  Uploader,
  ValidationContext,
} from '../validation/validation.context';

const CHUNK = 1000;

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Policy codes a workbook refers to. */
function policyCodes(parsed: ParsedWorkbook): string[] {
  switch (parsed.kind) {
    case ImportKind.PLAN:
      return parsed.data.policy ? [parsed.data.policy.code] : [];
    case ImportKind.REPORTE:
      return [...new Set(parsed.data.reports.map((r) => r.policyCode))];
    case ImportKind.INSTANCIA:
      return [...new Set(parsed.data.reviews.map((r) => r.policyCode))];
    default:
      return [];
  }
}

interface StoredRow {
  id: number;
  policy_id: number;
  code: string;
  unit: string | null;
  annualization_type: string;
  periodicity: string;
  status?: string;
  baseline_value: number | string | null;
  final_goal: number | string | null;
  responsible_code: string | null;
}

interface PeriodRow {
  year: number;
  period: string;
  value: number;
}

const numberOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

function storedIndicator(r: StoredRow, goals: PeriodRow[] | undefined, withGoals: boolean) {
  return {
    code: r.code,
    unit: r.unit,
    annualizationType: r.annualization_type as AnnualizationType,
    periodicity: r.periodicity as Periodicity,
    baseline: numberOrNull(r.baseline_value),
    finalGoal: numberOrNull(r.final_goal),
    ...(withGoals
      ? { goals: (goals ?? []).map((g) => ({ year: g.year, period: g.period === '' ? null : g.period, value: g.value })) }
      : {}),
  };
}

/** year / period / value rows of a goals or reports table for many owners, in chunks. */
async function periodValues(m: EntityManager, table: string, owner: string, ids: number[]): Promise<Map<number, PeriodRow[]>> {
  const out = new Map<number, PeriodRow[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = (await m.query(
      `SELECT ${owner} AS owner, year, period, value FROM ${table} WHERE ${owner} IN (${placeholders(part.length)})`,
      part,
    )) as {
      owner: number;
      year: number;
      period: string;
      value: number;
    }[];
    for (const r of rows) {
      const id = Number(r.owner);
      (out.get(id) ?? out.set(id, []).get(id)!).push({ year: Number(r.year), period: r.period, value: Number(r.value) });
    }
  }
  return out;
}

async function loadPolicies(m: EntityManager, codes: string[], withReports: boolean): Promise<Map<string, StoredPolicy>> {
  const out = new Map<string, StoredPolicy>();
  if (codes.length === 0) return out;
  const policies = (await m.query(
    `SELECT p.id, p.code, p.start_year, p.vigencias, e.code AS lead_code
       FROM policies p LEFT JOIN entities e ON e.id = p.lead_entity_id WHERE p.code IN (${placeholders(codes.length)})`,
    codes,
  )) as { id: number; code: string; start_year: number; vigencias: number; lead_code: string | null }[];
  if (policies.length === 0) return out;
  const products = (await m.query(
    `SELECT pr.id, pr.policy_id, pr.code, pr.unit, pr.annualization_type, pr.periodicity, pr.status, pr.baseline_value, pr.final_goal,
            e.code AS responsible_code
       FROM products pr INNER JOIN entities e ON e.id = pr.responsible_entity_id
      WHERE pr.policy_id IN (${placeholders(policies.length)})`,
    policies.map((p) => p.id),
  )) as StoredRow[];
  const results = (await m.query(
    `SELECT r.id, r.policy_id, r.code, r.unit, r.annualization_type, r.periodicity, r.baseline_value, r.final_goal, e.code AS responsible_code
       FROM results r LEFT JOIN entities e ON e.id = r.responsible_entity_id
      WHERE r.policy_id IN (${placeholders(policies.length)})`,
    policies.map((p) => p.id),
  )) as StoredRow[];
  const resultIds = results.map((r) => Number(r.id));
  const resultReports = withReports ? await periodValues(m, 'result_reports', 'result_id', resultIds) : new Map<number, PeriodRow[]>();
  const resultGoals = withReports ? await periodValues(m, 'result_goals', 'result_id', resultIds) : new Map<number, PeriodRow[]>();
  const ids = products.map((p) => Number(p.id));
  const co = new Map<number, string[]>();
  const reports = new Map<number, Map<string, number>>();
  const goals = withReports ? await periodValues(m, 'goals', 'product_id', ids) : new Map<number, PeriodRow[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const coRows = (await m.query(
      `SELECT pc.product_id, e.code FROM product_co_responsibles pc INNER JOIN entities e ON e.id = pc.entity_id
        WHERE pc.product_id IN (${placeholders(part.length)}) ORDER BY pc.position`,
      part,
    )) as { product_id: number; code: string }[];
    for (const r of coRows) (co.get(Number(r.product_id)) ?? co.set(Number(r.product_id), []).get(Number(r.product_id))!).push(r.code);
    if (withReports) {
      const rep = (await m.query(
        `SELECT product_id, year, period, value FROM progress_reports WHERE product_id IN (${placeholders(part.length)})`,
        part,
      )) as {
        product_id: number;
        year: number;
        period: string;
        value: number;
      }[];
      for (const r of rep) {
        const id = Number(r.product_id);
        (reports.get(id) ?? reports.set(id, new Map()).get(id)!).set(reportPeriodKey(Number(r.year), r.period), Number(r.value));
      }
    }
  }
  for (const p of policies) {
    const byCode = new Map<string, StoredProduct>();
    for (const r of results.filter((x) => Number(x.policy_id) === Number(p.id))) {
      byCode.set(r.code, {
        ...storedIndicator(r, resultGoals.get(Number(r.id)), withReports),
        // a result is reported by its responsible entity, or by the planning office when it has none
        responsibleEntityCode: r.responsible_code ?? '',
        coResponsibleEntityCodes: [],
        reports: new Map((resultReports.get(Number(r.id)) ?? []).map((x) => [reportPeriodKey(x.year, x.period), x.value])),
        isResult: true,
      });
    }
    for (const pr of products.filter((x) => Number(x.policy_id) === Number(p.id))) {
      byCode.set(pr.code, {
        ...storedIndicator(pr, goals.get(Number(pr.id)), withReports),
        responsibleEntityCode: pr.responsible_code!,
        coResponsibleEntityCodes: co.get(Number(pr.id)) ?? [],
        reports: reports.get(Number(pr.id)) ?? new Map(),
        status: (pr.status as ProductStatus | undefined) ?? ProductStatus.VIGENTE,
      });
    }
    out.set(p.code, {
      code: p.code,
      startYear: Number(p.start_year),
      vigencias: Number(p.vigencias),
      leadEntityCode: p.lead_code,
      products: byCode,
    });
  }
  return out;
}

async function loadInstances(m: EntityManager, parsed: ParsedWorkbook): Promise<Map<string, StoredInstance>> {
  const out = new Map<string, StoredInstance>();
  if (parsed.kind !== ImportKind.INSTANCIA || !parsed.data.instance) return out;
  const code = parsed.data.instance.code;
  const rows = (await m.query(
    `SELECT i.id, i.code, e.code AS secretariat_code FROM instances i LEFT JOIN entities e ON e.id = i.technical_secretariat_id WHERE i.code = ?`,
    [code],
  )) as { id: number; code: string; secretariat_code: string | null }[];
  const inst = rows[0];
  if (!inst) return out;
  const sessions = (await m.query('SELECT number, year FROM sessions WHERE instance_id = ?', [inst.id])) as {
    number: number;
    year: number;
  }[];
  out.set(code, {
    code,
    secretariatEntityCode: inst.secretariat_code,
    sessions: sessions.map((s) => ({ number: Number(s.number), year: Number(s.year) })),
  });
  return out;
}

/**
 * REPORTE: the periods closed for the workbook's policies and, for policies with any, their stored
 * reports (value and texts), so validation can tell a row that changes nothing from one that would.
 */
async function loadClosedPeriods(
  m: EntityManager,
  codes: string[],
): Promise<{ closedPeriods: Map<string, ClosedPeriodRef[]>; closedReports: Map<string, StoredReportContent> }> {
  const closedPeriods = new Map<string, ClosedPeriodRef[]>();
  const closedReports = new Map<string, StoredReportContent>();
  if (codes.length === 0) return { closedPeriods, closedReports };
  const rows = (await m.query(
    `SELECT p.code, c.year, c.period FROM closed_periods c INNER JOIN policies p ON p.id = c.policy_id
      WHERE p.code IN (${placeholders(codes.length)}) ORDER BY c.year, c.period`,
    codes,
  )) as { code: string; year: number; period: string }[];
  for (const r of rows)
    (closedPeriods.get(r.code) ?? closedPeriods.set(r.code, []).get(r.code)!).push({ year: Number(r.year), period: r.period });
  const withClosed = [...closedPeriods.keys()];
  if (withClosed.length === 0) return { closedPeriods, closedReports };
  const columns =
    'p.code AS policy_code, pr.code AS product_code, r.year, r.period, r.value, r.qualitative, r.difficulties, r.evidence, r.reported_by';
  const reports = (await m.query(
    `SELECT ${columns} FROM result_reports r INNER JOIN results pr ON pr.id = r.result_id INNER JOIN policies p ON p.id = pr.policy_id
      WHERE p.code IN (${placeholders(withClosed.length)})
     UNION ALL
     SELECT ${columns} FROM progress_reports r INNER JOIN products pr ON pr.id = r.product_id INNER JOIN policies p ON p.id = pr.policy_id
      WHERE p.code IN (${placeholders(withClosed.length)})`,
    [...withClosed, ...withClosed],
  )) as {
    policy_code: string;
    product_code: string;
    year: number;
    period: string;
    value: number | string;
    qualitative: string | null;
    difficulties: string | null;
    evidence: string | null;
    reported_by: string | null;
  }[];
  for (const r of reports) {
    closedReports.set(closedReportKey(r.policy_code, r.product_code, Number(r.year), r.period), {
      value: Number(r.value),
      qualitative: r.qualitative,
      difficulties: r.difficulties,
      evidence: r.evidence,
      reportedBy: r.reported_by,
    });
  }
  return { closedPeriods, closedReports };
}

/** Reads what validation needs about stored data for this workbook (a handful of statements). */
export async function loadValidationContext(m: EntityManager, parsed: ParsedWorkbook, uploader?: Uploader): Promise<ValidationContext> {
  const entityCodes = new Set(((await m.query('SELECT code FROM entities')) as { code: string }[]).map((r) => r.code));
  const policies = await loadPolicies(m, policyCodes(parsed), parsed.kind === ImportKind.REPORTE);
  const instances = await loadInstances(m, parsed);
  const closed = parsed.kind === ImportKind.REPORTE ? await loadClosedPeriods(m, [...policies.keys()]) : null;
  return { entityCodes, policies, instances, ...(uploader ? { uploader } : {}), ...(closed ?? {}) };
}

/** The context of a REPORTE read in parts: it grows with the policies each part names. */
export interface GrowingReporteContext extends ValidationContext {
  readonly policies: Map<string, StoredPolicy>;
  readonly closedPeriods: Map<string, ClosedPeriodRef[]>;
  readonly closedReports: Map<string, StoredReportContent>;
}

/** What a REPORTE read in parts starts with: the stored entities and the uploader; no policy yet. */
export async function reportePartsContext(m: EntityManager, uploader?: Uploader): Promise<GrowingReporteContext> {
  const entityCodes = new Set(((await m.query('SELECT code FROM entities')) as { code: string }[]).map((r) => r.code));
  return {
    entityCodes,
    policies: new Map(),
    instances: new Map(),
    closedPeriods: new Map(),
    closedReports: new Map(),
    ...(uploader ? { uploader } : {}),
  };
}

/**
 * Adds to the context the policies of `codes` not asked for before, as `loadValidationContext` loads
 * them for a whole REPORTE (products, goals, stored reports, closed periods). Called before a part's
 * own reports are written, so what it reads of a policy is what was stored before the import.
 */
export async function addReportePolicies(
  m: EntityManager,
  context: GrowingReporteContext,
  asked: Set<string>,
  codes: Iterable<string>,
): Promise<void> {
  const fresh = [...new Set(codes)].filter((c) => !asked.has(c));
  if (fresh.length === 0) return;
  for (const c of fresh) asked.add(c);
  const policies = await loadPolicies(m, fresh, true);
  const closed = await loadClosedPeriods(m, [...policies.keys()]);
  for (const [k, v] of policies) context.policies.set(k, v);
  for (const [k, v] of closed.closedPeriods) context.closedPeriods.set(k, v);
  for (const [k, v] of closed.closedReports) context.closedReports.set(k, v);
}
