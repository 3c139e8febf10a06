/** Typed accessors over a `RowRead` (values were already validated by the sheet reader). */
import { NumberValue } from '../cells/reading.types';
import { SheetDef } from '../templates/column.types';
import { RowRead } from './sheet.reader';

export function text(row: RowRead, key: string): string | null {
  const v = row.values.get(key);
  return typeof v === 'string' ? v : null;
}

export function num(row: RowRead, key: string): number | null {
  const v = row.values.get(key);
  return typeof v === 'number' ? v : null;
}

export function numberValue(row: RowRead, key: string): NumberValue | null {
  return row.numbers.get(key) ?? null;
}

export function bool(row: RowRead, key: string): boolean {
  return row.values.get(key) === true;
}

export function list(row: RowRead, key: string): string[] {
  const v = row.values.get(key);
  return Array.isArray(v) ? [...(v as readonly string[])] : [];
}

export function enumValue<T extends string>(row: RowRead, key: string): T | null {
  return text(row, key) as T | null;
}

/** True when none of the keys is invalid (missing required or unreadable). */
export function valid(row: RowRead, ...keys: string[]): boolean {
  return keys.every((k) => !row.invalid.has(k));
}

/** True when every required column of the row was read. */
export function complete(row: RowRead): boolean {
  return row.invalid.size === 0;
}

/** True when every required column of the definition was read in this row. */
export function requiredOk(row: RowRead, def: SheetDef): boolean {
  return def.columns.every((c) => !c.required || !row.invalid.has(c.key));
}
