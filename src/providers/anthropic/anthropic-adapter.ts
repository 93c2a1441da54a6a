import { UpstreamError } from '../../core/errors.js';
import type { UpstreamHttp } from '../http.js';
import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import { type RawPart, startProviderStream } from '../provider-stream.js';
import type { ChatRequest, HealthResult, ProviderAdapter, UpstreamTarget } from '../provider.js';
import { feedJsonEvents, SseParser } from '../sse.js';
import { readBody, upstreamHttpError } from '../vendor-error.js';
import { ANTHROPIC_VERSION, errorBodySchema, streamEventSchema } from './anthropic-wire.js';
import { type ConvertedRequest, convertToMessages } from './convert-request.js';
import { MessagesEventReader } from './read-events.js';

const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(streamEventSchema.options.map((option) => option.shape.type.value));

function apiRoot(target: UpstreamTarget): string {
  return (target.baseUrl ?? PROVIDER_DEFAULTS.anthropic.baseUrl ?? '').replace(/\/+$/, '');
}

function headers(target: UpstreamTarget): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'anthropic-version': ANTHROPIC_VERSION,
    ...(target.apiKey ? { 'x-api-key': target.apiKey } : {}),
  };
}

function vendorMessage(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return `${parsed.data.error.type}: ${parsed.data.error.message ?? ''}`.trim();
  return typeof body === 'string' ? body : undefined;
}

/**
 * The adapter for Anthropic's Messages API. `baseUrl` is the host (the SDK convention); the
 * adapter adds `/v1/messages`. The request is converted (convert-request.ts) before anything is
 * sent, so what Anthropic cannot carry fails as an InvalidInputError with no upstream call; the
 * event stream is read by MessagesEventReader (text, tool calls, thinking, usage, stop reason).
 */
export function createAnthropicAdapter(http: UpstreamHttp): ProviderAdapter {
  async function* openStream(
    { body, answerTool }: ConvertedRequest,
    request: ChatRequest,
    target: UpstreamTarget,
    signal: AbortSignal,
  ): AsyncGenerator<RawPart> {
    const response = await http.send(`${apiRoot(target)}/v1/messages`, {
      method: 'POST',
      headers: { ...headers(target), ...(request.requestId ? { 'x-request-id': request.requestId } : {}) },
      body: JSON.stringify(body),
      signal,
      connectTimeoutMs: target.timeouts.connectMs,
    });
    if (response.status >= 300) throw upstreamHttpError('anthropic', response, vendorMessage(await readBody(response)), target.apiKey);

    const reader = new MessagesEventReader(answerTool);
    const parser = new SseParser();
    const notJson = () =>
      new UpstreamError('anthropic sent an event that is not JSON', { reason: 'malformed', retryable: false, provider: 'anthropic' });
    for await (const bytes of response.body) {
      for (const json of feedJsonEvents(parser, bytes, notJson)) {
        const parsed = streamEventSchema.safeParse(json);
        if (!parsed.success) {
          const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
          if (typeof type === 'string' && !KNOWN_EVENT_TYPES.has(type)) continue; // an event type newer than this adapter
          throw new UpstreamError('anthropic sent an event of an unexpected shape', {
            reason: 'malformed',
            retryable: false,
            provider: 'anthropic',
          });
        }
        for (const part of reader.read(parsed.data)) {
          yield part;
          if (part.type === 'finish') return;
        }
      }
    }
    throw new UpstreamError('anthropic ended the stream before message_stop', { reason: 'stream', retryable: true, provider: 'anthropic' });
  }

  return {
    kind: 'anthropic',
    async stream(request, target, { signal }) {
      const converted = convertToMessages(request, target);
      return startProviderStream(request, target, signal, (s) => openStream(converted, request, target, s));
    },
    async checkHealth(target, { signal }): Promise<HealthResult> {
      const started = performance.now();
      const url = `${apiRoot(target)}/v1/models/${encodeURIComponent(target.upstreamModel)}`;
      const response = await http.send(url, {
        method: 'GET',
        headers: headers(target),
        signal,
        connectTimeoutMs: target.timeouts.connectMs,
      });
      const latencyMs = Math.round(performance.now() - started);
      const body = await readBody(response);
      if (response.status === 404)
        return { ok: false, latencyMs, message: `anthropic does not know the model ${target.upstreamModel} (404)` };
      if (response.status >= 400)
        return { ok: false, latencyMs, message: upstreamHttpError('anthropic', response, vendorMessage(body), target.apiKey).message };
      return { ok: true, latencyMs, message: `${target.upstreamModel} is known to GET /v1/models` };
    },
  };
}
