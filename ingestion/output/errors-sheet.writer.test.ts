import { ImportKind } from '../../src/domain/enums';
import { cellAsText } from '../cells/cell.reader';
import { parseWorkbook } from '../parsing/workbook.parser';
import { GOALS, planObjects } from '../test-support/plan.fixture';
import { readBack, workbookOf } from '../test-support/workbook.builder';
import { validateWorkbook } from '../validation/workbook.validator';
import { ERRORS_HEADER, errorsSheet } from './errors-sheet.writer';

describe('errorsSheet', () => {
  const upload = workbookOf(
    ImportKind.PLAN,
    planObjects({ Metas: [...GOALS, { productCode: '=HIPERVINCULO("x")', year: 2024, value: '1.000' }] }),
  );
  const issues = validateWorkbook(parseWorkbook(upload));

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
