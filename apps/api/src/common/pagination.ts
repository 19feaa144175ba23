import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { LIMITS } from '@gatehouse/shared';
import { errors } from './errors';
import { unstorableText } from './storable-text';
import { isUuid } from './validate';

/** `first` / `after` on every connection. `first` is 1..100: a client pages, it never bulk-dumps. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: LIMITS.defaultPageSize, description: 'How many items to return (1–100).' })
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.maxPageSize, { message: `first must be at most ${LIMITS.maxPageSize}; page with after instead` })
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(512, { message: 'after is not a cursor this server issued' })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

/** Sort-key values of the last row on a page; opaque to clients. */
export type CursorValues = (string | number | null)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** What one value of a cursor must be. Checked on decoding: a forged cursor reaches no statement. */
export type CursorPart = 'text' | 'uuid' | 'int' | 'date';

const CURSOR_PART: Record<CursorPart, (v: string) => boolean> = {
  text: (v) => unstorableText(v, 'cursor') === null,
  uuid: isUuid,
  // A 32-bit serial (audit_event.id): a larger number would be PostgreSQL's out-of-range error.
  int: (v) => /^\d{1,10}$/.test(v) && Number(v) <= 2_147_483_647,
  date: (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(new Date(v).getTime()),
};

/**
 * Decodes a cursor, refusing anything this server could not have issued: the wrong number of
 * values, or a value of the wrong shape (a number where an id belongs would otherwise reach
 * PostgreSQL as `invalid input syntax for type uuid`). Services decode before starting any query.
 */
export function decodeCursor<const T extends readonly CursorPart[]>(cursor: string, shape: T): { -readonly [K in keyof T]: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === shape.length && parsed.every((v, i) => typeof v === 'string' && CURSOR_PART[shape[i]!](v))) {
      return parsed as { -readonly [K in keyof T]: string };
    }
  } catch {
    // fall through to the error below
  }
  throw errors.badInput('after is not a cursor this server issued; start again without it.', 'INVALID_CURSOR');
}

export interface Page<T> {
  nodes: T[];
  /**
   * The cursor of nodes[i], encoded when asked: a page's edges rarely select their cursors (a
   * client pages on pageInfo.endCursor), and encoding every one showed in a page request's profile
   * (docs/performance.md).
   */
  cursor(i: number): string;
  hasNextPage: boolean;
  totalCount?: number;
}

/** A page with nothing on it. */
export const emptyPage = <T>(): Page<T> & { totalCount: number } => ({ nodes: [], cursor: () => '', hasNextPage: false, totalCount: 0 });

/**
 * Turns rows fetched with `LIMIT first + 1` into a page: the extra row only says a next page exists.
 */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => CursorValues): Page<T> {
  const nodes = rows.slice(0, first);
  return { nodes, cursor: (i) => encodeCursor(cursorOf(nodes[i]!)), hasNextPage: rows.length > first };
}

export interface ConnectionShape<TNode> {
  edges: { node: TNode; cursor: string }[];
  pageInfo: PageInfo;
}

/**
 * One edge of a page. Its cursor is a getter, so that it is encoded only when the client selected
 * it — on the class, not in an object literal: a getter written into a literal is a new closure
 * for every edge, and V8 gives each such object a hidden class of its own, which kept the whole
 * page alive past the next scavenge (docs/performance.md, "Garbage collection and the tail").
 */
class PageEdge<T, TNode> {
  constructor(
    readonly node: TNode,
    private readonly page: Page<T>,
    private readonly index: number,
  ) {}

  get cursor(): string {
    return this.page.cursor(this.index);
  }
}

/** A page's PageInfo, its end cursor encoded only when selected (as PageEdge's cursor). */
class LazyPageInfo<T> implements PageInfo {
  readonly hasNextPage: boolean;

  constructor(private readonly page: Page<T>) {
    this.hasNextPage = page.hasNextPage;
  }

  get endCursor(): string | null {
    const last = this.page.nodes.length - 1;
    return last >= 0 ? this.page.cursor(last) : null;
  }
}

/** Maps a page to the `{ edges, pageInfo }` shape every connection shares. */
export function toConnection<T, TNode>(page: Page<T>, map: (row: T) => TNode): ConnectionShape<TNode> {
  return { edges: page.nodes.map((row, i) => new PageEdge(map(row), page, i)), pageInfo: new LazyPageInfo(page) };
}

/** GraphQL `XEdge` type for a node type (`{ node, cursor }`). */
export function EdgeType<TNode extends object>(name: string, node: ClassType<TNode>) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => node)
    node: TNode;

    @Field({ description: 'Pass as `after` to continue after this item.' })
    cursor: string;
  }
  return Edge;
}
