import { IssueCollector } from '../issues/issue.collector';
import { METAS_SHEET } from '../templates/plan.template';
import { PRODUCTOS_SHEET } from '../templates/productos.template';
import { Cell, WorkbookData } from '../xlsx/workbook.types';
import { num, numberValue, text } from './row.accessors';
import { readSheet } from './sheet.reader';
import { headerKey } from '../text/text.normalizer';

const s = (value: string): Cell => ({ type: 'string', value });
const n = (value: number, format?: string): Cell => ({ type: 'number', value, format });
const wb = (name: string, rows: Array<Array<Cell | undefined>>): WorkbookData => ({ sheets: [{ name, rows }] });

describe('header matching', () => {
  it('ignores case, accents, repeated spaces and the trailing *', () => {
    expect(headerKey('codigo producto')).toBe(headerKey('Código producto *'));
    expect(headerKey('  CÓDIGO   PRODUCTO*')).toBe(headerKey('Código producto'));
    const issues = new IssueCollector();
    const read = readSheet(
      wb('metas', [
        [s('codigo producto'), s('VIGENCIA *'), s(' periodo '), s('Meta*')],
        [s('A'), n(2024), undefined, n(100)],
      ]),
      METAS_SHEET,
      issues,
    );
    expect(issues.issues).toEqual([]);
    expect(read.name).toBe('metas');
    expect(text(read.rows[0]!, 'productCode')).toBe('A');
    expect(num(read.rows[0]!, 'value')).toBe(100);
  });

  it('warns about unknown columns but reads the rest', () => {
    const issues = new IssueCollector();
    const read = readSheet(
      wb('Metas', [
        [s('Código producto *'), s('Vigencia *'), s('Meta *'), s('Comentario')],
        [s('A'), n(2024), n(100), s('nota')],
      ]),
      METAS_SHEET,
      issues,
    );
    expect(issues.issues).toHaveLength(1);
    expect(issues.issues[0]).toMatchObject({
      severity: 'WARNING',
      code: 'COLUMNA_DESCONOCIDA',
      sheet: 'Metas',
      row: 1,
      column: 'Comentario',
    });
    expect(read.rows).toHaveLength(1);
  });

  it('warns about data under a column without header', () => {
    const issues = new IssueCollector();
    readSheet(
      wb('Metas', [
        [s('Código producto *'), s('Vigencia *'), s('Meta *')],
        [s('A'), n(2024), n(100), s('suelto')],
      ]),
      METAS_SHEET,
      issues,
    );
    expect(issues.issues).toEqual([expect.objectContaining({ code: 'COLUMNA_DESCONOCIDA', severity: 'WARNING' })]);
  });

  it('reports each missing required column as an error, naming it', () => {
    const issues = new IssueCollector();
    readSheet(
      wb('Metas', [
        [s('Código producto *'), s('Periodo')],
        [s('A'), s('S1')],
      ]),
      METAS_SHEET,
      issues,
    );
    const codes = issues.issues.map((i) => [i.code, i.column]);
    expect(codes).toEqual([
      ['COLUMNA_REQUERIDA', 'Vigencia'],
      ['COLUMNA_REQUERIDA', 'Meta'],
    ]);
    expect(issues.issues[0]!.message).toBe(
      'Hoja «Metas», fila 1, columna «Vigencia»: falta la columna obligatoria «Vigencia *»; agréguela en la fila 1 (puede copiar los encabezados de la plantilla)',
    );
  });

  it('does not complain about a missing optional column', () => {
    const issues = new IssueCollector();
    readSheet(wb('Metas', [[s('Código producto'), s('Vigencia'), s('Meta')]]), METAS_SHEET, issues);
    expect(issues.issues).toEqual([]);
  });

  it('reports a repeated column', () => {
    const issues = new IssueCollector();
    readSheet(wb('Metas', [[s('Código producto'), s('Vigencia'), s('Meta'), s('meta')]]), METAS_SHEET, issues);
    expect(issues.issues).toEqual([expect.objectContaining({ code: 'COLUMNA_DUPLICADA', column: 'Meta' })]);
  });
});

describe('rows', () => {
  it('skips fully empty rows, trims text and keeps Excel row numbers', () => {
    const issues = new IssueCollector();
    const read = readSheet(
      wb('Metas', [
        [s('Código producto'), s('Vigencia'), s('Meta')],
        [s('  A  '), n(2024), n(1)],
        [undefined, s('   '), undefined],
        [],
        [s('B'), s('2025'), s('2,5')],
      ]),
      METAS_SHEET,
      issues,
    );
    expect(issues.issues).toEqual([]);
    expect(read.rows.map((r) => [r.row, text(r, 'productCode'), num(r, 'year'), num(r, 'value')])).toEqual([
      [2, 'A', 2024, 1],
      [5, 'B', 2025, 2.5],
    ]);
  });

  it('collects every cell problem of every row, with sheet, row, column and value', () => {
    const issues = new IssueCollector();
    const read = readSheet(
      wb('Metas', [
        [s('Código producto'), s('Vigencia'), s('Periodo'), s('Meta')],
        [undefined, s('2024,5'), s('S3'), s('1.000')],
        [s('A'), n(1800), s('s1'), s('abc')],
      ]),
      METAS_SHEET,
      issues,
    );
    expect(issues.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['VALOR_REQUERIDO', 2, 'Código producto', null],
      ['NUMERO_INVALIDO', 2, 'Vigencia', '2024,5'],
      ['VALOR_NO_PERMITIDO', 2, 'Periodo', 'S3'],
      ['NUMERO_AMBIGUO', 2, 'Meta', '1.000'],
      ['VALOR_FUERA_DE_RANGO', 3, 'Vigencia', '1800'],
      ['NUMERO_INVALIDO', 3, 'Meta', 'abc'],
    ]);
    expect(read.rows[1]!.invalid.has('year')).toBe(true);
    expect(text(read.rows[1]!, 'period')).toBe('S1');
    expect(issues.issues[3]!.message).toContain('Hoja «Metas», fila 2, columna «Meta»: el número «1.000» es ambiguo');
  });

  it('keeps percentage flags, ND, lists and length limits', () => {
    const issues = new IssueCollector();
    const header = PRODUCTOS_SHEET.columns.map((c) => s(c.header));
    const col = (key: string): number => PRODUCTOS_SHEET.columns.findIndex((c) => c.key === key);
    const row: Array<Cell | undefined> = [];
    row[col('code')] = s('1.1');
    row[col('baseline')] = s('nd');
    row[col('finalGoal')] = n(0.8, '0%');
    row[col('coResponsibleEntityCodes')] = s('05; 11');
    row[col('sdg')] = s('x'.repeat(300));
    const read = readSheet(wb('Productos', [header, row]), PRODUCTOS_SHEET, issues);
    const r = read.rows[0]!;
    expect(r.notAvailable.has('baseline')).toBe(true);
    expect(numberValue(r, 'finalGoal')).toEqual({ value: 0.8, percent: true });
    expect(r.values.get('coResponsibleEntityCodes')).toEqual(['05', '11']);
    expect(issues.issues.find((i) => i.column === 'ODS')).toMatchObject({ code: 'TEXTO_DEMASIADO_LARGO' });
  });

  it('reports a missing required sheet', () => {
    const issues = new IssueCollector();
    readSheet({ sheets: [] }, METAS_SHEET, issues);
    expect(issues.issues).toEqual([expect.objectContaining({ code: 'HOJA_REQUERIDA', sheet: 'Metas' })]);
  });
});
