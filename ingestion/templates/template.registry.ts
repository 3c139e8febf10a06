import { ImportKind } from '../../src/domain/enums';
import { SheetDef, TemplateDef } from './column.types';
import { INSTANCIA_TEMPLATE } from './instancia.template';
import { PLAN_TEMPLATE } from './plan.template';
import { REPORTE_TEMPLATE } from './reporte.template';

export const TEMPLATES: Readonly<Record<ImportKind, TemplateDef>> = {
  [ImportKind.PLAN]: PLAN_TEMPLATE,
  [ImportKind.REPORTE]: REPORTE_TEMPLATE,
  [ImportKind.INSTANCIA]: INSTANCIA_TEMPLATE,
};

/** The sheet whose presence identifies each kind of workbook. */
export const KIND_SHEETS: Readonly<Record<ImportKind, string>> = {
  [ImportKind.PLAN]: 'Productos',
  [ImportKind.REPORTE]: 'Reporte',
  [ImportKind.INSTANCIA]: 'Instancia',
};

/** Sheets the product itself adds; ignored when reading. */
export const INSTRUCTIONS_SHEET_NAME = 'Instrucciones';
export const ERRORS_SHEET_NAME = 'Errores';

export function templateOf(kind: ImportKind): TemplateDef {
  return TEMPLATES[kind];
}

export function sheetDefOf(kind: ImportKind, name: string): SheetDef {
  const sheet = TEMPLATES[kind].sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`Sheet ${name} not defined for ${kind}`);
  return sheet;
}
