/** Generates the empty template workbooks the product ships (`template` command and API). */
import { ImportKind } from '../../src/domain/enums';
import { writeWorkbook } from '../xlsx/xlsx.adapter';
import { SheetSpec } from '../xlsx/workbook.types';
import { SheetDef, templateHeader } from './column.types';
import { buildInstructionsSheet } from './instructions.builder';
import { templateOf } from './template.registry';

export function headerSheet(sheet: SheetDef): SheetSpec {
  return {
    name: sheet.name,
    rows: [sheet.columns.map((c) => templateHeader(c.header, c.required))],
    columnWidths: sheet.columns.map((c) => c.width ?? Math.max(12, c.header.length + 4)),
  };
}

/** The sheets of a template: `Instrucciones` first, then one sheet per data sheet with its headers. */
export function templateSheets(kind: ImportKind): SheetSpec[] {
  const template = templateOf(kind);
  return [buildInstructionsSheet(template), ...template.sheets.map(headerSheet)];
}

/** An empty .xlsx template for the given kind of workbook. */
export function buildTemplate(kind: ImportKind | `${ImportKind}`): Buffer {
  return writeWorkbook(templateSheets(kind as ImportKind));
}
