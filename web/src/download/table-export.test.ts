import { buildExportTable, exportFileName, toCsv, type ExportColumn } from './table-export';

interface Row {
  code: string;
  name: string;
  share: number | null;
}

const COLUMNS: ExportColumn<Row>[] = [
  { header: 'Código', text: (r) => r.code },
  { header: 'Producto', text: (r) => r.name },
  {
    header: 'Avance',
    text: (r) => (r.share == null ? '' : `${String(r.share * 100).replace('.', ',')} %`),
    value: (r) => r.share,
    numberFormat: '0.0%',
  },
];

describe('table downloads', () => {
  it.each([
    [[], '\ufeffCódigo;Producto;Avance\r\n'],
    [[{ code: '1.1', name: 'Rutas', share: 0.5 }], '\ufeffCódigo;Producto;Avance\r\n1.1;Rutas;50 %\r\n'],
    [[{ code: '1.2', name: 'Casas; refugios', share: null }], '\ufeffCódigo;Producto;Avance\r\n1.2;"Casas; refugios";\r\n'],
    [[{ code: '2.1', name: 'Dijo "sí"', share: 1 }], '\ufeffCódigo;Producto;Avance\r\n2.1;"Dijo ""sí""";100 %\r\n'],
    [[{ code: '3.1', name: 'Dos\nlíneas', share: 0 }], '\ufeffCódigo;Producto;Avance\r\n3.1;"Dos\nlíneas";0 %\r\n'],
  ])('CSV of %p', (rows, csv) => {
    expect(toCsv(buildExportTable(COLUMNS, rows))).toBe(csv);
  });

  it('keeps typed values and formats for the .xlsx', () => {
    const table = buildExportTable(COLUMNS, [{ code: '1.1', name: 'Rutas', share: 0.576 }]);
    expect(table.values).toEqual([['1.1', 'Rutas', 0.576]]);
    expect(table.text).toEqual([['1.1', 'Rutas', '57,599999999999994 %']]);
    expect(table.numberFormats).toEqual([undefined, undefined, '0.0%']);
  });

  it.each([
    ['anexo-PPMEG-CTG-2024-12-31', 'anexo-PPMEG-CTG-2024-12-31'],
    ['asistencia ZESAI / 2020', 'asistencia-ZESAI-2020'],
    ['Políticas año', 'Politicas-ano'],
    ['///', 'tabla'],
  ])('file name %p → %p', (input, output) => {
    expect(exportFileName(input)).toBe(output);
  });
});
