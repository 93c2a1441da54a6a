import type { GenerationRecord } from '../../core/records/generation.js';
import type { ResponsesRequest } from './responses-request.js';

/**
 * OpenAI's Response object and its streamed events, from a generation: a response is a
 * generation, `resp_<generation id>`; its output items have ids made from the generation's, so a
 * response rebuilt from the record (GET /v1/responses/{id}) names the same items.
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */

export const RESPONSE_PREFIX = 'resp_';
export const responseId = (generationId: string) => `${RESPONSE_PREFIX}${generationId}`;
export const messageItemId = (generationId: string) => `msg_${generationId}`;
export const callItemId = (generationId: string, index: number) => `fc_${generationId}_${index}`;

/** The generation an id made here names (`resp_…`, `msg_…`, `fc_…_n`), and for a call item its index. */
export function generationOfItem(id: string): { kind: 'response' | 'message' | 'call'; generationId: string; index: number } | undefined {
  const call = /^fc_(.+)_(\d+)$/.exec(id);
  if (call) return { kind: 'call', generationId: call[1] as string, index: Number(call[2]) };
  // A later message item of a stream (after a function call) is `msg_<generation id>_<output index>`.
  if (id.startsWith('msg_')) return { kind: 'message', generationId: id.slice(4).replace(/_\d+$/, ''), index: 0 };
  if (id.startsWith(RESPONSE_PREFIX)) return { kind: 'response', generationId: id.slice(RESPONSE_PREFIX.length), index: 0 };
  return undefined;
}

/** What a Response echoes of its request (a response rebuilt from its record echoes the defaults). */
export type ResponseEcho = ResponsesRequest['echo'] & { readonly store: boolean; readonly previousResponseId: string | null };

export const DEFAULT_ECHO: ResponseEcho = {
  instructions: null,
  maxOutputTokens: null,
  temperature: null,
  topP: null,
  parallelToolCalls: true,
  toolChoice: 'auto',
  tools: [],
  text: { format: { type: 'text' } },
  reasoning: { effort: null, summary: null },
  metadata: {},
  user: null,
  truncation: 'disabled',
  store: true,
  previousResponseId: null,
};

type Status = 'in_progress' | 'completed' | 'incomplete' | 'failed' | 'cancelled';

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations: never[];
  logprobs: never[];
}
export interface MessageItem {
  type: 'message';
  id: string;
  status: 'in_progress' | 'completed' | 'incomplete';
  role: 'assistant';
  content: OutputText[];
}
export interface FunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: 'in_progress' | 'completed' | 'incomplete';
}
export type OutputItem = MessageItem | FunctionCallItem;

const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Why an answer ended short: the output limit (or the cost limit, which cuts the output too), or the vendor's filter. */
function incompleteReason(record: GenerationRecord): 'max_output_tokens' | 'content_filter' | undefined {
  if (record.finishReason === 'length' || record.finishReason === 'cost-limit') return 'max_output_tokens';
  if (record.finishReason === 'content-filter') return 'content_filter';
  return undefined;
}

export function usageOf(record: GenerationRecord) {
  return {
    input_tokens: record.inputTokens,
    input_tokens_details: { cached_tokens: record.cachedInputTokens },
    output_tokens: record.outputTokens,
    output_tokens_details: { reasoning_tokens: record.reasoningTokens },
    total_tokens: record.inputTokens + record.outputTokens,
  };
}

/** A finished generation's output items: its text as one message (unless it only called tools), then its calls. */
export function outputOf(record: GenerationRecord): OutputItem[] {
  const itemStatus = incompleteReason(record) ? 'incomplete' : 'completed';
  const items: OutputItem[] = [];
  if (record.text !== '' || record.toolCalls.length === 0)
    items.push({
      type: 'message',
      id: messageItemId(record.id),
      status: itemStatus,
      role: 'assistant',
      content: [{ type: 'output_text', text: record.text, annotations: [], logprobs: [] }],
    });
  for (const [index, call] of record.toolCalls.entries()) {
    items.push({
      type: 'function_call',
      id: callItemId(record.id, index),
      call_id: call.id,
      name: call.name,
      arguments: call.arguments,
      status: 'completed',
    });
  }
  return items;
}

interface ResponseHead {
  readonly generationId: string;
  readonly createdAt: Date;
  readonly model: string;
}

/** The Response object; `record` absent: one still in progress (no output, no usage yet). */
export function responseObject(
  head: ResponseHead,
  echo: ResponseEcho,
  status: Status,
  output: readonly OutputItem[],
  record?: GenerationRecord,
  error?: { code: string; message: string },
) {
  const reason = record ? incompleteReason(record) : undefined;
  return {
    id: responseId(head.generationId),
    object: 'response' as const,
    created_at: unixSeconds(head.createdAt),
    status,
    background: false,
    error: error ?? null,
    incomplete_details: status === 'incomplete' && reason ? { reason } : null,
    instructions: echo.instructions,
    max_output_tokens: echo.maxOutputTokens,
    metadata: echo.metadata,
    model: head.model,
    output,
    parallel_tool_calls: echo.parallelToolCalls,
    previous_response_id: echo.previousResponseId,
    reasoning: echo.reasoning,
    service_tier: 'default',
    store: echo.store,
    temperature: echo.temperature,
    text: echo.text,
    tool_choice: echo.toolChoice,
    tools: echo.tools,
    top_p: echo.topP,
    truncation: echo.truncation,
    usage: record ? usageOf(record) : null,
    user: echo.user,
  };
}

/** A finished generation as a whole Response. */
export function finishedResponse(record: GenerationRecord, echo: ResponseEcho) {
  const status = incompleteReason(record) ? 'incomplete' : 'completed';
  return responseObject(
    { generationId: record.id, createdAt: record.createdAt, model: record.modelId },
    echo,
    status,
    outputOf(record),
    record,
  );
}

/**
 * The typed events of one streamed Response, as OpenAI frames them (an `event:` line, the event
 * with its `sequence_number`): created and in_progress, then each output item added, its deltas
 * and done, then completed / incomplete / failed.
 */
export class ResponseEventWriter {
  #sequence = 0;
  readonly #items: OutputItem[] = [];
  /** The item being streamed: a message (text deltas) or a function call (of tool call `toolIndex`). */
  #open: { item: OutputItem; toolIndex?: number } | undefined;
  #calls = 0;

  constructor(
    private readonly head: ResponseHead,
    private readonly echo: ResponseEcho,
  ) {}

  #event(type: string, data: Record<string, unknown>): string {
    return `event: ${type}\ndata: ${JSON.stringify({ type, ...data, sequence_number: this.#sequence++ })}\n\n`;
  }

  /** response.created and response.in_progress. */
  start(): string {
    const response = responseObject(this.head, this.echo, 'in_progress', []);
    return this.#event('response.created', { response }) + this.#event('response.in_progress', { response });
  }

  #close(status: 'completed' | 'incomplete' = 'completed'): string {
    const open = this.#open;
    if (!open) return '';
    this.#open = undefined;
    const outputIndex = this.#items.indexOf(open.item);
    open.item.status = status;
    let out = '';
    if (open.item.type === 'message') {
      const part = open.item.content[0] as OutputText;
      const at = { item_id: open.item.id, output_index: outputIndex, content_index: 0 };
      out += this.#event('response.output_text.done', { ...at, text: part.text, logprobs: [] });
      out += this.#event('response.content_part.done', { ...at, part });
    } else {
      out += this.#event('response.function_call_arguments.done', {
        item_id: open.item.id,
        output_index: outputIndex,
        name: open.item.name,
        arguments: open.item.arguments,
      });
    }
    return out + this.#event('response.output_item.done', { output_index: outputIndex, item: open.item });
  }

  #add(item: OutputItem): string {
    this.#items.push(item);
    return this.#event('response.output_item.added', { output_index: this.#items.length - 1, item: { ...item } });
  }

  text(delta: string): string {
    let out = '';
    if (this.#open?.item.type !== 'message') {
      out += this.#close();
      const hasMessage = this.#items.some((i) => i.type === 'message');
      const id = messageItemId(this.head.generationId) + (hasMessage ? `_${this.#items.length}` : '');
      const item: MessageItem = { type: 'message', id, status: 'in_progress', role: 'assistant', content: [] };
      this.#open = { item };
      out += this.#add(item);
      const part: OutputText = { type: 'output_text', text: '', annotations: [], logprobs: [] };
      item.content.push(part);
      out += this.#event('response.content_part.added', {
        item_id: id,
        output_index: this.#items.length - 1,
        content_index: 0,
        part: { ...part },
      });
    }
    const item = this.#open?.item as MessageItem;
    (item.content[0] as OutputText).text += delta;
    return (
      out +
      this.#event('response.output_text.delta', {
        item_id: item.id,
        output_index: this.#items.indexOf(item),
        content_index: 0,
        delta,
        logprobs: [],
      })
    );
  }

  /** A fragment of tool call `index`: the first (with its id and name) opens a function_call item. */
  toolCall(index: number, id: string | null, name: string | null, argumentsDelta: string): string {
    let out = '';
    if (id !== null || this.#open?.toolIndex !== index) {
      if (this.#open?.toolIndex !== index) {
        out += this.#close();
        const item: FunctionCallItem = {
          type: 'function_call',
          id: callItemId(this.head.generationId, this.#calls++),
          call_id: id ?? '',
          name: name ?? '',
          arguments: '',
          status: 'in_progress',
        };
        this.#open = { item, toolIndex: index };
        out += this.#add(item);
      }
    }
    const item = this.#open?.item as FunctionCallItem;
    if (argumentsDelta === '') return out;
    item.arguments += argumentsDelta;
    return (
      out +
      this.#event('response.function_call_arguments.delta', {
        item_id: item.id,
        output_index: this.#items.indexOf(item),
        delta: argumentsDelta,
      })
    );
  }

  /** The last item done, then response.completed (or response.incomplete), with the stored usage. */
  finish(record: GenerationRecord): string {
    const reason = incompleteReason(record);
    // The calls as stored (the record's arguments are the joined fragments; a vendor may send them whole at the end).
    for (const [index, item] of this.#items.filter((i): i is FunctionCallItem => i.type === 'function_call').entries()) {
      const stored = record.toolCalls[index];
      if (stored) Object.assign(item, { call_id: stored.id, name: stored.name, arguments: stored.arguments });
    }
    let out = this.#close(reason ? 'incomplete' : 'completed');
    if (this.#items.length === 0 && record.text === '' && record.toolCalls.length === 0) {
      // Nothing streamed: the empty message, as a whole response has it.
      out += this.text('');
      out += this.#close(reason ? 'incomplete' : 'completed');
    }
    const response = responseObject(this.head, this.echo, reason ? 'incomplete' : 'completed', this.#items, record);
    return out + this.#event(reason ? 'response.incomplete' : 'response.completed', { response });
  }

  /** response.failed, with the error (after the answer started). */
  failed(record: GenerationRecord | undefined, error: { code: string; message: string }): string {
    const open = this.#open?.item;
    if (open) open.status = 'incomplete';
    this.#open = undefined;
    const response = responseObject(this.head, this.echo, 'failed', this.#items, record, error);
    return this.#event('response.failed', { response });
  }

  /** An `error` event: the stream ends on a failure of the gateway. */
  error(error: { message: string; code: string | null; param: string | null }): string {
    return this.#event('error', { code: error.code, message: error.message, param: error.param });
  }
}
