import { ImportKind } from '../../src/domain/enums';
import { KIND_SHEETS } from '../templates/template.registry';
import { headerKey } from '../text/text.normalizer';
import { SheetData, WorkbookData } from '../xlsx/workbook.types';

/** The workbook's sheet with this name, matched ignoring case, accents and spaces. */
export function findSheet(workbook: WorkbookData, name: string): SheetData | undefined {
  const key = headerKey(name);
  return workbook.sheets.find((s) => headerKey(s.name) === key);
}

/** Kinds whose identifying sheet is present (`Productos`, `Reporte`, `Instancia`). */
export function kindsPresent(workbook: WorkbookData): ImportKind[] {
  return (Object.keys(KIND_SHEETS) as ImportKind[]).filter((kind) => findSheet(workbook, KIND_SHEETS[kind]));
}

/** The workbook kind, or null when none or several identifying sheets are present. */
export function detectKind(workbook: WorkbookData): ImportKind | null {
  const kinds = kindsPresent(workbook);
  return kinds.length === 1 ? kinds[0]! : null;
}
