import { expect } from 'vitest';
import { anthropicBodyProblem } from '../fakes/anthropic-rules.js';
import type { FakeUpstream, Scripted } from '../fakes/fake-upstream.js';
import { openAIRequestProblem } from '../fakes/openai-validator.js';
import { ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, startAnthropicFake, startOpenAIFake } from '../fakes/vendors.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

/**
 * One listening gateway for a file of client tests: `gpt-chat` (OpenAI format) and `claude-chat`
 * (Anthropic format) point at validating loopback fakes (a body the real API would refuse gets
 * its 400), each priced with cache prices. Each upstream answer is scripted in the vendor's own
 * wire format (a streamed tool call, or text), so a test runs the same client request against both.
 */

/** USD per million tokens; cached input and cache writes priced apart from plain input. */
export const OPENAI_PRICES = { input: 2.5, output: 10, cachedInput: 1.25 } as const;
export const ANTHROPIC_PRICES = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 } as const;

export interface ScriptedCall {
  readonly id: string;
  readonly name: string;
  /** The arguments' JSON text, streamed in small fragments. */
  readonly arguments: string;
}

/**
 * What an upstream reports: `input` is the vendor's own uncached count (OpenAI: prompt_tokens,
 * which includes `cacheRead`; Anthropic: input_tokens, which does not), `reasoning` is part of `output`.
 */
export interface ScriptedUsage {
  readonly input: number;
  readonly output: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
  readonly reasoning?: number;
}

/** One upstream answer: tool calls (finishing with tool_calls / tool_use) or text. */
export type Answer = ({ readonly calls: readonly ScriptedCall[] } | { readonly text: string }) & { readonly usage?: ScriptedUsage };

const DEFAULT_USAGE: ScriptedUsage = { input: 30, output: 12 };

/** Cuts text into pieces of at most `size` characters (code points kept whole). */
function pieces(text: string, size: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

const sse = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

/** An answer as OpenAI streams it (stream_options.include_usage): fragments of each call, or of the text, then the usage. */
export function openAIStream(answer: Answer): string {
  const head = { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 1732550400, model: 'gpt-4o-2024-08-06' };
  const chunk = (delta: unknown, finish: string | null = null) =>
    sse({ ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null });
  let body = chunk({ role: 'assistant', content: 'calls' in answer ? null : '', refusal: null });
  if ('calls' in answer) {
    answer.calls.forEach((call, index) => {
      body += chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
      for (const part of pieces(call.arguments, 7)) body += chunk({ tool_calls: [{ index, function: { arguments: part } }] });
    });
    body += chunk({}, 'tool_calls');
  } else {
    for (const part of pieces(answer.text, 5)) body += chunk({ content: part });
    body += chunk({}, 'stop');
  }
  const { input, output, cacheRead = 0, reasoning = 0 } = answer.usage ?? DEFAULT_USAGE;
  body += sse({
    ...head,
    choices: [],
    usage: {
      prompt_tokens: input,
      completion_tokens: output,
      total_tokens: input + output,
      prompt_tokens_details: { cached_tokens: cacheRead, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: reasoning,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  });
  return `${body}data: [DONE]\n\n`;
}

/** An answer as Anthropic's Messages API streams it: a tool_use block per call (input_json_delta fragments), or text blocks. */
export function anthropicStream(answer: Answer): string {
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const { input, output, cacheRead = 0, cacheWrite = 0 } = answer.usage ?? DEFAULT_USAGE;
  const usage = { input_tokens: input, cache_creation_input_tokens: cacheWrite, cache_read_input_tokens: cacheRead };
  let body = event('message_start', {
    message: {
      id: 'msg_scripted',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  if ('calls' in answer) {
    answer.calls.forEach((call, index) => {
      body += event('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } });
      body += event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const part of pieces(call.arguments, 7))
        body += event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } });
      body += event('content_block_stop', { index });
    });
  } else {
    body += event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    body += event('ping', {});
    for (const part of pieces(answer.text, 5))
      body += event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: part } });
    body += event('content_block_stop', { index: 0 });
  }
  body += event('message_delta', {
    delta: { stop_reason: 'calls' in answer ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: { ...usage, output_tokens: output },
  });
  return body + event('message_stop', {});
}

type Body = Record<string, unknown>;

/** One upstream vendor of the gateway, as a test drives it. */
export interface Vendor {
  readonly name: 'openai' | 'anthropic';
  /** The gateway model id that points at this vendor's fake. */
  readonly model: string;
  readonly fake: FakeUpstream;
  readonly prices: { input: number; output: number; cachedInput: number; cacheWrite?: number };
  /** Queues these answers, in the vendor's wire format, for the next requests (the last repeats); forgets earlier bodies. */
  script(...answers: Answer[]): void;
  /** The bodies the upstream received since the last `script`, each checked against the vendor's rules. */
  bodies(): Body[];
}

function vendor(name: Vendor['name'], model: string, fake: FakeUpstream, prices: Vendor['prices']): Vendor {
  const route = name === 'openai' ? 'POST /v1/chat/completions' : 'POST /v1/messages';
  const stream = name === 'openai' ? openAIStream : anthropicStream;
  let from = fake.calls.length;
  return {
    name,
    model,
    fake,
    prices,
    script(...answers) {
      from = fake.calls.length;
      fake.respond(route, ...answers.map((answer): Scripted => ({ type: 'sse', body: stream(answer) })));
    },
    bodies() {
      const bodies = fake.calls.slice(from).map((call) => call.body as Body);
      for (const body of bodies) {
        // The validating fake already answered a refused body with its 400; said again here, by name.
        const problem = name === 'openai' ? openAIRequestProblem('POST', '/v1/chat/completions', body) : anthropicBodyProblem(body);
        expect(problem, `${name} would refuse ${JSON.stringify(body)}`).toBeUndefined();
      }
      return bodies;
    },
  };
}

export interface ChatGateway {
  readonly t: TestApp;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly openai: Vendor;
  readonly anthropic: Vendor;
  readonly vendors: readonly Vendor[];
  dispose(): Promise<void>;
}

export async function startChatGateway(): Promise<ChatGateway> {
  const openaiFake = await startOpenAIFake();
  const anthropicFake = await startAnthropicFake({ validate: true });
  // The health probes: the model listed, the model known.
  openaiFake.respond('GET /v1/models', {
    type: 'json',
    body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' }] },
  });
  anthropicFake.respond('GET /v1/models/claude-sonnet-4-5-20250929', {
    type: 'json',
    body: { type: 'model', id: 'claude-sonnet-4-5-20250929', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' },
  });
  const t = await startTestApp({
    env: { OPENAI_API_KEY: OPENAI_TEST_KEY, ANTHROPIC_API_KEY: ANTHROPIC_TEST_KEY },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 1 } },
      defaultModel: 'mock-a',
      models: [
        MOCK_MODEL,
        { id: 'gpt-chat', provider: 'openai', upstreamModel: 'gpt-4o', baseUrl: `${openaiFake.url}/v1`, pricing: OPENAI_PRICES },
        {
          id: 'claude-chat',
          provider: 'anthropic',
          upstreamModel: 'claude-sonnet-4-5-20250929',
          baseUrl: anthropicFake.url,
          pricing: ANTHROPIC_PRICES,
        },
      ],
    },
  });
  const base = await t.listen();
  const openai = vendor('openai', 'gpt-chat', openaiFake, OPENAI_PRICES);
  const anthropic = vendor('anthropic', 'claude-chat', anthropicFake, ANTHROPIC_PRICES);
  return {
    t,
    base,
    openai,
    anthropic,
    vendors: [openai, anthropic],
    async dispose() {
      await t.dispose();
      await Promise.all([openaiFake.dispose(), anthropicFake.dispose()]);
    },
  };
}

/** The weather tool every client test offers, as a JSON Schema. */
export const WEATHER_PARAMETERS = {
  type: 'object',
  properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
} as const;

export const PARIS_CALL: ScriptedCall = { id: 'call_paris_1', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' };

/** A 1×1 PNG as a base64 data URL. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const HTTPS_IMAGE = 'https://images.example.com/paris.jpg';
