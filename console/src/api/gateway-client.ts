import { type Client, createClient } from 'graphql-ws';
import type { TypedDocumentString } from '../gql/graphql';
import { type GatewayErrorShape, RequestError } from './errors';

/** Callbacks of a live operation. */
export interface LiveSink<T> {
  next(data: T): void;
  error?(error: RequestError): void;
  complete?(): void;
}

/**
 * The console's only way to the gateway: queries and mutations as POST /graphql, every live view
 * over graphql-ws on the same path, both with the API key (if any) as the gateway expects it —
 * the Authorization header, and `connectionParams.authorization`.
 */
export class GatewayClient {
  readonly #key: string | null;
  #ws: Client | null = null;

  constructor(key: string | null) {
    this.#key = key;
  }

  /** Runs a query or mutation; rejects with a RequestError carrying the gateway's errors. */
  async request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: V extends Record<string, never> ? [] | [V] : [V]): Promise<R> {
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(this.#key ? { authorization: `Bearer ${this.#key}` } : {}),
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
    } catch (error) {
      throw new RequestError([{ message: `the gateway cannot be reached (${error instanceof Error ? error.message : String(error)})` }]);
    }
    const body = (await response.json().catch(() => null)) as { data?: R | null; errors?: GatewayErrorShape[] } | null;
    if (!body) throw new RequestError([{ message: `the gateway answered HTTP ${response.status} without a GraphQL body` }]);
    if (body.errors?.length) throw new RequestError(body.errors);
    return body.data as R;
  }

  /** Starts a live view over graphql-ws (resubscribed after a reconnect); the answer stops it. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, sink: LiveSink<R>): () => void {
    return this.#run(this.#socket(), document, variables, sink);
  }

  /**
   * Runs an operation with effects (generateStream) on a WebSocket of its own that is never
   * reconnected: a dropped connection ends it with an error instead of running it a second time.
   */
  subscribeOnce<R, V>(document: TypedDocumentString<R, V>, variables: V, sink: LiveSink<R>): () => void {
    const socket = this.#connect(0);
    const end =
      <A extends unknown[]>(f: ((...args: A) => void) | undefined) =>
      (...args: A) => {
        f?.(...args);
        void socket.dispose();
      };
    const stop = this.#run(socket, document, variables, { next: sink.next, error: end(sink.error), complete: end(sink.complete) });
    return () => {
      stop();
      void socket.dispose();
    };
  }

  #run<R, V>(socket: Client, document: TypedDocumentString<R, V>, variables: V, sink: LiveSink<R>): () => void {
    return socket.subscribe<R>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) sink.error?.(new RequestError(result.errors as GatewayErrorShape[]));
          else if (result.data) sink.next(result.data);
        },
        error: (error) => sink.error?.(toRequestError(error)),
        complete: () => sink.complete?.(),
      },
    );
  }

  /** Closes the WebSocket (on sign-out). */
  dispose(): void {
    void this.#ws?.dispose();
    this.#ws = null;
  }

  #socket(): Client {
    // A gateway restarting: back off and reconnect; live views resume.
    this.#ws ??= this.#connect(30);
    return this.#ws;
  }

  #connect(retryAttempts: number): Client {
    return createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      connectionParams: this.#key ? { authorization: `Bearer ${this.#key}` } : {},
      retryAttempts,
      // A refused or revoked key (4401, 4403) is final: reconnecting would only be refused again.
      shouldRetry: (event) =>
        !(typeof event === 'object' && event !== null && 'code' in event && (event.code === 4401 || event.code === 4403)),
      keepAlive: 15_000,
    });
  }
}

function toRequestError(error: unknown): RequestError {
  if (Array.isArray(error)) return new RequestError(error as GatewayErrorShape[]);
  if (error instanceof RequestError) return error;
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) {
    const close = error as { code: number; reason: string };
    return new RequestError([
      {
        message: `the live connection closed (${close.code}${close.reason ? `: ${close.reason}` : ''})`,
        extensions: { code: close.code === 4401 || close.code === 4403 ? 'UNAUTHENTICATED' : 'NETWORK' },
      },
    ]);
  }
  return new RequestError([{ message: error instanceof Error ? error.message : String(error) }]);
}
