import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatRequest, ProviderAdapter, StreamPart, UpstreamTarget, Usage } from '../provider.js';
import { countMockTokens, mockTokens } from './mock-text.js';

export const MOCK_DEFAULT_TOKENS = 16;

/**
 * The in-process `mock` provider: deterministic answers (the same model and prompt always give
 * the same text; under a lower maxTokens, its first words, finishing with `length`), streamed
 * token by token with a configurable delay, usage counted exactly by its own word tokenizer. For
 * demos, tests and benchmarks; it never touches the network.
 */
export function createMockProvider(): ProviderAdapter {
  return {
    kind: 'mock',
    async stream(request, target, { signal }) {
      return streamMock(request, target, signal);
    },
    async checkHealth() {
      return { ok: true, latencyMs: 0, message: 'mock provider answers in-process' };
    },
  };
}

async function* streamMock(request: ChatRequest, target: UpstreamTarget, signal: AbortSignal): AsyncGenerator<StreamPart> {
  const wanted = target.mock?.tokens ?? MOCK_DEFAULT_TOKENS;
  const count = Math.min(wanted, request.params.maxTokens);
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  // An answer cut by maxTokens is the whole answer's first words, ending mid-sentence as a vendor's does.
  const tokens = mockTokens(`${target.upstreamModel}\n${lastUser}`, wanted).slice(0, count);
  const inputTokens = request.messages.reduce((sum, m) => sum + countMockTokens(m.content), 0);
  const delay = target.mock?.tokenDelayMs ?? 0;
  const usage = (outputTokens: number): Usage => ({ inputTokens, outputTokens, estimated: false });

  yield { type: 'start', upstreamModel: target.upstreamModel };
  let sent = 0;
  for (const text of tokens) {
    if (delay > 0) await sleep(delay, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) {
      yield { type: 'finish', finishReason: 'cancelled', usage: usage(sent) };
      return;
    }
    yield { type: 'text-delta', text };
    sent++;
  }
  yield { type: 'finish', finishReason: count < wanted ? 'length' : 'stop', usage: usage(sent) };
}
