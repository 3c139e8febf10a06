/**
 * The committed demo workbooks (ingestion/samples/*.xlsx): read from disk in file-name order, each
 * is parsed and validated against what the earlier files would have stored, and must import with
 * no ERROR. Also: facts transcribed from the seeds, the template headers, the traffic lights the
 * Cartagena data produces, and that the build script reproduces the committed files.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computePolicyProgress, PolicyProductInput } from '../../src/calculation';
import { ImportKind, MembershipRole, SessionStatus, SessionType, TrafficLight } from '../../src/domain/enums';
import { createValidationContext, errorsOf, Issue, IssueCode, parseWorkbook, reportValue, validateWorkbook, warningsOf } from '../index';
import { ParsedInstancia, ParsedPlan, ParsedReporte, ParsedWorkbook } from '../model/parsed-workbook.types';
import { templateHeader } from '../templates/column.types';
import { templateOf } from '../templates/template.registry';
import { readWorkbook } from '../xlsx/xlsx.adapter';
import { AccumulatedContext } from './sample-context';
import { SAMPLE_FILES, writeSamples } from './sample-workbooks';

const DIR = __dirname;
/** Warnings a sample may carry (seed 003 states its metas in words, without yearly figures). */
const ALLOWED_WARNINGS: Readonly<Record<string, readonly IssueCode[]>> = { '02-plan-pdh-cdmx.xlsx': ['PRODUCTO_SIN_METAS'] };

interface Loaded {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly parsed: ParsedWorkbook;
  readonly issues: Issue[];
}

const show = (issues: readonly Issue[]): string =>
  issues.map((i) => `${i.code} ${i.sheet ?? ''}:${i.row ?? ''} ${i.column ?? ''} → ${i.message}`).join('\n');

async function sampleNames(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.xlsx')).sort();
}

async function loadAll(dir: string): Promise<Loaded[]> {
  const acc = new AccumulatedContext();
  const out: Loaded[] = [];
  for (const fileName of await sampleNames(dir)) {
    const bytes = await readFile(path.join(dir, fileName));
    const parsed = parseWorkbook(bytes);
    const issues = validateWorkbook(parsed, acc.context());
    if (errorsOf(issues).length === 0) acc.store(parsed);
    out.push({ fileName, bytes, parsed, issues });
  }
  return out;
}

let samples: Loaded[] = [];
beforeAll(async () => {
  samples = await loadAll(DIR);
});

function sample<K extends ImportKind>(fileName: string, kind: K): Extract<ParsedWorkbook, { kind: K }> {
  const found = samples.find((s) => s.fileName === fileName);
  if (!found) throw new Error(`missing sample ${fileName}`);
  expect(found.parsed.kind).toBe(kind);
  return found.parsed as Extract<ParsedWorkbook, { kind: K }>;
}
const plan = (f: string): ParsedPlan => sample(f, ImportKind.PLAN);
const reporte = (f: string): ParsedReporte => sample(f, ImportKind.REPORTE);
const instancia = (f: string): ParsedInstancia => sample(f, ImportKind.INSTANCIA);

describe('demo sample workbooks', () => {
  it('the folder holds exactly the files the build script writes, and file-name order is the import order', async () => {
    const names = SAMPLE_FILES.map((f) => f.fileName);
    expect(await sampleNames(DIR)).toEqual(names);
    expect([...names].sort()).toEqual(names);
  });

  it.each(SAMPLE_FILES.map((f) => [f.fileName, f.kind] as const))(
    '%s (%s) validates without errors after the earlier files',
    (fileName, kind) => {
      const loaded = samples.find((s) => s.fileName === fileName)!;
      expect(loaded.parsed.kind).toBe(kind);
      const errors = errorsOf(loaded.issues);
      if (errors.length > 0) console.error(`${fileName}:\n${show(errors)}`);
      expect(errors).toEqual([]);
      const unexpected = warningsOf(loaded.issues).filter((w) => !(ALLOWED_WARNINGS[fileName] ?? []).includes(w.code));
      if (unexpected.length > 0) console.error(`${fileName}:\n${show(unexpected)}`);
      expect(unexpected).toEqual([]);
    },
  );

  it('every sheet has the headers the template writer writes (the matrix keeps its fixed columns)', () => {
    for (const s of samples) {
      const read = readWorkbook(s.bytes);
      if (!read.ok) throw new Error(read.failure.detail);
      const template = templateOf(s.parsed.kind!);
      expect(read.workbook.sheets.map((sh) => sh.name)).toEqual(['Instrucciones', ...template.sheets.map((d) => d.name)]);
      for (const def of template.sheets) {
        const headers = (read.workbook.sheets.find((sh) => sh.name === def.name)!.rows[0] ?? []).map((c) => (c ? String(c.value) : ''));
        const expected = def.columns.map((c) => templateHeader(c.header, c.required));
        if (s.fileName.includes('zesai') && def.name === 'Asistencia') {
          expect([...headers.slice(0, 2), headers[headers.length - 1]]).toEqual(['Nombre *', 'Código entidad *', 'Total sesiones']);
        } else {
          expect(headers).toEqual(expected);
        }
      }
    }
  });

  it('the order matters: on an empty database the report and the reviewing instance are rejected', () => {
    const empty = createValidationContext();
    const codes = (f: string) => errorsOf(validateWorkbook(samples.find((s) => s.fileName === f)!.parsed, empty)).map((i) => i.code);
    expect(codes('03-reporte-cartagena-2024.xlsx')).toContain('POLITICA_INEXISTENTE');
    expect(codes('06-instancia-cdmx-espacio-trata-2018.xlsx')).toContain('POLITICA_INEXISTENTE');
  });

  it('the build script is deterministic: a fresh build gives the same parsed data as the committed files', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'rumbo-samples-'));
    try {
      await writeSamples(tmp);
      const fresh = await loadAll(tmp);
      expect(fresh.map((f) => f.fileName)).toEqual(samples.map((s) => s.fileName));
      fresh.forEach((f, i) => {
        expect(f.parsed).toEqual(samples[i]!.parsed);
        expect(f.issues).toEqual(samples[i]!.issues);
      });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('01 — Cartagena plan (seed 004)', () => {
  it('has the policy, 3 objectives, 7 products, ten yearly goals each, weights summing to 1', () => {
    const { data } = plan('01-plan-cartagena.xlsx');
    expect(data.policy).toMatchObject({ code: 'PPMEG-CTG', startYear: 2024, vigencias: 10, leadEntityCode: 'CTG-SPDS' });
    expect(data.entities.map((e) => e.code)).toEqual(['02', 'CTG-SPDS', 'CTG-SPD', 'CTG-DADIS', 'CTG-SED']);
    expect(data.objectives.map((o) => o.number)).toEqual([1, 2, 3]);
    expect(data.products.map((p) => p.code)).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.5']);
    expect(data.goals).toHaveLength(70);
    expect(data.products.reduce((s, p) => s + (p.weight ?? 0), 0)).toBeCloseTo(1, 9);
    expect(new Set(data.products.map((p) => p.annualizationType)).size).toBe(4);
    expect(new Set(data.products.map((p) => p.periodicity)).size).toBe(4);
  });

  it('product 3.5 is the seed-004 product sheet: ten annual goals of 100, final goal 1000', () => {
    const { data } = plan('01-plan-cartagena.xlsx');
    expect(data.products.find((p) => p.code === '3.5')).toMatchObject({
      objectiveNumber: 3,
      name: 'Programa de acompañamiento, protección y atención psicosocial y jurídico a mujeres víctimas de trata',
      responsibleEntityCode: '02',
      coResponsibleEntityCodes: ['CTG-SPDS'],
      annualizationType: 'SUMA',
      periodicity: 'ANUAL',
      baseline: null,
      baselineNotAvailable: true,
      baselineSource: 'SPDS',
      finalGoal: 1000,
      priority: 3,
      targetPopulation: 'Mujeres víctimas de trata',
      focus: 'Poblacional, Género',
    });
    const goals = data.goals.filter((g) => g.productCode === '3.5');
    expect(goals.map((g) => [g.year, g.period, g.value])).toEqual(Array.from({ length: 10 }, (_, i) => [2024 + i, null, 100]));
  });
});

describe('02 — PDH-CDMX plan (seed 003 strategies)', () => {
  it('has the four reviewed strategies as objectives and their eight metas as products', () => {
    const { data } = plan('02-plan-pdh-cdmx.xlsx');
    expect(data.objectives.map((o) => o.number)).toEqual([516, 517, 518, 520]);
    expect(data.products.map((p) => [p.code, p.responsibleEntityCode])).toEqual([
      ['516.1', 'CDMX-PGJ'],
      ['516.2', 'CDMX-PGJ'],
      ['516.3', 'CDMX-SEDESO'],
      ['517', 'CDMX-PGJ'],
      ['518', 'CDMX-PGJ'],
      ['520.1', 'CDMX-CI'],
      ['520.2', 'CDMX-TSJ'],
      ['520.3', 'CDMX-PGJ'],
    ]);
    expect(data.goals).toEqual([]);
  });
});

describe('03 — Cartagena reports 2024', () => {
  const lights = (cut: string): Record<string, TrafficLight> => {
    const { data: p } = plan('01-plan-cartagena.xlsx');
    const { data: r } = reporte('03-reporte-cartagena-2024.xlsx');
    const entities = p.entities.map((e) => e.code);
    const products: PolicyProductInput[] = p.products.map((pr, i) => ({
      id: i + 1,
      objectiveId: pr.objectiveNumber,
      sectorId: null,
      entityId: entities.indexOf(pr.responsibleEntityCode) + 1,
      annualizationType: pr.annualizationType,
      periodicity: pr.periodicity,
      baseline: pr.baseline,
      finalGoal: pr.finalGoal,
      weight: pr.weight,
      priority: pr.priority,
      goals: p.goals.filter((g) => g.productCode === pr.code).map((g) => ({ year: g.year, period: g.period, value: g.value })),
      reports: r.reports
        .filter((x) => x.productCode === pr.code)
        .map((x) => ({ year: x.year, period: x.period, value: reportValue(x, pr.unit) })),
    }));
    const result = computePolicyProgress(p.policy!, products, cut);
    return Object.fromEntries(p.products.map((pr, i) => [pr.code, result.products.get(i + 1)!.progress.trafficLight]));
  };

  it('reports 25 periods of 2024 and nothing for product 1.2', () => {
    const { data } = reporte('03-reporte-cartagena-2024.xlsx');
    expect(data.reports).toHaveLength(25);
    expect(data.reports.every((r) => r.policyCode === 'PPMEG-CTG' && r.year === 2024)).toBe(true);
    expect(data.reports.some((r) => r.productCode === '1.2')).toBe(false);
    expect(data.reports.find((r) => r.productCode === '3.5')).toMatchObject({ period: 'ANUAL', value: 86 });
  });

  it('gives a dashboard with every light at the 2024-12-31 cut, and NOT_DUE annual products at mid-year', () => {
    const { ALTO, MEDIO, BAJO, NOT_DUE } = TrafficLight;
    expect(lights('2024-12-31')).toEqual({ '1.1': ALTO, '1.2': BAJO, '2.1': MEDIO, '2.2': ALTO, '3.1': BAJO, '3.2': ALTO, '3.5': ALTO });
    expect(lights('2024-06-30')).toEqual({
      '1.1': ALTO,
      '1.2': NOT_DUE,
      '2.1': ALTO,
      '2.2': ALTO,
      '3.1': BAJO,
      '3.2': BAJO,
      '3.5': NOT_DUE,
    });
  });
});

describe('04 — Bogotá committee against human trafficking, acta No. 4 de 2020 (seed 000)', () => {
  it('has the instance, its members by role and the session of the acta', () => {
    const { data } = instancia('04-instancia-bogota-trata-2020.xlsx');
    expect(data.instance).toMatchObject({ kind: 'COMITE', legalBasis: 'Decreto 836 de 2019', secretariatEntityCode: 'BOG-SDG' });
    const roles = data.members.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.role]: (acc[m.role] ?? 0) + 1 }), {});
    expect(roles).toEqual({ PRESIDENCIA: 1, INTEGRANTE: 13, SECRETARIA_TECNICA: 1, INVITADO_PERMANENTE: 9 });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({
      number: 4,
      year: 2020,
      type: 'ORDINARIA',
      modality: 'VIRTUAL',
      date: '2020-12-18',
      startTime: '08:00',
      endTime: '09:40',
      status: SessionStatus.REALIZADA,
    });
    expect(data.sessions[0]!.agenda).toHaveLength(4);
    expect(data.sessions[0]!.agenda[0]).toBe('Verificación del quórum');
  });

  it('lists 47 attendees: 14 delegated members, 9 permanent guests and 24 others recorded as OTRO', () => {
    const { data } = instancia('04-instancia-bogota-trata-2020.xlsx');
    expect(data.attendanceLayout).toBe('LIST');
    expect(data.attendance).toHaveLength(47);
    expect(data.attendance.every((a) => a.attended && a.sessionNumber === 4 && a.sessionYear === 2020)).toBe(true);
    expect(data.attendance.filter((a) => a.delegated)).toHaveLength(14);
    const others = data.attendance.filter((a) => !a.member);
    expect(others).toHaveLength(24);
    expect(others.every((a) => a.role === MembershipRole.OTRO)).toBe(true);
    expect(data.attendance.find((a) => a.name === 'Camilo Acero Azuero')?.role).toBe(MembershipRole.PRESIDENCIA);
  });

  it('records the 2021 action plan as 35 commitments of the session, with due dates in 2021', () => {
    const { data } = instancia('04-instancia-bogota-trata-2020.xlsx');
    expect(data.commitments).toHaveLength(35);
    expect(data.commitments.every((c) => c.sessionNumber === 4 && c.sessionYear === 2020 && c.status === 'ABIERTO')).toBe(true);
    const dated = data.commitments.filter((c) => c.dueDate !== null);
    expect(dated.length).toBe(23);
    expect(dated.every((c) => c.dueDate!.startsWith('2021-'))).toBe(true);
    expect(data.commitments.find((c) => c.responsibleEntityCode === 'CO-CRUZROJA')?.dueDate).toBe('2021-01-31');
  });
});

describe('05 — ZESAI table, first half of 2020 (seed 002)', () => {
  /** The report's attendance matrix: sessions attended by row (1 = 8 Jan … 7 = 10 Jun). */
  const MATRIX: readonly [string, number[]][] = [
    ['José David Riveros Namen', []],
    ['Ana Dunia Pinzón B.', [1, 2, 3, 4, 5, 6, 7]],
    ['Margarita Velásquez', [4, 5, 6, 7]],
    ['Carlos Pedraza – Carlos Arenas', [5, 7]],
    ['Carlos Cifuentes – Luz Marina Porras', [5, 7]],
    ['Olga Díaz / Janeth Zamora', [2, 4, 5, 6]],
    ['Charlotte Callejas / Paola Gómez', [2, 4, 5, 6, 7]],
    ['Geovanna Moreno / Patricia Mugno', [1, 2, 3, 4, 5, 6, 7]],
    ['Edith Camargo / Susana Torres', [6, 7]],
    ['Edwar Hernández / Yanira Espinosa / Clara López García', [1, 2, 3, 4, 5, 6, 7]],
    ['Gabriel Burbano', [5, 6, 7]],
    ['Carmen Marciales / Marcela Salas', [1, 2, 3, 4, 5, 6, 7]],
    ['Blanca Suárez / María Helena Villamil', [1, 2, 3, 4, 5, 6, 7]],
  ];

  it('reads the matrix layout with one column per session date and the day-number marks', () => {
    const { data } = instancia('05-instancia-zesai-2020-s1.xlsx');
    expect(data.attendanceLayout).toBe('MATRIX');
    expect(data.sessions.map((s) => s.date)).toEqual([
      '2020-01-08',
      '2020-02-12',
      '2020-03-11',
      '2020-03-19',
      '2020-05-13',
      '2020-05-20',
      '2020-06-10',
    ]);
    expect(data.attendance).toHaveLength(MATRIX.length * 7);
    const attended = MATRIX.map(([name]) => [
      name,
      data.attendance.filter((a) => a.name === name && a.attended).map((a) => a.sessionNumber),
    ]);
    expect(attended).toEqual(MATRIX);
    const burbano = data.attendance.find((a) => a.name === 'Gabriel Burbano')!;
    expect([burbano.member, burbano.role]).toEqual([false, MembershipRole.OTRO]);
    expect(data.attendance.find((a) => a.name === 'Ana Dunia Pinzón B.')!.role).toBe(MembershipRole.SECRETARIA_TECNICA);
  });

  it('writes the marks as the report does (text "08", "12", …) under date-cell headers', () => {
    const read = readWorkbook(samples.find((s) => s.fileName === '05-instancia-zesai-2020-s1.xlsx')!.bytes);
    if (!read.ok) throw new Error(read.failure.detail);
    const sheet = read.workbook.sheets.find((s) => s.name === 'Asistencia')!;
    expect(sheet.rows[0]![2]).toMatchObject({ type: 'date', value: '2020-01-08T00:00:00' });
    const ana = sheet.rows.find((r) => r?.[0]?.value === 'Ana Dunia Pinzón B.')!;
    expect(ana.slice(2).map((c) => c?.value)).toEqual(['08', '12', '11', '19', '13', '20', '10', 7]);
  });

  it('has six ordinary sessions held against five programmed, and the functions addressed', () => {
    const { data } = instancia('05-instancia-zesai-2020-s1.xlsx');
    expect(data.sessions.filter((s) => s.type === SessionType.ORDINARIA)).toHaveLength(6);
    expect(data.schedule.map((s) => [s.year, s.semester, s.type, s.programmed])).toEqual([
      [2020, 1, 'ORDINARIA', 5],
      [2020, 1, 'EXTRAORDINARIA', 2],
    ]);
    expect(data.functions).toHaveLength(10);
    expect(data.functions.filter((f) => f.sessionNumbers.length > 0).map((f) => f.number)).toEqual([1, 2, 5, 7, 8, 10]);
    expect(data.functions[0]!.sessionNumbers).toEqual([5, 6]);
  });
});

describe('06 — Mexico City participation space, session 23 of 2018 (seed 003)', () => {
  it('has the session, the next one programmed, the attendance and the operative agreements', () => {
    const { data } = instancia('06-instancia-cdmx-espacio-trata-2018.xlsx');
    expect(data.instance?.kind).toBe('ESPACIO_PARTICIPACION');
    expect(data.sessions.map((s) => [s.number, s.year, s.date, s.status])).toEqual([
      [23, 2018, '2018-09-11', 'REALIZADA'],
      [24, 2018, '2018-09-27', 'PROGRAMADA'],
    ]);
    expect(data.attendance).toHaveLength(9);
    expect(data.commitments).toHaveLength(3);
  });

  it('reviews the reports of the eight metas of the PDH-CDMX plan', () => {
    const { data } = instancia('06-instancia-cdmx-espacio-trata-2018.xlsx');
    expect(data.reviews.map((r) => `${r.policyCode} ${r.productCode}`)).toEqual(
      ['516.1', '516.2', '516.3', '517', '518', '520.1', '520.2', '520.3'].map((c) => `PDH-CDMX ${c}`),
    );
    expect(data.reviews.find((r) => r.productCode === '520.1')?.report).toBe('No reportó');
  });
});
