import { type ChatMessage, type ChatRequest, textOf } from '../../core/chat/chat-request.js';
import type { FinishReason } from '../../core/records/generation.js';
import type { StreamPart } from '../provider.js';
import { mockValueForSchema } from './mock-json.js';
import { fnv1a, mockTokens, mockWords } from './mock-text.js';

/** The parts the mock streams between `start` and `finish`; each delta is one of its tokens. */
export type MockPart = Extract<
  StreamPart,
  { type: 'text-delta' | 'reasoning-delta' | 'reasoning-end' | 'tool-call-start' | 'tool-call-delta' }
>;

export interface MockAnswer {
  readonly parts: readonly MockPart[];
  readonly finishReason: FinishReason;
}

/** JSON (tool arguments, structured answers) is streamed in pieces of this many characters. */
const JSON_PIECE = 16;
/** The most characters of a tool result quoted in the answer to it. */
const QUOTED_RESULT = 200;

const hex = (text: string) => fnv1a(text).toString(16).padStart(8, '0');
const isDelta = (part: MockPart) => part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-call-delta';

function jsonPieces(json: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += JSON_PIECE) pieces.push(json.slice(i, i + JSON_PIECE));
  return pieces;
}

const textParts = (pieces: readonly string[]): MockPart[] => pieces.map((text) => ({ type: 'text-delta', text }));

function lastUserText(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return textOf(message.content);
  }
  return '';
}

/** Two reasoning deltas and the block's end with a signature, when reasoning was asked for. */
function reasoningParts(request: ChatRequest, seed: string): MockPart[] {
  const { reasoning } = request;
  if (reasoning?.effort === undefined && reasoning?.budgetTokens === undefined) return [];
  const word = mockWords(`reasoning\n${seed}`);
  const pieces = [`Thinking about ${word()} and ${word()}`, ', then answering.'];
  return [
    ...pieces.map((text): MockPart => ({ type: 'reasoning-delta', text })),
    { type: 'reasoning-end', signature: `mock-${hex(pieces.join(''))}` },
  ];
}

/** The answer to a tool result: a sentence quoting it. */
function toolResultAnswer(request: ChatRequest, result: Extract<ChatMessage, { role: 'tool' }>): MockAnswer {
  let name = 'tool';
  for (const message of request.messages)
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) if (call.id === result.toolCallId) name = call.name;
  const quoted = result.content.length > QUOTED_RESULT ? `${result.content.slice(0, QUOTED_RESULT)}…` : result.content;
  return { parts: textParts(`The ${name} tool answered: ${quoted}`.match(/\s*\S+/g) ?? []), finishReason: 'stop' };
}

function jsonAnswer(request: ChatRequest, seed: string): MockAnswer | undefined {
  const format = request.responseFormat;
  if (!format || format.type === 'text') return undefined;
  const word = mockWords(seed);
  const value = format.type === 'json_schema' ? mockValueForSchema(format.schema, word) : { answer: `${word()} ${word()} ${word()}` };
  return { parts: textParts(jsonPieces(JSON.stringify(value))), finishReason: 'stop' };
}

function toolCallAnswer(request: ChatRequest, seed: string): MockAnswer | undefined {
  const { tools, toolChoice } = request;
  if (!tools?.length || toolChoice === 'none') return undefined;
  const forced = typeof toolChoice === 'object' ? tools.find((t) => t.name === toolChoice.name) : undefined;
  const tool = forced ?? tools[0];
  if (!tool) return undefined;
  const args = JSON.stringify(mockValueForSchema(tool.parameters, mockWords(`${seed}\n${tool.name}`)));
  const start: MockPart = { type: 'tool-call-start', index: 0, id: `call_mock_${hex(`${seed}\n${tool.name}`)}`, name: tool.name };
  return {
    parts: [start, ...jsonPieces(args).map((argumentsDelta): MockPart => ({ type: 'tool-call-delta', index: 0, argumentsDelta }))],
    finishReason: 'tool-calls',
  };
}

/** Keeps the parts within `maxTokens` deltas; a cut answer ends with `length` (and its reasoning block closed). */
function withinBudget(answer: MockAnswer, maxTokens: number): MockAnswer {
  const parts: MockPart[] = [];
  let deltas = 0;
  for (const part of answer.parts) {
    if (isDelta(part) && ++deltas > maxTokens) {
      const end = answer.parts.find((p) => p.type === 'reasoning-end');
      if (parts.at(-1)?.type === 'reasoning-delta' && end) parts.push(end);
      return { parts, finishReason: 'length' };
    }
    parts.push(part);
  }
  return answer;
}

/**
 * What the mock answers, deterministic in the model and the request: to a tool result, a sentence
 * quoting it; given tools (and a choice other than `none`), a call of the forced tool or else the
 * first, its arguments made from its schema; given a JSON response format, a JSON value of it;
 * else `wanted` words drawn from the model and the last user text. Reasoning asked for comes first.
 */
export function planMockAnswer(request: ChatRequest, upstreamModel: string, wanted: number): MockAnswer {
  const seed = `${upstreamModel}\n${lastUserText(request.messages)}`;
  const last = request.messages.at(-1);
  const body = (last?.role === 'tool' ? (jsonAnswer(request, seed) ?? toolResultAnswer(request, last)) : undefined) ??
    toolCallAnswer(request, seed) ??
    jsonAnswer(request, seed) ?? { parts: textParts(mockTokens(seed, wanted)), finishReason: 'stop' };
  return withinBudget(
    { parts: [...reasoningParts(request, seed), ...body.parts], finishReason: body.finishReason },
    request.params.maxTokens,
  );
}
