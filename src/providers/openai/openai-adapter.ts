import type { UpstreamHttp } from '../http.js';
import type { ProviderKind } from '../../core/records/model.js';
import { type RawPart, startProviderStream } from '../provider-stream.js';
import type { ChatRequest, HealthResult, ProviderAdapter, UpstreamTarget } from '../provider.js';
import { MAX_LIST_BODY_BYTES, readBody, upstreamHttpError } from '../vendor-error.js';
import { convertToChatCompletions } from './convert-request.js';
import { dialectOf } from './openai-dialect.js';
import { embedOpenAI } from './openai-embeddings.js';
import { type OpenAIEndpoint, openAIEndpoint } from './openai-endpoint.js';
import { readChatStream, vendorMessage } from './openai-stream.js';
import { modelListSchema } from './openai-wire.js';

/**
 * The adapter for OpenAI's Chat Completions protocol, shared by `openai`, `openai-compatible`
 * (Ollama, vLLM, TGI, llama.cpp, Together, Groq …), `dashscope` (Qwen's compatible mode) and
 * `qianfan` (ERNIE's v2 API) and `azure-openai`: they differ in their default endpoint and key
 * variable, in the few body fields their dialect (openai-dialect.ts; an `openai-compatible`
 * model's preset has its own) names, and Azure in its URLs and key header (`endpoint`).
 * `baseUrl` follows the OpenAI SDK convention (`…/v1`); the adapter adds `/chat/completions`.
 */
export function createOpenAICompatibleAdapter(
  kind: ProviderKind,
  http: UpstreamHttp,
  endpoint: OpenAIEndpoint = openAIEndpoint(kind),
): ProviderAdapter {
  const headers = (target: UpstreamTarget) => endpoint.headers(target);
  /** One upstream request read as raw parts; a generator of its own, not a delegating one (it runs for every token). */
  function openStream(request: ChatRequest, target: UpstreamTarget, signal: AbortSignal): AsyncGenerator<RawPart> {
    const dialect = dialectOf(kind, target.preset);
    const send = () =>
      http.send(endpoint.url(target, 'chat/completions'), {
        method: 'POST',
        headers: { ...headers(target), ...(request.requestId ? { 'x-request-id': request.requestId } : {}) },
        body: JSON.stringify(convertToChatCompletions(request, target, dialect, endpoint.bodyModel(target))),
        signal,
        connectTimeoutMs: target.timeouts.connectMs,
      });
    return readChatStream(kind, send, target.apiKey);
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
    embed: async (request, target, { signal }) =>
      embedOpenAI(
        kind,
        http,
        { url: endpoint.url(target, 'embeddings'), headers: headers(target), model: endpoint.bodyModel(target) },
        request,
        target,
        signal,
      ),
    stream: (request, target, { signal }) => startProviderStream(request, target, signal, (s) => openStream(request, target, s)),
    async checkHealth(target, { signal }): Promise<HealthResult> {
      const started = performance.now();
      if (!endpoint.listsModels) return probeWithOneToken(target, signal, started);
      const response = await http.send(endpoint.url(target, 'models'), {
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
