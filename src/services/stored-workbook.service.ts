/**
 * What a stored plan or instance holds, row by row, in the shape the PLAN and INSTANCIA workbooks
 * carry it (docs/reportar.md#plan-e-instancia-diligenciados): one record per sheet row, keyed by the
 * template's column keys, values as the workbook writes them (dates `AAAA-MM-DD`, times `HH:MM`, codes
 * instead of ids). Read in a fixed number of statements per sheet. The pre-filled PLAN and INSTANCIA
 * templates are written from it, so re-sending one unchanged changes nothing.
 *
 * Access: ADMIN any; ENTITY a policy it leads or holds a product of (responsible or co-responsible,
 * or responsible for a result), an instance whose technical secretariat it is; anyone else refused.
 */
import { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError } from './errors';
import { Role, Viewer } from './viewer';

export type StoredValue = string | number | boolean | null;
export type StoredRow = Record<string, StoredValue>;

export interface StoredPlan {
  code: string;
  politica: StoredRow;
  entidades: StoredRow[];
  objetivos: StoredRow[];
  resultados: StoredRow[];
  productos: StoredRow[];
  metas: StoredRow[];
}

export interface StoredInstanceWorkbook {
  code: string;
  instancia: StoredRow;
  entidades: StoredRow[];
  integrantes: StoredRow[];
  sesiones: StoredRow[];
  asistencia: StoredRow[];
  programacion: StoredRow[];
  compromisos: StoredRow[];
  retroalimentacion: StoredRow[];
  funciones: StoredRow[];
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === 1 || v === true || v === '1';
const inList = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function refuse(): never {
  throw new ForbiddenError('Solo puede descargar lo de su propia entidad.');
}

export class StoredWorkbookService {
  constructor(private readonly ds: DataSource) {}

  private q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.ds.query(sql, params) as Promise<T[]>;
  }

  private refuseNonMembers(viewer: Viewer): void {
    if (viewer.role !== Role.ADMIN && viewer.role !== Role.ENTITY)
      throw new ForbiddenError('El libro diligenciado es para las claves de una entidad (ENTITY) o de la oficina (ADMIN).');
    if (viewer.role === Role.ENTITY && viewer.entityId === null) refuse();
  }

  /** Entities by id as `Entidades` rows (code, name, acronym, sector, level). */
  private async entities(ids: Iterable<unknown>): Promise<StoredRow[]> {
    const list = [...new Set([...ids].filter((v) => v !== null && v !== undefined).map(Number))];
    if (!list.length) return [];
    const rows = await this.q<Record<string, unknown>>(
      `SELECT e.code, e.name, e.acronym, s.name AS sector, e.level FROM entities e LEFT JOIN sectors s ON s.id = e.sector_id
        WHERE e.id IN (${inList(list.length)}) ORDER BY e.code`,
      list,
    );
    return rows.map((r) => ({
      code: String(r.code),
      name: String(r.name),
      acronym: (r.acronym as string | null) ?? null,
      sector: (r.sector as string | null) ?? null,
      level: (r.level as string | null) ?? null,
    }));
  }

  /** The stored plan of a policy, for the pre-filled PLAN workbook. */
  async plan(viewer: Viewer, code: string): Promise<StoredPlan> {
    this.refuseNonMembers(viewer);
    const [policy] = await this.q<Record<string, unknown>>(
      `SELECT p.id, p.code, p.name, p.legal_act, DATE_FORMAT(p.adoption_date, '%Y-%m-%d') AS adoption_date, p.start_year, p.vigencias,
              p.lead_entity_id, le.code AS lead_code, p.high_threshold, p.medium_threshold, p.review_required
         FROM policies p LEFT JOIN entities le ON le.id = p.lead_entity_id WHERE p.code = ?`,
      [code],
    );
    if (!policy) throw new NotFoundError(`No existe la política «${code}».`);
    const policyId = Number(policy.id);
    const ent = `SELECT code FROM entities WHERE id = x.responsible_entity_id`;
    const results = await this.q<Record<string, unknown>>(
      `SELECT x.id, x.code, o.number AS objective_number, x.name, x.indicator, x.unit, x.annualization_type, x.periodicity,
              x.baseline_value, x.final_goal, x.weight, x.responsible_entity_id, (${ent}) AS responsible_code
         FROM results x JOIN objectives o ON o.id = x.objective_id WHERE x.policy_id = ? ORDER BY x.id`,
      [policyId],
    );
    const products = await this.q<Record<string, unknown>>(
      `SELECT x.id, x.code, o.number AS objective_number, r.code AS result_code, x.name, x.indicator, x.formula, x.unit,
              x.annualization_type, x.periodicity, x.baseline_value, DATE_FORMAT(x.baseline_date, '%Y-%m-%d') AS baseline_date,
              x.baseline_source, x.final_goal, x.weight, x.priority, x.responsible_entity_id, (${ent}) AS responsible_code,
              x.target_population, x.focus, x.sdg, x.status, DATE_FORMAT(x.withdrawn_from, '%Y-%m-%d') AS withdrawn_from
         FROM products x JOIN objectives o ON o.id = x.objective_id LEFT JOIN results r ON r.id = x.result_id
        WHERE x.policy_id = ? ORDER BY x.id`,
      [policyId],
    );
    const coResponsibles = await this.q<{ product_id: number; entity_id: number; code: string }>(
      `SELECT c.product_id, c.entity_id, e.code FROM product_co_responsibles c JOIN products x ON x.id = c.product_id
         JOIN entities e ON e.id = c.entity_id WHERE x.policy_id = ? ORDER BY c.product_id, c.position, e.code`,
      [policyId],
    );
    if (viewer.role === Role.ENTITY) {
      const own = viewer.entityId;
      const holds =
        Number(policy.lead_entity_id) === own ||
        [...results, ...products].some((x) => Number(x.responsible_entity_id) === own) ||
        coResponsibles.some((c) => Number(c.entity_id) === own);
      if (!holds)
        throw new ForbiddenError('Solo puede descargar el plan de una política que su entidad lidera o en la que tiene productos.');
    }
    const objectives = await this.q<{ number: number; text: string }>(
      'SELECT number, text FROM objectives WHERE policy_id = ? ORDER BY number',
      [policyId],
    );
    const goals = await this.q<{ code: string; year: number; period: string; value: number; ord: number }>(
      `SELECT x.code, g.year, g.period, g.value, x.id AS ord FROM goals g JOIN products x ON x.id = g.product_id WHERE x.policy_id = ?
       UNION ALL
       SELECT x.code, g.year, g.period, g.value, x.id FROM result_goals g JOIN results x ON x.id = g.result_id WHERE x.policy_id = ?`,
      [policyId, policyId],
    );
    const resultOrder = new Map(results.map((r, i) => [String(r.code), i]));
    const productOrder = new Map(products.map((p, i) => [String(p.code), results.length + i]));
    const order = (code: string) => productOrder.get(code) ?? resultOrder.get(code) ?? 0;
    goals.sort((a, b) => order(a.code) - order(b.code) || a.year - b.year || String(a.period).localeCompare(String(b.period)));
    const coByProduct = new Map<number, string[]>();
    for (const c of coResponsibles) coByProduct.set(Number(c.product_id), [...(coByProduct.get(Number(c.product_id)) ?? []), c.code]);
    const indicator = (x: Record<string, unknown>) => ({
      unit: (x.unit as string | null) ?? null,
      annualizationType: x.annualization_type as string,
      periodicity: x.periodicity as string,
      baseline: num(x.baseline_value),
      finalGoal: num(x.final_goal),
      weight: num(x.weight),
      responsibleEntityCode: (x.responsible_code as string | null) ?? null,
    });
    return {
      code: String(policy.code),
      politica: {
        code: String(policy.code),
        name: String(policy.name),
        legalAct: (policy.legal_act as string | null) ?? null,
        adoptionDate: (policy.adoption_date as string | null) ?? null,
        startYear: Number(policy.start_year),
        vigencias: Number(policy.vigencias),
        leadEntityCode: (policy.lead_code as string | null) ?? null,
        highThreshold: num(policy.high_threshold),
        mediumThreshold: num(policy.medium_threshold),
        reviewRequired: bool(policy.review_required) ? 'SI' : 'NO',
      },
      entidades: await this.entities([
        policy.lead_entity_id,
        ...results.map((r) => r.responsible_entity_id),
        ...products.map((p) => p.responsible_entity_id),
        ...coResponsibles.map((c) => c.entity_id),
      ]),
      objetivos: objectives.map((o) => ({ number: Number(o.number), text: o.text })),
      resultados: results.map((r) => ({
        code: String(r.code),
        objectiveNumber: Number(r.objective_number),
        name: r.name as string,
        indicator: r.indicator as string,
        ...indicator(r),
      })),
      productos: products.map((p) => ({
        code: String(p.code),
        objectiveNumber: Number(p.objective_number),
        resultCode: (p.result_code as string | null) ?? null,
        name: p.name as string,
        indicator: p.indicator as string,
        formula: (p.formula as string | null) ?? null,
        ...indicator(p),
        baselineDate: (p.baseline_date as string | null) ?? null,
        baselineSource: (p.baseline_source as string | null) ?? null,
        priority: num(p.priority),
        coResponsibleEntityCodes: (coByProduct.get(Number(p.id)) ?? []).join(', ') || null,
        targetPopulation: (p.target_population as string | null) ?? null,
        focus: (p.focus as string | null) ?? null,
        sdg: (p.sdg as string | null) ?? null,
        status: p.status as string,
        withdrawnFrom: (p.withdrawn_from as string | null) ?? null,
      })),
      metas: goals.map((g) => ({ productCode: g.code, year: Number(g.year), period: g.period || null, value: Number(g.value) })),
    };
  }

  /** The stored instance, for the pre-filled INSTANCIA workbook. */
  async instance(viewer: Viewer, code: string): Promise<StoredInstanceWorkbook> {
    this.refuseNonMembers(viewer);
    const [inst] = await this.q<Record<string, unknown>>(
      `SELECT i.id, i.code, i.name, i.kind, i.legal_basis, i.internal_rules, i.technical_secretariat_id, e.code AS secretariat_code,
              i.territory, i.quorum_rule FROM instances i LEFT JOIN entities e ON e.id = i.technical_secretariat_id WHERE i.code = ?`,
      [code],
    );
    if (!inst) throw new NotFoundError(`No existe la instancia «${code}».`);
    if (viewer.role === Role.ENTITY && Number(inst.technical_secretariat_id) !== viewer.entityId)
      throw new ForbiddenError('Solo puede descargar una instancia cuya secretaría técnica es su entidad.');
    const id = Number(inst.id);
    const members = await this.q<Record<string, unknown>>(
      `SELECT pe.name, pe.position, pe.email, pe.entity_id, e.code AS entity_code, m.role,
              DATE_FORMAT(m.from_date, '%Y-%m-%d') AS from_date, DATE_FORMAT(m.to_date, '%Y-%m-%d') AS to_date
         FROM memberships m JOIN people pe ON pe.id = m.person_id JOIN entities e ON e.id = pe.entity_id
        WHERE m.instance_id = ? AND NOT (m.role = 'OTRO' AND m.from_date IS NULL AND m.to_date IS NULL AND pe.position IS NULL AND pe.email IS NULL)
        ORDER BY m.id`,
      [id],
    );
    const sessions = await this.q<Record<string, unknown>>(
      `SELECT s.id, s.number, s.year, s.type, s.modality, DATE_FORMAT(s.date, '%Y-%m-%d') AS date, TIME_FORMAT(s.start_time, '%H:%i') AS start_time,
              TIME_FORMAT(s.end_time, '%H:%i') AS end_time, s.place, s.status, s.minutes_url
         FROM sessions s WHERE s.instance_id = ? ORDER BY s.year, s.number`,
      [id],
    );
    const agenda = await this.q<{ session_id: number; text: string }>(
      `SELECT a.session_id, a.text FROM agenda_items a JOIN sessions s ON s.id = a.session_id WHERE s.instance_id = ? ORDER BY a.session_id, a.position`,
      [id],
    );
    const attendance = await this.q<Record<string, unknown>>(
      `SELECT s.number, s.year, pe.name, pe.entity_id, e.code AS entity_code, a.attended, a.delegated, a.observations
         FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN people pe ON pe.id = a.person_id JOIN entities e ON e.id = pe.entity_id
        WHERE s.instance_id = ? ORDER BY s.year, s.number, a.person_id`,
      [id],
    );
    const schedule = await this.q<Record<string, unknown>>(
      'SELECT year, half, type, programmed FROM session_schedules WHERE instance_id = ? ORDER BY year, half, type',
      [id],
    );
    const commitments = await this.q<Record<string, unknown>>(
      `SELECT s.number, s.year, c.text, c.responsible_entity_id, e.code AS entity_code, DATE_FORMAT(c.due_date, '%Y-%m-%d') AS due_date, c.status
         FROM commitments c JOIN sessions s ON s.id = c.session_id LEFT JOIN entities e ON e.id = c.responsible_entity_id
        WHERE s.instance_id = ? ORDER BY s.year, s.number, c.id`,
      [id],
    );
    const reviews = await this.q<Record<string, unknown>>(
      `SELECT s.number, s.year, p.code AS policy_code, x.code AS product_code, r.report, r.feedback, r.observations
         FROM product_reviews r JOIN sessions s ON s.id = r.session_id JOIN products x ON x.id = r.product_id JOIN policies p ON p.id = x.policy_id
        WHERE s.instance_id = ? ORDER BY s.year, s.number, r.id`,
      [id],
    );
    const functions = await this.q<{ id: number; number: number; text: string }>(
      'SELECT id, number, text FROM instance_functions WHERE instance_id = ? ORDER BY number',
      [id],
    );
    const addressed = await this.q<{ function_id: number; year: number; number: number }>(
      `SELECT sf.function_id, s.year, s.number FROM session_functions sf JOIN sessions s ON s.id = sf.session_id
        WHERE s.instance_id = ? AND sf.addressed = 1 ORDER BY sf.function_id, s.year, s.number`,
      [id],
    );
    const agendaOf = new Map<number, string[]>();
    for (const a of agenda) agendaOf.set(Number(a.session_id), [...(agendaOf.get(Number(a.session_id)) ?? []), a.text]);
    const funcionRows: StoredRow[] = [];
    for (const f of functions) {
      const byYear = new Map<number, number[]>();
      for (const a of addressed.filter((x) => Number(x.function_id) === Number(f.id)))
        byYear.set(Number(a.year), [...(byYear.get(Number(a.year)) ?? []), Number(a.number)]);
      if (!byYear.size) funcionRows.push({ number: Number(f.number), text: f.text, year: null, sessions: null });
      for (const [year, numbers] of byYear)
        funcionRows.push({ number: Number(f.number), text: f.text, year, sessions: numbers.join(', ') });
    }
    const text = (v: unknown) => (v as string | null) ?? null;
    return {
      code: String(inst.code),
      instancia: {
        code: String(inst.code),
        name: String(inst.name),
        kind: String(inst.kind),
        legalBasis: text(inst.legal_basis),
        internalRules: text(inst.internal_rules),
        secretariatEntityCode: text(inst.secretariat_code),
        territory: text(inst.territory),
        quorum: num(inst.quorum_rule),
      },
      entidades: await this.entities([
        inst.technical_secretariat_id,
        ...members.map((m) => m.entity_id),
        ...attendance.map((a) => a.entity_id),
        ...commitments.map((c) => c.responsible_entity_id),
      ]),
      integrantes: members.map((m) => ({
        name: String(m.name),
        position: text(m.position),
        entityCode: String(m.entity_code),
        role: String(m.role),
        from: text(m.from_date),
        to: text(m.to_date),
        email: text(m.email),
      })),
      sesiones: sessions.map((s) => ({
        number: Number(s.number),
        year: Number(s.year),
        type: String(s.type),
        modality: text(s.modality),
        date: text(s.date),
        startTime: text(s.start_time),
        endTime: text(s.end_time),
        place: text(s.place),
        status: text(s.status),
        agenda: (agendaOf.get(Number(s.id)) ?? []).join('\n') || null,
        minutesLink: text(s.minutes_url),
      })),
      asistencia: attendance.map((a) => ({
        sessionNumber: Number(a.number),
        sessionYear: Number(a.year),
        name: String(a.name),
        entityCode: String(a.entity_code),
        attended: bool(a.attended),
        delegated: bool(a.delegated),
        observations: text(a.observations),
      })),
      programacion: schedule.map((s) => ({
        year: Number(s.year),
        semester: Number(s.half) || null,
        type: String(s.type),
        programmed: Number(s.programmed),
      })),
      compromisos: commitments.map((c) => ({
        sessionNumber: Number(c.number),
        sessionYear: Number(c.year),
        text: String(c.text),
        responsibleEntityCode: text(c.entity_code),
        dueDate: text(c.due_date),
        status: text(c.status),
      })),
      retroalimentacion: reviews.map((r) => ({
        sessionNumber: Number(r.number),
        sessionYear: Number(r.year),
        policyCode: String(r.policy_code),
        productCode: String(r.product_code),
        report: text(r.report),
        feedback: text(r.feedback),
        observations: text(r.observations),
      })),
      funciones: funcionRows,
    };
  }
}
