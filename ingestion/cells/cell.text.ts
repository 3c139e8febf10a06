import { Cell } from '../xlsx/workbook.types';

const isGeneral = (format: string | undefined): boolean => !format || format === 'General' || format === '@';

/** True for a missing cell or a text cell with only spaces. */
export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.type === 'string' && cell.value.trim() === '');
}

/** The date-time cell value shown as `YYYY-MM-DD`, `HH:MM` or `YYYY-MM-DD HH:MM`. */
function dateText(value: string): string {
  const date = value.slice(0, 10);
  const time = value.slice(11, 16);
  if (date === '1899-12-31' || date === '1899-12-30') return time;
  return value.slice(11) === '00:00:00' ? date : `${date} ${time}`;
}

/**
 * A cell as trimmed text, for text columns and for the `value` of an issue. Numbers keep their full
 * precision unless the cell has a specific number format (then the displayed text, so `02`
 * formatted `00` stays `02`); booleans read `Sí`/`No`; dates ISO.
 */
export function cellAsText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.type) {
    case 'string':
      return cell.value.trim();
    case 'number':
      return (!isGeneral(cell.format) && cell.text ? cell.text : String(cell.value)).trim();
    case 'boolean':
      return cell.value ? 'Sí' : 'No';
    case 'date':
      return dateText(cell.value);
    case 'error':
      return cell.value;
  }
}

/** Issue value: the text, or null for an empty cell. */
export function cellValueText(cell: Cell | undefined): string | null {
  const text = cellAsText(cell);
  return text === '' ? null : text;
}
