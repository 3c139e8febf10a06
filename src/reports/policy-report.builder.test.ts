import { aggregateProgress } from '../calculation/aggregate-progress.calculator';
import type { AggregateProgressResult, ProductProgressResult } from '../calculation/types';
import { TrafficLight } from '../domain/enums';
import { buildPolicyReport } from './policy-report.builder';
import type { PolicyReportData, ReportProduct } from './policy-report.data';
import { inlineText, type Block } from './document.model';
import { defaultWording } from './wording/wording';

const m = (progress: number, ideal: number, gap: number) => ({ progress, ideal, gap });

function agg(over: Partial<AggregateProgressResult>): AggregateProgressResult {
  return { ...aggregateProgress([], '2022-06-30'), ...over };
}

function product(code: string, objective: number, sector: string, light: TrafficLight, p: number | null): ReportProduct {
  const progress: ProductProgressResult = {
    cut: '2022-06-30',
    due: p !== null,
    goalToDate: p === null ? null : 1,
    achieved: p ?? 0,
    finalGoal: 1,
    ratio: p,
    toDate: p === null ? null : m(p, 1, p - 1),
    cumulative: m(0, 0, 0),
    trafficLight: light,
    overExecution: false,
    missingReport: false,
    unmeasuredReason: null,
    pendingReview: false,
  };
  return {
    code,
    name: `Producto ${code}`,
    indicator: `Indicador ${code}`,
    objectiveNumber: objective,
    entityName: 'Entidad',
    sectorName: sector,
    weight: 0.25,
    progress,
  };
}

/** Seed 001's own figures (Política Pública para la Lucha Contra la Trata de Personas, corte junio 30 de 2022). */
function seedData(): PolicyReportData {
  return {
    policy: {
      code: 'PPLCTP',
      name: 'Política Pública para la Lucha Contra la Trata de Personas',
      legalAct: 'Decreto Distrital 193 de 2022',
      adoptionDate: '2022-05-17',
      startYear: 2022,
      endYear: 2031,
      highThreshold: 0.75,
      mediumThreshold: 0.5,
      leadEntityName: 'Secretaría Distrital de Gobierno',
    },
    cut: '2022-06-30',
    total: agg({
      productCount: 28,
      cumulative: m(0.24348, 0.15702, 0.08646),
      toDate: m(0.576, 0.64, -0.064),
      lights: { alto: 14, medio: 2, bajo: 2, notDue: 10 },
      shares: { green: 24 / 28, yellow: 2 / 28, red: 2 / 28 },
    }),
    objectives: [
      { number: 1, text: 'Proteger los derechos de las víctimas', productCount: 11, progress: agg({ toDate: m(0.3, 0.3, -0.0004) }) },
      {
        number: 2,
        text: 'Implementar una oferta institucional articulada',
        productCount: 11,
        progress: agg({ toDate: m(0.18, 0.2, -0.02) }),
      },
      { number: 3, text: 'Generar conocimiento e información', productCount: 6, progress: agg({ toDate: m(0.096, 0.14, -0.044) }) },
      { number: 4, text: 'Un objetivo adelantado', productCount: 1, progress: agg({ toDate: m(0.05, 0.04, 0.01) }) },
    ],
    sectors: [
      {
        name: 'Integración Social',
        progress: agg({ productCount: 6, toDate: m(0.1, 0.2, -0.1), lights: { alto: 3, medio: 1, bajo: 1, notDue: 1 } }),
      },
      {
        name: 'Salud',
        progress: agg({ productCount: 2, toDate: m(0.03, 0.05, -0.02), lights: { alto: 0, medio: 1, bajo: 0, notDue: 1 } }),
      },
      { name: 'Gobierno', progress: agg({ productCount: 4, toDate: m(0.1, 0.1, 0), lights: { alto: 4, medio: 0, bajo: 0, notDue: 0 } }) },
      {
        name: 'Educación',
        progress: agg({ productCount: 3, toDate: m(0.08, 0.08, 0), lights: { alto: 3, medio: 0, bajo: 0, notDue: 0 } }),
      },
    ],
    products: [
      product('1.1', 1, 'Integración Social', TrafficLight.NOT_DUE, null),
      product('1.2', 1, 'Integración Social', TrafficLight.ALTO, 1),
      product('2.5', 2, 'Integración Social', TrafficLight.BAJO, 0.4),
      product('2.10', 2, 'Salud', TrafficLight.MEDIO, 0.6),
      product('3.6', 3, 'Integración Social', TrafficLight.MEDIO, 0.68),
    ],
  };
}

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return [inlineText(b.content)];
    if (b.kind === 'title' || b.kind === 'subtitle' || b.kind === 'heading') return [b.text];
    if (b.kind === 'list') return b.items.map(inlineText);
    return [];
  });
}

describe('buildPolicyReport on seed 001’s figures', () => {
  const doc = buildPolicyReport(seedData(), { wording: defaultWording(), generatedOn: '2022-11-15' });
  const all = texts(doc.sections[0]!.blocks);
  const has = (s: string) => expect(all.some((t) => t.includes(s))).toBe(true);

  it.each([
    ['title', 'Informe de Seguimiento Plan de Acción Política Pública para la Lucha Contra la Trata de Personas'],
    ['cut', 'Corte: junio 30 de 2022'],
    ['month of issue', 'Noviembre 2022'],
    [
      'cumulative headline, positive gap, two decimals',
      'Para el corte a junio 30 de 2022, el avance acumulado frente a la meta final de la política alcanzó un 24,35%, entendiendo que la trayectoria ideal de implementación debería corresponder a 15,70% de avance, actualmente se identifica una brecha positiva de 8,6%.',
    ],
    [
      'to-date sentence, negative gap',
      'La política alcanzó un avance acumulado de 57,6%, entendiendo que la trayectoria ideal de implementación corresponde al 64,0%, se identifica una brecha negativa de 6,4%.',
    ],
    ['objective whose gap rounds to zero', 'El objetivo 1 no presenta brecha.'],
    ['objective 2', 'El objetivo 2 presenta una brecha negativa de 2,0%.'],
    ['objective 3', 'El objetivo 3 presenta una brecha negativa de 4,4%.'],
    ['objective ahead', 'El objetivo 4 presenta una brecha positiva de 1,0%.'],
    ['objectives list', '1. Proteger los derechos de las víctimas'],
    [
      'shares, NOT_DUE counted green',
      'un 86% de los productos cuentan con un nivel de cumplimiento alto, el 7% se encuentra con un nivel de cumplimiento medio y el 7% se encuentran con un bajo cumplimiento',
    ],
    ['thresholds', 'Los productos con un avance superior a 75% frente a la meta'],
    [
      'sectors: highest (tied) and lowest',
      'el mayor nivel de ejecución de los productos en el plan de acción de la política se identifica en los sectores Educación y Gobierno (100,0%), mientras que el menor nivel de ejecución se identifica en el sector Integración Social (50,0%).',
    ],
    [
      'sector with most products',
      'El sector con más productos a su cargo es Integración Social y tiene 1 producto en riesgo de incumplimiento.',
    ],
    ['alerts by sector', 'cumplimiento bajo de Integración Social, y los de cumplimiento medio de Integración Social y Salud.'],
    ['alert line', 'Salud: 2.10 Producto 2.10, con un avance hasta la vigencia de 60,0% (cumplimiento medio).'],
    ['legal act', 'Acto administrativo de adopción: Decreto Distrital 193 de 2022.'],
  ])('%s', (_name, sentence) => has(sentence));

  it('orders the annex as the plan and leaves NOT_DUE blank', () => {
    const table = doc.sections[0]!.blocks.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => inlineText(c.content)))).toEqual([
      ['1.1. Producto 1.1', 'Indicador 1.1', ''],
      ['1.2. Producto 1.2', 'Indicador 1.2', '● 100,0%'],
      ['2.5. Producto 2.5', 'Indicador 2.5', '● 40,0%'],
      ['2.10. Producto 2.10', 'Indicador 2.10', '● 60,0%'],
      ['3.6. Producto 3.6', 'Indicador 3.6', '● 68,0%'],
    ]);
  });

  it('embeds the five charts as PNG', () => {
    const images = doc.sections[0]!.blocks.filter((b) => b.kind === 'image');
    expect(images.map((i) => (i.kind === 'image' ? i.title : ''))).toEqual([
      'Gráfico 1. Avance acumulado de la Política Pública',
      'Gráfico 2. Avance acumulado hasta la vigencia de la Política Pública',
      'Gráfico 3. Avance de la política por objetivos',
      'Gráfico 4. Estado de avance de productos hasta la Vigencia',
      'Gráfico 5. Productos por sector responsable',
    ]);
  });
});
