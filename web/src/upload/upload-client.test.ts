import { batchPhase, issuesBySheet, type ValidationIssue } from './upload-client';

const issue = (sheet: string | null, row: number | null): ValidationIssue => ({
  severity: 'ERROR',
  code: 'X',
  sheet,
  row,
  column: null,
  value: null,
  message: 'm',
});

describe('desk upload helpers', () => {
  it('groups issues by sheet, workbook-level first, keeping the server order inside each sheet', () => {
    const groups = issuesBySheet([issue('Reporte', 4), issue('Reporte', 2), issue(null, null), issue('Entidades', 3)]);
    expect(groups.map((g) => [g.sheet, g.issues.map((i) => i.row)])).toEqual([
      [null, [null]],
      ['Reporte', [4, 2]],
      ['Entidades', [3]],
    ]);
  });

  it.each([
    [{ status: 'PENDING' }, /En cola/],
    [{ status: 'PROCESSING', parseMs: null }, /Leyendo/],
    [{ status: 'PROCESSING', parseMs: 12, validateMs: null }, /Revisando/],
    [{ status: 'PROCESSING', parseMs: 12, validateMs: 3, importMs: null }, /Guardando/],
    [{ status: 'IMPORTED', parseMs: 12, validateMs: 3, importMs: 40 }, /^Importado/],
    [{ status: 'REJECTED' }, /no se guardó nada/],
    [{ status: 'DUPLICATE' }, /ya se había importado/],
  ])('phase of %j', (batch, text) => {
    expect(batchPhase(batch)).toMatch(text);
  });
});
