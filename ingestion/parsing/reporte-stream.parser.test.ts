import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ImportKind } from '../../src/domain/enums';
import { sortIssues } from '../issues/issue.collector';
import { ReporteChunk } from '../model/reporte.types';
import { buildWorkbook, headerRow, Rows } from '../test-support/workbook.builder';
import { REPORTE_SHEET } from '../templates/reporte.template';
import { ENTIDADES_SHEET } from '../templates/shared.columns';
import { issueSheetOrder, parseWorkbookStreaming } from './workbook.parser';
import { parseWorkbookInParts, REPORTE_PART_ROWS } from './reporte-stream.parser';

const HEADERS = headerRow(REPORTE_SHEET);
const SAMPLES = path.join(__dirname, '..', 'samples');
const HOSTILE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'hostile');

/** A REPORTE row in template order: policy, product, name, year, period, goal, value, texts. */
function reportRow(i: number, value: unknown = i % 7): Rows[number] {
  return [
    'POL-1',
    `P-${Math.floor(i / 4)}`,
    null,
    2020 + (i % 3),
    ['T1', 'T2', 'T3', 'T4'][i % 4],
    null,
    value,
    `avance ${i}`,
    null,
    null,
    null,
  ] as Rows[number];
}

/** The parts put back together, sorted as the whole reading sorts its issues. */
async function inParts(bytes: Uint8Array, limits = {}) {
  const parts: ReporteChunk[] = [];
  const out = await parseWorkbookInParts(bytes, { limits }, (p) => {
    parts.push(p);
  });
  const p = out.parsed;
  if (!out.streamed || p.kind !== ImportKind.REPORTE) return { streamed: out.streamed, parts, parsed: p };
  const merged = {
    ...p,
    data: { ...p.data, reports: parts.flatMap((x) => x.reports) },
    rejectedRows: [...parts.flatMap((x) => x.rejected), ...p.rejectedRows],
    issues: sortIssues([...parts.flatMap((x) => x.issues), ...p.issues], issueSheetOrder(p.sheetNames, p.kind)),
  };
  return { streamed: true, parts, parsed: merged };
}

/** Rejected rows in the order the whole reading lists them (the Reporte sheet, then Entidades). */
const byPlace = <T extends { sheet: string; row: number }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);

async function expectSameAsWhole(bytes: Uint8Array, limits = {}): Promise<{ streamed: boolean; parts: number }> {
  const whole = await parseWorkbookStreaming(bytes, { limits });
  const got = await inParts(bytes, limits);
  expect({ ...got.parsed, rejectedRows: byPlace(got.parsed.rejectedRows) }).toEqual({
    ...whole,
    rejectedRows: byPlace(whole.rejectedRows),
  });
  return { streamed: got.streamed, parts: got.parts.length };
}

describe('parseWorkbookInParts (REPORTE read in parts) gives what the whole reading gives', () => {
  it('a REPORTE of several parts, with bad cells, rejected rows, a repeated header, unknown columns and an Entidades sheet', async () => {
    const rows: Rows = [[...HEADERS, 'Notas', null, 'Calidad']];
    rows[0]![1] = HEADERS[1]!;
    for (let i = 0; i < 2 * REPORTE_PART_ROWS + 123; i++) {
      const r = reportRow(i, i % 997 === 0 ? 'mucho' : i % 1499 === 0 ? null : i % 11);
      if (i % 501 === 0) (r as unknown[])[12] = 'dato sin encabezado';
      if (i === 77) (r as unknown[])[14] = 'lejos';
      rows.push(r);
      if (i % 2000 === 0) rows.push([]);
    }
    const bytes = buildWorkbook({
      Instrucciones: [['Léame']],
      Reporte: rows,
      Otra: [['x']],
      Entidades: [
        headerRow(ENTIDADES_SHEET),
        ['E1', 'Entidad uno', null, 'Salud', null],
        ['E1', 'Repetida', null, 'Salud', null],
        [null, 'sin código'],
      ],
    });
    const got = await expectSameAsWhole(bytes);
    expect(got.streamed).toBe(true);
    expect(got.parts).toBeGreaterThan(1);
  });

  it('the Reporte sheet with headers only, blank, or missing a required column', async () => {
    for (const reporte of [[HEADERS], [], [HEADERS.slice(1), ['x', 2024, 'T1']]] as Rows[]) {
      const got = await expectSameAsWhole(buildWorkbook({ Reporte: reporte }));
      expect(got.streamed).toBe(true);
    }
  });

  it('the repository samples: the REPORTE in parts, the other kinds as a whole', async () => {
    for (const file of (await fs.readdir(SAMPLES)).filter((f) => f.endsWith('.xlsx'))) {
      const got = await expectSameAsWhole(await fs.readFile(path.join(SAMPLES, file)));
      expect(got.streamed).toBe(file.includes('reporte'));
    }
  });

  // The .ods bomb is bounded only by the parsing thread (test/security/hostile-input.test.ts); it never reaches the streaming reader.
  it('every hostile file of the corpus gets the whole reading’s answer (refused or harmless)', async () => {
    for (const file of (await fs.readdir(HOSTILE)).filter((f) => !/\.(md|graphql|ods)$/.test(f))) {
      await expectSameAsWhole(await fs.readFile(path.join(HOSTILE, file)));
    }
  });

  it('a sheet whose rows come out of order after a part was given is read as a whole, with the same answer', async () => {
    const rows: Rows = [HEADERS, ...Array.from({ length: REPORTE_PART_ROWS + 200 }, (_, i) => reportRow(i))];
    const zip = await JSZip.loadAsync(buildWorkbook({ Reporte: rows }));
    const name = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
    const xml = await zip.file(name)!.async('string');
    // row 10 written last: its cells arrive once rows up to REPORTE_PART_ROWS + 201 were handed over
    const tenth = /<row r="10"[^>]*>.*?<\/row>/.exec(xml)![0];
    zip.file(name, xml.replace(tenth, '').replace('</sheetData>', `${tenth}</sheetData>`));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const got = await inParts(bytes);
    expect(got.parts.length).toBeGreaterThan(0); // parts were given before the disorder showed, then forgotten
    expect(got.streamed).toBe(false);
    expect(got.parsed).toEqual(await parseWorkbookStreaming(bytes, {}));
    expect(got.parsed.kind === ImportKind.REPORTE && got.parsed.data.reports).toHaveLength(REPORTE_PART_ROWS + 200);
  });

  it('a file over the row limit is refused, whatever parts were given before', async () => {
    const rows: Rows = [HEADERS, ...Array.from({ length: REPORTE_PART_ROWS + 50 }, (_, i) => reportRow(i))];
    const bytes = buildWorkbook({ Reporte: rows });
    const got = await inParts(bytes, { maxRows: REPORTE_PART_ROWS + 10 });
    expect(got.streamed).toBe(false);
    expect(got.parsed.kind).toBeNull();
    expect(got.parsed.issues.map((i) => i.code)).toEqual(['LIBRO_DEMASIADO_GRANDE']);
  });
});
