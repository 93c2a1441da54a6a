import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, type Dispatcher, errors as undiciErrors, request } from 'undici';
import { UpstreamError } from '../core/errors.js';
import { checkEndpointUrl, classifyAddress } from '../security/endpoint-policy.js';
import { endWithError, NO_TRACING, type Span, SpanKind, type Tracing } from '../observability/tracing.js';
import { httpClientAttributes, httpStatusAttributes } from '../observability/tracing-http.js';

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /**
   * The body as it arrives, chunk by chunk. A reader that stops early (an SSE stream's `[DONE]`, a
   * bad chunk) leaves the rest to be read and dropped in the background, so the keep-alive
   * connection goes back to the pool; a rest over 1 MiB closes the connection instead.
   */
  readonly body: AsyncIterable<Uint8Array>;
  /**
   * The body as text, at most `maxBytes` of it: past that the rest is not read and the connection
   * is closed, so that a vendor's 200 MB error page costs 64 KiB.
   */
  text(maxBytes: number): Promise<string>;
}

export interface UpstreamRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
  readonly connectTimeoutMs: number;
}

/** The HTTP client every adapter uses: keep-alive pools per origin, and the endpoint policy enforced at connect time. */
export interface UpstreamHttp {
  send(url: string, init: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

export interface UpstreamHttpOptions {
  readonly allowPrivateEndpoints: boolean;
  /** DNS resolution (tests inject one); defaults to the system resolver. */
  readonly lookup?: LookupFunction;
  /** Each call of a traced request is a CLIENT span, its context sent as `traceparent` (default: off). */
  readonly tracing?: Tracing;
}

/**
 * Wraps DNS resolution so that a host name resolving to a loopback, private or link-local
 * address is refused at the moment of connecting — the same resolution the socket then uses, so
 * a name cannot pass the check at registration and rebind to an internal address later.
 */
function guardedLookup(base: LookupFunction, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = Array.isArray(addresses) ? addresses : [{ address: String(addresses), family: 4 }];
      const blocked = allowPrivate ? undefined : list.find((a) => classifyAddress(a.address));
      if (blocked) {
        const refusal = Object.assign(
          new Error(
            `${hostname} resolves to ${blocked.address}, a ${classifyAddress(blocked.address)} address; set security.allowPrivateEndpoints: true to allow it`,
          ),
          { code: 'ENDPOINT_REFUSED' },
        );
        return callback(refusal, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      const first = list[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    });
  };
}

function describeNetworkError(error: unknown): { message: string; refused: boolean } {
  const causes: unknown[] = [];
  for (let e: unknown = error; e && causes.length < 5; e = (e as { cause?: unknown }).cause) causes.push(e);
  const refusal = causes.find((e) => (e as { code?: string }).code === 'ENDPOINT_REFUSED') as Error | undefined;
  if (refusal) return { message: refusal.message, refused: true };
  if (causes.some((e) => e instanceof undiciErrors.ConnectTimeoutError)) return { message: 'connect timeout', refused: false };
  const code = causes.map((e) => (e as { code?: string }).code).find(Boolean);
  return { message: code ?? (error instanceof Error ? error.message : 'network error'), refused: false };
}

const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * Iterates an undici body without Node's destroy-on-early-return, which builds an AbortError
 * (with its stack) for every stream left at `[DONE]` and throws the connection away: the rest is
 * drained in the background instead (undici's `dump`, which destroys past its limit).
 */
function releasingOnReturn(body: Dispatcher.ResponseData['body']): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const chunks = body.iterator({ destroyOnReturn: false });
      let read = 0;
      return {
        async next() {
          const result = await chunks.next();
          if (!result.done) read += (result.value as Uint8Array).byteLength;
          return result as IteratorResult<Uint8Array>;
        },
        async return() {
          await chunks.return?.();
          if (!body.readableEnded && !body.destroyed) body.dump({ limit: read + DRAIN_LIMIT_BYTES }).catch(() => undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Up to `maxBytes` of a body as UTF-8 text; a longer body is cut there and destroyed. */
async function readTextWithin(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    chunks.push(size + bytes.length > maxBytes ? bytes.subarray(0, maxBytes - size) : bytes);
    size += bytes.length;
    if (size >= maxBytes) break; // for-await's return() destroys the rest of the body
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Ends an upstream call's span once its body is done: the status, an error status (≥ 400) or a body cut short as its error. */
function endCall(span: Span | undefined, status: number, bodyError: Error | null): void {
  if (!span) return;
  span.setAttributes(httpStatusAttributes(status));
  if (bodyError) return endWithError(span, bodyError);
  if (status >= 400) return endWithError(span, Object.assign(new Error(`HTTP ${status}`), { name: String(status) }));
  span.end();
}

export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const lookup = guardedLookup(options.lookup ?? (dnsLookup as LookupFunction), options.allowPrivateEndpoints);
  const tracing = options.tracing ?? NO_TRACING;
  const agents = new Map<number, Agent>();
  const agentFor = (connectTimeoutMs: number) => {
    let agent = agents.get(connectTimeoutMs);
    if (!agent) {
      agent = new Agent({ connect: { timeout: connectTimeoutMs, lookup }, keepAliveTimeout: 30_000, connections: 256 });
      agents.set(connectTimeoutMs, agent);
    }
    return agent;
  };

  return {
    async send(url, init) {
      const problem = checkEndpointUrl(url, options.allowPrivateEndpoints);
      if (problem)
        throw new UpstreamError(`refused to call ${new URL(url).host}: ${problem}`, { retryable: false, reason: 'endpoint-policy' });
      const span = tracing.enabled ? tracing.startChild(init.method, SpanKind.CLIENT, httpClientAttributes(init.method, url)) : undefined;
      try {
        const response = await request(url, {
          method: init.method,
          headers: tracing.inject(span, init.headers),
          ...(init.body !== undefined ? { body: init.body } : {}),
          signal: init.signal,
          dispatcher: agentFor(init.connectTimeoutMs),
        });
        // Destroy the body the moment the caller aborts, so a reader waiting for the next chunk wakes at once.
        const destroy = () => response.body.destroy(new Error('aborted by the caller'));
        init.signal.addEventListener('abort', destroy, { once: true });
        response.body.once('close', () => {
          init.signal.removeEventListener('abort', destroy);
          endCall(span, response.statusCode, response.body.errored);
        });
        return {
          status: response.statusCode,
          headers: response.headers,
          body: releasingOnReturn(response.body),
          text: (maxBytes) => readTextWithin(response.body, maxBytes),
        };
      } catch (error) {
        endWithError(span, error);
        if (init.signal.aborted) throw error;
        const { message, refused } = describeNetworkError(error);
        throw new UpstreamError(`could not reach ${new URL(url).host}: ${message}`, {
          retryable: !refused,
          reason: refused ? 'endpoint-policy' : 'connect',
          cause: error,
        });
      }
    },
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };
}
