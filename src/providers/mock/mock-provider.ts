import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatRequest, ProviderAdapter, StreamPart, UpstreamTarget, Usage } from '../provider.js';
import { planMockAnswer } from './mock-answer.js';
import { mockPromptTokens } from './mock-usage.js';
import { embedMock } from './mock-embed.js';

export const MOCK_DEFAULT_TOKENS = 16;

/**
 * The in-process `mock` provider: deterministic answers (the same model and request always give
 * the same answer; under a lower maxTokens, its first tokens, finishing with `length`), streamed
 * delta by delta with a configurable delay, usage counted exactly by its own tokenizer (every
 * delta is one output token). It speaks the whole chat surface so that a demo runs offline: tool
 * calls with arguments made from the tool's schema, answers to tool results, JSON answers of a
 * response format, and reasoning when asked for (see mock-answer.ts). It never touches the network.
 */
export function createMockProvider(): ProviderAdapter {
  return {
    kind: 'mock',
    async stream(request, target, { signal }) {
      return streamMock(request, target, signal);
    },
    async embed(request, target, { signal }) {
      signal.throwIfAborted();
      return embedMock(request, target);
    },
    async checkHealth() {
      return { ok: true, latencyMs: 0, message: 'mock provider answers in-process' };
    },
  };
}

async function* streamMock(request: ChatRequest, target: UpstreamTarget, signal: AbortSignal): AsyncGenerator<StreamPart> {
  const answer = planMockAnswer(request, target.upstreamModel, target.mock?.tokens ?? MOCK_DEFAULT_TOKENS);
  const inputTokens = mockPromptTokens(request);
  const delay = target.mock?.tokenDelayMs ?? 0;
  let outputTokens = 0;
  let reasoningTokens = 0;
  const usage = (): Usage => ({ inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens, estimated: false });

  yield { type: 'start', upstreamModel: target.upstreamModel };
  for (const part of answer.parts) {
    const delta = part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-call-delta';
    if (delta && delay > 0) await sleep(delay, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) {
      yield { type: 'finish', finishReason: 'cancelled', usage: usage() };
      return;
    }
    yield part;
    if (delta) outputTokens++;
    if (part.type === 'reasoning-delta') reasoningTokens++;
  }
  if (answer.parts.some((p) => p.type === 'tool-call-start')) yield { type: 'tool-call-end', index: 0 };
  yield { type: 'finish', finishReason: answer.finishReason, usage: usage() };
}
