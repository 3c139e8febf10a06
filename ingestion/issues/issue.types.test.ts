import { ImportIssueSeverity } from '../../src/domain/enums';
import { IssueCollector, sortIssues } from './issue.collector';
import { hasErrors, ISSUE_CODES } from './issue.types';

describe('issues', () => {
  it('has unique UPPER_SNAKE codes', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    for (const code of ISSUE_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
  });

  it('prefixes every message with its location, in Spanish', () => {
    const c = new IssueCollector();
    c.error('VALOR_REQUERIDO', { sheet: 'Metas', row: 4, column: 'Meta' }, 'falta el valor');
    c.warning('HOJA_DESCONOCIDA', { sheet: 'Notas' }, 'se ignora');
    c.error('LIBRO_NO_RECONOCIDO', {}, 'no se reconoce el tipo de libro');
    expect(c.issues.map((i) => i.message)).toEqual([
      'Hoja «Metas», fila 4, columna «Meta»: falta el valor',
      'Hoja «Notas»: se ignora',
      'No se reconoce el tipo de libro',
    ]);
    expect(c.issues[0]).toEqual({
      severity: ImportIssueSeverity.ERROR,
      code: 'VALOR_REQUERIDO',
      sheet: 'Metas',
      row: 4,
      column: 'Meta',
      value: null,
      message: 'Hoja «Metas», fila 4, columna «Meta»: falta el valor',
    });
    expect(hasErrors(c.issues)).toBe(true);
    expect(hasErrors(c.issues.filter((i) => i.severity === ImportIssueSeverity.WARNING))).toBe(false);
  });

  it('sorts workbook-level issues first, then by sheet order and row, and removes repeats', () => {
    const c = new IssueCollector();
    c.warning('COLUMNA_DESCONOCIDA', { sheet: 'B', row: 1 }, 'x');
    c.error('VALOR_REQUERIDO', { sheet: 'A', row: 3 }, 'y');
    c.error('VALOR_REQUERIDO', { sheet: 'A', row: 3 }, 'y');
    c.error('VALOR_REQUERIDO', { sheet: 'B', row: 1 }, 'z');
    c.error('LIBRO_ILEGIBLE', {}, 'w');
    expect(sortIssues(c.issues, ['A', 'B']).map((i) => `${i.sheet}:${i.row}:${i.severity}`)).toEqual([
      'null:null:ERROR',
      'A:3:ERROR',
      'B:1:ERROR',
      'B:1:WARNING',
    ]);
  });
});
