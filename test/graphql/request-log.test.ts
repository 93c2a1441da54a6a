import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

const ADMIN = 'request-log-admin-key-0123456789';

const CreateKey = graphql(`
  mutation RequestLogCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id requestLog } }
  }
`);

const UpdateKey = graphql(`
  mutation RequestLogUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) { id requestLog }
  }
`);

const UpdateModelLog = graphql(`
  mutation RequestLogUpdateModel($input: UpdateModelInput!) {
    updateModel(input: $input) { model { id requestLog } }
  }
`);

const ModelLog = graphql(`query RequestLogModel($id: ID!) { model(id: $id) { id requestLog } }`);

const Generate = graphql(`
  mutation RequestLogGenerate($input: GenerateInput!) {
    generate(input: $input) { id text request { messages { role content } } }
  }
`);

const Logged = graphql(`
  query RequestLogged($id: ID!) {
    generation(id: $id) {
      id status text costMicroUsd errorCode errorMessage usage { inputTokens outputTokens }
      toolCalls { id name arguments }
      request { messages { role content } tools parameters }
    }
  }
`);

const Search = graphql(`
  query RequestLogSearch($filter: GenerationFilter) {
    generations(filter: $filter, first: 50) { edges { node { id } } }
  }
`);

// Secrets in the shapes the built-in rules know, and one only the config's rule knows.
const OPENAI_KEY = `sk-proj-${'A1b2C3d4'.repeat(4)}`;
const SWITCHYARD_KEY = `sy_${'x'.repeat(32)}`;
const EMPLOYEE_ID = 'EMP-123456';

/** A conversation whose last message is a tool result: the mock answers by quoting it, so the answer carries the secret too. */
function conversation(secret: string) {
  return [
    { role: 'USER' as const, content: `look up ${secret} with Bearer abcdefgh12345678` },
    { role: 'ASSISTANT' as const, content: '', toolCalls: [{ id: 'call_1', name: 'lookup', arguments: `{"q":"${secret}"}` }] },
    { role: 'TOOL' as const, toolCallId: 'call_1', content: `found ${secret}` },
  ];
}

let t: TestApp;
let model: string;

beforeAll(async () => {
  t = await startTestApp({
    file: {
      models: [MOCK_MODEL, { ...MOCK_MODEL, id: 'mock-full', requestLog: 'full' }],
      requestLog: { mode: 'metadata', redact: [String.raw`EMP-\d{6}`] },
    },
    env: { SWITCHYARD_ADMIN_KEY: ADMIN },
  });
  model = MOCK_MODEL.id;
});
afterAll(() => t?.dispose());

async function generate(key: string, modelId: string, secret: string) {
  const answer = expectData(await t.run(Generate, { input: { model: modelId, messages: conversation(secret) } }, key)).generate;
  const stored = expectData(await t.run(Logged, { id: answer.id }, ADMIN)).generation;
  if (!stored) throw new Error('the generation was not stored');
  return { answer, stored };
}

async function newKey(requestLog?: 'OFF' | 'METADATA' | 'FULL') {
  return expectData(await t.run(CreateKey, { input: { name: 'log', scopes: ['CLIENT'], ...(requestLog ? { requestLog } : {}) } }, ADMIN))
    .createApiKey;
}

describe('request log modes', () => {
  it('should keep the answer but not the request in metadata mode (the gateway default), redacted', async () => {
    const key = await newKey();
    expect(key.apiKey.requestLog).toBeNull();
    const { answer, stored } = await generate(key.key, model, OPENAI_KEY);
    // The caller gets its whole answer; only the stored copy is redacted.
    expect(answer.text).toContain(OPENAI_KEY);
    expect(stored.text).toContain('[redacted]');
    expect(stored.text).not.toContain(OPENAI_KEY);
    expect(stored.request).toBeNull();
    expect(stored.costMicroUsd).toBeGreaterThan(0);
  });

  it("should keep the request in full mode (the model's), every string redacted by the built-in and the config's rules", async () => {
    const key = await newKey();
    const { answer, stored } = await generate(key.key, 'mock-full', `${SWITCHYARD_KEY} ${EMPLOYEE_ID}`);
    const messages = stored.request?.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    const logged = JSON.stringify(stored);
    for (const secret of [SWITCHYARD_KEY, EMPLOYEE_ID, 'abcdefgh12345678']) expect(logged).not.toContain(secret);
    expect(messages[0]?.content).toBe('look up [redacted] [redacted] with Bearer [redacted]');
    expect(stored.request?.parameters).toMatchObject({ maxTokens: expect.any(Number) });
    // generate's own answer shows the request as the log kept it, as generation(id) does.
    expect(answer.request?.messages).toEqual(messages);
  });

  it("should let a key's mode win over the model's, and keep only the accounting when off", async () => {
    const key = await newKey('OFF');
    expect(key.apiKey.requestLog).toBe('OFF');
    const { answer, stored } = await generate(key.key, 'mock-full', OPENAI_KEY);
    expect(answer.text).not.toBe('');
    expect(stored).toMatchObject({ status: 'SUCCEEDED', text: '', toolCalls: [], request: null, errorMessage: null });
    expect(stored.usage.outputTokens).toBeGreaterThan(0);
    expect(stored.costMicroUsd).toBeGreaterThan(0);
  });

  it('should change a key with updateApiKey (null inherits again) and apply it to its next request', async () => {
    const key = await newKey('OFF');
    const full = expectData(await t.run(UpdateKey, { id: key.apiKey.id, input: { requestLog: 'FULL' } }, ADMIN)).updateApiKey;
    expect(full.requestLog).toBe('FULL');
    expect((await generate(key.key, model, 'hello')).stored.request).not.toBeNull();
    const inherit = expectData(await t.run(UpdateKey, { id: key.apiKey.id, input: { requestLog: null } }, ADMIN)).updateApiKey;
    expect(inherit.requestLog).toBeNull();
    expect((await generate(key.key, model, 'hello')).stored.request).toBeNull();
    expect(expectError(await t.run(UpdateKey, { id: 'no-such-key', input: { requestLog: 'OFF' } }, ADMIN)).code).toBe('NOT_FOUND');
    expect(expectError(await t.run(UpdateKey, { id: key.apiKey.id, input: { requestLog: 'OFF' } }, key.key)).code).toBe('FORBIDDEN');
  });

  it("should set a model's mode with updateModel and clear it with null", async () => {
    const set = expectData(await t.run(UpdateModelLog, { input: { id: model, requestLog: 'OFF' } }, ADMIN)).updateModel;
    expect(set.model.requestLog).toBe('OFF');
    const key = await newKey();
    expect((await generate(key.key, model, 'hello')).stored.text).toBe('');
    expectData(await t.run(UpdateModelLog, { input: { id: model, requestLog: null } }, ADMIN));
    expect(expectData(await t.run(ModelLog, { id: model }, ADMIN)).model?.requestLog).toBeNull();
    expect((await generate(key.key, model, 'hello')).stored.text).not.toBe('');
  });
});

describe('GenerationFilter.search', () => {
  async function found(search: string, key = ADMIN) {
    const page = expectData(await t.run(Search, { filter: { search } }, key)).generations;
    return page.edges.map((e) => e.node.id);
  }

  it('should find a generation by its logged request or its answer, ignoring case, and nothing the log did not keep', async () => {
    const key = await newKey('FULL');
    const { stored } = await generate(key.key, model, 'Zebra-Quartz_42% "quoted"');
    expect(await found('zebra-quartz')).toEqual([stored.id]);
    // LIKE's wildcards are literal; a term with quotes matches the JSON-escaped request too.
    expect(await found('quartz_42%')).toEqual([stored.id]);
    expect(await found('quartz_4%2')).toEqual([]);
    expect(await found('42% "QUOTED"')).toEqual([stored.id]);
    // The answer quotes the tool result: found in the answer when the request is not logged.
    const answerOnly = (await generate((await newKey('METADATA')).key, model, 'Walrus-Ochre')).stored;
    expect(answerOnly.request).toBeNull();
    expect(await found('WALRUS-ochre')).toEqual([answerOnly.id]);
    // Nothing of an `off` record, nor a redacted secret, can be found.
    await generate((await newKey('OFF')).key, model, 'Heron-Umber');
    expect(await found('heron-umber')).toEqual([]);
    expect(await found(OPENAI_KEY.slice(0, 20))).toEqual([]);
    // A client key searches its own generations only.
    expect(await found('zebra-quartz', key.key)).toEqual([stored.id]);
    expect(await found('walrus-ochre', key.key)).toEqual([]);
  });

  it('should refuse a search term longer than 200 characters, naming the field', async () => {
    const error = expectError(await t.run(Search, { filter: { search: 'x'.repeat(201) } }, ADMIN));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/filter\.search.*1 to 200 characters/);
  });
});
