import ExcelJS from 'exceljs';
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
  it('gives back only the Errores sheet, with a note, when the upload holds more XML than it copies', async () => {
    const out = readBack(await errorsSheet(upload, issues, {}, [], 1000));
    expect(out.sheets.map((s) => s.name)).toEqual(['Errores']);
    const rows = out.sheets[0]!.rows.map((r) => (r ?? []).map((c) => cellAsText(c)));
    expect(rows[1]).toEqual(['Metas', '12', 'Meta', '1.000', 'NUMERO_AMBIGUO', issues[0]!.message, 'Error']);
    expect(rows[rows.length - 1]![0]).toMatch(
      /^Nota: el libro recibido es muy grande \(\d+ MB sin comprimir\), así que este archivo trae solo la hoja «Errores»/,
    );
  });

  it('returns the uploaded workbook with an Errores sheet listing every issue', async () => {
    // The unreadable value does not hide the row's other error (the product does not exist).
    expect(issues.map((i) => i.code)).toEqual(['NUMERO_AMBIGUO', 'PRODUCTO_INEXISTENTE']);
    const out = readBack(await errorsSheet(upload, issues));
    expect(out.sheets.map((s) => s.name)).toEqual(['Errores', 'Politica', 'Entidades', 'Objetivos', 'Productos', 'Metas']);
    const rows = out.sheets[0]!.rows.map((r) => (r ?? []).map((c) => cellAsText(c)));
    expect(rows[0]).toEqual([...ERRORS_HEADER]);
    expect(rows[1]).toEqual(['Metas', '12', 'Meta', '1.000', 'NUMERO_AMBIGUO', issues[0]!.message, 'Error']);
    expect(rows[2]).toEqual(['Metas', '12', 'Código producto', '=HIPERVINCULO("x")', 'PRODUCTO_INEXISTENTE', issues[1]!.message, 'Error']);
    expect(out.sheets[5]!.rows[11]![0]).toMatchObject({ type: 'string', value: '=HIPERVINCULO("x")' });
  });

  it('lists errors before warnings, labels severities in Spanish and writes values as text', async () => {
    const mixed = [{ ...issues[0]!, severity: 'WARNING' as never, code: 'COLUMNA_DESCONOCIDA' as const, value: '=1+1' }, issues[0]!];
    const rows = readBack(await errorsSheet(upload, mixed)).sheets.find((s) => s.name === 'Errores')!.rows;
    expect(rows.slice(1).map((r) => cellAsText(r![6]))).toEqual(['Error', 'Advertencia']);
    expect(rows[2]![3]).toMatchObject({ type: 'string', value: '=1+1' });
  });

  it('replaces an Errores sheet left from a previous upload, and the parser ignores it', async () => {
    const once = await errorsSheet(upload, issues);
    const twice = readBack(await errorsSheet(once, []));
    expect(twice.sheets.filter((s) => s.name === 'Errores')).toHaveLength(1);
    // no issue listed; the note says the links of the previous Errores (Rumbo's own) were removed from the copy
    const rows = twice.sheets.find((s) => s.name === 'Errores')!.rows.map((r) => cellAsText(r?.[0]));
    expect(rows.filter((t) => t !== '' && !t.startsWith('Nota:'))).toEqual(['Hoja']);
    expect(validateWorkbook(parseWorkbook(once)).map((i) => i.code)).toEqual(['NUMERO_AMBIGUO', 'PRODUCTO_INEXISTENTE']);
  });

  it('gives a workbook with only Errores when the upload is not a workbook', async () => {
    const bad = Buffer.from('no es un libro');
    const parsedIssues = validateWorkbook(parseWorkbook(bad));
    const out = readBack(await errorsSheet(bad, parsedIssues));
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

  it('the upload really carries live formulas (the test would prove nothing otherwise)', async () => {
    const sheet = [...xmlParts(hostile)].find(([name]) => name.startsWith('xl/worksheets/'))![1];
    expect(sheet).toContain('<f>HYPERLINK(');
    expect(sheet).toContain('<f>cmd|&apos; /C notepad&apos;!A1</f>');
  });

  it('hands back no formula, link or defined name that came from outside, and says so in Errores', async () => {
    const issues = validateWorkbook(parseWorkbook(hostile));
    expect(issues.length).toBeGreaterThan(0);
    const out = await errorsSheet(hostile, issues);
    for (const [name, xml] of xmlParts(out)) {
      expect({ name, formula: /<(\w+:)?f[ >]/.test(xml) }).toEqual({ name, formula: false });
      expect({ name, link: /<(\w+:)?(externalLink|definedName)[ >]/.test(xml) }).toEqual({ name, link: false });
      // the only links are Rumbo's own, from Errores to a cell of this workbook (`#'Hoja'!C5`)
      for (const target of xml.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]*)"/g))
        expect(target[1]).toMatch(/^#&apos;[^&]+&apos;![A-Z]+\d+$/);
      expect(xml).not.toMatch(/malo\.example|notepad/);
    }
    const back = readBack(out);
    const reporte = back.sheets.find((s) => s.name === 'Reporte')!;
    // Cached values are kept; a formula saved without one becomes its text, as a string.
    expect(reporte.rows[1]![1]).toMatchObject({ type: 'string', value: 'clic' });
    expect(reporte.rows[1]![4]).toMatchObject({ type: 'number', value: 0 });
    expect(reporte.rows[2]![4]).toMatchObject({ type: 'string', value: '=1+1' });
    const errores = back.sheets.find((s) => s.name === 'Errores')!;
    const note = errores.rows.map((r) => cellAsText(r?.[0])).find((t) => t.startsWith('Nota:'));
    expect(note).toMatch(/3 fórmulas se reemplazaron por su último valor calculado/);
  });

  it('adds no note when the upload had no formula', async () => {
    const rows = readBack(await errorsSheet(upload, issues)).sheets.find((s) => s.name === 'Errores')!.rows;
    expect(rows.map((r) => cellAsText(r?.[0])).filter((t) => t.startsWith('Nota:'))).toEqual([]);
  });
});

describe('the Errores workbook read back with ExcelJS', () => {
  const load = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    return wb;
  };

  it('opens on Errores, links each issue to its cell and marks the cell with the message', async () => {
    const wb = await load(await errorsSheet(upload, issues));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Errores', 'Politica', 'Entidades', 'Objetivos', 'Productos', 'Metas']);
    const errores = wb.getWorksheet('Errores')!;
    expect(errores.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(errores.getCell('A1').font?.bold).toBe(true);
    // NUMERO_AMBIGUO on Metas row 12, column Meta (D); PRODUCTO_INEXISTENTE on Código producto (A)
    expect(errores.getCell('A2').value).toMatchObject({ text: 'Metas', hyperlink: "#'Metas'!D12" });
    expect(errores.getCell('A3').value).toMatchObject({ text: 'Metas', hyperlink: "#'Metas'!A12" });
    const metas = wb.getWorksheet('Metas')!;
    for (const [addr, issue] of [
      ['D12', issues[0]!],
      ['A12', issues[1]!],
    ] as const) {
      expect(metas.getCell(addr).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
      expect(String(metas.getCell(addr).note)).toContain(issue.message);
    }
    expect(metas.getCell('B12').fill).toBeUndefined();
    // the offending text stays text, never a formula
    expect(metas.getCell('A12').value).toBe('=HIPERVINCULO("x")');
    let formulas = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it('keeps the totals of capped issues and the count of replaced formulas on Errores', async () => {
    const hostile = buildWorkbook({
      Reporte: [
        ['Código política *', 'Código producto *', 'Año *', 'Periodo *', 'Valor *'],
        ['PP-EJ', { type: 'formula', formula: 'HYPERLINK("http://malo.example/x","clic")', cached: 'clic' } as never, 2024, 'T1', -1],
      ],
    });
    const found = validateWorkbook(parseWorkbook(hostile));
    const totals = [{ code: found[0]!.code, severity: found[0]!.severity, sheet: 'Reporte', column: found[0]!.column, count: 500 }];
    const wb = await load(await errorsSheet(hostile, found.slice(0, 1), {}, totals as never));
    const texts: string[] = [];
    wb.getWorksheet('Errores')!.eachRow((row) => row.eachCell((c) => texts.push(String((c.value as { text?: string })?.text ?? c.value))));
    expect(texts.join('\n')).toMatch(/1 fórmula se reemplazó por su último valor calculado/);
    expect(texts.join('\n')).toMatch(/500 \(de 500 con este código; listados 1\)/);
    expect(wb.getWorksheet('Reporte')!.getCell('B2').value).toBe('clic');
  });
});
