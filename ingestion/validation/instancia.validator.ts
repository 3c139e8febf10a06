/** INSTANCIA checks. Pure: issues only. */
import { IssueCollector, q } from '../issues/issue.collector';
import { RejectedRow } from '../model/common.types';
import { AttendanceRow, InstanceRow, InstanciaData, MemberRow, SessionRow } from '../model/instancia.types';
import { sessionKey } from '../parsing/asistencia.parser';
import { collapseSpaces, personKey } from '../text/text.normalizer';
import { checkDuplicates, EntityIndex, rejectedKeys, rejectedNumber, rejectedOf, rejectedText, validateEntities } from './common.validator';
import { ValidationContext } from './validation.context';

/** Sessions a workbook may refer to: its own, rejected ones (already reported) and stored ones. */
class SessionIndex {
  private readonly keys: Set<string>;

  constructor(data: InstanciaData, rejected: readonly RejectedRow[], context: ValidationContext) {
    const stored = data.instance ? (context.instances.get(data.instance.code)?.sessions ?? []) : [];
    this.keys = new Set([
      ...data.sessions.map((s) => sessionKey(s.number, s.year)),
      ...rejectedKeys(rejected, 'Sesiones'),
      ...stored.map((s) => sessionKey(s.number, s.year)),
    ]);
  }

  check(number: number, year: number, at: { sheet: string; row: number; column: string }, issues: IssueCollector): void {
    const key = sessionKey(number, year);
    if (this.keys.has(key)) return;
    issues.error(
      'SESION_INEXISTENTE',
      { ...at, value: key },
      `la sesión ${number} de ${year} no está en la hoja Sesiones ni registrada antes; agréguela en la hoja Sesiones o corrija el número y el año`,
    );
  }
}

function validateInstance(instance: InstanceRow, entities: EntityIndex, context: ValidationContext, issues: IssueCollector): void {
  const at = { sheet: instance.sheet, row: instance.row };
  entities.check(instance.secretariatEntityCode, { ...at, column: 'Código entidad secretaría técnica' }, issues);
  const uploader = context.uploader;
  if (!uploader || uploader.planningOffice) return;
  // The stored technical secretariat decides: an entity can neither register a new instance nor take over another's.
  const stored = context.instances.get(instance.code);
  const secretariat = stored?.secretariatEntityCode ?? null;
  if (!stored || uploader.entityCode === null || uploader.entityCode !== secretariat) {
    issues.error(
      'ENTIDAD_NO_AUTORIZADA',
      { ...at, column: 'Código instancia', value: instance.code },
      stored
        ? `solo la secretaría técnica${secretariat ? ` (${q(secretariat)})` : ''} o la oficina de planeación pueden cargar la gestión de la instancia ${q(instance.code)}; su entidad es ${q(uploader.entityCode ?? 'ninguna')}`
        : `la instancia ${q(instance.code)} no está registrada: solo la oficina de planeación puede registrar una instancia nueva`,
    );
  } else if (instance.secretariatEntityCode !== null && instance.secretariatEntityCode !== secretariat) {
    issues.error(
      'ENTIDAD_NO_AUTORIZADA',
      { ...at, column: 'Código entidad secretaría técnica', value: instance.secretariatEntityCode },
      `solo la oficina de planeación puede cambiar la secretaría técnica de la instancia ${q(instance.code)} (hoy ${q(secretariat!)}); deje ${q(secretariat!)} o la celda vacía`,
    );
  }
}

function validateMembers(members: readonly MemberRow[], entities: EntityIndex, issues: IssueCollector): void {
  checkDuplicates(
    members,
    (m) => `${m.entityCode}|${m.personKey}|${m.role}|${m.from ?? ''}`,
    (m) => `${m.name} (${m.entityCode}, ${m.role})`,
    'Nombre',
    issues,
  );
  for (const m of members) {
    entities.check(m.entityCode, { sheet: m.sheet, row: m.row, column: 'Código entidad' }, issues);
    if (m.from && m.to && m.from > m.to) {
      issues.error(
        'FECHAS_INCONSISTENTES',
        { sheet: m.sheet, row: m.row, column: 'Hasta', value: m.to },
        `la fecha «Hasta» (${m.to}) es anterior a «Desde» (${m.from}); corrija una de las dos`,
      );
    }
  }
}

function validateSessions(sessions: readonly SessionRow[], issues: IssueCollector): void {
  checkDuplicates(
    sessions,
    (s) => sessionKey(s.number, s.year),
    (s) => `la sesión ${s.number} de ${s.year}`,
    'Número',
    issues,
  );
  for (const s of sessions) {
    const at = { sheet: s.sheet, row: s.row };
    if (Number(s.date.slice(0, 4)) !== s.year) {
      issues.warning(
        'FECHA_SESION_NO_COINCIDE_ANIO',
        { ...at, column: 'Fecha', value: s.date },
        `la fecha ${s.date} no es del año ${s.year} indicado para la sesión ${s.number}; revise la fecha o el año`,
      );
    }
    if (s.startTime && s.endTime && s.endTime < s.startTime) {
      issues.warning(
        'HORAS_INCONSISTENTES',
        { ...at, column: 'Hora fin', value: s.endTime },
        `la hora de fin (${s.endTime}) es anterior a la de inicio (${s.startTime}); revise las horas (use formato de 24 horas o a. m./p. m.)`,
      );
    }
  }
}

function validateAttendance(
  rows: readonly AttendanceRow[],
  matrix: boolean,
  sessions: SessionIndex,
  entities: EntityIndex,
  issues: IssueCollector,
): void {
  const firstOfRow = new Map<string, AttendanceRow>();
  for (const a of rows) {
    const rowKey = `${a.sheet}|${a.row}`;
    if (!firstOfRow.has(rowKey)) firstOfRow.set(rowKey, a);
    const at = matrix ? { sheet: a.sheet, row: 1, column: a.column ?? '' } : { sheet: a.sheet, row: a.row, column: 'Número sesión' };
    sessions.check(a.sessionNumber, a.sessionYear, at, issues);
  }
  for (const a of firstOfRow.values()) entities.check(a.entityCode, { sheet: a.sheet, row: a.row, column: 'Código entidad' }, issues);
  if (matrix) {
    checkDuplicates(
      [...firstOfRow.values()],
      (a) => `${a.entityCode}|${a.personKey}`,
      (a) => `la persona ${q(a.name)} de la entidad ${q(a.entityCode)}`,
      'Nombre',
      issues,
    );
  } else {
    checkDuplicates(
      rows,
      (a) => `${sessionKey(a.sessionNumber, a.sessionYear)}|${a.entityCode}|${a.personKey}`,
      (a) => `la asistencia de ${q(a.name)} (${a.entityCode}) a la sesión ${sessionKey(a.sessionNumber, a.sessionYear)}`,
      'Nombre',
      issues,
    );
  }
}

function validateFunctions(data: InstanciaData, sessions: SessionIndex, issues: IssueCollector): void {
  checkDuplicates(
    data.functions,
    (f) => `${f.number}|${f.year ?? ''}`,
    (f) => `la función ${f.number}${f.year ? ` para ${f.year}` : ''}`,
    'Número',
    issues,
  );
  const texts = new Map<number, { text: string; row: number }>();
  for (const f of data.functions) {
    const at = { sheet: f.sheet, row: f.row };
    const first = texts.get(f.number);
    if (!first) texts.set(f.number, { text: f.text, row: f.row });
    else if (personKey(first.text) !== personKey(f.text)) {
      issues.warning(
        'FUNCION_TEXTO_DIFERENTE',
        { ...at, column: 'Función', value: f.text.slice(0, 80) },
        `la función ${f.number} tiene un texto distinto al de la fila ${first.row}; se conserva el de la fila ${first.row}. Use el mismo texto en todas las filas de la función`,
      );
    }
    if (f.sessionNumbers.length > 0 && f.year === null) {
      issues.error('VALOR_REQUERIDO', { ...at, column: 'Año' }, 'indique el año de las sesiones listadas en «Sesiones»');
      continue;
    }
    for (const n of f.sessionNumbers) sessions.check(n, f.year!, { ...at, column: 'Sesiones' }, issues);
  }
}

/** Session and entity references of rows the reader rejected, so every error of a row is listed at once. */
function validateRejectedReferences(
  rejected: readonly RejectedRow[],
  sessions: SessionIndex,
  entities: EntityIndex,
  issues: IssueCollector,
): void {
  const sheets: ReadonlyArray<[string, string | null]> = [
    ['Integrantes', 'entityCode'],
    ['Asistencia', 'entityCode'],
    ['Compromisos', 'responsibleEntityCode'],
    ['Retroalimentacion', null],
  ];
  for (const [sheet, entityKey] of sheets) {
    for (const r of rejectedOf(rejected, sheet)) {
      const number = rejectedNumber(r, 'sessionNumber');
      const year = rejectedNumber(r, 'sessionYear');
      if (number !== null && year !== null) sessions.check(number, year, { sheet: r.sheet, row: r.row, column: 'Número sesión' }, issues);
      if (entityKey) {
        const column = entityKey === 'entityCode' ? 'Código entidad' : 'Código entidad responsable';
        entities.check(rejectedText(r, entityKey), { sheet: r.sheet, row: r.row, column }, issues);
      }
    }
  }
}

export function validateInstancia(
  data: InstanciaData,
  rejected: readonly RejectedRow[],
  context: ValidationContext,
  issues: IssueCollector,
): void {
  const entities = new EntityIndex(data.entities, context, rejected);
  const sessions = new SessionIndex(data, rejected, context);
  validateEntities(data.entities, issues);
  if (data.instance) validateInstance(data.instance, entities, context, issues);
  validateMembers(data.members, entities, issues);
  validateSessions(data.sessions, issues);
  validateAttendance(data.attendance, data.attendanceLayout === 'MATRIX', sessions, entities, issues);

  checkDuplicates(
    data.schedule,
    (s) => `${s.year}|${s.semester ?? ''}|${s.type}`,
    (s) => `la programación de sesiones ${s.type} de ${s.year}${s.semester ? `, semestre ${s.semester}` : ''}`,
    'Año',
    issues,
  );

  checkDuplicates(
    data.commitments,
    (c) => `${sessionKey(c.sessionNumber, c.sessionYear)}|${personKey(c.text)}`,
    (c) => `el compromiso ${q(collapseSpaces(c.text).slice(0, 60))} de la sesión ${sessionKey(c.sessionNumber, c.sessionYear)}`,
    'Compromiso',
    issues,
  );
  for (const c of data.commitments) {
    sessions.check(c.sessionNumber, c.sessionYear, { sheet: c.sheet, row: c.row, column: 'Número sesión' }, issues);
    entities.check(c.responsibleEntityCode, { sheet: c.sheet, row: c.row, column: 'Código entidad responsable' }, issues);
  }

  checkDuplicates(
    data.reviews,
    (r) => `${sessionKey(r.sessionNumber, r.sessionYear)}|${r.policyCode}|${r.productCode}`,
    (r) => `la retroalimentación del producto ${q(r.productCode)} en la sesión ${sessionKey(r.sessionNumber, r.sessionYear)}`,
    'Código producto',
    issues,
  );
  for (const r of data.reviews) {
    const at = { sheet: r.sheet, row: r.row };
    sessions.check(r.sessionNumber, r.sessionYear, { ...at, column: 'Número sesión' }, issues);
    const policy = context.policies.get(r.policyCode);
    if (!policy) {
      issues.error(
        'POLITICA_INEXISTENTE',
        { ...at, column: 'Código política', value: r.policyCode },
        `la política ${q(r.policyCode)} no existe; revise el código`,
      );
    } else if (!policy.products.has(r.productCode)) {
      issues.error(
        'PRODUCTO_INEXISTENTE',
        { ...at, column: 'Código producto', value: r.productCode },
        `el producto ${q(r.productCode)} no existe en la política ${q(r.policyCode)}; revise el código`,
      );
    }
  }
  validateFunctions(data, sessions, issues);
  validateRejectedReferences(rejected, sessions, entities, issues);
}
