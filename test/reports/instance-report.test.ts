import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { reportCommand } from '../../src/cli/report.command';
import { formatLongDate, formatReportPercent, formatShortDate } from '../../src/formatting/number-format';
import { ROLE_CODE } from '../../src/reports/instance-report.builder';
import { ReportService } from '../../src/reports/report.service';
import { defaultWording } from '../../src/reports/wording/wording';
import { Role } from '../../src/services/viewer';
import { CARTAGENA_POLICY_CODE } from '../../ingestion/samples/data/cartagena-plan.sample';
import { ZESAI_CODE } from '../../ingestion/samples/data/zesai.sample';
import { BOGOTA_TRATA_CODE } from '../../ingestion/samples/data/bogota-trata.sample';
import { createTestApi } from '../support/test-api';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestHttp } from '../support/test-http';
import { importDemoData } from './demo-data';
import { readDocx } from './docx-reader';

const INSTANCE_FIGURES = /* GraphQL */ `
  query InstanceFigures($code: String!, $from: Date!, $to: Date!) {
    instance(code: $code) {
      name
      stats(from: $from, to: $to) {
        sessions {
          type
          held
          programmed
          compliance
        }
        functionCoverage
        commitments {
          open
          done
          overdue
        }
      }
      memberships {
        role
        fromDate
        toDate
        attendanceRate(from: $from, to: $to)
        person {
          name
          position
        }
      }
      functions {
        number
        text
      }
      sessions(from: $from, to: $to) {
        date
        type
        status
        number
        functionsAddressed {
          number
        }
        commitments {
          text
          status
          dueDate
        }
      }
    }
  }
`;

interface InstanceFigures {
  instance: {
    name: string;
    stats: {
      sessions: { type: 'ORDINARIA' | 'EXTRAORDINARIA'; held: number; programmed: number; compliance: number | null }[];
      functionCoverage: number | null;
      commitments: { open: number; done: number; overdue: number };
    };
    memberships: {
      role: keyof typeof ROLE_CODE;
      fromDate: string | null;
      toDate: string | null;
      attendanceRate: number | null;
      person: { name: string; position: string | null };
    }[];
    functions: { number: number; text: string }[];
    sessions: {
      date: string;
      type: string;
      status: string;
      number: number;
      functionsAddressed: { number: number }[];
      commitments: { text: string; status: string; dueDate: string | null }[];
    }[];
  };
}

const w = defaultWording();
const NOW = new Date('2026-11-20T15:00:00Z');
const TYPE_WORD = { ORDINARIA: 'ORDINARIAS', EXTRAORDINARIA: 'EXTRAORDINARIAS' } as const;
const join = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} y ${xs[xs.length - 1]}`);

describe('instance management report (informe de gestión), HTTP routes and CLI', () => {
  let db: TestDatabase;
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let reports: ReportService;
  const dir = mkdtempSync(path.join(tmpdir(), 'rumbo-informes-'));

  beforeAll(async () => {
    db = await createTestDatabase('reports_instance');
    api = await createTestApi(db);
    await importDemoData(db);
    reports = new ReportService(db.ds, { timeZone: 'America/Bogota', now: () => NOW });
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it.each([
    [ZESAI_CODE, '2020-01-01', '2020-06-30'],
    [BOGOTA_TRATA_CODE, '2020-01-01', '2020-12-31'],
    [BOGOTA_TRATA_CODE, '2020-07-01', '2020-12-31'],
  ])('%s from %s to %s: sessions, attendance matrix, functions and commitments match the API', async (code, from, to) => {
    const res = await api.query<InstanceFigures>(INSTANCE_FIGURES, { code, from, to });
    expect(res.errors).toBeUndefined();
    const f = res.data!.instance;
    const doc = await readDocx((await reports.instanceReport(code, from, to)).bytes);
    const has = (s: string) => expect(doc.paragraphs).toContain(s);

    has(w.text('instancia.nombre', { nombre: f.name }));
    const held = f.sessions.filter((s) => s.status === 'REALIZADA');
    for (const count of f.stats.sessions) {
      has(w.text('instancia.sesiones.conteo', { tipo: TYPE_WORD[count.type], realizadas: count.held, programadas: count.programmed }));
      const dates = held.filter((s) => s.type === count.type).map((s) => formatShortDate(s.date));
      const fechas = dates.length ? join(dates) : w.text('instancia.sesiones.ninguna', {});
      has(
        count.compliance == null
          ? w.text('instancia.sesiones.sin_programar', { fechas })
          : w.text('instancia.sesiones.cumplimiento', { cumplimiento: formatReportPercent(count.compliance, 1), fechas }),
      );
    }

    // Attendance matrix: a row per membership active in the range, its total and its API attendance rate.
    const matrix = doc.tables.find((t) => t[0]![0] === 'Sector')!;
    expect(matrix[0]!.slice(4, 4 + held.length)).toEqual(
      held.map((s) => ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'][Number(s.date.slice(5, 7)) - 1]),
    );
    const active = f.memberships.filter((m) => (m.fromDate ?? '0000') <= to && (m.toDate ?? '9999') >= from);
    const body = matrix.slice(1, -1);
    expect(body.length).toBeGreaterThanOrEqual(active.length);
    for (const m of active) {
      const label = m.person.position ? `${m.person.name} – ${m.person.position}` : m.person.name;
      const row = body.find((r) => r[2] === label && r[3] === ROLE_CODE[m.role]);
      expect(row).toBeDefined();
      const marks = row!.slice(4, 4 + held.length).filter((c) => c !== '');
      expect(row![4 + held.length]).toBe(String(marks.length));
      expect(row![5 + held.length]).toBe(m.attendanceRate == null ? '' : formatReportPercent(m.attendanceRate, 0));
      marks.forEach((c) => expect(c).toMatch(/^\d{2}\*?$/));
    }
    expect(matrix[matrix.length - 1]![0]).toBe('Asistentes por sesión');

    // Functions: a row each, "Sí" when a held session of the range addressed it.
    if (f.functions.length) {
      const table = doc.tables.find((t) => t[0]![0] === 'Funciones generales')!;
      expect(table.slice(1).map((r) => [r[0], r[r.length - 1]])).toEqual(
        f.functions.map((fn) => [
          `${fn.number}. ${fn.text}`,
          held.some((s) => s.functionsAddressed.some((a) => a.number === fn.number)) ? 'Sí' : 'No',
        ]),
      );
      const addressed = f.functions.filter((fn) => held.some((s) => s.functionsAddressed.some((a) => a.number === fn.number))).length;
      has(
        w.text('instancia.funciones.cobertura', {
          abordadas: addressed,
          total: f.functions.length,
          cobertura: formatReportPercent(f.stats.functionCoverage!, 1),
        }),
      );
    }

    // Commitments: the API's counts, and a row per commitment of the range's sessions.
    const c = f.stats.commitments;
    const taken = f.sessions.flatMap((s) => s.commitments);
    if (taken.length) {
      has(
        w.text('instancia.compromisos.resumen', {
          total: c.open + c.done,
          cumplidos: c.done,
          abiertos: c.open,
          vencidos: c.overdue === 1 ? '1 está' : `${c.overdue} están`,
          corte: formatLongDate(to),
        }),
      );
      const table = doc.tables.find((t) => t[0]![0] === 'Sesión')!;
      expect(
        table
          .slice(1)
          .map((r) => r[1])
          .sort(),
      ).toEqual(taken.map((t) => t.text).sort());
      expect(table.slice(1).filter((r) => r[4] === 'Cumplido')).toHaveLength(c.done);
      expect(table.slice(1).filter((r) => r[4] === 'Vencido')).toHaveLength(c.overdue);
    } else {
      has(w.text('instancia.compromisos.ninguno', {}));
    }
  });

  it.each([
    ['NO-EXISTE', '2020-01-01', '2020-06-30', 404, /No existe una instancia con código «NO-EXISTE»/],
    [ZESAI_CODE, '2010-01-01', '2010-12-31', 422, /no tiene sesiones registradas entre 2010-01-01 y 2010-12-31/],
    [ZESAI_CODE, '2020-06-30', '2020-01-01', 400, /La fecha inicial \(2020-06-30\) es posterior a la final/],
    [ZESAI_CODE, '2020-01-01', '30/06/2020', 400, /La fecha final «30\/06\/2020» no es una fecha válida/],
  ])('refuses %s from %s to %s (%p)', async (code, from, to, status, message) => {
    await expect(reports.instanceReport(code, from, to)).rejects.toMatchObject({ status, message: expect.stringMatching(message) });
  });

  describe('over HTTP, with the API access rules', () => {
    let http: Awaited<ReturnType<typeof startTestHttp>>;
    let open: Awaited<ReturnType<typeof startTestHttp>>;
    let viewer: string;
    beforeAll(async () => {
      http = await startTestHttp(db);
      open = await startTestHttp(db, { PUBLIC_READ: 'true' });
      viewer = (await http.services.tokens.create({ role: Role.VIEWER, name: 'tablero', createdBy: 'test' })).secret;
    });
    afterAll(async () => {
      await http.stop();
      await open.stop();
    });
    const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

    it.each([
      [
        `/informes/politicas/${CARTAGENA_POLICY_CODE}.docx?corte=2024-12-31`,
        'wordprocessingml',
        `informe-politica-${CARTAGENA_POLICY_CODE}-2024-12-31.docx`,
      ],
      [
        `/informes/politicas/${CARTAGENA_POLICY_CODE}/anexo.xlsx?corte=2024-12-31`,
        'spreadsheetml',
        `anexo-politica-${CARTAGENA_POLICY_CODE}-2024-12-31.xlsx`,
      ],
      [
        `/informes/instancias/${ZESAI_CODE}.docx?desde=2020-01-01&hasta=2020-06-30`,
        'wordprocessingml',
        `informe-instancia-${ZESAI_CODE}-2020-01-01-2020-06-30.docx`,
      ],
    ])('GET %s with a token → the file', async (url, type, name) => {
      const res = await fetch(`${http.base}${url}`, auth(viewer));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      if (type === 'spreadsheetml') await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      else expect((await readDocx(bytes)).paragraphs.length).toBeGreaterThan(10);
    });

    it('refuses anonymous requests (401) unless PUBLIC_READ is on', async () => {
      const url = `/informes/politicas/${CARTAGENA_POLICY_CODE}.docx?corte=2024-12-31`;
      const refused = await http.request(url);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await open.request(url)).status).toBe(200);
      expect((await open.request(url, auth('rmb_bad_token_value'))).status).toBe(401);
    });

    it.each([
      ['/informes/politicas/NO-EXISTE.docx?corte=2024-12-31', 404, /No existe una política/],
      [`/informes/politicas/${CARTAGENA_POLICY_CODE}.docx?corte=2020-06-30`, 400, /fuera del plan de acción/],
      [`/informes/politicas/${CARTAGENA_POLICY_CODE}.docx`, 400, /Falta el corte/],
      [`/informes/politicas/${CARTAGENA_POLICY_CODE}/anexo.xlsx?corte=2024-13-01`, 400, /no es una fecha válida/],
      [`/informes/instancias/${ZESAI_CODE}.docx?desde=2010-01-01&hasta=2010-12-31`, 422, /no tiene sesiones registradas/],
      ['/informes/instancias/NO-EXISTE.docx?desde=2020-01-01&hasta=2020-06-30', 404, /No existe una instancia/],
    ])('GET %s → %p with a Spanish JSON message, no file', async (url, status, message) => {
      const res = await http.request(url, auth(viewer));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.error).toMatch(message);
    });
  });

  describe('rumbo informe (CLI)', () => {
    let out: string[];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const run = (args: string[]) => reportCommand(args, io, { databaseUrl: db.url, timeZone: 'America/Bogota', ds: db.ds, now: () => NOW });
    beforeEach(() => {
      out = [];
    });

    it.each([
      [['politica', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31', '-o'], 'informe.docx'],
      [['anexo', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31', '-o'], 'anexo.xlsx'],
      [['instancia', ZESAI_CODE, '--desde', '2020-01-01', '--hasta', '2020-06-30', '-o'], 'gestion.docx'],
    ])('%p writes %s', async (args, name) => {
      const target = path.join(dir, name);
      expect(await run([...args, target])).toBe(0);
      expect(out.join('\n')).toMatch(/Informe escrito en/);
      const bytes = await fs.readFile(target);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    });

    it.each([
      [['politica', 'NO-EXISTE', '--corte', '2024-12-31'], 1, /No existe una política con código «NO-EXISTE»/],
      [['politica', CARTAGENA_POLICY_CODE, '--corte', '2035-06-30'], 1, /fuera del plan de acción/],
      [['instancia', ZESAI_CODE, '--desde', '2010-01-01', '--hasta', '2010-12-31'], 1, /no tiene sesiones registradas/],
      [['politica', CARTAGENA_POLICY_CODE], 1, /Falta el corte/],
      [['informe-raro', 'X'], 2, /Indique el tipo de informe: politica, anexo o instancia \(no «informe-raro»\)/],
    ])('%p → exit %p, a Spanish message and no file', async (args, code, message) => {
      const target = path.join(dir, `no-${out.length}-${Date.now()}.docx`);
      expect(await run([...args, '-o', target])).toBe(code);
      expect(out.join('\n')).toMatch(message);
      expect(existsSync(target)).toBe(false);
      expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it.each([
      [['politica', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31'], /Indique el archivo de salida con -o ARCHIVO/],
      [['anexo', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31', '-o', 'x.docx'], /debe terminar en \.xlsx/],
      [['instancia', ZESAI_CODE, '--corte', '2020-06-30', '-o', 'x.docx'], /usa --desde y --hasta, no --corte/],
      [['politica', '--bogus'], /Opción desconocida: --bogus\./],
      [['politica', 'X', '--corte'], /Falta el valor de la opción --corte/],
    ])('usage error %p → exit 2', async (args, message) => {
      expect(await run(args)).toBe(2);
      expect(out.join('\n')).toMatch(message);
      expect(out.join('\n')).toMatch(/rumbo informe politica CÓDIGO --corte/);
    });

    it('refuses a broken wording file given with --textos, naming the problem', async () => {
      const bad = path.join(dir, 'textos-malos.txt');
      const shipped = await fs.readFile(path.join(__dirname, '../../src/reports/wording/textos-informes.txt'), 'utf8');
      await fs.writeFile(bad, shipped.replace('{brecha}.', '.'));
      const target = path.join(dir, 'con-textos.docx');
      expect(await run(['politica', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31', '--textos', bad, '-o', target])).toBe(1);
      expect(out.join('\n')).toMatch(
        /textos-malos\.txt tiene un problema:\n- línea \d+: al texto \[acumulado\.positiva\] le falta el marcador \{brecha\}/,
      );
      expect(existsSync(target)).toBe(false);
    });

    it('uses an edited wording file given with --textos', async () => {
      const edited = path.join(dir, 'textos-editados.txt');
      const shipped = await fs.readFile(path.join(__dirname, '../../src/reports/wording/textos-informes.txt'), 'utf8');
      await fs.writeFile(
        edited,
        shipped.replace('[objetivo.negativa]\nEl objetivo {numero}', '[objetivo.negativa]\nEl objetivo específico {numero}'),
      );
      const target = path.join(dir, 'editado.docx');
      expect(await run(['politica', CARTAGENA_POLICY_CODE, '--corte', '2024-12-31', '--textos', edited, '-o', target])).toBe(0);
      const doc = await readDocx(await fs.readFile(target));
      expect(doc.paragraphs.some((p) => p.startsWith('El objetivo específico 1 presenta una brecha negativa de'))).toBe(true);
    });
  });
});
