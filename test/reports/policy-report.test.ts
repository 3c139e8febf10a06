import ExcelJS from 'exceljs';
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import { GoalRecord, ObjectiveRecord, OrgEntityRecord, ProductRecord, ProgressReportRecord } from '../../src/entities';
import {
  capitalize,
  formatLongDate,
  formatMonthYear,
  formatReportPercent,
  roundFractionAsPercent,
} from '../../src/formatting/number-format';
import { ANNEX_COLUMNS } from '../../src/reports/annex-workbook.builder';
import { ReportService } from '../../src/reports/report.service';
import { defaultWording } from '../../src/reports/wording/wording';
import { CARTAGENA_POLICY_CODE } from '../../ingestion/samples/data/cartagena-plan.sample';
import { PDH_CDMX_POLICY_CODE } from '../../ingestion/samples/data/pdh-cdmx-plan.sample';
import { insertPolicyFixture } from '../support/fixtures';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { importDemoData } from './demo-data';
import { PNG_SIGNATURE, readDocx } from './docx-reader';

/** Everything the report states, asked to the GraphQL API at the same cut. */
const REPORT_FIGURES = /* GraphQL */ `
  query ReportFigures($code: String!, $cut: Date!) {
    policy(code: $code) {
      name
      legalAct
      highThreshold
      mediumThreshold
      leadEntity {
        name
      }
      objectives {
        number
        text
        products {
          id
        }
      }
      progress(cut: $cut) {
        total {
          productCount
          toDate {
            progress
            ideal
            gap
          }
          cumulative {
            progress
            ideal
            gap
          }
          lights {
            alto
            medio
            bajo
            notDue
          }
          shares {
            green
            yellow
            red
          }
        }
        byObjective {
          objective {
            number
          }
          progress {
            toDate {
              progress
              ideal
              gap
            }
          }
        }
        bySector {
          sector {
            name
          }
          progress {
            productCount
            toDate {
              progress
              ideal
            }
            lights {
              alto
              medio
              bajo
              notDue
            }
          }
        }
      }
      products(first: 1000) {
        nodes {
          code
          name
          indicator
          weight
          objective {
            number
          }
          sector {
            name
          }
          responsibleEntity {
            name
          }
          progress(cut: $cut) {
            trafficLight
            ratio
            overExecution
            missingReport
            toDate {
              progress
            }
            cumulative {
              progress
              ideal
              gap
            }
          }
        }
      }
    }
  }
`;

interface M {
  progress: number;
  ideal: number;
  gap: number;
}
interface Figures {
  policy: {
    name: string;
    legalAct: string | null;
    highThreshold: number;
    mediumThreshold: number;
    leadEntity: { name: string } | null;
    objectives: { number: number; text: string; products: { id: string }[] }[];
    progress: {
      total: {
        productCount: number;
        toDate: M;
        cumulative: M;
        lights: { alto: number; medio: number; bajo: number; notDue: number };
        shares: { green: number; yellow: number; red: number };
      };
      byObjective: { objective: { number: number }; progress: { toDate: M } }[];
      bySector: {
        sector: { name: string };
        progress: {
          productCount: number;
          toDate: { progress: number; ideal: number };
          lights: { alto: number; medio: number; bajo: number };
        };
      }[];
    };
    products: {
      nodes: {
        code: string;
        name: string;
        indicator: string;
        weight: number | null;
        objective: { number: number };
        sector: { name: string } | null;
        responsibleEntity: { name: string };
        progress: {
          trafficLight: string;
          ratio: number | null;
          overExecution: boolean;
          missingReport: boolean;
          toDate: { progress: number } | null;
          cumulative: M;
        };
      }[];
    };
  };
}

const w = defaultWording();
const NOW = new Date('2026-11-20T15:00:00Z');
const LIGHT_HEX: Record<string, string> = { ALTO: '2E9E48', MEDIO: 'F2C200', BAJO: 'D93025' };
const NAME_OF: Record<string, string> = { ALTO: 'alto', MEDIO: 'medio', BAJO: 'bajo' };

/** The sign word, decided from the figure as printed (independent of the builder's helper). */
function variant(gap: number, decimals: number): 'positiva' | 'negativa' | 'sin_brecha' {
  if (formatReportPercent(Math.abs(gap), decimals) === formatReportPercent(0, decimals)) return 'sin_brecha';
  return gap > 0 ? 'positiva' : 'negativa';
}

const byPlanOrder = (a: { objective: { number: number }; code: string }, b: { objective: { number: number }; code: string }) =>
  a.objective.number - b.objective.number || a.code.localeCompare(b.code, 'es', { numeric: true });

/** Every generated sentence the report must contain, built from the API's figures and the wording file. */
function expectedSentences(f: Figures['policy'], cutIso: string): string[] {
  const cut = formatLongDate(cutIso);
  const t = f.progress.total;
  const out: string[] = [];
  out.push(w.text('portada.titulo', { politica: f.name }), w.text('portada.corte', { corte: cut }));
  out.push(w.text('portada.fecha', { mes_generacion: capitalize(formatMonthYear('2026-11-20')) }));
  const c = t.cumulative;
  out.push(
    w.text(`acumulado.${variant(c.gap, 1)}`, {
      corte: cut,
      avance: formatReportPercent(c.progress, 2),
      ideal: formatReportPercent(c.ideal, 2),
      brecha: formatReportPercent(Math.abs(c.gap), 1),
    }),
  );
  const d = t.toDate;
  out.push(
    w.text(`vigencia.${variant(d.gap, 1)}`, {
      corte: cut,
      avance: formatReportPercent(d.progress, 1),
      ideal: formatReportPercent(d.ideal, 1),
      brecha: formatReportPercent(Math.abs(d.gap), 1),
    }),
  );
  out.push(w.text('objetivos.presentacion', { objetivos: f.objectives.length, productos: t.productCount }));
  for (const o of f.objectives) {
    out.push(`${o.number}. ${o.text}`);
    const agg = f.progress.byObjective.find((x) => x.objective.number === o.number);
    if (o.products.length === 0) {
      out.push(w.text('objetivo.sin_productos', { numero: o.number }));
      continue;
    }
    const gap = agg!.progress.toDate.gap;
    const v = variant(gap, 1);
    out.push(
      v === 'sin_brecha'
        ? w.text('objetivo.sin_brecha', { numero: o.number })
        : w.text(`objetivo.${v}`, { numero: o.number, brecha: formatReportPercent(Math.abs(gap), 1) }),
    );
  }
  out.push(
    w.text('estado.umbrales', {
      umbral_alto: `${String(Math.round(f.highThreshold * 1000) / 10).replace('.', ',')}%`,
      umbral_medio: `${String(Math.round(f.mediumThreshold * 1000) / 10).replace('.', ',')}%`,
    }),
  );
  out.push(
    w.text('estado.participaciones', {
      alto: formatReportPercent(t.shares.green, 0),
      medio: formatReportPercent(t.shares.yellow, 0),
      bajo: formatReportPercent(t.shares.red, 0),
    }),
  );
  // Sectors: execution = to-date progress / to-date ideal of each sector, compared as printed.
  const measured = f.progress.bySector
    .filter((s) => s.progress.toDate.ideal > 0)
    .map((s) => ({ name: s.sector.name, value: s.progress.toDate.progress / s.progress.toDate.ideal }));
  if (measured.length) {
    const shown = (v: number) => roundFractionAsPercent(v, 1);
    const max = Math.max(...measured.map((m) => shown(m.value)));
    const min = Math.min(...measured.map((m) => shown(m.value)));
    const names = (xs: typeof measured) => {
      const n = xs.map((x) => x.name).sort((a, b) => a.localeCompare(b, 'es'));
      return n.length === 1 ? `el sector ${n[0]}` : `los sectores ${n.slice(0, -1).join(', ')} y ${n[n.length - 1]}`;
    };
    const top = measured.filter((m) => shown(m.value) === max);
    const bottom = measured.filter((m) => shown(m.value) === min);
    out.push(
      max === min
        ? w.text('sectores.ejecucion_igual', { ejecucion: formatReportPercent(top[0]!.value, 1) })
        : w.text('sectores.ejecucion', {
            sectores_mayor: names(top),
            ejecucion_mayor: formatReportPercent(top[0]!.value, 1),
            sectores_menor: names(bottom),
            ejecucion_menor: formatReportPercent(bottom[0]!.value, 1),
          }),
    );
  } else {
    out.push(w.text('sectores.sin_ejecucion', {}));
  }
  const most = Math.max(...f.progress.bySector.map((s) => s.progress.productCount));
  const leaders = f.progress.bySector.filter((s) => s.progress.productCount === most);
  if (leaders.length === 1) {
    const risk = leaders[0]!.progress.lights.bajo;
    out.push(w.text('sectores.mas_productos', { sector: leaders[0]!.sector.name, en_riesgo: `${risk} producto${risk === 1 ? '' : 's'}` }));
  }
  out.push(
    w.text('logros.lider', {
      lider: f.leadEntity?.name ?? 'La entidad líder',
      cumplidos: t.lights.alto + t.lights.notDue,
      total: t.productCount,
    }),
  );
  for (const p of f.products.nodes.filter((n) => n.progress.trafficLight === 'BAJO' || n.progress.trafficLight === 'MEDIO')) {
    out.push(
      w.text('alertas.producto', {
        sector: p.sector?.name ?? p.responsibleEntity.name,
        codigo: p.code,
        producto: p.name,
        avance: formatReportPercent(p.progress.toDate!.progress, 1),
        nivel: NAME_OF[p.progress.trafficLight]!,
      }),
    );
  }
  if (t.lights.bajo === 0 && t.lights.medio === 0) out.push(w.text('alertas.ninguna', {}));
  out.push(w.text('anexo.nota', { corte: cut }));
  return out;
}

describe('policy follow-up report and annex workbook, checked against the GraphQL figures', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let reports: ReportService;

  beforeAll(async () => {
    db = await createTestDatabase('reports_policy');
    api = await createTestApi(db);
    await importDemoData(db);
    // A constructed policy: 12 quarterly SUMA products (BAJO and MEDIO), plus an annual product (NOT_DUE at
    // 30 June), an over-executed one (ALTO), and an objective without products.
    const { policy, products } = await insertPolicyFixture(db.ds, 'CONS', 12, 2024);
    const objectives = await db.ds.getRepository(ObjectiveRecord).findBy({ policyId: policy.id });
    await db.ds.getRepository(ObjectiveRecord).save({ policyId: policy.id, number: 4, text: 'Objetivo sin productos' });
    const entity = await db.ds.getRepository(OrgEntityRecord).findOneByOrFail({ id: products[0]!.responsibleEntityId });
    const extra = await db.ds.getRepository(ProductRecord).save([
      {
        policyId: policy.id,
        objectiveId: objectives[0]!.id,
        code: '1.20',
        name: 'Producto anual',
        indicator: 'Indicador anual',
        annualizationType: AnnualizationType.SUMA,
        periodicity: Periodicity.ANUAL,
        responsibleEntityId: entity.id,
      },
      {
        policyId: policy.id,
        objectiveId: objectives[1]!.id,
        code: '2.30',
        name: 'Producto sobre-ejecutado',
        indicator: 'Indicador con ñ y tildes: niñas, adolescentes',
        annualizationType: AnnualizationType.SUMA,
        periodicity: Periodicity.TRIMESTRAL,
        responsibleEntityId: entity.id,
      },
    ]);
    await db.ds
      .getRepository(GoalRecord)
      .save(extra.flatMap((p) => [2024, 2025].map((year) => ({ productId: p.id, year, period: '', value: 40 }))));
    await db.ds.getRepository(ProgressReportRecord).save([
      { productId: extra[1]!.id, year: 2024, period: 'T1', value: 20 },
      { productId: extra[1]!.id, year: 2024, period: 'T2', value: 15 },
    ]);
    reports = new ReportService(db.ds, { timeZone: 'America/Bogota', now: () => NOW });
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  async function figures(code: string, cut: string): Promise<Figures['policy']> {
    const res = await api.query<Figures>(REPORT_FIGURES, { code, cut });
    expect(res.errors).toBeUndefined();
    return res.data!.policy;
  }

  it.each([
    [CARTAGENA_POLICY_CODE, '2024-12-31'],
    [CARTAGENA_POLICY_CODE, '2024-06-30'],
    [PDH_CDMX_POLICY_CODE, '2018-12-31'],
    ['CONS', '2024-06-30'],
    ['CONS', '2025-12-31'],
  ])('%s at %s: every sentence, every annex row and the five charts', async (code, cut) => {
    const f = await figures(code, cut);
    const file = await reports.policyReport(code, cut);
    expect(file.fileName).toBe(`informe-politica-${code}-${cut}.docx`);
    const doc = await readDocx(file.bytes);

    for (const sentence of expectedSentences(f, cut)) {
      expect(doc.paragraphs.some((p) => p.includes(sentence))).toBe(true);
    }

    // Anexo 1: one row per product, in plan order, with the light symbol and the to-date percentage.
    const annex = doc.tables.find((t) => t[0]![0] === w.text('anexo.columna_producto', {}))!;
    expect(annex).toBeDefined();
    const expectedRows = [...f.products.nodes]
      .sort(byPlanOrder)
      .map((p) => [
        `${p.code.replace(/\.$/, '')}. ${p.name}`,
        p.indicator,
        p.progress.toDate ? `● ${formatReportPercent(p.progress.toDate.progress, 1)}` : '',
      ]);
    expect(annex.slice(1)).toEqual(expectedRows);
    // the light symbol carries its light's colour
    const colours = [
      ...doc.xml.matchAll(/<w:color w:val="([0-9A-F]{6})"\/>(?:<w:sz [^>]*\/>)?(?:<w:szCs [^>]*\/>)?<\/w:rPr><w:t[^>]*>●</g),
    ].map((m) => m[1]);
    expect(colours).toEqual(
      [...f.products.nodes]
        .sort(byPlanOrder)
        .filter((p) => p.progress.trafficLight !== 'NOT_DUE')
        .map((p) => LIGHT_HEX[p.progress.trafficLight]),
    );

    // Charts 1-5 embedded as PNG images with their titles.
    expect(doc.imageTitles).toEqual(
      ['grafico1.titulo', 'grafico2.titulo', 'grafico3.titulo', 'grafico4.titulo', 'grafico5.titulo'].map((k) => w.text(k as never, {})),
    );
    expect(doc.media).toHaveLength(5);
    for (const m of doc.media) {
      expect(m.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(m.bytes.length).toBeGreaterThan(5_000);
    }
  });

  it.each([
    [CARTAGENA_POLICY_CODE, '2024-12-31'],
    ['CONS', '2024-06-30'],
  ])('annex workbook of %s at %s: coloured lights and figures as numbers', async (code, cut) => {
    const f = await figures(code, cut);
    const file = await reports.annexWorkbook(code, cut);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Anexo 1')!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === ANNEX_COLUMNS[0]) header = n;
    });
    expect(header).toBeGreaterThan(0);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual([...ANNEX_COLUMNS]);
    const col = (name: (typeof ANNEX_COLUMNS)[number]) => ANNEX_COLUMNS.indexOf(name) + 1;
    const nodes = [...f.products.nodes].sort(byPlanOrder);
    expect(ws.rowCount).toBe(header + nodes.length);
    nodes.forEach((p, i) => {
      const row = ws.getRow(header + 1 + i);
      expect(row.getCell(col('Código')).value).toBe(p.code);
      expect(row.getCell(col('Objetivo')).value).toBe(p.objective.number);
      const light = row.getCell(col('Semáforo'));
      const fill = light.fill as ExcelJS.FillPattern;
      if (p.progress.trafficLight === 'NOT_DUE') {
        expect(light.value).toBe('Al día (no exigible)');
        expect(row.getCell(col('Porcentaje de Avance Hasta la Vigencia')).value).toBeNull();
      } else {
        expect(fill.fgColor?.argb).toBe(`FF${LIGHT_HEX[p.progress.trafficLight]}`);
        const pct = row.getCell(col('Porcentaje de Avance Hasta la Vigencia'));
        expect(typeof pct.value).toBe('number');
        expect(pct.value).toBeCloseTo(p.progress.toDate!.progress, 12);
        expect(pct.numFmt).toBe('0.0%');
      }
      for (const [name, value] of [
        ['Avance acumulado', p.progress.cumulative.progress],
        ['Trayectoria ideal', p.progress.cumulative.ideal],
        ['Brecha acumulada', p.progress.cumulative.gap],
      ] as const) {
        const cell = row.getCell(col(name));
        expect(typeof cell.value).toBe('number');
        expect(cell.value).toBeCloseTo(value, 12);
        expect(cell.numFmt).toBe('0.00%');
      }
      expect(row.getCell(col('Sobre-ejecución')).value).toBe(p.progress.overExecution ? 'Sí' : 'No');
      expect(row.getCell(col('Sin reporte')).value).toBe(p.progress.missingReport ? 'Sí' : 'No');
    });
  });

  it('writes the constructed policy’s special cases: an objective without products, NOT_DUE blank, positive and zero gaps', async () => {
    const doc = await readDocx((await reports.policyReport('CONS', '2024-06-30')).bytes);
    expect(doc.paragraphs).toContain(w.text('objetivo.sin_productos', { numero: 4 }));
    const annex = doc.tables.find((t) => t[0]![0] === w.text('anexo.columna_producto', {}))!;
    expect(annex.find((r) => r[0] === '1.20. Producto anual')![2]).toBe('');
    expect(annex.find((r) => r[0] === '2.30. Producto sobre-ejecutado')![2]).toBe('● 100,0%');
  });

  it.each([
    ['NO-EXISTE', '2024-06-30', 404, /No existe una política con código «NO-EXISTE»/],
    [CARTAGENA_POLICY_CODE, '2023-12-31', 400, /fuera del plan de acción .* 2024-01-01 a 2033-12-31/],
    [CARTAGENA_POLICY_CODE, '2034-01-01', 400, /fuera del plan de acción/],
    [CARTAGENA_POLICY_CODE, '2024-02-30', 400, /no es una fecha válida/],
    [CARTAGENA_POLICY_CODE, '', 400, /Falta el corte/],
  ])('refuses %s at %p with a Spanish message (%p)', async (code, cut, status, message) => {
    await expect(reports.policyReport(code, cut)).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
    await expect(reports.annexWorkbook(code, cut)).rejects.toMatchObject({ status });
  });
});
