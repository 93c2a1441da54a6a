import { request } from 'undici';
import WebSocket from 'ws';
import { BENCH_TOOL } from './fake-upstream.js';
import { agent } from './load.js';
import { quantile } from './stats.js';

/** One stream as a client saw it: ms to the first token and to the end, and the tokens (` tokN`) in its text. */
export interface StreamTiming {
  firstTokenMs: number;
  totalMs: number;
  tokens: number;
}

/** Starts one stream and reads it to the end. */
export type StreamOnce = () => Promise<StreamTiming>;

/** The bench upstream's tokens are ` tok0`, ` tok1` …: how many a piece of text carries. */
const countTokens = (text: string) => text.match(/ tok\d+/g)?.length ?? 0;

/** POSTs `body` and reads the SSE answer; `tokenText` gives the text of a `data:` payload that carries tokens ('' if none). */
async function readSse(
  url: string,
  headers: Record<string, string>,
  body: string,
  tokenText: (data: string) => string,
): Promise<StreamTiming> {
  const started = performance.now();
  const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${await response.body.text()}`);
  let firstTokenMs = Number.NaN;
  let tokens = 0;
  let rest = '';
  for await (const chunk of response.body) {
    rest += chunk.toString();
    let end = rest.indexOf('\n\n');
    while (end !== -1) {
      const event = rest.slice(0, end);
      rest = rest.slice(end + 2);
      const data =
        event
          .split('\n')
          .find((line) => line.startsWith('data:'))
          ?.slice(5)
          .trim() ?? '';
      const found = data ? countTokens(tokenText(data)) : 0;
      if (found > 0) {
        if (Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - started;
        tokens += found;
      }
      end = rest.indexOf('\n\n');
    }
  }
  return { firstTokenMs, totalMs: performance.now() - started, tokens };
}

const STREAM =
  'subscription($m: ID) { generateStream(input: { model: $m, prompt: "hello bench" }) { __typename ... on TokenDelta { text index chunks costUsd } } }';

/** The same with the bench tool offered: the tool-call fragments arrive as ToolCallDelta events (their argumentsDelta carry the tokens). */
const TOOL_STREAM =
  'subscription($m: ID, $t: [ToolInput!]) { generateStream(input: { model: $m, prompt: "hello bench", tools: $t }) { __typename ... on TokenDelta { text index chunks costUsd } ... on ToolCallDelta { index id name argumentsDelta costUsd } } }';

/** A stream's request: plain, or offering the bench tool (the upstream then streams a call of it). */
export type StreamKind = 'text' | 'tool-call';

const subscription = (model: string, kind: StreamKind) =>
  kind === 'tool-call' ? { query: TOOL_STREAM, variables: { m: model, t: [BENCH_TOOL] } } : { query: STREAM, variables: { m: model } };

/** The OpenAI chat body both OpenAI routes are sent: the bench tool offered for a tool call. */
const chatBody = (model: string, kind: StreamKind) =>
  JSON.stringify({
    model,
    stream: true,
    messages: [{ role: 'user', content: 'hello bench' }],
    ...(kind === 'tool-call' ? { tools: [{ type: 'function', function: BENCH_TOOL }] } : {}),
  });

/** Switchyard's `generateStream` over GraphQL over SSE (Yoga), on `model`. */
export function switchyardSse(baseUrl: string, model: string, kind: StreamKind = 'text'): StreamOnce {
  const body = JSON.stringify(subscription(model, kind));
  const headers = { 'content-type': 'application/json', accept: 'text/event-stream' };
  return () =>
    readSse(`${baseUrl}/graphql`, headers, body, (data) => (data.includes('"TokenDelta"') || data.includes('"ToolCallDelta"') ? data : ''));
}

/** Portkey's OpenAI-compatible streaming chat completion, forwarded to `upstreamUrl`. */
export function peerSse(peerUrl: string, upstreamUrl: string, kind: StreamKind = 'text'): StreamOnce {
  const body = chatBody('bench-model', kind);
  return () => readSse(`${peerUrl}/v1/chat/completions`, peerHeaders(upstreamUrl), body, (data) => (data.startsWith('{') ? data : ''));
}

/** Switchyard's OpenAI-compatible streaming chat completion (/v1/chat/completions), on `model`. */
export function switchyardOpenAISse(baseUrl: string, model: string, kind: StreamKind = 'text'): StreamOnce {
  const body = chatBody(model, kind);
  return () =>
    readSse(`${baseUrl}/v1/chat/completions`, { 'content-type': 'application/json' }, body, (data) => (data.startsWith('{') ? data : ''));
}

/** The Anthropic Messages body both Anthropic routes are sent (max_tokens is required by the API). */
const messagesBody = (model: string) =>
  JSON.stringify({ model, max_tokens: 1024, stream: true, messages: [{ role: 'user', content: 'hello bench' }] });

/** Tokens of an Anthropic stream ride in its `text_delta` events. */
const textDelta = (data: string) => (data.includes('"text_delta"') ? data : '');

/** Switchyard's Anthropic Messages route (POST /v1/messages, stream: true), on `model`. */
export function switchyardMessagesSse(baseUrl: string, model: string): StreamOnce {
  const body = messagesBody(model);
  const headers = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' };
  return () => readSse(`${baseUrl}/v1/messages`, headers, body, textDelta);
}

/** Portkey's Anthropic Messages route (POST /v1/messages), forwarded to `upstreamUrl` as its Anthropic provider. */
export function peerMessagesSse(peerUrl: string, upstreamUrl: string): StreamOnce {
  const body = messagesBody('bench-model');
  return () => readSse(`${peerUrl}/v1/messages`, peerMessagesHeaders(upstreamUrl), body, textDelta);
}

/**
 * The headers that send a Portkey request to an Anthropic-format upstream: its anthropic provider
 * (base URL `https://api.anthropic.com/v1`, endpoint `/messages`) with the upstream as custom host.
 */
export function peerMessagesHeaders(upstreamUrl: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-api-key': 'sk-ant-bench',
    'anthropic-version': '2023-06-01',
    'x-portkey-provider': 'anthropic',
    'x-portkey-custom-host': `${upstreamUrl}/v1`,
  };
}

/** The upstream itself, streamed: what either gateway adds is measured against this. */
export function directSse(upstreamUrl: string): StreamOnce {
  const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'hello bench' }] });
  return () =>
    readSse(`${upstreamUrl}/v1/chat/completions`, { 'content-type': 'application/json' }, body, (data) =>
      data.startsWith('{') ? data : '',
    );
}

/** The headers that send a Portkey request to the bench upstream as an OpenAI provider. */
export function peerHeaders(upstreamUrl: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: 'Bearer sk-bench',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': `${upstreamUrl}/v1`,
  };
}

/**
 * Switchyard's `generateStream` over graphql-ws, with a lean client: one WebSocket (graphql-transport-ws)
 * per stream slot, each message parsed once. Answers a StreamOnce for that socket and its close.
 * `streamOf` streams another model or kind over the same socket (one stream at a time per socket).
 * Tokens are counted in TokenDelta text and ToolCallDelta argument fragments alike.
 */
export async function switchyardWs(
  baseUrl: string,
  model: string,
  kind: StreamKind = 'text',
): Promise<{ stream: StreamOnce; streamOf(model: string, kind: StreamKind): StreamOnce; close(): void }> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.once('message', (data) => (String(data).includes('connection_ack') ? resolve() : reject(new Error(String(data)))));
  });
  let nextId = 0;
  let current:
    | {
        id: string;
        onMessage(message: {
          type: string;
          payload?: { data?: { generateStream?: { __typename: string; text?: string; argumentsDelta?: string } }; errors?: unknown };
        }): void;
      }
    | undefined;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: string; type: string };
    if (current && message.id === current.id) current.onMessage(message);
  });
  const streamOf = (model: string, kind: StreamKind): StreamOnce => {
    const payload = subscription(model, kind);
    return () =>
      new Promise((resolve, reject) => {
        const id = String(++nextId);
        const started = performance.now();
        let firstTokenMs = Number.NaN;
        let tokens = 0;
        current = {
          id,
          onMessage(message) {
            if (message.type === 'next') {
              const event = message.payload?.data?.generateStream;
              if (!event) return reject(new Error(JSON.stringify(message.payload?.errors ?? message)));
              const found =
                event.__typename === 'TokenDelta'
                  ? countTokens(event.text ?? '')
                  : event.__typename === 'ToolCallDelta'
                    ? countTokens(event.argumentsDelta ?? '')
                    : 0;
              if (found > 0) {
                if (Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - started;
                tokens += found;
              }
            } else if (message.type === 'complete') resolve({ firstTokenMs, totalMs: performance.now() - started, tokens });
            else reject(new Error(JSON.stringify(message)));
          },
        };
        socket.send(JSON.stringify({ id, type: 'subscribe', payload }));
      });
  };
  return { stream: streamOf(model, kind), streamOf, close: () => socket.close(1000) };
}

/** What a closed-loop run measured. */
export interface LoopResult {
  streamsPerSecond: number;
  totalP50: number;
  firstP50: number;
  /** Streams that failed, or ended with other than `expectedTokens` tokens. */
  errors: number;
}

/**
 * `streams.length` clients, each starting its next stream when its last one ended, for `seconds`.
 * A stream that fails or does not carry `expectedTokens` tokens (every token relayed) counts as an error.
 */
export async function closedLoop(streams: readonly StreamOnce[], seconds: number, expectedTokens: number): Promise<LoopResult> {
  const until = performance.now() + seconds * 1000;
  const totals: number[] = [];
  const firsts: number[] = [];
  let errors = 0;
  await Promise.all(
    streams.map(async (stream) => {
      while (performance.now() < until) {
        try {
          const r = await stream();
          if (r.tokens !== expectedTokens) errors++;
          else {
            totals.push(r.totalMs);
            firsts.push(r.firstTokenMs);
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  return { streamsPerSecond: totals.length / seconds, totalP50: quantile(totals, 0.5), firstP50: quantile(firsts, 0.5), errors };
}
