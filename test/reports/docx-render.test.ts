import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ReportService } from '../../src/reports/report.service';
import { CARTAGENA_POLICY_CODE } from '../../ingestion/samples/data/cartagena-plan.sample';
import { ZESAI_CODE } from '../../ingestion/samples/data/zesai.sample';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { importDemoData } from './demo-data';

const run = promisify(execFile);

/**
 * The layout seen, not assumed: the generated .docx converted to PDF by LibreOffice and page 1 rasterized
 * with pdftoppm (Debian packages libreoffice-writer-nogui and poppler-utils; .ci/run installs them).
 * With REPORT_SCREENSHOT_DIR set, the page images are copied there (docs/img/ is made this way).
 */
describe('generated reports rendered by LibreOffice', () => {
  let db: TestDatabase;
  let reports: ReportService;
  const work = mkdtempSync(path.join(tmpdir(), 'rumbo-render-'));
  const profile = pathToFileURL(path.join(work, 'lo-profile')).href;

  beforeAll(async () => {
    db = await createTestDatabase('reports_render');
    await importDemoData(db);
    reports = new ReportService(db.ds, { timeZone: 'America/Bogota', now: () => new Date('2025-01-20T15:00:00Z') });
  });
  afterAll(async () => {
    await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  async function toPdf(name: string, bytes: Buffer): Promise<string> {
    const docx = path.join(work, name);
    await fs.writeFile(docx, bytes);
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], {
      timeout: 120_000,
    });
    return docx.replace(/\.docx$/, '.pdf');
  }

  async function pageCount(pdf: string): Promise<number> {
    const { stdout } = await run('pdfinfo', [pdf]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
  }

  async function pageText(pdf: string, page: number): Promise<string> {
    const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
    return stdout.replace(/\s+/g, ' ');
  }

  async function pagePng(pdf: string, page: number, out: string): Promise<Buffer> {
    await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '80', '-png', '-singlefile', pdf, out]);
    return fs.readFile(`${out}.png`);
  }

  function pngSize(png: Buffer): { width: number; height: number } {
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  }

  function keep(file: string, name: string) {
    const dir = process.env.REPORT_SCREENSHOT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, name));
  }

  it('the policy report: page 1 is the title block and introduction, the charts are images, the annex is there', async () => {
    const pdf = await toPdf('politica.docx', (await reports.policyReport(CARTAGENA_POLICY_CODE, '2024-12-31')).bytes);
    const pages = await pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    const first = await pageText(pdf, 1);
    expect(first).toContain('Secretaría Distrital de Planeación');
    expect(first).toContain('Corte: diciembre 31 de 2024');
    expect(first).toContain('1. INTRODUCCIÓN');
    const { stdout: images } = await run('pdfimages', ['-list', pdf]);
    expect(
      images
        .trim()
        .split('\n')
        .slice(2)
        .filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)),
    ).toHaveLength(5);
    const all = (await Promise.all(Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1)))).join(' ');
    for (const s of [
      'Gráfico 1.',
      'Gráfico 5.',
      '7. LOGROS Y ALERTAS',
      'Anexo 1: Semáforo por indicadores de producto',
      'Porcentaje de Avance',
    ]) {
      expect(all).toContain(s);
    }
    const png = await pagePng(pdf, 1, path.join(work, 'informe-politica-p1'));
    const size = pngSize(png);
    expect(size.width).toBe(680); // Letter at 80 dpi
    expect(size.height).toBe(880);
    keep(path.join(work, 'informe-politica-p1.png'), 'informe-politica-p1.png');
    // The page with charts 1 too, for the documentation.
    for (let p = 1; p <= pages; p++) {
      if ((await pageText(pdf, p)).includes('Gráfico 1.')) {
        await pagePng(pdf, p, path.join(work, 'informe-politica-graficos'));
        keep(path.join(work, 'informe-politica-graficos.png'), 'informe-politica-graficos.png');
        break;
      }
    }
  });

  it('the instance report: landscape pages with the attendance matrix', async () => {
    const pdf = await toPdf('instancia.docx', (await reports.instanceReport(ZESAI_CODE, '2020-01-01', '2020-06-30')).bytes);
    const first = await pageText(pdf, 1);
    expect(first).toContain('INFORME DE GESTIÓN');
    expect(first).toContain('ENERO - JUNIO 2020');
    expect(first).toContain('Asistencia');
    const png = await pagePng(pdf, 1, path.join(work, 'informe-instancia-p1'));
    const size = pngSize(png);
    expect(size.width).toBeGreaterThan(size.height);
    keep(path.join(work, 'informe-instancia-p1.png'), 'informe-instancia-p1.png');
  });
});
