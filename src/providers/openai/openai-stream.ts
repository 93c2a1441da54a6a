import { UpstreamError } from '../../core/errors.js';
import type { ProviderKind } from '../../core/records/model.js';
import type { UpstreamResponse } from '../http.js';
import type { RawPart, ReportedUsage } from '../provider-stream.js';
import { SseParser } from '../sse.js';
import { readBody, redactSecrets, upstreamHttpError } from '../vendor-error.js';
import { mapOpenAIFinishReason } from './map-finish-reason.js';
import { type ChatUsage, errorBodySchema, readChatChunk, validationErrorSchema } from './openai-wire.js';
import { StreamedToolCalls } from './streamed-tool-calls.js';

/**
 * The error message of an error body or in-stream error chunk, if it is one: OpenAI's
 * `{ error }`, or the `{ message }` / validation `detail` list of servers built on FastAPI and
 * pydantic (vLLM; Mistral's 422 `extra_forbidden`), rendered as `body.field: message`.
 */
export function vendorMessage(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
  if (typeof body === 'string') return body;
  const other = validationErrorSchema.safeParse(body);
  if (!other.success) return undefined;
  const { message, detail } = other.data;
  const found = typeof message === 'object' ? message.detail : (message ?? detail);
  if (found === undefined || typeof found === 'string') return found;
  return found.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ') || undefined;
}

/**
 * Usage as OpenAI reports it: `prompt_tokens` counts every input token, cached and cache-written
 * ones among them; `completion_tokens` counts reasoning tokens too. DeepSeek reports cache reads
 * as `prompt_cache_hit_tokens` (within `prompt_tokens` too).
 * @see https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
 * @see https://api-docs.deepseek.com/guides/kv_cache
 */
export function reportedUsage(usage: ChatUsage): ReportedUsage {
  const reported: ReportedUsage = {};
  if (usage.prompt_tokens != null) reported.inputTokens = usage.prompt_tokens;
  if (usage.completion_tokens != null) reported.outputTokens = usage.completion_tokens;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  if (cached != null) reported.cachedInputTokens = cached;
  const cacheWrite = usage.prompt_tokens_details?.cache_write_tokens;
  if (cacheWrite != null) reported.cacheWriteTokens = cacheWrite;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning != null) reported.reasoningTokens = reasoning;
  return reported;
}

const malformed = (kind: ProviderKind, what: string) =>
  new UpstreamError(`${kind} ${what}`, { reason: 'malformed', retryable: false, provider: kind });

/**
 * Sends the request and reads its Chat Completions event stream into raw parts (an HTTP error is
 * thrown before the first): text (a refusal is text too), reasoning
 * (`delta.reasoning_content`, or `delta.reasoning` as OpenRouter, Groq and Ollama name it; closed by `reasoning-end` when the answer or a tool call begins),
 * tool calls, and the finish with the vendor's usage. Ends at `data: [DONE]` (the rest of the
 * body is drained in the background) or with the body, which must then have sent a finish reason.
 * @see https://platform.openai.com/docs/api-reference/chat/streaming
 */
export async function* readChatStream(kind: ProviderKind, send: () => Promise<UpstreamResponse>, apiKey?: string): AsyncGenerator<RawPart> {
  const response = await send();
  if (response.status >= 300) throw upstreamHttpError(kind, response, vendorMessage(await readBody(response)), apiKey);
  let finishReason: string | null | undefined;
  let usage: ReportedUsage | undefined;
  let done = false;
  let started = false;
  let reasoning = false;
  let toolCalls: StreamedToolCalls | undefined; // made at the first call: a plain answer needs none
  const parts: RawPart[] = [];
  const parser = new SseParser();
  read: for await (const bytes of response.body) {
    for (const event of parser.feed(bytes)) {
      if (event.data === '[DONE]') {
        done = true;
        break read;
      }
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        throw malformed(kind, 'sent a chunk that is not JSON');
      }
      // Check for the key first: a failed zod parse (every normal chunk) costs an issue list per chunk.
      const error = typeof json === 'object' && json !== null && 'error' in json ? errorBodySchema.safeParse(json) : undefined;
      if (error?.success)
        throw new UpstreamError(`${kind} failed mid-stream: ${redactSecrets(vendorMessage(json) ?? 'unknown error', apiKey)}`, {
          reason: 'stream',
          retryable: true,
          provider: kind,
        });
      const chunk = readChatChunk(json);
      if (!chunk) throw malformed(kind, 'sent a chunk of an unexpected shape');
      // Azure OpenAI may open with a chunk carrying only prompt_filter_results (no model, no choices): not yet the start.
      if (!started && (chunk.model || chunk.choices.length > 0 || chunk.usage)) {
        started = true;
        yield { type: 'start', ...(chunk.model ? { upstreamModel: chunk.model } : {}) };
      }
      const choice = chunk.choices[0];
      const delta = choice?.delta;
      if (delta) {
        const thought = delta.reasoning_content ?? delta.reasoning;
        if (thought) {
          reasoning = true;
          yield { type: 'reasoning-delta', text: thought };
        }
        const text = delta.refusal ? (delta.content ?? '') + delta.refusal : delta.content;
        if (text || delta.tool_calls?.length) {
          if (reasoning) {
            reasoning = false;
            yield { type: 'reasoning-end' };
          }
          if (text) yield { type: 'text-delta', text };
          if (delta.tool_calls?.length) {
            if (!toolCalls) toolCalls = new StreamedToolCalls(kind);
            toolCalls.read(delta.tool_calls, parts);
            for (const part of parts) yield part;
            parts.length = 0;
          }
        }
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (chunk.usage) usage = reportedUsage(chunk.usage);
    }
  }
  if (!done && !finishReason)
    throw new UpstreamError(`${kind} ended the stream before it finished`, { reason: 'stream', retryable: true, provider: kind });
  if (reasoning) yield { type: 'reasoning-end' };
  yield { type: 'finish', finishReason: mapOpenAIFinishReason(finishReason), ...(usage ? { usage } : {}) };
}
