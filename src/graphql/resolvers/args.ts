import { UserInputError } from '../../services/errors';
import { parseId } from '../ids';

/** For `thing(id:, code:)` lookups: exactly one way of naming the thing. */
export function exactlyOne(args: Record<string, unknown>, ways: string[][]): void {
  const given = ways.filter((w) => w.every((k) => args[k] !== undefined && args[k] !== null));
  const partial = ways.filter((w) => w.some((k) => args[k] !== undefined && args[k] !== null) && !given.includes(w));
  if (given.length !== 1 || partial.length > 0) {
    throw new UserInputError(`Give exactly one of: ${ways.map((w) => w.join(' + ')).join(' | ')}`);
  }
}

export function optionalId(id: string | null | undefined, field: string): number | null {
  return id === null || id === undefined ? null : parseId(id, field);
}
