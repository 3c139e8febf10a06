/**
 * The figures of a policy report, read from the database and computed by the same calculation the GraphQL
 * API serves (progress-inputs + computePolicyProgress, exactly as graphql/progress-cache.ts does): the
 * report never computes a figure of its own.
 */
import { DataSource } from 'typeorm';
import { aggregateProgress, computePolicyProgress } from '../calculation/aggregate-progress.calculator';
import { AggregateProgressResult, ProductProgressResult } from '../calculation/types';
import { ObjectiveRecord, OrgEntityRecord, PolicyRecord, ProductRecord, SectorRecord } from '../entities';
import { RecordLoadingService } from '../services/record-loading.service';
import { toPolicyCalcInput, toPolicyProductInput } from '../services/progress-inputs';
import { checkIsoDate, ReportError } from './report.errors';

export interface ReportProduct {
  code: string;
  name: string;
  indicator: string;
  objectiveNumber: number;
  entityName: string;
  /** Sector of the responsible entity; null when it has none. */
  sectorName: string | null;
  weight: number;
  progress: ProductProgressResult;
}

export interface ReportObjective {
  number: number;
  text: string;
  productCount: number;
  progress: AggregateProgressResult;
}

export interface ReportSector {
  name: string;
  progress: AggregateProgressResult;
}

export interface PolicyReportData {
  policy: {
    code: string;
    name: string;
    legalAct: string | null;
    adoptionDate: string | null;
    startYear: number;
    endYear: number;
    highThreshold: number;
    mediumThreshold: number;
    leadEntityName: string | null;
  };
  cut: string;
  total: AggregateProgressResult;
  /** Every objective of the plan, by number (an objective without products gets the empty aggregate, as in the API). */
  objectives: ReportObjective[];
  /** The API's bySector, with names. */
  sectors: ReportSector[];
  /** Products in plan order (objective, then code as the plan numbers them). */
  products: ReportProduct[];
}

/** Orders product codes as the plan numbers them: 1.2 < 1.10 < 2.1. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/[.\s-]+/);
  const pb = b.split(/[.\s-]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y, 'es');
    if (c !== 0) return c;
  }
  return 0;
}

/** Loads a policy by code and checks the cut lies within its plan (1 January of the first year to 31 December of the last). */
export async function loadPolicyReportData(ds: DataSource, code: string, cutArg: string | null | undefined): Promise<PolicyReportData> {
  const cut = checkIsoDate(cutArg, 'el corte', '--corte');
  const policy = await ds.getRepository(PolicyRecord).findOneBy({ code });
  if (!policy) throw new ReportError(`No existe una política con código «${code}».`, 404);
  const endYear = policy.startYear + policy.vigencias - 1;
  const first = `${policy.startYear}-01-01`;
  const last = `${endYear}-12-31`;
  if (cut < first || cut > last) {
    throw new ReportError(
      `El corte ${cut} está fuera del plan de acción de la política ${code}, que va de ${first} a ${last} (${policy.startYear}–${endYear}).`,
      400,
    );
  }
  const records = new RecordLoadingService(ds);
  const [[objectives], [products]] = await Promise.all([
    records.byColumn(ObjectiveRecord, 'policyId', [policy.id], { number: 'ASC' }),
    records.byColumn(ProductRecord, 'policyId', [policy.id], { id: 'ASC' }),
  ]);
  const ids = products!.map((p) => p.id);
  const entityIds = [...new Set([...products!.map((p) => p.responsibleEntityId), ...(policy.leadEntityId ? [policy.leadEntityId] : [])])];
  const [goals, reports, entities] = await Promise.all([
    records.periodValues('goals', ids),
    records.periodValues('progress_reports', ids),
    records.byIds(OrgEntityRecord, entityIds),
  ]);
  const entityById = new Map(entities.filter((e): e is OrgEntityRecord => e !== null).map((e) => [e.id, e]));
  const sectorIds = [...new Set([...entityById.values()].map((e) => e.sectorId).filter((id): id is number => id != null))];
  const sectors = await records.byIds(SectorRecord, sectorIds);
  const sectorName = new Map(sectors.filter((s): s is SectorRecord => s !== null).map((s) => [s.id, s.name]));

  const inputs = products!.map((p, i) => toPolicyProductInput(p, goals[i]!, reports[i]!, entityById.get(p.responsibleEntityId) ?? null));
  const result = computePolicyProgress(toPolicyCalcInput(policy), inputs, cut);

  const objectiveNumber = new Map(objectives!.map((o) => [o.id, o.number]));
  const reportProducts: ReportProduct[] = products!.map((p) => {
    const entity = entityById.get(p.responsibleEntityId);
    const computed = result.products.get(p.id)!;
    return {
      code: p.code,
      name: p.name,
      indicator: p.indicator,
      objectiveNumber: objectiveNumber.get(p.objectiveId) ?? 0,
      entityName: entity?.name ?? '',
      sectorName: entity?.sectorId != null ? (sectorName.get(entity.sectorId) ?? null) : null,
      weight: computed.weight,
      progress: computed.progress,
    };
  });
  reportProducts.sort((a, b) => a.objectiveNumber - b.objectiveNumber || compareCodes(a.code, b.code));

  const countByObjective = new Map<number, number>();
  for (const p of products!) countByObjective.set(p.objectiveId, (countByObjective.get(p.objectiveId) ?? 0) + 1);
  return {
    policy: {
      code: policy.code,
      name: policy.name,
      legalAct: policy.legalAct,
      adoptionDate: policy.adoptionDate,
      startYear: policy.startYear,
      endYear,
      highThreshold: policy.highThreshold,
      mediumThreshold: policy.mediumThreshold,
      leadEntityName: policy.leadEntityId ? (entityById.get(policy.leadEntityId)?.name ?? null) : null,
    },
    cut,
    total: result.total,
    objectives: objectives!.map((o) => ({
      number: o.number,
      text: o.text,
      productCount: countByObjective.get(o.id) ?? 0,
      progress: result.byObjective.find((x) => x.objectiveId === o.id)?.progress ?? aggregateProgress([], cut),
    })),
    sectors: result.bySector.map((s) => ({ name: sectorName.get(s.sectorId) ?? '', progress: s.progress })),
    products: reportProducts,
  };
}
