import { ImportKind } from '../../src/domain/enums';
import { cellAsText } from '../cells/cell.reader';
import { parseWorkbook } from '../parsing/workbook.parser';
import { GOALS, planObjects } from '../test-support/plan.fixture';
import { inflateRawSync } from 'node:zlib';
import { buildWorkbook, readBack, workbookOf } from '../test-support/workbook.builder';
import { WritableCell } from '../xlsx/workbook.types';
import { readZipDirectory } from '../xlsx/zip.inspector';
import { validateWorkbook } from '../validation/workbook.validator';
import { ERRORS_HEADER, errorsSheet } from './errors-sheet.writer';

const upload = workbookOf(
  ImportKind.PLAN,
  planObjects({ Metas: [...GOALS, { productCode: '=HIPERVINCULO("x")', year: 2024, value: '1.000' }] }),
);
const issues = validateWorkbook(parseWorkbook(upload));

describe('errorsSheet', () => {
  it('returns the uploaded workbook with an Errores sheet listing every issue', () => {
    // The unreadable value does not hide the row's other error (the product does not exist).
    expect(issues.map((i) => i.code)).toEqual(['NUMERO_AMBIGUO', 'PRODUCTO_INEXISTENTE']);
    const out = readBack(errorsSheet(upload, issues));
    expect(out.sheets.map((s) => s.name)).toEqual(['Politica', 'Entidades', 'Objetivos', 'Productos', 'Metas', 'Errores']);
    const rows = out.sheets[5]!.rows.map((r) => (r ?? []).map((c) => cellAsText(c)));
    expect(rows[0]).toEqual([...ERRORS_HEADER]);
    expect(rows[1]).toEqual(['Metas', '12', 'Meta', '1.000', 'NUMERO_AMBIGUO', issues[0]!.message, 'Error']);
    expect(rows[2]).toEqual(['Metas', '12', 'Código producto', '=HIPERVINCULO("x")', 'PRODUCTO_INEXISTENTE', issues[1]!.message, 'Error']);
    expect(out.sheets[4]!.rows[11]![0]).toMatchObject({ type: 'string', value: '=HIPERVINCULO("x")' });
  });

  it('lists errors before warnings, labels severities in Spanish and writes values as text', () => {
    const mixed = [{ ...issues[0]!, severity: 'WARNING' as never, code: 'COLUMNA_DESCONOCIDA' as const, value: '=1+1' }, issues[0]!];
    const rows = readBack(errorsSheet(upload, mixed)).sheets.at(-1)!.rows;
    expect(rows.slice(1).map((r) => cellAsText(r![6]))).toEqual(['Error', 'Advertencia']);
    expect(rows[2]![3]).toMatchObject({ type: 'string', value: '=1+1' });
  });

  it('replaces an Errores sheet left from a previous upload, and the parser ignores it', () => {
    const once = errorsSheet(upload, issues);
    const twice = readBack(errorsSheet(once, []));
    expect(twice.sheets.filter((s) => s.name === 'Errores')).toHaveLength(1);
    expect(twice.sheets.at(-1)!.rows).toHaveLength(1);
    expect(validateWorkbook(parseWorkbook(once)).map((i) => i.code)).toEqual(['NUMERO_AMBIGUO', 'PRODUCTO_INEXISTENTE']);
  });

  it('gives a workbook with only Errores when the upload is not a workbook', () => {
    const bad = Buffer.from('no es un libro');
    const parsedIssues = validateWorkbook(parseWorkbook(bad));
    const out = readBack(errorsSheet(bad, parsedIssues));
    expect(out.sheets.map((s) => s.name)).toEqual(['Errores']);
    expect(cellAsText(out.sheets[0]!.rows[1]![4])).toBe('LIBRO_ILEGIBLE');
  });
});

/** The XML parts of an .xlsx, inflated (to look for `<f>` elements the way Excel would read them). */
function xmlParts(xlsx: Buffer): Map<string, string> {
  const entries = readZipDirectory(xlsx);
  if (!Array.isArray(entries)) throw new Error('not a zip');
  const parts = new Map<string, string>();
  for (const e of entries) {
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    const lo = e.localOffset;
    const start = lo + 30 + xlsx.readUInt16LE(lo + 26) + xlsx.readUInt16LE(lo + 28);
    const data = e.method === 0 ? xlsx.subarray(start, start + e.compressedSize) : inflateRawSync(xlsx.subarray(start));
    parts.set(e.name, data.toString('utf8'));
  }
  return parts;
}

describe('errorsSheet with live formulas in the upload (issue 14, item 1)', () => {
  const formula = (f: string, cached?: string | number): WritableCell =>
    ({ type: 'formula', formula: f, cached }) as unknown as WritableCell;
  const hostile = buildWorkbook({
    Reporte: [
      ['Código política *', 'Código producto *', 'Año *', 'Periodo *', 'Valor reportado *'],
      ['PP-EJ', formula('HYPERLINK("http://malo.example/x","clic")', 'clic'), 2024, 'T1', formula("cmd|' /C notepad'!A1", 0)],
      ['PP-EJ', 'B', 2024, 'T2', formula('1+1')],
    ],
  });

  it('the upload really carries live formulas (the test would prove nothing otherwise)', () => {
    const sheet = [...xmlParts(hostile)].find(([name]) => name.startsWith('xl/worksheets/'))![1];
    expect(sheet).toContain('<f>HYPERLINK(');
    expect(sheet).toContain('<f>cmd|&apos; /C notepad&apos;!A1</f>');
  });

  it('hands back no formula, link or defined name that came from outside, and says so in Errores', () => {
    const issues = validateWorkbook(parseWorkbook(hostile));
    expect(issues.length).toBeGreaterThan(0);
    const out = errorsSheet(hostile, issues);
    for (const [name, xml] of xmlParts(out)) {
      expect({ name, formula: /<(\w+:)?f[ >]/.test(xml) }).toEqual({ name, formula: false });
      expect({ name, link: /<(\w+:)?(hyperlink|externalLink|definedName)[ >]/.test(xml) }).toEqual({ name, link: false });
    }
    const back = readBack(out);
    const reporte = back.sheets.find((s) => s.name === 'Reporte')!;
    // Cached values are kept; a formula saved without one becomes its text, as a string.
    expect(reporte.rows[1]![1]).toMatchObject({ type: 'string', value: 'clic' });
    expect(reporte.rows[1]![4]).toMatchObject({ type: 'number', value: 0 });
    expect(reporte.rows[2]![4]).toMatchObject({ type: 'string', value: '=1+1' });
    const errores = back.sheets.at(-1)!;
    const note = errores.rows.map((r) => cellAsText(r?.[0])).find((t) => t.startsWith('Nota:'));
    expect(note).toMatch(/3 fórmulas se reemplazaron por su último valor calculado/);
  });

  it('adds no note when the upload had no formula', () => {
    const rows = readBack(errorsSheet(upload, issues)).sheets.at(-1)!.rows;
    expect(rows.map((r) => cellAsText(r?.[0])).filter((t) => t.startsWith('Nota:'))).toEqual([]);
  });
});
