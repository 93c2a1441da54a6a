import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateApiKey,
  CreateSession,
  GenerateInSession,
  GenerationsQuery,
  RegisterModel,
  SessionHistoryQuery,
  SessionQuery,
  SessionsQuery,
  SwitchModel,
} from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { fixtureJson } from '../fakes/vendors.js';

let v: VendorApp;
beforeEach(async () => {
  v = await startVendorApp();
});
afterEach(() => v.dispose());

async function newSession(modelId = 'mock-a', params?: { maxTokens?: number }, key?: string) {
  return expectData(await v.t.run(CreateSession, { input: { modelId, ...(params ? { params } : {}) } }, key)).createSession;
}

describe('sessions and switching', () => {
  it('should keep the conversation across a switch: the second model receives the first turn', async () => {
    const session = await newSession();
    expect(session).toMatchObject({ revision: 1, model: { id: 'mock-a' } });
    const first = expectData(
      await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'What is a switchyard?' } }),
    ).generate;
    expect(first).toMatchObject({ modelId: 'mock-a', sessionId: session.id, status: 'SUCCEEDED' });

    const { switchModel } = expectData(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test' } }));
    expect(switchModel).toMatchObject({
      revision: 2,
      previousModel: { id: 'mock-a' },
      model: { id: 'gpt-test' },
      session: { revision: 2, model: { id: 'gpt-test' } },
    });
    expect(switchModel.latencyMs).toBeGreaterThan(0);

    const second = expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'And a signal box?' } })).generate;
    expect(second).toMatchObject({ modelId: 'gpt-test', status: 'SUCCEEDED', text: 'Hello there! 你好 😀' });
    expect(v.openai.calls.at(-1)?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'What is a switchyard?' },
        { role: 'assistant', content: first.text },
        { role: 'user', content: 'And a signal box?' },
      ],
    });
    const { session: stored } = expectData(await v.t.run(SessionQuery, { id: session.id }));
    expect(stored?.messages.map((m) => [m.role, m.generationId])).toEqual([
      ['user', first.id],
      ['assistant', first.id],
      ['user', second.id],
      ['assistant', second.id],
    ]);
  });

  it('should let the request name another model for one turn without switching the session', async () => {
    const session = await newSession();
    expect(
      expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, model: 'claude-test', prompt: 'x' } })).generate
        .modelId,
    ).toBe('claude-test');
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session?.model?.id).toBe('mock-a');
  });

  it('should apply switch params over the model defaults for the session', async () => {
    const session = await newSession('gpt-test', { maxTokens: 77 });
    expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'x' } }));
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ max_completion_tokens: 77 });
    expectData(
      await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test', params: { maxTokens: 33, temperature: 0.1 } } }),
    );
    expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'y' } }));
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ max_completion_tokens: 33, temperature: 0.1 });
    expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'z', params: { maxTokens: 5 } } }));
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ max_completion_tokens: 5 });
  });

  it('should refuse a switch to a missing or unavailable model and change nothing', async () => {
    const session = await newSession();
    expect(expectError(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'ghost' } }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'model "ghost" does not exist',
    });
    expectData(await v.t.run(RegisterModel, { input: { id: 'gpt-off', provider: 'OPENAI', apiKeyEnv: 'UNSET_KEY_VAR' } }));
    expect(expectError(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-off' } }))).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'model "gpt-off" is UNHEALTHY: UNSET_KEY_VAR is not set; it cannot serve until an operator acts: set UNSET_KEY_VAR',
      extensions: { status: 'UNHEALTHY', notReady: true },
    });
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session).toMatchObject({ revision: 1, model: { id: 'mock-a' } });
  });

  it('should apply concurrent switches one by one: final state consistent, revisions contiguous', async () => {
    const session = await newSession();
    const targets = ['gpt-test', 'claude-test', 'mock-a', 'gpt-test', 'claude-test', 'mock-a', 'gpt-test', 'claude-test'];
    const results = await Promise.all(targets.map((modelId) => v.t.run(SwitchModel, { input: { sessionId: session.id, modelId } })));
    const switches = results.map((r) => expectData(r).switchModel);
    expect(switches.map((s) => s.revision).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const last = switches.find((s) => s.revision === 9);
    for (const s of switches) {
      const next = switches.find((n) => n.revision === s.revision + 1);
      if (next) expect(next.previousModel?.id).toBe(s.model?.id); // each switch starts from the one before it
    }
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session).toMatchObject({
      revision: 9,
      model: { id: last?.model?.id },
    });
  });

  it('should leave the history unchanged when a generation fails', async () => {
    const session = await newSession('gpt-test');
    v.openai.respond('POST /v1/chat/completions', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
    expect(expectError(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'x' } })).code).toBe('UPSTREAM_ERROR');
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session?.messages).toEqual([]);
  });

  it('should trim the oldest turns to the context window and say how many were dropped', async () => {
    expectData(
      await v.t.run(RegisterModel, {
        input: { id: 'mock-small', provider: 'MOCK', contextWindow: 60, defaults: { maxTokens: 10 }, mock: { tokens: 6 } },
      }),
    );
    const session = await newSession('mock-small');
    const drops: number[] = [];
    for (let i = 0; i < 4; i++) {
      drops.push(
        expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: `turn ${i} about the yard` } })).generate
          .droppedMessages,
      );
    }
    expect(drops[0]).toBe(0);
    expect(drops[3]).toBeGreaterThan(0);
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session?.messages).toHaveLength(8); // stored history is whole
  });

  it('should keep a session’s stored history within the config’s bounds, dropping its oldest whole turns (their generations stay)', async () => {
    const t = await startTestApp({ file: { models: [MOCK_MODEL], sessions: { maxHistoryMessages: 5 } } });
    try {
      const session = expectData(await t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
      const ask = async (messages: Array<{ role: 'SYSTEM' | 'USER'; content: string }>) =>
        expectData(await t.run(GenerateInSession, { input: { sessionId: session.id, messages } })).generate;
      await ask([
        { role: 'SYSTEM', content: 'Be brief.' },
        { role: 'USER', content: 'turn 1' },
      ]); // 3 messages
      await ask([{ role: 'USER', content: 'turn 2' }]); // 5
      const history = async () => expectData(await t.run(SessionHistoryQuery, { id: session.id })).session;
      expect((await history())?.trimmedMessages).toBe(0);
      const third = await ask([{ role: 'USER', content: 'turn 3' }]); // 7: the first turn (3 messages) goes
      const after = await history();
      expect(after?.trimmedMessages).toBe(3);
      expect(after?.messages.map((m) => `${m.role}:${m.content.slice(0, 6)}`)).toEqual([
        'user:turn 2',
        expect.stringMatching(/^assistant:/),
        'user:turn 3',
        expect.stringMatching(/^assistant:/),
      ]);
      expect(after?.messages.at(-1)?.generationId).toBe(third.id);
      // The next turn is sent what is left, and every generation is still recorded.
      expect(expectData(await t.run(GenerationsQuery, {})).generations.edges).toHaveLength(3);
    } finally {
      await t.dispose();
    }
  });

  it('should show a client key only its own sessions', async () => {
    await v.dispose();
    const admin = 'sessions-admin-key-0123456789';
    v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: admin });
    const a = expectData(await v.t.run(CreateApiKey, { input: { name: 'a', scopes: ['CLIENT'] } }, admin)).createApiKey.key;
    const b = expectData(await v.t.run(CreateApiKey, { input: { name: 'b', scopes: ['CLIENT'] } }, admin)).createApiKey.key;
    const session = await newSession('mock-a', undefined, a);
    expect(expectData(await v.t.run(SessionQuery, { id: session.id }, b)).session).toBeNull();
    expect(expectError(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test' } }, b))).toMatchObject({
      code: 'NOT_FOUND',
      message: `session "${session.id}" does not exist`,
    });
    expect(expectError(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'x' } }, b)).code).toBe('NOT_FOUND');
    expect(expectData(await v.t.run(SessionsQuery, undefined, b)).sessions.edges).toEqual([]);
    expect(expectData(await v.t.run(SessionsQuery, undefined, a)).sessions.edges.map((e) => e.node.id)).toEqual([session.id]);
    expect(expectData(await v.t.run(SessionQuery, { id: session.id }, admin)).session?.id).toBe(session.id);
  });
});
