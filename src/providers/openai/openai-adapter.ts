import { UpstreamError } from '../../core/errors.js';
import type { UpstreamHttp } from '../http.js';
import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import type { ProviderKind } from '../../core/records/model.js';
import { type RawPart, startProviderStream } from '../provider-stream.js';
import type { ChatRequest, HealthResult, ProviderAdapter, UpstreamTarget } from '../provider.js';
import { SseParser } from '../sse.js';
import { MAX_LIST_BODY_BYTES, readBody, redactSecrets, upstreamHttpError } from '../vendor-error.js';
import { convertToChatCompletions } from './convert-request.js';
import { mapOpenAIFinishReason } from './map-finish-reason.js';
import { errorBodySchema, modelListSchema, readChatChunk } from './openai-wire.js';

function apiRoot(kind: ProviderKind, target: UpstreamTarget): string {
  const root = target.baseUrl ?? PROVIDER_DEFAULTS[kind].baseUrl;
  if (!root) throw new UpstreamError(`${target.modelId}: no baseUrl configured`, { retryable: false, reason: 'config' });
  return root.replace(/\/+$/, '');
}

function headers(target: UpstreamTarget): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}),
  };
}

function vendorMessage(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return typeof body === 'string' ? body : undefined;
  return typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
}

/**
 * The adapter for OpenAI's Chat Completions protocol, shared by `openai`, `openai-compatible`
 * (Ollama, vLLM, TGI, llama.cpp, Together, Groq …), `dashscope` (Qwen's compatible mode) and
 * `qianfan` (ERNIE's v2 API): they differ only in their default endpoint and key variable.
 * `baseUrl` follows the OpenAI SDK convention (`…/v1`); the adapter adds `/chat/completions`.
 */
export function createOpenAICompatibleAdapter(kind: ProviderKind, http: UpstreamHttp): ProviderAdapter {
  async function* openStream(request: ChatRequest, target: UpstreamTarget, signal: AbortSignal): AsyncGenerator<RawPart> {
    const response = await http.send(`${apiRoot(kind, target)}/chat/completions`, {
      method: 'POST',
      headers: { ...headers(target), ...(request.requestId ? { 'x-request-id': request.requestId } : {}) },
      body: JSON.stringify(convertToChatCompletions(request, target)),
      signal,
      connectTimeoutMs: target.timeouts.connectMs,
    });
    if (response.status >= 300) throw upstreamHttpError(kind, response, vendorMessage(await readBody(response)), target.apiKey);

    let finishReason: string | null | undefined;
    let usage: { inputTokens?: number; outputTokens?: number } | undefined;
    let done = false;
    let started = false;
    const parser = new SseParser();
    read: for await (const bytes of response.body) {
      for (const event of parser.feed(bytes)) {
        if (event.data === '[DONE]') {
          done = true;
          break read; // the rest of the body is drained in the background
        }
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch {
          throw new UpstreamError(`${kind} sent a chunk that is not JSON`, { reason: 'malformed', retryable: false, provider: kind });
        }
        // Check for the key first: a failed zod parse (every normal chunk) costs an issue list per chunk.
        const error = typeof json === 'object' && json !== null && 'error' in json ? errorBodySchema.safeParse(json) : undefined;
        if (error?.success)
          throw new UpstreamError(`${kind} failed mid-stream: ${redactSecrets(vendorMessage(json) ?? 'unknown error', target.apiKey)}`, {
            reason: 'stream',
            retryable: true,
            provider: kind,
          });
        const chunk = readChatChunk(json);
        if (!chunk)
          throw new UpstreamError(`${kind} sent a chunk of an unexpected shape`, { reason: 'malformed', retryable: false, provider: kind });
        if (!started) {
          started = true;
          yield { type: 'start', ...(chunk.model ? { upstreamModel: chunk.model } : {}) };
        }
        const choice = chunk.choices[0];
        if (choice?.delta?.content) yield { type: 'text-delta', text: choice.delta.content };
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        const reported = chunk.usage;
        if (reported)
          usage = {
            ...(reported.prompt_tokens != null ? { inputTokens: reported.prompt_tokens } : {}),
            ...(reported.completion_tokens != null ? { outputTokens: reported.completion_tokens } : {}),
          };
      }
    }
    if (!done && !finishReason)
      throw new UpstreamError(`${kind} ended the stream before it finished`, { reason: 'stream', retryable: true, provider: kind });
    yield { type: 'finish', finishReason: mapOpenAIFinishReason(finishReason), ...(usage ? { usage } : {}) };
  }

  /** For servers without a model list: a real 1-token completion, the cheapest honest probe left. */
  async function probeWithOneToken(target: UpstreamTarget, signal: AbortSignal, started: number): Promise<HealthResult> {
    const request: ChatRequest = { messages: [{ role: 'user', content: 'ping' }], params: { maxTokens: 1 } };
    try {
      for await (const part of openStream(request, target, signal)) if (part.type === 'finish') break;
      return { ok: true, latencyMs: Math.round(performance.now() - started), message: 'answered a 1-token completion (no GET /models)' };
    } catch (error) {
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        message: error instanceof Error ? error.message : 'probe failed',
      };
    }
  }

  return {
    kind,
    stream: (request, target, { signal }) => startProviderStream(request, target, signal, (s) => openStream(request, target, s)),
    async checkHealth(target, { signal }): Promise<HealthResult> {
      const started = performance.now();
      const response = await http.send(`${apiRoot(kind, target)}/models`, {
        method: 'GET',
        headers: headers(target),
        signal,
        connectTimeoutMs: target.timeouts.connectMs,
      });
      const latencyMs = Math.round(performance.now() - started);
      const body = await readBody(response, response.status < 400 ? MAX_LIST_BODY_BYTES : undefined);
      if (response.status === 404 || response.status === 405) return probeWithOneToken(target, signal, started);
      if (response.status >= 400)
        return { ok: false, latencyMs, message: upstreamHttpError(kind, response, vendorMessage(body), target.apiKey).message };
      const list = modelListSchema.safeParse(body);
      if (!list.success) return { ok: false, latencyMs, message: `GET /models answered ${response.status} without a model list` };
      const listed = list.data.data.some((m) => m.id === target.upstreamModel);
      return listed
        ? { ok: true, latencyMs, message: `${target.upstreamModel} is listed by GET /models` }
        : { ok: false, latencyMs, message: `${target.upstreamModel} is not among the ${list.data.data.length} models GET /models lists` };
    },
  };
}
