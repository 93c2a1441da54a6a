import { GRAPHQL_FIELDS, readGenerateInput } from '../../src/modules/generations/generate-input.js';
import { execute, type ExecutionResult, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/core/errors.js';
import { createContext } from '../../src/graphql/context.js';
import { maskError } from '../../src/graphql/errors.js';
import { schema } from '../../src/graphql/schema.js';
import type { GenerationEvent } from '../../src/modules/generations/generation-service.js';
import { RegisterModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Subscription events are executed by graphql-jit (src/graphql/compiled-subscriptions.ts). For
// real events and the selections clients send, its results must equal graphql-js's `execute`.
const GENERATE_STREAM = [
  'subscription { generateStream(input: { model: "mock-a", prompt: "Hi" }) { __typename ... on GenerationStarted { generationId at model { id provider status pricing { input output } } } ... on TokenDelta { generationId text index chunks costUsd } ... on GenerationCompleted { generation { id status text finishReason costUsd costMicroUsd latencyMs createdAt usage { inputTokens outputTokens totalTokens estimated } model { id } attempts { modelId outcome } } } ... on GenerationFailed { generationId code message partialText } } }',
  'subscription S($m: ID, $p: String) { stream: generateStream(input: { model: $m, prompt: $p }) { kind: __typename ...Delta ... on GenerationCompleted { g: generation { text usage { totalTokens } } } } } fragment Delta on TokenDelta { t: text i: index chunks }',
  'subscription { generateStream(input: { model: "mock-a", prompt: "Hi" }) { ... on TokenDelta { text @include(if: false) index @skip(if: false) } ... on GenerationFailed { generation { id errorCode } } } }',
];
const MODEL_EVENTS = 'subscription { modelEvents { type at model { id provider status health { ok message } capabilities } } }';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const plain = (result: unknown) => JSON.parse(JSON.stringify(result)) as unknown;

async function bothWays(document: string, events: readonly unknown[], contextValue: unknown, variableValues: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const compiled = compileQuery(schema, parsed);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
  for (const event of events) {
    const expected = plain(await execute({ schema, document: parsed, rootValue: event, contextValue, variableValues }));
    const actual = plain(await compiled.query(event, contextValue, variableValues));
    expect(actual).toEqual(expected);
    expect((expected as ExecutionResult).errors).toBeUndefined();
  }
}

describe('compiled subscription events', () => {
  it('should give the results graphql-js gives, for generateStream events (started, deltas, completed, failed) and model events', async () => {
    t = await startTestApp();
    const services = t.app.services;
    const context = await createContext(services, undefined);
    const prepared = await services.generations.prepare(readGenerateInput({ model: 'mock-a', prompt: 'Hi' }), context.viewer, {
      stream: true,
      fields: GRAPHQL_FIELDS,
    });
    const events: GenerationEvent[] = [];
    for await (const event of services.generations.stream(prepared)) events.push(event);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['started', 'delta', 'completed']));
    const completed = events.find((e) => e.kind === 'completed') as Extract<GenerationEvent, { kind: 'completed' }>;
    events.push({
      kind: 'failed',
      generation: { ...completed.generation, status: 'FAILED', errorCode: 'UPSTREAM_ERROR' },
      code: 'UPSTREAM_ERROR',
      message: 'it broke',
      error: new UpstreamError('it broke'),
    });
    for (const document of GENERATE_STREAM) await bothWays(document, events, context, { m: 'mock-a', p: 'Hi' });

    const modelEvents = services.bus.subscribe('modelEvents')[Symbol.asyncIterator]();
    const next = modelEvents.next();
    expectData(await t.run(RegisterModel, { input: { id: 'mock-compiled', provider: 'MOCK' } }));
    const registered = (await next).value;
    await modelEvents.return?.();
    await bothWays(MODEL_EVENTS, [registered], context);
  });

  it('should give an error result, as graphql-js does, for a null in a non-null field, which the gateway’s error mask takes', async () => {
    t = await startTestApp();
    const context = await createContext(t.app.services, undefined);
    const document = parse(
      'subscription { generateStream(input: { model: "mock-a", prompt: "Hi" }) { ... on TokenDelta { text index } } }',
    );
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
    const broken = { kind: 'delta', generationId: 'g', text: null, index: 0, chunks: 1, costMicroUsd: 0 };
    const expected = await execute({ schema, document, rootValue: broken, contextValue: context });
    const actual = await compiled.query(broken, context, {});
    expect(actual.data).toEqual(expected.data);
    expect(actual.errors?.map((e) => e.path)).toEqual(expected.errors?.map((e) => e.path));
    // graphql-jit's own errors carry no extensions at all: the mask must not trip on them.
    for (const error of actual.errors ?? []) expect(() => maskError(error, 'Unexpected error.')).not.toThrow();
  });
});
