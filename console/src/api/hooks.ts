import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import type { ViewerQuery } from '../gql/graphql';
import { RequestError } from './errors';
import type { GatewayClient } from './gateway-client';

export type Viewer = ViewerQuery['viewer'];

/** The signed-in client and who the gateway takes it for. */
export interface ConsoleSession {
  readonly client: GatewayClient;
  readonly viewer: Viewer;
  readonly isAdmin: boolean;
  signOut(): void;
}

export const SessionContext = createContext<ConsoleSession | null>(null);

export function useSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in console');
  return session;
}

export interface QueryState<R> {
  data: R | null;
  error: RequestError | null;
  loading: boolean;
  /** Runs the query again (keeps showing the last data meanwhile). */
  refetch(): void;
}

/** Runs a query when the view opens and whenever its variables change (compared as JSON). */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const { client } = useSession();
  const [state, setState] = useState<{ data: R | null; error: RequestError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !options.skip,
  });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is refetch()'s trigger, read by no line of the effect
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    (client.request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, JSON.parse(key) as V).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current &&
        setState((s) => ({
          data: s.data,
          error: error instanceof RequestError ? error : new RequestError([{ message: String(error) }]),
          loading: false,
        })),
    );
    return () => {
      current = false;
    };
  }, [client, document, key, tick, options.skip]);
  const refetch = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, refetch };
}

/**
 * A live operation for as long as the component shows it (and its variables stay the same). The
 * handler may change between renders without restarting the subscription.
 */
export function useSubscription<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R) => void,
  options: { skip?: boolean } = {},
): RequestError | null {
  const { client } = useSession();
  const handler = useRef(onData);
  handler.current = onData;
  const [error, setError] = useState<RequestError | null>(null);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    setError(null);
    return client.subscribe(document, JSON.parse(key) as V, { next: (data) => handler.current(data), error: setError });
  }, [client, document, key, options.skip]);
  return error;
}

/** A mutation's state: run it, and read its last error (field errors for BAD_USER_INPUT). */
export function useMutation<R, V>(
  document: TypedDocumentString<R, V>,
): { run(variables: V): Promise<R | null>; error: RequestError | null; running: boolean; reset(): void } {
  const { client } = useSession();
  const [error, setError] = useState<RequestError | null>(null);
  const [running, setRunning] = useState(false);
  const run = useCallback(
    async (variables: V) => {
      setRunning(true);
      setError(null);
      try {
        return await (client.request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, variables);
      } catch (caught) {
        setError(caught instanceof RequestError ? caught : new RequestError([{ message: String(caught) }]));
        return null;
      } finally {
        setRunning(false);
      }
    },
    [client, document],
  );
  return { run, error, running, reset: () => setError(null) };
}
