import { createClient, type Client } from 'graphql-ws';
import { Agent, request } from 'undici';
import WebSocket from 'ws';

export const agent = new Agent({ connections: 256, keepAliveTimeout: 60_000 });

export const GENERATE = JSON.stringify({ query: 'mutation { generate(input: { prompt: "hello bench" }) { id } }' });
export const STREAM_QUERY =
  'subscription($m: ID) { generateStream(input: { model: $m, prompt: "hello bench" }) { __typename ... on TokenDelta { text chunks } } }';

/** One HTTP POST (JSON unless `headers` say otherwise), timed to the end of its body; throws unless it answered 200 without GraphQL errors. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<number> {
  const started = performance.now();
  const response = await request(url, { method: 'POST', body, headers, dispatcher: agent });
  const text = await response.body.text();
  if (response.statusCode !== 200 || text.includes('"errors"'))
    throw new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 200)}`);
  return performance.now() - started;
}

/** Direct to the upstream: full stream time and time to the first token chunk. */
export async function directStream(upstreamUrl: string): Promise<{ totalMs: number; firstTokenMs: number }> {
  const started = performance.now();
  const body = JSON.stringify({
    model: 'bench-model',
    messages: [{ role: 'user', content: 'hello bench' }],
    max_tokens: 100,
    stream: true,
    stream_options: { include_usage: true },
  });
  const response = await request(`${upstreamUrl}/v1/chat/completions`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    dispatcher: agent,
  });
  let firstTokenMs = Number.NaN;
  for await (const chunk of response.body) {
    if (Number.isNaN(firstTokenMs) && String(chunk).includes('tok0')) firstTokenMs = performance.now() - started;
  }
  return { totalMs: performance.now() - started, firstTokenMs };
}

export function wsClient(baseUrl: string): Client {
  return createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
}

/** One generateStream over an open connection: time to the first TokenDelta and to the end, and the tokens (upstream chunks) received. */
export async function streamOnce(client: Client, model?: string): Promise<{ firstTokenMs: number; totalMs: number; tokens: number }> {
  const started = performance.now();
  let firstTokenMs = Number.NaN;
  let tokens = 0;
  for await (const result of client.iterate({ query: STREAM_QUERY, variables: model ? { m: model } : {} })) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const event = (result.data as { generateStream: { __typename: string; chunks?: number } }).generateStream;
    if (event.__typename === 'TokenDelta') {
      if (Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - started;
      tokens += event.chunks ?? 1; // a delta carries one or more upstream chunks (one token each here)
    }
  }
  return { firstTokenMs, totalMs: performance.now() - started, tokens };
}

/**
 * A lean graphql-transport-ws client for fan-out figures: one connection carrying `count`
 * subscriptions of `query`, calling `onNext` for each `next` message without parsing it (the
 * full client's per-message parsing and validation would be measured as well otherwise, on the
 * same cores as the gateway). Errors and early completes reject `ready` or are thrown to `onError`.
 */
export async function leanSubscriptions(
  baseUrl: string,
  count: number,
  query: string,
  onNext: () => void,
  onError: (message: string) => void,
  connectionParams: Record<string, unknown> = {},
): Promise<{ close(): void }> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.once('message', (data) => (String(data).includes('connection_ack') ? resolve() : reject(new Error(String(data)))));
  });
  socket.on('message', (data) => {
    const text = String(data);
    if (text.includes('"type":"next"') && !text.includes('"errors"')) onNext();
    else if (!text.includes('"type":"complete"')) onError(text.slice(0, 300));
  });
  for (let id = 1; id <= count; id++) socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query } }));
  return { close: () => socket.close(1000) };
}
