import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestError } from '../../api/errors';
import { useSession, useSubscription } from '../../api/hooks';
import type { GenerationFilter, RequestRowFragment } from '../../gql/graphql';
import { announcedMatches, type RequestFilters, rowMatches } from './request-filters';
import { RequestRowDocument, RequestsDocument, RequestUsageDocument } from './request-documents';

/** Rows a page asks for. */
export const PAGE_SIZE = 50;
/**
 * The most rows the list holds: live arrivals push the oldest out; past it, the next older page
 * replaces the list (which then is not live until it is back at the newest).
 */
export const MAX_ROWS = 200;

export interface ListedRequest {
  readonly row: RequestRowFragment;
  /** The row's place for the next page; null for a row that arrived live. */
  readonly cursor: string | null;
  /** Arrived through the live subscription since the list was loaded. */
  readonly live: boolean;
}

export interface RequestList {
  readonly rows: readonly ListedRequest[];
  readonly loading: boolean;
  readonly error: RequestError | null;
  /** More rows past the last one; `loadMore` gets the next page (or, with no cursor to go on, the first again). */
  readonly hasMore: boolean;
  /** The list shows an older page, not the newest requests: nothing is added live. */
  readonly older: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * The list under a filter: the first page, further pages on demand, and every generation stored
 * since (the `usageUpdated` subscription, then the row fetched by id) added on top if it matches.
 * Bounded: pages of PAGE_SIZE, at most MAX_ROWS rows.
 */
export function useRequestList(filters: RequestFilters, filter: GenerationFilter | null, live: boolean): RequestList {
  const { client } = useSession();
  const [rows, setRows] = useState<readonly ListedRequest[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [older, setOlder] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = filter ? JSON.stringify(filter) : null;
  // The request in flight belongs to this list (filters change → a new list; late answers are dropped).
  const current = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const fail = useCallback((caught: unknown) => setError(toRequestError(caught)), []);

  const fetchPage = useCallback(
    async (after: string | null, list: number, replace = false) => {
      if (key === null) return;
      setLoading(true);
      try {
        const { generations } = await client.request(RequestsDocument, {
          filter: JSON.parse(key) as GenerationFilter,
          first: PAGE_SIZE,
          after,
        });
        if (current.current !== list) return;
        const page = generations.edges.map((e) => ({ row: e.node, cursor: e.cursor, live: false }));
        setRows((shown) => {
          const known = new Set(shown.map((r) => r.row.id));
          const merged = after === null || replace ? page : [...shown, ...page.filter((r) => !known.has(r.row.id))];
          return merged.slice(0, MAX_ROWS);
        });
        setHasMore(generations.pageInfo.hasNextPage);
        if (replace) setOlder(true);
        setError(null);
      } catch (caught) {
        if (current.current === list) fail(caught);
      } finally {
        if (current.current === list) setLoading(false);
      }
    },
    [client, key, fail],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is reload()'s trigger
  useEffect(() => {
    const list = ++current.current;
    setRows([]);
    setHasMore(false);
    setOlder(false);
    void fetchPage(null, list);
  }, [fetchPage, generation]);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const liveError = useSubscription(
    RequestUsageDocument,
    { apiKeyId: filters.apiKeyId || null },
    ({ usageUpdated }) => {
      if (!announcedMatches(filtersRef.current, usageUpdated)) return;
      const list = current.current;
      client.request(RequestRowDocument, { id: usageUpdated.generationId }).then(({ generation: row }) => {
        if (!row || current.current !== list || !rowMatches(filtersRef.current, row)) return;
        setRows((shown) => {
          if (shown.some((r) => r.row.id === row.id)) return shown;
          const next = [{ row, cursor: null, live: true }, ...shown];
          if (next.length > MAX_ROWS) setHasMore(true);
          return next.slice(0, MAX_ROWS);
        });
      }, fail);
    },
    { skip: !live || older || key === null },
  );

  const loadMore = () => {
    const shown = rowsRef.current;
    const last = shown.at(-1);
    // Rows arrived live carry no cursor: with only those left, start again from the newest page.
    if (last?.cursor) void fetchPage(last.cursor, current.current, shown.length + PAGE_SIZE > MAX_ROWS);
    else setGeneration((n) => n + 1);
  };
  return { rows, loading, error: error ?? liveError, hasMore, older, loadMore, reload: () => setGeneration((n) => n + 1) };
}

function toRequestError(caught: unknown): RequestError {
  return caught instanceof RequestError ? caught : new RequestError([{ message: String(caught) }]);
}
