import { Arg, Int } from 'type-graphql';
import { UserInputError } from '../../services/errors';

/**
 * Plain (non-connection) lists of a parent's records — an instance's memberships, a product's goals, a
 * policy's breakdowns — take `first`: at most that many items, with a default sized to what one parent
 * normally has, and never more than MAX_PAGE_SIZE. The cost limit prices the list by `first` (its default
 * when omitted), so nesting lists cannot multiply a response past the limit whatever the data
 * (docs/security.md#bounded-lists). Lists longer than `first` are cut; the top-level connections page.
 */
export const DEFAULT_LIST_SIZE = 50;

/**
 * Default of a per-period series (a product's or result's goals and reports): a monthly indicator over a
 * 16-year horizon still fits, so a product sheet never loses periods silently.
 */
export const PERIOD_SERIES_SIZE = 200;

/** Description of a `first` argument of a plain list. */
export function firstDescription(defaultSize: number): string {
  return `At most this many items (default ${defaultSize}, at most the configured maximum page, 1000 by default).`;
}

/** The `first` argument of a plain list (`first: Int! = defaultSize` in the schema). */
export function FirstArg(defaultSize = DEFAULT_LIST_SIZE): ReturnType<typeof Arg> {
  return Arg('first', () => Int, { defaultValue: defaultSize, description: firstDescription(defaultSize) });
}

/**
 * Checks `first` against the maximum page and returns the first `first` items. A default larger than a
 * configured maximum (MAX_PAGE_SIZE below it) means the maximum.
 */
export function firstItems<T>(items: readonly T[], first: number, maxPageSize: number, defaultSize = DEFAULT_LIST_SIZE): T[] {
  const size = first === defaultSize && first > maxPageSize ? maxPageSize : first;
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) {
    throw new UserInputError(`"first" must be between 0 and ${maxPageSize}, got ${first}`);
  }
  return items.slice(0, size);
}
