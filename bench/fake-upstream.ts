import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The function a tool-call upstream calls; its arguments are `{"q":" tok0 tok1 …"}`. */
export const BENCH_TOOL = {
  name: 'lookup',
  description: 'Looks the words up',
  parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
} as const;

/**
 * Anthropic's Messages stream of the same `tokens` ` tokN` text deltas: message_start, one text
 * block (content_block_start, a text_delta per token, content_block_stop), message_delta (end_turn,
 * usage), message_stop — each as an `event:` line and its `data:`, as Anthropic sends them.
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */
function anthropicStream(tokens: number): { head: string; deltas: string[]; tail: string; message: string } {
  const event = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const message = {
    id: 'msg_bench',
    type: 'message',
    role: 'assistant',
    model: 'bench-model',
    stop_sequence: null,
  };
  const head =
    event('message_start', {
      message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 10, output_tokens: 1 } },
    }) + event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  const deltas = Array.from({ length: tokens }, (_, i) =>
    event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: ` tok${i}` } }),
  );
  const tail =
    event('content_block_stop', { index: 0 }) +
    event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: tokens } }) +
    event('message_stop', {});
  const text = Array.from({ length: tokens }, (_, i) => ` tok${i}`).join('');
  const whole = JSON.stringify({
    ...message,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 10, output_tokens: tokens },
  });
  return { head, deltas, tail, message: whole };
}

/**
 * A fast OpenAI-compatible upstream for benchmarks: `GET /v1/models` and `POST
 * /v1/chat/completions` — streamed (`"stream": true`) as `tokens` chunks (plus usage), `delayMs`
 * before each, else one JSON completion with the same text. With no delay the whole stream is one
 * write, so the upstream costs as little as possible. With `toolCall`, the answer is one call of
 * BENCH_TOOL streamed as OpenAI streams it: the first chunk carries the call's id and name, then
 * `{"q":"`, one ` tokN` argument fragment per token chunk, `"}`, finish_reason `tool_calls`.
 * With `format: 'anthropic'` it speaks Anthropic's Messages API instead: `POST /v1/messages`
 * streamed as anthropicStream (the same `tokens` text deltas, `delayMs` before each) or one message,
 * and `GET /v1/models/{id}` (the adapter's health check).
 */
export async function startBenchUpstream(options: {
  tokens: number;
  delayMs: number;
  toolCall?: boolean;
  format?: 'openai' | 'anthropic';
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const fragment = (args: string) => ({ tool_calls: [{ index: 0, function: { arguments: args } }] });
  const tokens = Array.from({ length: options.tokens }, (_, i) =>
    chunk(options.toolCall ? fragment(` tok${i}`) : { content: ` tok${i}` }, null),
  );
  const head = options.toolCall
    ? chunk(
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ index: 0, id: 'call_bench', type: 'function', function: { name: BENCH_TOOL.name, arguments: '' } }],
        },
        null,
      ) + chunk(fragment('{"q":"'), null)
    : chunk({ role: 'assistant', content: '' }, null);
  const tail =
    (options.toolCall ? chunk(fragment('"}'), null) + chunk({}, 'tool_calls') : chunk({}, 'stop')) +
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [], usage: { prompt_tokens: 10, completion_tokens: options.tokens } })}\n\n` +
    'data: [DONE]\n\n';
  const anthropic = options.format === 'anthropic' ? anthropicStream(options.tokens) : undefined;
  const streamed = anthropic ? { head: anthropic.head, parts: anthropic.deltas, tail: anthropic.tail } : { head, parts: tokens, tail };
  const whole = streamed.head + streamed.parts.join('') + streamed.tail;
  const text = Array.from({ length: options.tokens }, (_, i) => ` tok${i}`).join('');
  const completion = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'bench-model',
    choices: [
      options.toolCall
        ? {
            index: 0,
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                { id: 'call_bench', type: 'function', function: { name: BENCH_TOOL.name, arguments: JSON.stringify({ q: text }) } },
              ],
            },
            finish_reason: 'tool_calls',
          }
        : { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
    ],
    usage: { prompt_tokens: 10, completion_tokens: options.tokens, total_tokens: 10 + options.tokens },
  });
  const models = JSON.stringify({ object: 'list', data: [{ id: 'bench-model' }] });

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(models);
      return;
    }
    if (anthropic && req.method === 'GET' && req.url?.startsWith('/v1/models/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'model', id: 'bench-model' }));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (!/"stream"\s*:\s*true/.test(body)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(anthropic?.message ?? completion);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (options.delayMs <= 0) {
        res.end(whole);
        return;
      }
      res.write(streamed.head);
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i < streamed.parts.length) {
          res.write(streamed.parts[i++]);
          setTimeout(next, options.delayMs);
        } else res.end(streamed.tail);
      };
      setTimeout(next, options.delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
