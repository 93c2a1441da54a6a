import { afterEach, describe, expect, it } from 'vitest';
import { CreateSession, DisableModel, Generate, SwitchModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

let t: TestApp;
afterEach(() => t.dispose());

/** Two mock models, no default model: mock-off is disabled before each case. */
async function start() {
  t = await startTestApp({ file: { models: [MOCK_MODEL, { ...MOCK_MODEL, id: 'mock-off' }] } });
  expectData(await t.run(DisableModel, { id: 'mock-off' }));
  const { createSession } = expectData(await t.run(CreateSession, { input: { modelId: 'mock-a' } }));
  return createSession.id;
}

/**
 * One resolution for a request and a session (routing/resolve-target.ts): the same code and
 * message for the same fault, and the field named is the caller's own.
 */
describe('target resolution, the same for generate, createSession and switchModel', () => {
  it('should refuse a model that does not exist with NOT_FOUND, naming the field', async () => {
    const sessionId = await start();
    const errors = [
      expectError(await t.run(Generate, { input: { model: 'ghost', prompt: 'x' } })),
      expectError(await t.run(CreateSession, { input: { modelId: 'ghost' } })),
      expectError(await t.run(SwitchModel, { input: { sessionId, modelId: 'ghost' } })),
    ];
    expect(errors.map((e) => [e.code, e.message, e.extensions.field])).toEqual([
      ['NOT_FOUND', 'model "ghost" does not exist', 'input.model'],
      ['NOT_FOUND', 'model "ghost" does not exist', 'input.modelId'],
      ['NOT_FOUND', 'model "ghost" does not exist', 'input.modelId'],
    ]);
  });

  it('should refuse a model that cannot take requests with MODEL_UNAVAILABLE, saying why', async () => {
    const sessionId = await start();
    const errors = [
      expectError(await t.run(Generate, { input: { model: 'mock-off', prompt: 'x' } })),
      expectError(await t.run(CreateSession, { input: { modelId: 'mock-off' } })),
      expectError(await t.run(SwitchModel, { input: { sessionId, modelId: 'mock-off' } })),
    ];
    expect(errors.map((e) => [e.code, e.message, e.extensions.field])).toEqual([
      ['MODEL_UNAVAILABLE', 'model "mock-off" is DISABLED; it cannot serve until an operator acts: enable it (enableModel)', 'input.model'],
      [
        'MODEL_UNAVAILABLE',
        'model "mock-off" is DISABLED; it cannot serve until an operator acts: enable it (enableModel)',
        'input.modelId',
      ],
      [
        'MODEL_UNAVAILABLE',
        'model "mock-off" is DISABLED; it cannot serve until an operator acts: enable it (enableModel)',
        'input.modelId',
      ],
    ]);
  });

  it('should ask for a model when none is given and the config names no default', async () => {
    await start();
    const errors = [expectError(await t.run(Generate, { input: { prompt: 'x' } })), expectError(await t.run(CreateSession, { input: {} }))];
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'input.model: is required: no model given and the config names no defaultModel'],
      ['BAD_USER_INPUT', 'input.modelId: is required: no model given and the config names no defaultModel'],
    ]);
  });
});
