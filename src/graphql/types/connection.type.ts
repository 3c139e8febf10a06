import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Page } from '../../services/pagination';

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection', description: 'Ascending or descending order.' });

@ObjectType('PageInfo', { description: 'Where a page stands in its list (cursor pagination).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'This page was requested with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: 'Page size (default 50, at most the configured maximum, 1000 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (`pageInfo.endCursor`).' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Relay-style connection: `nodes` for simple clients, `edges` with cursors, `pageInfo` and `totalCount`. */
export function Connection<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => itemType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [itemType], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Pagination state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, across all pages.' })
    totalCount!: number | Promise<number>;
  }
  return ConnectionClass;
}

/** Turns a service page into the connection shape; `totalCount` runs only when selected (graphql calls the thunk lazily). */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    nodes: page.nodes,
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i] ?? '', node })),
    pageInfo: page.pageInfo,
    get totalCount() {
      return page.totalCount();
    },
  };
}
