export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export interface ListOptions {
  /** nodes per request, 1–100; default 100 */
  pageSize?: number;
  /** start after this cursor (from an earlier page's `pageInfo.endCursor`) */
  after?: string | null;
  /** stop after this many nodes in total */
  limit?: number;
}

export type FetchPage<T> = (args: { first: number; after: string | null }) => Promise<Page<T>>;

/**
 * Every node of a connection, fetched a page at a time as you iterate:
 *
 *   for await (const item of client.cases.list({ filter })) …
 *
 * `pages()` yields whole pages; `toArray()` collects everything (mind the size).
 */
export class PageIterator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly options: ListOptions = {},
  ) {}

  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const pageSize = Math.min(100, Math.max(1, this.options.pageSize ?? 100));
    let after = this.options.after ?? null;
    let remaining = this.options.limit ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const page = await this.fetchPage({ first: Math.min(pageSize, remaining), after });
      const nodes = page.nodes.slice(0, remaining);
      remaining -= nodes.length;
      yield { nodes, pageInfo: page.pageInfo };
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.nodes.length === 0) return;
      after = page.pageInfo.endCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.nodes;
  }

  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const node of this) all.push(node);
    return all;
  }
}

/** Flattens a Relay connection (`edges { node }`) into a page. */
export function toPage<T>(connection: { edges: { node: T }[]; pageInfo: PageInfo }): Page<T> {
  return { nodes: connection.edges.map((edge) => edge.node), pageInfo: connection.pageInfo };
}
