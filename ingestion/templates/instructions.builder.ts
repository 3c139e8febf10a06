/** Builds the Spanish `Instrucciones` sheet from the template definitions. Pure. */
import { SheetSpec, WritableCell } from '../xlsx/workbook.types';
import { ColumnDef, ColumnType, SheetDef, TemplateDef } from './column.types';
import { INSTRUCTIONS_SHEET_NAME } from './template.registry';

const TYPE_LABELS: Readonly<Record<ColumnType, string>> = {
  text: 'Texto',
  number: 'Número',
  date: 'Fecha',
  time: 'Hora',
  boolean: 'Sí/No',
  enum: 'Valor de una lista',
  list: 'Lista',
};

export const GENERAL_RULES: readonly string[] = [
  'La fila 1 de cada hoja tiene los encabezados: no los cambie ni los borre. Las columnas marcadas con * son obligatorias. Los encabezados se reconocen sin importar mayúsculas, tildes ni espacios repetidos; las columnas adicionales se ignoran con una advertencia.',
  'Las filas totalmente vacías se ignoran. Se quitan los espacios al inicio y al final de cada celda.',
  'Números: use celdas de tipo número, o escríbalos como texto con una sola coma o punto decimal (24,35). No use separadores de miles: 1.000 o 2,500 son ambiguos y se rechazan. Una celda con formato de porcentaje en un producto cuya unidad es % se lee como porcentaje (100 % → 100).',
  'Fechas: celdas con formato de fecha, o texto AAAA-MM-DD (2024-03-15) o DD/MM/AAAA (15/03/2024). Horas: celdas con formato de hora, o texto HH:MM (14:30) u 8:00 am.',
  'Sí/No: Sí, Si, S, X, 1 o true significan sí; No, N, 0, false o la celda vacía significan no.',
  'Los valores de una lista (tipos, roles, periodicidad…) se reconocen sin importar mayúsculas ni tildes.',
  'Un texto que empieza por =, +, - o @ se guarda como texto y nunca se calcula. Las fórmulas se leen por el resultado que muestran.',
  'Las personas se reconocen por su nombre dentro de su entidad, sin importar mayúsculas, tildes ni espacios repetidos.',
  'Si el libro se rechaza, se devuelve una copia con la hoja «Errores» que indica hoja, fila, columna, valor y cómo corregir cada error. El libro se importa completo o no se importa.',
];

export const TABLE_HEADER: readonly string[] = [
  'Hoja',
  'Columna',
  'Obligatoria',
  'Tipo',
  'Significado',
  'Formato',
  'Valores permitidos',
  'Ejemplo',
];

export function typeLabel(column: ColumnDef): string {
  if (column.type === 'number' && column.integer) return 'Número entero';
  if (column.type === 'number' && column.acceptsNd) return 'Número o ND';
  return TYPE_LABELS[column.type];
}

export function allowedText(column: ColumnDef): string {
  if (column.type === 'enum' && column.allowed) {
    const aliases = Object.entries(column.aliases ?? {});
    const main = column.allowed.join(', ');
    if (aliases.length === 0 || aliases.every(([a, v]) => /^M\d$/.test(a) && v.startsWith('M0'))) return main;
    return `${main} (también: ${aliases.map(([a, v]) => `${a} = ${v}`).join(', ')})`;
  }
  if (column.type === 'boolean') return 'Sí / No';
  if (column.type === 'number') {
    const bounds: string[] = [];
    if (column.min !== undefined) bounds.push(`desde ${column.min}`);
    if (column.max !== undefined) bounds.push(`hasta ${column.max}`);
    return bounds.join(' ');
  }
  return '';
}

function sheetRows(sheet: SheetDef): WritableCell[][] {
  const rows: WritableCell[][] = [[sheet.name, '(hoja)', sheet.optional ? 'No' : 'Sí', '', sheet.description, '', '', '']];
  for (const column of sheet.columns) {
    rows.push([
      sheet.name,
      column.header,
      column.required ? 'Sí' : 'No',
      typeLabel(column),
      column.meaning,
      column.format,
      allowedText(column),
      column.example ?? '',
    ]);
  }
  return rows;
}

export function buildInstructionsSheet(template: TemplateDef, extraSheets: readonly SheetDef[] = []): SheetSpec {
  const rows: WritableCell[][] = [
    [`Plantilla: ${template.title}`],
    [template.description],
    [],
    ['Cómo llenar este libro'],
    ...GENERAL_RULES.map((rule) => [`• ${rule}`]),
    ...(template.notes ?? []).map((note) => [`• ${note}`]),
    [],
    ['Hojas y columnas (Obligatoria = Sí: la columna debe estar y cada fila debe tener valor; para una hoja: la hoja debe estar)'],
    [...TABLE_HEADER],
    ...template.sheets.flatMap(sheetRows),
    ...extraSheets.flatMap(sheetRows),
  ];
  return {
    name: INSTRUCTIONS_SHEET_NAME,
    rows,
    columnWidths: [18, 30, 12, 16, 60, 50, 40, 18],
  };
}
