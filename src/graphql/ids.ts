import { UserInputError } from '../services/errors';

/** Parses a GraphQL ID argument into the numeric primary key. */
export function parseId(id: string | number, field = 'id'): number {
  const n = typeof id === 'number' ? id : Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserInputError(`"${field}" is not a valid id: ${String(id)}`, field);
  return n;
}
