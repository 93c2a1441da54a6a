import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fast OpenAI-compatible upstream for benchmarks: `GET /v1/models` and `POST
 * /v1/chat/completions` — streamed (`"stream": true`) as `tokens` chunks (plus usage), `delayMs`
 * before each, else one JSON completion with the same text. With no delay the whole stream is one
 * write, so the upstream costs as little as possible.
 */
export async function startBenchUpstream(options: {
  tokens: number;
  delayMs: number;
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const tokens = Array.from({ length: options.tokens }, (_, i) => chunk({ content: ` tok${i}` }, null));
  const head = chunk({ role: 'assistant', content: '' }, null);
  const tail =
    chunk({}, 'stop') +
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench-model', choices: [], usage: { prompt_tokens: 10, completion_tokens: options.tokens } })}\n\n` +
    'data: [DONE]\n\n';
  const whole = head + tokens.join('') + tail;
  const completion = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'bench-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: Array.from({ length: options.tokens }, (_, i) => ` tok${i}`).join('') },
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: options.tokens, total_tokens: 10 + options.tokens },
  });
  const models = JSON.stringify({ object: 'list', data: [{ id: 'bench-model' }] });

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(models);
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (!/"stream"\s*:\s*true/.test(body)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(completion);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (options.delayMs <= 0) {
        res.end(whole);
        return;
      }
      res.write(head);
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i < tokens.length) {
          res.write(tokens[i++]);
          setTimeout(next, options.delayMs);
        } else res.end(tail);
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
