import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UserInputError } from './errors';

export type SortDirection = 'ASC' | 'DESC';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  pageInfo: PageInfoData;
  /** Evaluated only when the client asks for it. */
  totalCount: () => Promise<number> | number;
}

type CursorValue = string | number | null;

export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(value: CursorValue, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || ['string', 'number'].includes(typeof parsed[0])) &&
      Number.isInteger(parsed[1])
    ) {
      return [parsed[0] as CursorValue, parsed[1] as number];
    }
  } catch {
    // fall through
  }
  throw new UserInputError(`"after" is not a cursor returned by this API: ${cursor.slice(0, 80)}`);
}

export function pageSize(args: PageArgs, maxPageSize: number): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new UserInputError(`"first" must be between 0 and ${maxPageSize}, got ${first}`);
  }
  return first;
}

function pageOf<T>(
  rows: T[],
  size: number,
  after: string | null | undefined,
  cursorOf: (t: T) => string,
  total: Page<T>['totalCount'],
): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const cursors = nodes.map(cursorOf);
  return {
    nodes,
    cursors,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(after),
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    totalCount: total,
  };
}

export interface SortSpec<T> {
  /** SQL expression of the sort column, e.g. `p.code`. */
  column: string;
  /** The same value read from an entity, for the cursor. */
  value: (row: T) => CursorValue;
  direction: SortDirection;
}

/**
 * Keyset pagination: ORDER BY (sort column, id) and continue after the cursor's (value, id).
 * One statement for the page (one more row to know hasNextPage) and one COUNT only when asked.
 */
export async function paginateQuery<T extends ObjectLiteral & { id: number }>(
  qb: SelectQueryBuilder<T>,
  sort: SortSpec<T>,
  args: PageArgs,
  maxPageSize: number,
): Promise<Page<T>> {
  const size = pageSize(args, maxPageSize);
  const alias = qb.alias;
  const countQb = qb.clone();
  const op = sort.direction === 'ASC' ? '>' : '<';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    if (value === null) {
      // NULLs sort first ascending in MySQL/MariaDB: after a NULL come the NULLs with a larger id, then every non-NULL.
      qb.andWhere(
        sort.direction === 'ASC'
          ? `((${sort.column} IS NULL AND ${alias}.id > :cursorId) OR ${sort.column} IS NOT NULL)`
          : `(${sort.column} IS NULL AND ${alias}.id < :cursorId)`,
        { cursorId: id },
      );
    } else {
      qb.andWhere(
        `(${sort.column} ${op} :cursorValue OR (${sort.column} = :cursorValue AND ${alias}.id ${op} :cursorId)` +
          (sort.direction === 'DESC' ? ` OR ${sort.column} IS NULL)` : ')'),
        { cursorValue: value, cursorId: id },
      );
    }
  }
  qb.orderBy(sort.column, sort.direction)
    .addOrderBy(`${alias}.id`, sort.direction)
    .take(undefined)
    .limit(size + 1);
  const rows = size === 0 ? [] : await qb.getMany();
  let total: Promise<number> | undefined;
  return pageOf(
    rows,
    size,
    args.after,
    (r) => encodeCursor(sort.value(r), r.id),
    () => (total ??= countQb.getCount()),
  );
}

/** The same pagination over rows already in memory (nested connections served by DataLoaders). */
/** Same order as `localeCompare(b, 'es', { numeric: true })`, without building a collator per comparison. */
const COLLATOR = new Intl.Collator('es', { numeric: true });

export function paginateArray<T extends { id: number }>(
  rows: readonly T[],
  sort: Omit<SortSpec<T>, 'column'>,
  args: PageArgs,
  maxPageSize: number,
): Page<T> {
  const size = pageSize(args, maxPageSize);
  const sign = sort.direction === 'ASC' ? 1 : -1;
  const cmp = (a: CursorValue, aId: number, b: CursorValue, bId: number): number => {
    if (a !== b) {
      if (a === null) return -1 * sign;
      if (b === null) return 1 * sign;
      if (typeof a === 'number' && typeof b === 'number') return (a - b) * sign;
      return COLLATOR.compare(String(a), String(b)) * sign;
    }
    return (aId - bId) * sign;
  };
  const sorted = [...rows].sort((x, y) => cmp(sort.value(x), x.id, sort.value(y), y.id));
  let start = 0;
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    start = sorted.findIndex((r) => cmp(sort.value(r), r.id, value, id) > 0);
    if (start < 0) start = sorted.length;
  }
  const window = sorted.slice(start, start + size + 1);
  return pageOf(
    window,
    size,
    args.after,
    (r) => encodeCursor(sort.value(r), r.id),
    () => rows.length,
  );
}
