/**
 * The follow-up report of a policy (Informe de seguimiento, seed 001) as a ReportDocument: sections 1-7 and
 * Anexo 1, with the five charts of src/charts rendered on the server. Every sentence comes from the wording
 * file; every figure from PolicyReportData (the API's calculation), formatted as the seed writes it.
 */
import {
  cumulativeProgressChart,
  LIGHT_COLORS,
  objectivesChart,
  sectorsChart,
  sectorsChartHeight,
  toDateProgressChart,
  trafficLightChart,
} from '../charts';
import type { EChartsOption } from 'echarts';
import { TrafficLight } from '../domain/enums';
import { capitalize, formatLongDate, formatMonthYear, formatReportPercent, roundFractionAsPercent } from '../formatting/number-format';
import { renderChart } from './adapters/chart-renderer.adapter';
import type { Block, Inline, ReportDocument, TableCell } from './document.model';
import type { PolicyReportData, ReportProduct, ReportSector } from './policy-report.data';
import { counted, followUpLabel, gapVariant, joinList, ofThePolicy, periodPhrase, sectorPhrase, thresholdText } from './report-text';
import type { Wording } from './wording/wording';

/** Decimals as seed 001 shows each figure. */
export const REPORT_DECIMALS = {
  cumulative: 2,
  cumulativeGap: 1,
  toDate: 1,
  objective: 1,
  shares: 0,
  sectorExecution: 1,
  product: 1,
} as const;

const CHART_WIDTH = 600;
const CHART_HEIGHT = 300;

export interface PolicyReportOptions {
  wording: Wording;
  /** Date the report is generated (YYYY-MM-DD), written in the title block. */
  generatedOn: string;
}

/** Chart image alt titles, by chart number (tests find the images by them). */
export const CHART_TITLES = ['grafico1.titulo', 'grafico2.titulo', 'grafico3.titulo', 'grafico4.titulo', 'grafico5.titulo'] as const;

const NAME_OF_LIGHT: Record<TrafficLight, string> = {
  [TrafficLight.ALTO]: 'alto',
  [TrafficLight.MEDIO]: 'medio',
  [TrafficLight.BAJO]: 'bajo',
  [TrafficLight.NOT_DUE]: 'al día',
};

/** Colour of a product's light in the annex (NOT_DUE shows no symbol). */
export const LIGHT_HEX: Record<TrafficLight, string | null> = {
  [TrafficLight.ALTO]: LIGHT_COLORS.green.slice(1).toUpperCase(),
  [TrafficLight.MEDIO]: LIGHT_COLORS.yellow.slice(1).toUpperCase(),
  [TrafficLight.BAJO]: LIGHT_COLORS.red.slice(1).toUpperCase(),
  [TrafficLight.NOT_DUE]: null,
};

/** Sectors in the order of chart 5: most products first, then by name. */
export function sectorsInChartOrder(sectors: readonly ReportSector[]): ReportSector[] {
  return [...sectors].sort((a, b) => b.progress.productCount - a.progress.productCount || a.name.localeCompare(b.name, 'es'));
}

/** A sector's execution level: its to-date progress over its to-date ideal (null when nothing is due). */
export function sectorExecution(s: ReportSector): number | null {
  return s.progress.toDate.ideal > 0 ? s.progress.toDate.progress / s.progress.toDate.ideal : null;
}

/** Text of a product in the annex and the alerts: `1.2. Formación por demanda…` (the seed's style). */
export function productLabel(p: Pick<ReportProduct, 'code' | 'name'>): string {
  return `${p.code.replace(/\.$/, '')}. ${p.name}`;
}

/** The to-date percentage of a product as the annex shows it; empty when not due. */
export function productPercent(p: ReportProduct): string {
  return p.progress.toDate ? formatReportPercent(p.progress.toDate.progress, REPORT_DECIMALS.product) : '';
}

function paragraphs(texts: string[], style?: 'caption' | 'source' | 'note'): Block[] {
  return texts.map((t) => ({ kind: 'paragraph', content: [t], ...(style ? { style } : {}) }));
}

function chart(option: EChartsOption, title: string, description: string, height = CHART_HEIGHT): Block {
  const r = renderChart(option, { width: CHART_WIDTH, height });
  return { kind: 'image', png: r.png, width: r.width, height: r.height, title, description };
}

function sectorsSection(data: PolicyReportData, w: Wording): Block[] {
  const blocks: Block[] = [];
  const ordered = sectorsInChartOrder(data.sectors);
  const title = w.text('grafico5.titulo', {});
  blocks.push({ kind: 'paragraph', style: 'caption', content: [title] });
  blocks.push(
    chart(
      sectorsChart(ordered.map((s) => ({ name: s.name, productCount: s.progress.productCount, lights: s.progress.lights }))),
      title,
      ordered.map((s) => `${s.name}: ${counted(s.progress.productCount, 'producto')}`).join('; '),
      sectorsChartHeight(ordered.length),
    ),
  );
  blocks.push(...paragraphs(w.paragraphs('grafico.fuente', { seguimiento: followUpLabel(data.cut) }), 'source'));
  const sentences = [...w.paragraphs('sectores.presentacion', {})];
  const measured = ordered
    .map((s) => ({ s, shown: sectorExecution(s) }))
    .filter((x): x is { s: ReportSector; shown: number } => x.shown !== null)
    .map((x) => ({ ...x, rounded: roundFractionAsPercent(x.shown, REPORT_DECIMALS.sectorExecution) }));
  if (measured.length === 0) {
    sentences.push(w.text('sectores.sin_ejecucion', {}));
  } else {
    const max = Math.max(...measured.map((m) => m.rounded));
    const min = Math.min(...measured.map((m) => m.rounded));
    const byName = (a: { s: ReportSector }, b: { s: ReportSector }) => a.s.name.localeCompare(b.s.name, 'es');
    const top = measured.filter((m) => m.rounded === max).sort(byName);
    const bottom = measured.filter((m) => m.rounded === min).sort(byName);
    if (max === min) {
      sentences.push(
        w.text('sectores.ejecucion_igual', { ejecucion: formatReportPercent(top[0]!.shown, REPORT_DECIMALS.sectorExecution) }),
      );
    } else {
      sentences.push(
        w.text('sectores.ejecucion', {
          sectores_mayor: sectorPhrase(top.map((m) => m.s.name)),
          ejecucion_mayor: formatReportPercent(top[0]!.shown, REPORT_DECIMALS.sectorExecution),
          sectores_menor: sectorPhrase(bottom.map((m) => m.s.name)),
          ejecucion_menor: formatReportPercent(bottom[0]!.shown, REPORT_DECIMALS.sectorExecution),
        }),
      );
    }
  }
  if (ordered.length) {
    const most = ordered[0]!.progress.productCount;
    const leaders = ordered.filter((s) => s.progress.productCount === most);
    const atRisk = counted(
      leaders.reduce((n, s) => n + s.progress.lights.bajo, 0),
      'producto',
    );
    sentences.push(
      leaders.length === 1
        ? w.text('sectores.mas_productos', { sector: leaders[0]!.name, en_riesgo: atRisk })
        : w.text('sectores.mas_productos_varios', { sectores: joinList(leaders.map((s) => s.name)), en_riesgo: atRisk }),
    );
  }
  blocks.push({ kind: 'paragraph', content: [sentences.join(' ')] });
  return blocks;
}

function alertsSection(data: PolicyReportData, w: Wording): Block[] {
  const blocks: Block[] = [];
  const lead = data.policy.leadEntityName ?? 'La entidad líder';
  const lights = data.total.lights;
  blocks.push(
    ...paragraphs(w.paragraphs('logros.lider', { lider: lead, cumplidos: lights.alto + lights.notDue, total: data.total.productCount })),
  );
  const sectorOf = (p: ReportProduct) => p.sectorName ?? p.entityName;
  const low = data.products.filter((p) => p.progress.trafficLight === TrafficLight.BAJO);
  const medium = data.products.filter((p) => p.progress.trafficLight === TrafficLight.MEDIO);
  const names = (ps: ReportProduct[]) => joinList([...new Set(ps.map(sectorOf))].sort((a, b) => a.localeCompare(b, 'es')));
  if (low.length && medium.length) {
    blocks.push(...paragraphs(w.paragraphs('alertas.bajo_y_medio', { sectores_bajo: names(low), sectores_medio: names(medium) })));
  } else if (low.length) {
    blocks.push(...paragraphs(w.paragraphs('alertas.solo_bajo', { sectores_bajo: names(low) })));
  } else if (medium.length) {
    blocks.push(...paragraphs(w.paragraphs('alertas.solo_medio', { sectores_medio: names(medium) })));
  } else {
    blocks.push(...paragraphs(w.paragraphs('alertas.ninguna', {})));
  }
  const flagged = [...low, ...medium].sort(
    (a, b) =>
      sectorOf(a).localeCompare(sectorOf(b), 'es') ||
      a.objectiveNumber - b.objectiveNumber ||
      a.code.localeCompare(b.code, 'es', { numeric: true }),
  );
  if (flagged.length) {
    blocks.push({
      kind: 'list',
      items: flagged.map((p) => [
        w.text('alertas.producto', {
          sector: sectorOf(p),
          codigo: p.code,
          producto: p.name,
          avance: productPercent(p),
          nivel: NAME_OF_LIGHT[p.progress.trafficLight],
        }),
      ]),
    });
  }
  blocks.push(...paragraphs(w.paragraphs('logros.nota', {}), 'note'));
  return blocks;
}

function annexSection(data: PolicyReportData, w: Wording): Block[] {
  const rows: TableCell[][] = data.products.map((p) => {
    const hex = LIGHT_HEX[p.progress.trafficLight];
    const percent = productPercent(p);
    const value: Inline[] = hex ? [{ text: '●', color: hex, sizePt: 12 }, ` ${percent}`] : [];
    return [{ content: [productLabel(p)] }, { content: [p.indicator] }, { content: value, align: 'center' }];
  });
  return [
    { kind: 'heading', level: 1, text: w.text('anexo.titulo', {}) },
    ...paragraphs(w.paragraphs('anexo.nota', { corte: formatLongDate(data.cut) }), 'note'),
    {
      kind: 'table',
      fontSizePt: 8.5,
      columns: [
        { header: w.text('anexo.columna_producto', {}), widthPct: 44 },
        { header: w.text('anexo.columna_indicador', {}), widthPct: 40 },
        { header: w.text('anexo.columna_avance', {}), widthPct: 16, align: 'center' },
      ],
      rows,
    },
  ];
}

/** Builds the whole report (charts rendered here). */
export function buildPolicyReport(data: PolicyReportData, options: PolicyReportOptions): ReportDocument {
  const w = options.wording;
  const cut = formatLongDate(data.cut);
  const name = data.policy.name;
  const total = data.total;
  const blocks: Block[] = [];
  const source = () => paragraphs(w.paragraphs('grafico.fuente', { seguimiento: followUpLabel(data.cut) }), 'source');

  // Title block
  blocks.push({ kind: 'subtitle', text: w.text('portada.entidad', {}) });
  blocks.push({ kind: 'subtitle', text: w.text('portada.dependencia', {}) });
  blocks.push({ kind: 'title', text: w.text('portada.titulo', { politica: name }) });
  blocks.push({ kind: 'subtitle', text: w.text('portada.corte', { corte: cut }) });
  blocks.push({ kind: 'subtitle', text: w.text('portada.fecha', { mes_generacion: capitalize(formatMonthYear(options.generatedOn)) }) });
  blocks.push(
    ...w
      .paragraphs('portada.generado', { fecha_generacion: formatLongDate(options.generatedOn) })
      .map((t): Block => ({ kind: 'paragraph', style: 'note', align: 'center', content: [t] })),
  );

  // 1-2
  blocks.push({ kind: 'heading', level: 1, text: w.text('introduccion.titulo', {}) });
  blocks.push(...paragraphs(w.paragraphs('introduccion', { de_la_politica: ofThePolicy(name), corte: cut })));
  blocks.push({ kind: 'heading', level: 1, text: w.text('justificacion.titulo', {}) });
  blocks.push(
    ...paragraphs(
      data.policy.legalAct
        ? w.paragraphs('justificacion', { acto_administrativo: data.policy.legalAct })
        : w.paragraphs('justificacion.sin_acto', {}),
    ),
  );

  // 3. Avance acumulado
  blocks.push({ kind: 'heading', level: 1, text: w.text('avance.titulo', {}) });
  blocks.push(...paragraphs(w.paragraphs('avance.presentacion', { periodo: periodPhrase(data.cut), corte: cut })));
  blocks.push(...paragraphs(w.paragraphs('avance.lider', { lider: data.policy.leadEntityName ?? 'la entidad líder' })));
  const c = total.cumulative;
  const cv = gapVariant(c.gap, REPORT_DECIMALS.cumulativeGap);
  const cumValues = {
    corte: cut,
    avance: formatReportPercent(c.progress, REPORT_DECIMALS.cumulative),
    ideal: formatReportPercent(c.ideal, REPORT_DECIMALS.cumulative),
    brecha: formatReportPercent(Math.abs(c.gap), REPORT_DECIMALS.cumulativeGap),
  };
  blocks.push(...paragraphs(w.paragraphs(`acumulado.${cv}`, cumValues)));
  const g1 = w.text('grafico1.titulo', {});
  blocks.push({ kind: 'paragraph', style: 'caption', content: [g1] });
  blocks.push(chart(cumulativeProgressChart(c), g1, `Avance ${cumValues.avance}; trayectoria ideal ${cumValues.ideal}`));
  blocks.push(...source());
  const t = total.toDate;
  const tv = gapVariant(t.gap, REPORT_DECIMALS.toDate);
  const toDateValues = {
    corte: cut,
    avance: formatReportPercent(t.progress, REPORT_DECIMALS.toDate),
    ideal: formatReportPercent(t.ideal, REPORT_DECIMALS.toDate),
    brecha: formatReportPercent(Math.abs(t.gap), REPORT_DECIMALS.toDate),
  };
  blocks.push(...paragraphs(w.paragraphs(`vigencia.${tv}`, toDateValues)));
  const g2 = w.text('grafico2.titulo', {});
  blocks.push({ kind: 'paragraph', style: 'caption', content: [g2] });
  blocks.push(chart(toDateProgressChart(t), g2, `Avance ${toDateValues.avance}; trayectoria ideal ${toDateValues.ideal}`));
  blocks.push(...source());
  blocks.push(...paragraphs(w.paragraphs('metodo', {})));

  // 4. Objetivos
  blocks.push({ kind: 'heading', level: 1, text: w.text('objetivos.titulo', {}) });
  blocks.push(...paragraphs(w.paragraphs('objetivos.presentacion', { objetivos: data.objectives.length, productos: total.productCount })));
  blocks.push(...data.objectives.map((o): Block => ({ kind: 'paragraph', content: [`${o.number}. ${o.text}`] })));
  const g3 = w.text('grafico3.titulo', {});
  blocks.push({ kind: 'paragraph', style: 'caption', content: [g3] });
  blocks.push(
    chart(
      objectivesChart(data.objectives.map((o) => ({ number: o.number, toDate: o.progress.toDate }))),
      g3,
      data.objectives.map((o) => `Objetivo ${o.number}`).join(', '),
    ),
  );
  blocks.push(...source());
  blocks.push(...paragraphs(w.paragraphs('objetivos.explicacion', {})));
  for (const o of data.objectives) {
    if (o.productCount === 0) {
      blocks.push(...paragraphs(w.paragraphs('objetivo.sin_productos', { numero: o.number })));
      continue;
    }
    const v = gapVariant(o.progress.toDate.gap, REPORT_DECIMALS.objective);
    const brecha = formatReportPercent(Math.abs(o.progress.toDate.gap), REPORT_DECIMALS.objective);
    blocks.push(
      ...paragraphs(
        v === 'sin_brecha'
          ? w.paragraphs('objetivo.sin_brecha', { numero: o.number })
          : w.paragraphs(`objetivo.${v}`, { numero: o.number, brecha }),
      ),
    );
  }

  // 5. Semáforo
  blocks.push({ kind: 'heading', level: 1, text: w.text('estado.titulo', {}) });
  blocks.push(...paragraphs(w.paragraphs('estado.presentacion', {})));
  blocks.push(
    ...paragraphs(
      w.paragraphs('estado.umbrales', {
        umbral_alto: thresholdText(data.policy.highThreshold),
        umbral_medio: thresholdText(data.policy.mediumThreshold),
      }),
    ),
  );
  const g4 = w.text('grafico4.titulo', {});
  blocks.push({ kind: 'paragraph', style: 'caption', content: [g4] });
  const shares = {
    alto: formatReportPercent(total.shares.green, REPORT_DECIMALS.shares),
    medio: formatReportPercent(total.shares.yellow, REPORT_DECIMALS.shares),
    bajo: formatReportPercent(total.shares.red, REPORT_DECIMALS.shares),
  };
  blocks.push(
    chart(
      trafficLightChart({ shares: total.shares, counts: total.lights }),
      g4,
      `Alto ${shares.alto}; medio ${shares.medio}; bajo ${shares.bajo}`,
    ),
  );
  blocks.push(...source());
  blocks.push(...paragraphs(w.paragraphs('estado.participaciones', shares)));

  // 6. Sectores
  blocks.push({ kind: 'heading', level: 1, text: w.text('sectores.titulo', {}) });
  blocks.push(...sectorsSection(data, w));

  // 7. Logros y alertas
  blocks.push({ kind: 'heading', level: 1, text: w.text('logros.titulo', {}) });
  blocks.push(...alertsSection(data, w));

  // Anexo 1
  blocks.push({ kind: 'pageBreak' });
  blocks.push(...annexSection(data, w));

  return {
    title: w.text('portada.titulo', { politica: name }),
    subject: w.text('portada.corte', { corte: cut }),
    creator: 'Rumbo',
    footer: `${name} – ${w.text('portada.corte', { corte: cut })}`,
    sections: [{ blocks }],
  };
}
