import { afterEach } from 'vitest';
import { createUpstreamHttp, type UpstreamHttp } from '../../src/providers/http.js';
import type { ChatRequest, StreamPart, UpstreamTarget } from '../../src/providers/provider.js';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../../src/core/records/model.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';

const disposables: Array<{ dispose?: () => Promise<void>; close?: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(disposables.splice(0).map((d) => (d.dispose ?? d.close)?.call(d)));
});

/** Registers something for disposal after the test. */
export function track<T extends { dispose?: () => Promise<void>; close?: () => Promise<void> }>(thing: T): T {
  disposables.push(thing);
  return thing;
}

export function loopbackHttp(): UpstreamHttp {
  return track(createUpstreamHttp({ allowPrivateEndpoints: true }));
}

export function targetFor(fake: FakeUpstream, extra: Partial<UpstreamTarget> & { timeouts?: Partial<Timeouts> } = {}): UpstreamTarget {
  return {
    modelId: 'test-model',
    upstreamModel: 'gpt-4o-mini',
    baseUrl: `${fake.url}/v1`,
    streamUsage: true,
    ...extra,
    timeouts: { ...DEFAULT_TIMEOUTS, ...extra.timeouts },
  };
}

export const HELLO: ChatRequest = {
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Say hello' },
  ],
  params: { maxTokens: 50, temperature: 0.5, topP: 0.9, stop: ['END'] },
};

export async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

export const textOf = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text-delta' ? p.text : '')).join('');

export const signal = () => new AbortController().signal;
