import { useCallback, useEffect, useRef, useState } from 'react';
import { RequestError } from '../../api/errors';
import type { GatewayClient } from '../../api/gateway-client';
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
/** How long announced generations gather before they are fetched, and how many are fetched one by one (more: the newest page). */
const LIVE_BATCH_MS = 250;
const LIVE_BY_ID = 3;

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
 * Bounded: pages of PAGE_SIZE, at most MAX_ROWS rows, and at most LIVE_BY_ID fetches (or one
 * page) every LIVE_BATCH_MS however busy the gateway is.
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
    announced.current = [];
    void fetchPage(null, list);
  }, [fetchPage, generation]);

  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  /** Rows found live, merged in newest first (those already shown skipped). */
  const addLive = (found: readonly { row: RequestRowFragment; cursor: string | null }[], list: number) => {
    if (current.current !== list || found.length === 0) return;
    if (rowsRef.current.length + found.length > MAX_ROWS) setHasMore(true);
    setRows((shown) => {
      const known = new Set(shown.map((r) => r.row.id));
      const fresh = found.filter((f) => !known.has(f.row.id)).map((f) => ({ ...f, live: true }));
      return [...fresh, ...shown].sort((a, b) => b.row.createdAt.localeCompare(a.row.createdAt)).slice(0, MAX_ROWS);
    });
  };

  // The generations announced live, fetched together every LIVE_BATCH_MS: a few by id, a burst as the newest page.
  const announced = useRef<string[]>([]);
  const flushTimer = useRef<number | null>(null);
  useEffect(() => () => window.clearTimeout(flushTimer.current ?? undefined), []);
  const flush = async (list: number) => {
    flushTimer.current = null;
    const ids = announced.current.splice(0);
    if (ids.length === 0 || key === null || current.current !== list) return;
    const filter = JSON.parse(key) as GenerationFilter;
    if (ids.length > LIVE_BY_ID) {
      const { generations } = await client.request(RequestsDocument, { filter, first: PAGE_SIZE, after: null });
      addLive(
        generations.edges.map((e) => ({ row: e.node, cursor: e.cursor })),
        list,
      );
      return;
    }
    const found = await Promise.all(
      ids.map(async (id) => {
        const { generation: row } = await client.request(RequestRowDocument, { id });
        if (!row || !rowMatches(filtersRef.current, row) || !(await searchFinds(client, filter, row))) return null;
        return { row, cursor: null };
      }),
    );
    addLive(
      found.filter((f) => f !== null),
      list,
    );
  };
  const liveError = useSubscription(
    RequestUsageDocument,
    { apiKeyId: filters.apiKeyId || null },
    ({ usageUpdated }) => {
      if (!announcedMatches(filtersRef.current, usageUpdated)) return;
      announced.current.push(usageUpdated.generationId);
      if (flushTimer.current !== null) return;
      const list = current.current;
      flushTimer.current = window.setTimeout(() => void flush(list).catch(fail), LIVE_BATCH_MS);
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

/**
 * Whether the gateway's search (a filter's `search`) finds a row that arrived live: the same
 * filter asked for the row's own millisecond. True when the filter has no search.
 */
async function searchFinds(client: GatewayClient, filter: GenerationFilter, row: RequestRowFragment): Promise<boolean> {
  if (!filter.search) return true;
  const at = new Date(row.createdAt).getTime();
  const { generations } = await client.request(RequestsDocument, {
    filter: { ...filter, since: new Date(at).toISOString(), until: new Date(at + 1).toISOString() },
    first: PAGE_SIZE,
    after: null,
  });
  return generations.edges.some((e) => e.node.id === row.id);
}
