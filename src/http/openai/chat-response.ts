import type { FinishReason, GenerationRecord } from '../../core/records/generation.js';

/** OpenAI's finish_reason for the gateway's: a stop at the cost limit reads as `length` (output cut by a limit). */
export function openAIFinishReason(reason: FinishReason | null): 'stop' | 'length' | 'content_filter' | 'tool_calls' {
  switch (reason) {
    case 'length':
    case 'cost-limit':
      return 'length';
    case 'content-filter':
      return 'content_filter';
    case 'tool-calls':
      return 'tool_calls';
    default:
      return 'stop';
  }
}

export const completionId = (generationId: string) => `chatcmpl-${generationId}`;
const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * OpenAI's usage object: `prompt_tokens` counts every input token, `cached_tokens` the part read
 * from the vendor's cache; `completion_tokens` includes `reasoning_tokens`. (From an Anthropic
 * upstream, input, cache-read and cache-write tokens add up to `prompt_tokens`.)
 */
function usageOf(record: GenerationRecord) {
  return {
    prompt_tokens: record.inputTokens,
    completion_tokens: record.outputTokens,
    total_tokens: record.inputTokens + record.outputTokens,
    prompt_tokens_details: { cached_tokens: record.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: record.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The answer's tool calls in OpenAI's shape. */
function toolCallsOf(record: GenerationRecord) {
  return record.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** A whole answer as OpenAI's `chat.completion` object; `model` is the model that served it. */
export function chatCompletion(record: GenerationRecord) {
  return {
    id: completionId(record.id),
    object: 'chat.completion' as const,
    created: unixSeconds(record.createdAt),
    model: record.modelId,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          // OpenAI answers content null when the answer is only tool calls.
          content: record.text === '' && record.toolCalls.length > 0 ? null : record.text,
          refusal: null,
          ...(record.toolCalls.length > 0 ? { tool_calls: toolCallsOf(record) } : {}),
        },
        logprobs: null,
        finish_reason: openAIFinishReason(record.finishReason),
      },
    ],
    usage: usageOf(record),
  };
}

/**
 * The `chat.completion.chunk` objects of one streamed answer, as OpenAI frames them: every chunk
 * carries the id, creation time and model; with include_usage every chunk has `usage: null` and a
 * last one has `choices: []` and the usage.
 */
export class ChunkWriter {
  readonly #head: { id: string; object: 'chat.completion.chunk'; created: number; model: string; system_fingerprint: null };

  constructor(
    generationId: string,
    createdAt: Date,
    model: string,
    private readonly includeUsage: boolean,
  ) {
    this.#head = {
      id: completionId(generationId),
      object: 'chat.completion.chunk',
      created: unixSeconds(createdAt),
      model,
      system_fingerprint: null,
    };
  }

  #chunk(choices: unknown[], usage?: unknown): string {
    const chunk = this.includeUsage ? { ...this.#head, choices, usage: usage ?? null } : { ...this.#head, choices };
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }

  /** The first chunk: the assistant role and empty content. */
  role(): string {
    return this.#chunk([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]);
  }

  text(text: string): string {
    return this.#chunk([{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]);
  }

  /**
   * A fragment of tool call `index`, as OpenAI streams it: the first carries the id, type and
   * name (with empty arguments), the next ones only the index and an arguments fragment.
   */
  toolCall(index: number, id: string | null, name: string | null, argumentsDelta: string): string {
    const call =
      id !== null
        ? { index, id, type: 'function', function: { name: name ?? '', arguments: argumentsDelta } }
        : { index, function: { arguments: argumentsDelta } };
    return this.#chunk([{ index: 0, delta: { tool_calls: [call] }, logprobs: null, finish_reason: null }]);
  }

  /** Reasoning text as `delta.reasoning_content` (the field DeepSeek, vLLM and Qwen stream it in; OpenAI's SDK passes it through). */
  reasoning(text: string): string {
    return this.#chunk([{ index: 0, delta: { reasoning_content: text }, logprobs: null, finish_reason: null }]);
  }

  /** The finish chunk, the usage chunk when asked for, and `[DONE]`. */
  finish(record: GenerationRecord): string {
    const finish = this.#chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: openAIFinishReason(record.finishReason) }]);
    const usage = this.includeUsage ? this.#chunk([], usageOf(record)) : '';
    return `${finish}${usage}data: [DONE]\n\n`;
  }
}

/** An error after the first chunk: OpenAI's error object as the stream's last event. */
export function streamError(error: { message: string; type: string; param: string | null; code: string | null }): string {
  return `data: ${JSON.stringify({ error })}\n\n`;
}
