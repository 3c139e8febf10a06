import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_READ_LIMITS, ReadLimits, WorkbookReadResult } from './workbook.types';
import { readWorkbook, readWorkbookStreaming, readWorkbookWithLibrary, writeWorkbook } from './xlsx.adapter';
import { CellAttributes, cellAttributes } from './xlsx-stream.reader';

/** The library's result and the streaming reader's (both entry points) must be the same cells. */
async function expectSameAsLibrary(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<WorkbookReadResult> {
  const library = readWorkbookWithLibrary(bytes, limits);
  const sync = readWorkbook(bytes, limits);
  const streamed = await readWorkbookStreaming(bytes, limits);
  // JSON: the library leaves holes in sparse arrays where the reader writes undefined; both mean "no cell".
  const plain = (r: WorkbookReadResult): unknown => JSON.parse(JSON.stringify(r));
  expect(plain(sync)).toEqual(plain(library));
  expect(plain(streamed)).toEqual(plain(library));
  return streamed;
}

const SAMPLES = path.join(__dirname, '..', 'samples');
const HOSTILE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'hostile');

describe('streaming xlsx reader: same cells as the library', () => {
  const files = [
    ...readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(SAMPLES, f)),
    ...readdirSync(HOSTILE)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(HOSTILE, f)),
  ];
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 200_000, maxColumns: 200, maxUncompressedBytes: 200 * 1024 * 1024 };
    await expectSameAsLibrary(readFileSync(file), limits);
  });
});

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="166" formatCode="0.0&quot; %&quot;"/></numFmts><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="49" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>`;
const STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>Producto</t></si><si><t xml:space="preserve">  con espacios  </t></si><si><r><rPr><b/></rPr><t>Texto </t></r><r><t>enriquecido</t></r><rPh sb="0" eb="1"><t>フリ</t></rPh></si><si><t>Año &amp; «meta» _x000D_ línea&#10;dos</t></si><si><t>0123</t></si></sst>`;

function workbookXml(date1904: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Hoja &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:H20"/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
}

async function handMade(rows: string, date1904 = false): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('xl/workbook.xml', workbookXml(date1904));
  zip.file('xl/_rels/workbook.xml.rels', WB_RELS);
  zip.file('xl/styles.xml', STYLES);
  zip.file('xl/sharedStrings.xml', STRINGS);
  zip.file('xl/worksheets/sheet1.xml', sheetXml(rows));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Tricky cells, each as a spreadsheet application may save it. */
const TRICKY: ReadonlyArray<readonly [string, string]> = [
  [
    'shared strings, plain, with spaces, rich text with phonetic runs, escapes',
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
  ],
  [
    'inline strings, plain and rich',
    '<row r="1"><c r="A1" t="inlineStr"><is><t>en línea</t></is></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t>b</t></r></is></c><c r="C1" t="inlineStr"/></row>',
  ],
  [
    'numbers stored as text (shared, formula string, text format)',
    '<row r="1"><c r="A1" t="s"><v>4</v></c><c r="B1" t="str"><f>"00"&amp;1</f><v>001</v></c><c r="C1" s="5" t="s"><v>4</v></c><c r="D1" s="5"><v>123</v></c></row>',
  ],
  [
    'dates in built-in and custom formats, date-times, times',
    '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45292.5</v></c><c r="D1" s="7"><v>0.75</v></c><c r="E1" s="2"><v>60</v></c><c r="F1" s="2"><v>0</v></c></row>',
  ],
  [
    'numbers: general, percent, custom, negative, exponent, decimals',
    '<row r="1"><c r="A1"><v>0.1</v></c><c r="B1" s="4"><v>0.576</v></c><c r="C1" s="6"><v>57.6</v></c><c r="D1"><v>-12.5</v></c><c r="E1"><v>1E+21</v></c><c r="F1"><v>0.30000000000000004</v></c><c r="G1" t="n"><v>7</v></c></row>',
  ],
  [
    'booleans and errors, formulas with and without cached values',
    '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="e"><f>1/0</f></c><c r="E1"><f>1+1</f><v>2</v></c><c r="F1"><f>1+1</f></c></row>',
  ],
  [
    'empty rows, sparse columns, styled empty cells, rows without r',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="3" spans="1:8"><c r="H3"><v>8</v></c><c r="C3" s="4"/></row><row r="5"/><row><c r="B6"><v>6</v></c></row><row><c><v>1</v></c><c><v>2</v></c></row>',
  ],
  ['cells without references', '<row r="2"><c t="s"><v>0</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>'],
  ['an ISO date cell', '<row r="1"><c r="A1" t="d" s="2"><v>2024-01-15</v></c><c r="B1" t="d" s="3"><v>2024-01-15T10:30:00</v></c></row>'],
];

describe('streaming xlsx reader: tricky cells', () => {
  it.each(TRICKY)('%s', async (_what, rows) => {
    const read = await expectSameAsLibrary(await handMade(rows));
    expect(read.ok).toBe(true);
  });

  it.each(TRICKY)('%s (1904 date system)', async (_what, rows) => {
    await expectSameAsLibrary(await handMade(rows, true));
  });

  it('reads what writeWorkbook writes (formats, dates, formulas with cached values)', async () => {
    const bytes = writeWorkbook([
      {
        name: 'Reporte',
        rows: [
          ['Código', 'Fecha', 'Valor', 'Hora', 'Sí'],
          [
            'P-01',
            { type: 'date', value: '2024-03-31' },
            { type: 'number', value: 0.5, format: '0%' },
            { type: 'date', value: '08:30' },
            true,
          ],
          [null, { type: 'date', value: '2024-03-31T14:05:00' }, { type: 'formula', formula: '=1+1', cached: 2 }, undefined, 'ND'],
        ],
      },
      { name: 'Vacía', rows: [] },
    ]);
    const read = await expectSameAsLibrary(bytes);
    expect(read.ok && read.workbook.sheets.map((s) => s.name)).toEqual(['Reporte', 'Vacía']);
  });

  it('refuses rows and columns beyond the caps as the library path does', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const rows = await expectSameAsLibrary(await handMade(many), { ...DEFAULT_READ_LIMITS, maxRows: 20 });
    expect(rows).toEqual({ ok: false, failure: { reason: 'TOO_LARGE', detail: 'una hoja del libro tiene 30 filas; el máximo es 20' } });
    const far = await expectSameAsLibrary(
      await handMade('<row r="1"><c r="A1"><v>1</v></c></row><row r="1001"><c r="A1001"><v>2</v></c></row>'),
      {
        ...DEFAULT_READ_LIMITS,
        maxRows: 1000,
      },
    );
    expect(far).toEqual({ ok: false, failure: { reason: 'TOO_LARGE', detail: 'la hoja «Hoja & 1» tiene más de 1000 filas' } });
    const wide = await expectSameAsLibrary(await handMade('<row r="1"><c r="J1"><v>1</v></c></row>'), {
      ...DEFAULT_READ_LIMITS,
      maxColumns: 5,
    });
    expect(wide).toEqual({
      ok: false,
      failure: { reason: 'TOO_LARGE', detail: 'la hoja «Hoja & 1» tiene datos más allá de la columna 5' },
    });
  });

  it('keeps reading cells split across inflated chunks (long rows, multi-byte characters)', async () => {
    const long = 'ñandú «acción» '.repeat(4000);
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${long}${i}</t></is></c><c r="B${i + 1}" s="2"><v>${45000 + i}</v></c></row>`,
    ).join('');
    const read = await expectSameAsLibrary(await handMade(rows), {
      ...DEFAULT_READ_LIMITS,
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxCompressionRatio: 10_000,
    });
    expect(read.ok && read.workbook.sheets[0]!.rows.length).toBe(300);
  });
});

describe('cell attributes (read once per cell, without a regular expression)', () => {
  // what the reader matched before, per attribute: leftmost name="value" or name='value', names whole
  const byRegex = (attrs: string) => {
    const out: Record<string, string | undefined> = { ref: undefined, type: undefined, style: undefined };
    const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
      const key = { r: 'ref', t: 'type', s: 'style' }[m[1]!];
      if (key) out[key] = m[2] ?? m[3] ?? '';
    }
    return out;
  };
  it.each([
    ' r="A1" t="s" s="3"',
    " r='B2' s='0'",
    ' r = "C3"\n\tt=\u00a0"str"',
    ' x:r="A1" xr="B1" t="n"',
    ' foo r="D4" bar= t="x r=\'E5\'"',
    ' r="unclosed',
    ' r="" t=""',
    ' s="1" r="A1" r="B1"',
    '="A1" r=A2 t="b"',
    ' r-="1" .r="2" r:="3" r="F6"',
    '',
  ])('%j', (attrs) => {
    const out: CellAttributes = { ref: 'x', type: 'x', style: 'x' };
    cellAttributes(attrs, out);
    expect({ ...out }).toEqual(byRegex(attrs));
  });
});
