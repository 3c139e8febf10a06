import { ImportIssueSeverity } from '../../src/domain/enums';
import { IssueCollector } from './issue.collector';
import { MAX_TOTAL_GROUPS, summarizeIssues } from './issue.summary';
import { Issue, IssueCode } from './issue.types';

const issue = (code: IssueCode, row: number, column: string, severity = ImportIssueSeverity.ERROR, sheet = 'Reporte'): Issue => ({
  severity,
  code,
  sheet,
  row,
  column,
  value: null,
  message: `fila ${row}`,
});

describe('IssueCollector with many issues (issue 14, item 3)', () => {
  it('adds 240 000 issues at once without overflowing the stack', () => {
    const many = Array.from({ length: 240_000 }, (_, i) => issue('NUMERO_INVALIDO', i + 2, 'Valor'));
    const c = new IssueCollector();
    c.addAll(many);
    c.addAll(many.slice(0, 10));
    expect(c.issues).toHaveLength(240_010);
    expect(c.issues[240_000]).toBe(many[0]);
  });
});

describe('summarizeIssues', () => {
  it('keeps the first N of each code in order and counts every issue per code, sheet and column', () => {
    const issues = [
      ...Array.from({ length: 5 }, (_, i) => issue('NUMERO_INVALIDO', i + 2, 'Valor')),
      issue('VALOR_REQUERIDO', 2, 'Periodo'),
      ...Array.from({ length: 3 }, (_, i) => issue('NUMERO_INVALIDO', i + 2, 'Vigencia')),
      issue('COLUMNA_DESCONOCIDA', 1, 'Extra', ImportIssueSeverity.WARNING),
    ];
    const s = summarizeIssues(issues, 2);
    expect(s.kept.map((i) => `${i.code}:${i.column}:${i.row}`)).toEqual([
      'NUMERO_INVALIDO:Valor:2',
      'NUMERO_INVALIDO:Valor:3',
      'VALOR_REQUERIDO:Periodo:2',
      'COLUMNA_DESCONOCIDA:Extra:1',
    ]);
    expect(s.totals).toEqual([
      { severity: 'ERROR', code: 'NUMERO_INVALIDO', sheet: 'Reporte', column: 'Valor', count: 5 },
      { severity: 'ERROR', code: 'VALOR_REQUERIDO', sheet: 'Reporte', column: 'Periodo', count: 1 },
      { severity: 'ERROR', code: 'NUMERO_INVALIDO', sheet: 'Reporte', column: 'Vigencia', count: 3 },
      { severity: 'WARNING', code: 'COLUMNA_DESCONOCIDA', sheet: 'Reporte', column: 'Extra', count: 1 },
    ]);
    expect({ errors: s.errorCount, warnings: s.warningCount, rows: s.rowsWithErrors, truncated: s.truncated }).toEqual({
      errors: 9,
      warnings: 1,
      rows: 5,
      truncated: true,
    });
    expect(summarizeIssues(issues, 10).truncated).toBe(false);
  });

  it('bounds the totals: past the group limit, further groups collapse into one per code and severity', () => {
    const issues = Array.from({ length: MAX_TOTAL_GROUPS + 300 }, (_, i) =>
      issue('COLUMNA_DESCONOCIDA', 1, `Columna ${i}`, ImportIssueSeverity.WARNING, `Hoja ${i % 7}`),
    );
    issues.push(issue('VALOR_REQUERIDO', 2, 'Periodo'));
    const s = summarizeIssues(issues, 1);
    expect(s.totals).toHaveLength(MAX_TOTAL_GROUPS + 2);
    expect(s.totals.reduce((n, t) => n + t.count, 0)).toBe(issues.length);
    expect(s.totals.filter((t) => t.sheet === null)).toEqual([
      { severity: 'WARNING', code: 'COLUMNA_DESCONOCIDA', sheet: null, column: null, count: 300 },
      { severity: 'ERROR', code: 'VALOR_REQUERIDO', sheet: null, column: null, count: 1 },
    ]);
  });
});
