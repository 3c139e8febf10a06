import { EntityLevel } from '../../src/domain/enums';
import { EntityRow } from '../model/common.types';
import { enumValue, requiredOk, text } from '../reading/row.accessors';
import { readSheet } from '../reading/sheet.reader';
import { ENTIDADES_SHEET } from '../templates/shared.columns';
import { ParseState, reject } from './parse.state';

/** The optional `Entidades` sheet, allowed in every kind of workbook. */
export function parseEntities(state: ParseState): EntityRow[] {
  const sheet = readSheet(state.workbook, ENTIDADES_SHEET, state.issues);
  const entities: EntityRow[] = [];
  for (const row of sheet.rows) {
    if (!requiredOk(row, ENTIDADES_SHEET)) {
      reject(state, row, text(row, 'code'));
      continue;
    }
    entities.push({
      sheet: row.sheet,
      row: row.row,
      code: text(row, 'code')!,
      name: text(row, 'name')!,
      acronym: text(row, 'acronym'),
      sector: text(row, 'sector')!,
      level: enumValue<EntityLevel>(row, 'level'),
    });
  }
  return entities;
}
