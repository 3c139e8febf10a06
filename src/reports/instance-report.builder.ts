/**
 * The management report of an instance (informe de gestión, seed 002) for a date range as a ReportDocument:
 * identification, members by sector/entity/role with the attendance matrix, sessions held vs programmed per
 * type with compliance, functions addressed per session, and commitments with their state.
 */
import { CommitmentStatus, MembershipRole, SessionType } from '../domain/enums';
import { formatLongDate, formatNumber, formatReportPercent, formatShortDate, monthName } from '../formatting/number-format';
import type { Block, ReportDocument, TableCell } from './document.model';
import type { InstanceReportData, ReportSession } from './instance-report.data';
import { joinList } from './report-text';
import type { Wording } from './wording/wording';

export const ROLE_CODE: Record<MembershipRole, string> = {
  [MembershipRole.PRESIDENCIA]: 'P',
  [MembershipRole.SECRETARIA_TECNICA]: 'S',
  [MembershipRole.INTEGRANTE]: 'I',
  [MembershipRole.INVITADO_PERMANENTE]: 'IP',
  [MembershipRole.OTRO]: 'O',
};

const TYPE_WORD: Record<SessionType, string> = {
  [SessionType.ORDINARIA]: 'ORDINARIAS',
  [SessionType.EXTRAORDINARIA]: 'EXTRAORDINARIAS',
};

/** `Ene`, `Feb`… as the seed heads its columns. */
export function monthAbbreviation(month: number): string {
  const name = monthName(month);
  return name.charAt(0).toUpperCase() + name.slice(1, 3);
}

/** Column header of a session in the attendance matrix: its month (`Mar`), as seed 002. */
export function sessionHeader(s: ReportSession): string {
  return monthAbbreviation(Number(s.date.slice(5, 7)));
}

/** Day of a session as written in the matrix cells: `08`. */
export function sessionDay(s: Pick<ReportSession, 'date'>): string {
  return s.date.slice(8, 10);
}

/** `enero - junio 2020` for whole months of one year, else `del 15/01/2020 al 30/06/2020`. */
export function rangePhrase(from: string, to: string): string {
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const fy = Number(from.slice(0, 4));
  const ty = Number(to.slice(0, 4));
  const fm = Number(from.slice(5, 7));
  const tm = Number(to.slice(5, 7));
  const whole = from.endsWith('-01') && Number(to.slice(8, 10)) === lastDay(ty, tm);
  if (whole && fy === ty) return fm === tm ? `${monthName(fm)} ${fy}` : `${monthName(fm)} - ${monthName(tm)} ${fy}`;
  if (whole) return `${monthName(fm)} ${fy} - ${monthName(tm)} ${ty}`;
  return `del ${formatShortDate(from)} al ${formatShortDate(to)}`;
}

/** Months of the range, as [year, month] pairs. */
export function monthsOf(from: string, to: string): [number, number][] {
  const out: [number, number][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  while (y < ty || (y === ty && m <= tm)) {
    out.push([y, m]);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The sessions' days in a month, as seed 002 writes them: `11 y 19`. */
export function daysIn(sessions: readonly ReportSession[], year: number, month: number): string {
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  return joinList(sessions.filter((s) => s.date.startsWith(prefix)).map((s) => String(Number(s.date.slice(8, 10)))));
}

const text = (t: string): TableCell => ({ content: [t] });

export function buildInstanceReport(data: InstanceReportData, w: Wording, generatedOn: string): ReportDocument {
  const none = w.text('instancia.no_registrado', {});
  const period = rangePhrase(data.from, data.to);
  const blocks: Block[] = [
    { kind: 'title', text: w.text('instancia.titulo', {}) },
    { kind: 'subtitle', text: w.text('instancia.subtitulo', { instancia: data.instance.name, periodo: period.toUpperCase() }) },
    { kind: 'paragraph', content: [w.text('instancia.nombre', { nombre: data.instance.name })] },
    { kind: 'paragraph', content: [w.text('instancia.reglamento', { reglamento: data.instance.internalRules ?? none })] },
    { kind: 'paragraph', content: [w.text('instancia.normas', { normas: data.instance.legalBasis ?? none })] },
    { kind: 'paragraph', content: [w.text('instancia.secretaria', { entidad: data.instance.secretariat ?? none })] },
    { kind: 'paragraph', content: [w.text('instancia.asistentes', {})] },
    { kind: 'paragraph', style: 'note', content: [w.text('instancia.roles', {})] },
  ];

  // Members and attendance matrix
  if (data.attendance.length === 0) {
    blocks.push({ kind: 'paragraph', content: [w.text('instancia.sin_integrantes', {})] });
  } else {
    const sessionCols = data.held.length;
    const fixed = [14, 20, 18, 5];
    const tail = [7, 9];
    const left = 100 - fixed.reduce((a, b) => a + b, 0) - tail.reduce((a, b) => a + b, 0);
    const each = sessionCols ? left / sessionCols : 0;
    const columns = [
      { header: 'Sector', widthPct: fixed[0]! + (sessionCols ? 0 : left / 2) },
      { header: 'Entidad u organismo', widthPct: fixed[1]! + (sessionCols ? 0 : left / 2) },
      { header: 'Nombre y cargo', widthPct: fixed[2]! },
      { header: 'Rol', widthPct: fixed[3]!, align: 'center' as const },
      ...data.held.map((s) => ({ header: sessionHeader(s), widthPct: each, align: 'center' as const })),
      { header: 'Total', widthPct: tail[0]!, align: 'center' as const },
      { header: 'Asistencia', widthPct: tail[1]!, align: 'center' as const },
    ];
    const rows: TableCell[][] = data.attendance.map((r) => [
      text(r.sector),
      text(r.entity),
      text(r.position ? `${r.person} – ${r.position}` : r.person),
      text(r.role ? ROLE_CODE[r.role] : ''),
      ...data.held.map((s) => {
        const mark = r.marks.get(s.id);
        return text(mark === 'present' ? sessionDay(s) : mark === 'delegated' ? `${sessionDay(s)}*` : '');
      }),
      text(formatNumber(r.total)),
      text(r.attendanceRate == null ? '' : formatReportPercent(r.attendanceRate, 0)),
    ]);
    rows.push([
      { content: ['Asistentes por sesión'], colSpan: 4, bold: true },
      ...data.held.map((s) => ({ content: [formatNumber(data.attendance.filter((r) => r.marks.has(s.id)).length)], bold: true })),
      { content: [''] },
      { content: [''] },
    ]);
    blocks.push({ kind: 'table', columns, rows, fontSizePt: sessionCols > 12 ? 6.5 : 8 });
  }

  // Sessions held vs programmed
  for (const count of data.stats.sessions) {
    const dates = data.held.filter((s) => s.type === count.type).map((s) => formatShortDate(s.date));
    const fechas = dates.length ? joinList(dates) : w.text('instancia.sesiones.ninguna', {});
    blocks.push({
      kind: 'paragraph',
      content: [
        {
          text: w.text('instancia.sesiones.conteo', { tipo: TYPE_WORD[count.type], realizadas: count.held, programadas: count.programmed }),
          bold: true,
        },
      ],
    });
    blocks.push({
      kind: 'paragraph',
      content: [
        count.compliance == null
          ? w.text('instancia.sesiones.sin_programar', { fechas })
          : w.text('instancia.sesiones.cumplimiento', { cumplimiento: formatReportPercent(count.compliance, 1), fechas }),
      ],
    });
  }

  // Functions
  blocks.push({ kind: 'heading', level: 2, text: w.text('instancia.funciones.titulo', {}) });
  if (data.functions.length === 0) {
    blocks.push({ kind: 'paragraph', content: [w.text('instancia.funciones.sin_funciones', {})] });
  } else {
    const months = monthsOf(data.from, data.to);
    const monthPct = Math.min(7, 50 / months.length);
    const columns = [
      { header: 'Funciones generales', widthPct: 100 - 10 - monthPct * months.length },
      ...months.map(([y, m]) => ({
        header: months.length > 12 ? `${monthAbbreviation(m)} ${y}` : monthAbbreviation(m),
        widthPct: monthPct,
        align: 'center' as const,
      })),
      { header: 'Se abordó SI/NO', widthPct: 10, align: 'center' as const },
    ];
    const rows = data.functions.map((f) => [
      text(`${f.number}. ${f.text}`),
      ...months.map(([y, m]) => text(daysIn(f.sessions, y, m))),
      text(f.sessions.length ? 'Sí' : 'No'),
    ]);
    blocks.push({ kind: 'table', columns, rows, fontSizePt: 8 });
    const addressed = data.functions.filter((f) => f.sessions.length > 0).length;
    blocks.push({
      kind: 'paragraph',
      content: [
        w.text('instancia.funciones.cobertura', {
          abordadas: addressed,
          total: data.functions.length,
          cobertura: formatReportPercent(data.stats.functionCoverage ?? 0, 1),
        }),
      ],
    });
  }

  // Commitments
  blocks.push({ kind: 'heading', level: 2, text: w.text('instancia.compromisos.titulo', {}) });
  const cc = data.stats.commitments;
  if (data.commitments.length === 0) {
    blocks.push({ kind: 'paragraph', content: [w.text('instancia.compromisos.ninguno', {})] });
  } else {
    blocks.push({
      kind: 'paragraph',
      content: [
        w.text('instancia.compromisos.resumen', {
          total: cc.open + cc.done,
          cumplidos: cc.done,
          abiertos: cc.open,
          vencidos: cc.overdue === 1 ? '1 está' : `${cc.overdue} están`,
          corte: formatLongDate(data.cut),
        }),
      ],
    });
    const state = (c: InstanceReportData['commitments'][number]): TableCell =>
      c.status === CommitmentStatus.CUMPLIDO
        ? { content: ['Cumplido'], fill: 'D8EFDD' }
        : c.overdue
          ? { content: ['Vencido'], fill: 'F8D7D4' }
          : { content: ['Abierto'], fill: 'FFF3C4' };
    blocks.push({
      kind: 'table',
      fontSizePt: 8.5,
      columns: [
        { header: 'Sesión', widthPct: 12, align: 'center' },
        { header: 'Compromiso', widthPct: 48 },
        { header: 'Responsable', widthPct: 20 },
        { header: 'Fecha límite', widthPct: 10, align: 'center' },
        { header: 'Estado', widthPct: 10, align: 'center' },
      ],
      rows: data.commitments.map((c) => [
        text(`No. ${c.sessionNumber} – ${formatShortDate(c.sessionDate)}`),
        text(c.text),
        text(c.responsible ?? ''),
        text(c.dueDate ? formatShortDate(c.dueDate) : ''),
        state(c),
      ]),
    });
  }
  blocks.push({
    kind: 'paragraph',
    style: 'note',
    content: [w.text('portada.generado', { fecha_generacion: formatLongDate(generatedOn) })],
  });
  return {
    title: `${w.text('instancia.titulo', {})} – ${data.instance.name}`,
    subject: period,
    creator: 'Rumbo',
    footer: `${data.instance.name} – ${period}`,
    sections: [{ landscape: true, blocks }],
  };
}
