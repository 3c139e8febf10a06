import { ImportIssueSeverity } from '../../src/domain/enums';
import { sortIssues } from './issue.collector';
import { summarizeIssues } from './issue.summary';
import { PartIssueTally } from './issue.tally';
import { Issue, IssueCode } from './issue.types';

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CODES: IssueCode[] = ['VALOR_REQUERIDO', 'PRODUCTO_INEXISTENTE', 'NUMERO_AMBIGUO', 'FILA_DUPLICADA', 'VALOR_REPORTADO_CAMBIA'];
const COLUMNS = ['Código política', 'Código producto', 'Vigencia', 'Periodo', 'Valor', 'Avance cualitativo'];
const SHEET_ORDER = ['Instrucciones', 'Reporte', 'Entidades'];

function issue(rnd: () => number, sheet: string | null, row: number | null): Issue {
  const code = CODES[Math.floor(rnd() * CODES.length)]!;
  const column = COLUMNS[Math.floor(rnd() * COLUMNS.length)]!;
  const severity = code === 'VALOR_REPORTADO_CAMBIA' ? ImportIssueSeverity.WARNING : ImportIssueSeverity.ERROR;
  return { severity, code, sheet, row, column, value: String(Math.floor(rnd() * 3)), message: `${code} en ${column}` };
}

/** Parts of increasing rows, each with reading and validation issues (some repeated), and the end's issues. */
function workbook(seed: number, parts: number, rowsPerPart: number, density: number) {
  const rnd = random(seed);
  const out: { reading: Issue[]; validation: Issue[] }[] = [];
  for (let p = 0; p < parts; p++) {
    const part = { reading: [] as Issue[], validation: [] as Issue[] };
    for (let r = 0; r < rowsPerPart; r++) {
      const row = 2 + p * rowsPerPart + r;
      for (const list of [part.reading, part.validation]) {
        while (rnd() < density) {
          const i = issue(rnd, 'Reporte', row);
          list.push(i);
          if (rnd() < 0.1) list.push(i); // an exact repeat
        }
      }
    }
    out.push(part);
  }
  // The end's issues come from other checks than the parts' (headers, Entidades, rejected rows, the
  // scale of a product): never a repeat of a part's issue, as in the import.
  const atEnd = (i: Issue): Issue => ({ ...i, message: `${i.message} (al final)` });
  const end = [issue(rnd, 'Reporte', 1), issue(rnd, null, null), issue(rnd, 'Entidades', 3)].map(atEnd);
  const endValidation = Array.from({ length: 6 }, () =>
    atEnd(issue(rnd, rnd() < 0.5 ? 'Entidades' : 'Reporte', 2 + Math.floor(rnd() * parts * rowsPerPart))),
  );
  return { parts: out, end, endValidation };
}

describe('PartIssueTally gives what summarizeIssues(sortIssues(every issue)) gives, keeping only what can be listed', () => {
  it.each([
    // seed, parts, rows per part, issues per row (density), per code, total groups
    [1, 6, 40, 0.5, 3, 500],
    [2, 10, 25, 0.7, 5, 500],
    [3, 4, 60, 0.3, 1, 500],
    [4, 8, 30, 0.6, 4, 7], // more groups than kept: the rest counted per code
    [5, 3, 50, 0.8, 1000, 500], // nothing cut
    [6, 12, 10, 0.9, 2, 12],
  ])('seed %d: %d parts × %d rows, density %d, %d per code, %d groups', (seed, parts, rows, density, perCode, maxGroups) => {
    const w = workbook(seed, parts, rows, density);
    const tally = new PartIssueTally(perCode, maxGroups);
    for (const p of w.parts) tally.addPart(p.reading, p.validation);
    const got = tally.summarize(w.end, w.endValidation, SHEET_ORDER);
    const all = [...w.parts.flatMap((p) => p.reading), ...w.end, ...w.parts.flatMap((p) => p.validation), ...w.endValidation];
    const expected = summarizeIssues(sortIssues(all, SHEET_ORDER), perCode, maxGroups);
    expect(got).toEqual(expected);
  });

  it('holds at most twice the per-code cap of each code, not every issue', () => {
    const w = workbook(7, 50, 100, 0.9);
    const tally = new PartIssueTally(3);
    for (const p of w.parts) tally.addPart(p.reading, p.validation);
    const lists = Object.values((tally as unknown as { candidates: Record<number, Map<string, unknown[]>> }).candidates);
    const held = lists.flatMap((m) => [...m.values()]).reduce((n, l) => n + l.length, 0);
    expect(held).toBeGreaterThan(0);
    // after each part, each list (reading or validation, per code) holds at most twice the cap
    expect(held).toBeLessThanOrEqual(2 * CODES.length * 2 * 3);
    expect(w.parts.reduce((n, p) => n + p.reading.length + p.validation.length, 0)).toBeGreaterThan(8000);
  });
});
