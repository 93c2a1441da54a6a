import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSession, DisableModel, EnableModel, GenerateInSession, SetModelPool } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * Sticky pools end to end (one gateway for the file): a pool of two mock models, even weights, so
 * that without stickiness a conversation's turns would land on either; each case sends several
 * conversations, so a pass by chance is below one in a thousand. The draws are seeded (repeatable).
 */
const mock = (id: string) => ({ id, provider: 'mock', pricing: { input: 1, output: 2 }, mock: { tokens: 3 } });
/** A seeded PRNG for the pool's draws: the test's outcome is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await startTestApp({
    file: {
      models: [mock('mock-a'), mock('mock-b'), { ...mock('mock-c'), limits: { requestsPerMinute: 3 } }, mock('mock-d')],
      pools: [
        {
          name: 'warm',
          strategy: 'WEIGHTED',
          sticky: true,
          members: [
            { modelId: 'mock-a', weight: 1 },
            { modelId: 'mock-b', weight: 1 },
          ],
        },
        { name: 'limited', strategy: 'WEIGHTED', sticky: true, members: [{ modelId: 'mock-c' }, { modelId: 'mock-d' }] },
      ],
    },
    overrides: { random: seeded(11) },
  });
  base = await t.listen();
});
afterAll(() => t?.dispose());

/** One /v1/chat/completions turn on the pool; answers the member that served it. */
async function chat(messages: Array<{ role: string; content: string }>, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'warm', messages, max_tokens: 10, ...extra }),
  });
  expect(response.status).toBe(200);
  await response.json();
  return response.headers.get('x-switchyard-model') ?? '';
}

describe('sticky pools', () => {
  it('should keep a session on its member while it is eligible, move it when it is not, and keep it where it moved', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 8 }, async () => expectData(await t.run(CreateSession, { input: { poolName: 'warm' } })).createSession.id),
    );
    const turn = async (sessionId: string, prompt: string) =>
      expectData(await t.run(GenerateInSession, { input: { sessionId, prompt } })).generate.modelId;
    const first = new Map<string, string>();
    for (const id of sessions) first.set(id, await turn(id, 'first'));
    for (let i = 0; i < 3; i++) for (const id of sessions) expect(await turn(id, `turn ${i}`)).toBe(first.get(id));
    // Both members serve some of them (weights hold across sessions)…
    expect(new Set(first.values()).size).toBe(2);
    // …and when mock-a is disabled, its sessions move to mock-b and stay there once it is back.
    const onA = sessions.filter((id) => first.get(id) === 'mock-a');
    expectData(await t.run(DisableModel, { id: 'mock-a' }));
    for (const id of sessions) expect(await turn(id, 'while a is off')).toBe('mock-b');
    expectData(await t.run(EnableModel, { id: 'mock-a' }));
    for (const id of onA) expect(await turn(id, 'a is back')).toBe('mock-b');
  });

  it('should send two stateless /v1 conversations with the same prefix to one member, without a session', async () => {
    for (let c = 0; c < 8; c++) {
      const prefix = [
        { role: 'system', content: `You review contract ${c}.` },
        { role: 'user', content: `Here is contract ${c}: …` },
      ];
      const member = await chat(prefix);
      expect(await chat([...prefix, { role: 'assistant', content: 'Read it.' }, { role: 'user', content: 'Clause 4?' }])).toBe(member);
      expect(await chat([...prefix, { role: 'assistant', content: 'Noted.' }, { role: 'user', content: 'Who signs?' }])).toBe(member);
    }
  });

  it('should keep one /v1 end user on one member whatever the conversation', async () => {
    const members = new Set<string>();
    for (let u = 0; u < 8; u++) {
      const member = await chat([{ role: 'user', content: `question one of user ${u}` }], { user: `end-user-${u}` });
      members.add(member);
      expect(await chat([{ role: 'user', content: `an unrelated question ${u}` }], { user: `end-user-${u}` })).toBe(member);
    }
    expect(members.size).toBe(2);
  });

  it('should move a conversation off a member at its rate limit, to the member that then serves it', async () => {
    const prefix = (c: number) => [{ role: 'user', content: `limited conversation ${c}` }];
    let c = 0;
    while ((await chat(prefix(c), { model: 'limited' })) !== 'mock-c') c++; // mock-c's first request of the minute
    const turns = [];
    for (let turn = 2; turn <= 5; turn++)
      turns.push(
        await chat([...prefix(c), { role: 'assistant', content: 'ok' }, { role: 'user', content: `turn ${turn}` }], { model: 'limited' }),
      );
    // Turns 2 and 3 stay on mock-c (sticky); its 3 requests a minute used, turn 4 moves to mock-d, and turn 5 stays there.
    expect(turns).toEqual(['mock-c', 'mock-c', 'mock-d', 'mock-d']);
  });

  it('should take sticky and its TTL from setModelPool, and refuse a bad one naming the field', async () => {
    const { setModelPool } = expectData(
      await t.run(SetModelPool, { input: { name: 'set-sticky', sticky: true, stickyTtlSeconds: 300, members: [{ modelId: 'mock-a' }] } }),
    );
    expect(setModelPool).toMatchObject({ sticky: true, stickyTtlSeconds: 300 });
    const error = expectError(
      await t.run(SetModelPool, { input: { name: 'bad-ttl', sticky: true, stickyTtlSeconds: 0, members: [{ modelId: 'mock-a' }] } }),
    );
    expect(error.message).toContain('input.stickyTtlSeconds');
    expect(() => testConfig({ file: { models: [mock('m')], pools: [{ name: 'p', sticky: 'yes', members: [{ modelId: 'm' }] }] } })).toThrow(
      /pools\[0\]\.sticky: expected true or false/,
    );
  });
});
