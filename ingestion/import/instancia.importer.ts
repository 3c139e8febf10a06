import { createHash } from 'node:crypto';
import { MembershipRole } from '../../src/domain/enums';
import { InstanciaData } from '../model/instancia.types';
import { personKey } from '../text/text.normalizer';
import { entityIdsByCode, importEntitiesOf, requireId } from './entity.importer';
import { addCounts, emptyCounts, ImportContext, ImportCounts } from './import.types';
import { deleteOthers, upsertRows } from './row-upsert.writer';

/** sha256 of a commitment's normalised text: with its session, the commitment's natural key. */
export function commitmentTextHash(text: string): string {
  return createHash('sha256').update(personKey(text)).digest('hex');
}

/**
 * Writes a validated INSTANCIA workbook: the instance, people and memberships, sessions with their
 * agenda, attendance, programmed counts, commitments, product reviews and functions addressed.
 * A session's agenda is replaced by the workbook's. Attendees not listed in `Integrantes` become
 * people of their entity with an OTRO membership (seed 000's "otros asistentes").
 */
export async function importInstancia(ctx: ImportContext, data: InstanciaData): Promise<ImportCounts> {
  const { m } = ctx;
  const counts = emptyCounts();
  const inst = data.instance;
  if (!inst) throw new Error('an INSTANCIA without its Instancia row cannot reach the import step');
  await importEntitiesOf(ctx, data.entities, counts);
  const entityIds = await entityIdsByCode(m, [
    ...(inst.secretariatEntityCode ? [inst.secretariatEntityCode] : []),
    ...data.members.map((x) => x.entityCode),
    ...data.attendance.map((x) => x.entityCode),
    ...data.commitments.flatMap((c) => (c.responsibleEntityCode ? [c.responsibleEntityCode] : [])),
  ]);
  const entity = (code: string) => requireId(entityIds, code, 'entidad');

  const instance = await upsertRows(
    m,
    {
      table: 'instances',
      key: ['code'],
      columns: {
        code: 'text',
        name: 'text',
        kind: 'text',
        legal_basis: 'text',
        internal_rules: 'text',
        technical_secretariat_id: 'int',
        territory: 'text',
        quorum_rule: 'decimal',
      },
    },
    [
      {
        code: inst.code,
        name: inst.name,
        kind: inst.kind,
        legal_basis: inst.legalBasis,
        internal_rules: inst.internalRules,
        technical_secretariat_id: inst.secretariatEntityCode ? entity(inst.secretariatEntityCode) : null,
        territory: inst.territory,
        quorum_rule: inst.quorum,
      },
    ],
  );
  addCounts(counts, instance);
  const instanceId = requireId(instance.ids, inst.code, 'instancia');

  // People: members (with position and e-mail) and attendees who are not members.
  const people = new Map<string, Record<string, unknown>>();
  for (const a of data.attendance) {
    const k = `${entity(a.entityCode)}\u0001${a.personKey}`;
    if (!people.has(k)) people.set(k, { entity_id: entity(a.entityCode), normalized_name: a.personKey, name: a.name });
  }
  for (const mem of data.members) {
    const k = `${entity(mem.entityCode)}\u0001${mem.personKey}`;
    people.set(k, {
      entity_id: entity(mem.entityCode),
      normalized_name: mem.personKey,
      name: mem.name,
      position: mem.position,
      email: mem.email,
    });
  }
  const memberKeys = new Set(data.members.map((x) => `${entity(x.entityCode)}\u0001${x.personKey}`));
  const peopleRows = [...people.values()];
  // Attendees only: write name (not position/e-mail, which their own membership row would give).
  const pm = await upsertRows(
    m,
    {
      table: 'people',
      key: ['entity_id', 'normalized_name'],
      columns: { entity_id: 'int', normalized_name: 'text', name: 'text', position: 'text', email: 'text' },
    },
    peopleRows.filter((p) => memberKeys.has(`${p.entity_id}\u0001${p.normalized_name}`)),
  );
  const pa = await upsertRows(
    m,
    { table: 'people', key: ['entity_id', 'normalized_name'], columns: { entity_id: 'int', normalized_name: 'text', name: 'text' } },
    peopleRows.filter((p) => !memberKeys.has(`${p.entity_id}\u0001${p.normalized_name}`)),
  );
  const personId = (entityCode: string, key: string) => {
    const k = `${entity(entityCode)}\u0001${key}`;
    return requireId(pm.ids.has(k) ? pm.ids : pa.ids, k, 'persona');
  };

  const memberships = await upsertRows(
    m,
    {
      table: 'memberships',
      key: ['instance_id', 'person_id', 'role'],
      columns: { instance_id: 'int', person_id: 'int', role: 'text', from_date: 'date', to_date: 'date' },
    },
    [
      ...data.members.map((x) => ({
        instance_id: instanceId,
        person_id: personId(x.entityCode, x.personKey),
        role: x.role,
        from_date: x.from,
        to_date: x.to,
      })),
      ...data.attendance
        .filter((a) => !a.member)
        .map((a) => ({
          instance_id: instanceId,
          person_id: personId(a.entityCode, a.personKey),
          role: MembershipRole.OTRO,
          from_date: null,
          to_date: null,
        })),
    ],
  );
  addCounts(counts, memberships);

  const sessions = await upsertRows(
    m,
    {
      table: 'sessions',
      key: ['instance_id', 'year', 'number'],
      columns: {
        instance_id: 'int',
        year: 'int',
        number: 'int',
        type: 'text',
        modality: 'text',
        date: 'date',
        start_time: 'time',
        end_time: 'time',
        place: 'text',
        status: 'text',
        minutes_url: 'text',
      },
    },
    data.sessions.map((s) => ({
      instance_id: instanceId,
      year: s.year,
      number: s.number,
      type: s.type,
      modality: s.modality,
      date: s.date,
      start_time: s.startTime,
      end_time: s.endTime,
      place: s.place,
      status: s.status,
      minutes_url: s.minutesLink,
    })),
  );
  addCounts(counts, sessions);
  const sessionIds = new Map<string, number>();
  for (const r of (await m.query('SELECT id, year, number FROM sessions WHERE instance_id = ?', [instanceId])) as {
    id: number;
    year: number;
    number: number;
  }[]) {
    sessionIds.set(`${r.year}/${r.number}`, Number(r.id));
  }
  const session = (year: number, number: number) => requireId(sessionIds, `${year}/${number}`, 'sesión');

  const touchedSessions = data.sessions.map((s) => session(s.year, s.number));
  const agenda = await upsertRows(
    m,
    { table: 'agenda_items', key: ['session_id', 'position'], columns: { session_id: 'int', position: 'int', text: 'text' } },
    data.sessions.flatMap((s) => s.agenda.map((text, i) => ({ session_id: session(s.year, s.number), position: i + 1, text }))),
  );
  await deleteOthers(m, 'agenda_items', 'session_id', touchedSessions, [...agenda.ids.values()]);

  const attendance = await upsertRows(
    m,
    {
      table: 'attendances',
      key: ['session_id', 'person_id'],
      columns: { session_id: 'int', person_id: 'int', attended: 'bool', delegated: 'bool', observations: 'text' },
    },
    data.attendance.map((a) => ({
      session_id: session(a.sessionYear, a.sessionNumber),
      person_id: personId(a.entityCode, a.personKey),
      attended: a.attended,
      delegated: a.delegated,
      observations: a.observations,
    })),
    { insertedIds: false },
  );
  addCounts(counts, attendance);

  addCounts(
    counts,
    await upsertRows(
      m,
      {
        table: 'session_schedules',
        key: ['instance_id', 'year', 'half', 'type'],
        columns: { instance_id: 'int', year: 'int', half: 'int', type: 'text', programmed: 'int' },
      },
      data.schedule.map((s) => ({ instance_id: instanceId, year: s.year, half: s.semester ?? 0, type: s.type, programmed: s.programmed })),
    ),
  );

  addCounts(
    counts,
    await upsertRows(
      m,
      {
        table: 'commitments',
        key: ['session_id', 'text_hash'],
        columns: { session_id: 'int', text_hash: 'text', text: 'text', responsible_entity_id: 'int', due_date: 'date', status: 'text' },
      },
      data.commitments.map((c) => ({
        session_id: session(c.sessionYear, c.sessionNumber),
        text_hash: commitmentTextHash(c.text),
        text: c.text,
        responsible_entity_id: c.responsibleEntityCode ? entity(c.responsibleEntityCode) : null,
        due_date: c.dueDate,
        status: c.status,
      })),
    ),
  );

  if (data.reviews.length) {
    const keys = [...new Set(data.reviews.map((r) => `${r.policyCode}\u0001${r.productCode}`))].map((k) => k.split('\u0001'));
    const products = (await m.query(
      `SELECT pr.id, pr.code, p.code AS policy_code FROM products pr INNER JOIN policies p ON p.id = pr.policy_id
        WHERE (p.code, pr.code) IN (${keys.map(() => '(?, ?)').join(', ')})`,
      keys.flat(),
    )) as { id: number; code: string; policy_code: string }[];
    const productIds = new Map(products.map((p) => [`${p.policy_code}\u0001${p.code}`, Number(p.id)]));
    addCounts(
      counts,
      await upsertRows(
        m,
        {
          table: 'product_reviews',
          key: ['session_id', 'product_id'],
          columns: { session_id: 'int', product_id: 'int', report: 'text', feedback: 'text', observations: 'text' },
        },
        data.reviews.map((r) => ({
          session_id: session(r.sessionYear, r.sessionNumber),
          product_id: requireId(productIds, `${r.policyCode}\u0001${r.productCode}`, 'producto'),
          report: r.report,
          feedback: r.feedback,
          observations: r.observations,
        })),
      ),
    );
  }

  if (data.functions.length) {
    const fns = await upsertRows(
      m,
      { table: 'instance_functions', key: ['instance_id', 'number'], columns: { instance_id: 'int', number: 'int', text: 'text' } },
      data.functions.map((f) => ({ instance_id: instanceId, number: f.number, text: f.text })),
    );
    addCounts(counts, fns);
    await upsertRows(
      m,
      {
        table: 'session_functions',
        noId: true,
        key: ['session_id', 'function_id'],
        columns: { session_id: 'int', function_id: 'int', addressed: 'bool' },
      },
      data.functions.flatMap((f) =>
        f.year === null
          ? []
          : f.sessionNumbers.map((n) => ({
              session_id: session(f.year!, n),
              function_id: requireId(fns.ids, `${instanceId}\u0001${f.number}`, 'función'),
              addressed: true,
            })),
      ),
    );
  }
  return counts;
}
