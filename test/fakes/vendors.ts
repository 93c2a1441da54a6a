import { readFileSync } from 'node:fs';
import { anthropicBodyProblem } from './anthropic-rules.js';
import { type FakeUpstream, type RequestCheck, type Scripted, startFakeUpstream } from './fake-upstream.js';
import { openAIRequestProblem } from './openai-validator.js';

export const OPENAI_TEST_KEY = 'sk-test-openai-0000';
export const ANTHROPIC_TEST_KEY = 'sk-ant-test-0000';

/** A fixture file's exact text (`test/fixtures/<vendor>/<name>`). */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

export function fixtureJson(path: string): unknown {
  return JSON.parse(fixture(path));
}

/**
 * An OpenAI-format upstream: checks `Authorization: Bearer <key>` like the real API (401 with
 * OpenAI's error body otherwise), refuses the chat bodies OpenAI refuses (400, see
 * openai-validator.ts; `validate: false` to script any answer), and serves
 * `/v1/chat/completions` and `/v1/models` from fixtures.
 */
export async function startOpenAIFake(port?: number, options: { validate?: boolean } = {}): Promise<FakeUpstream> {
  const fake = await startFakeUpstream({
    ...(port ? { port } : {}),
    ...(options.validate === false ? {} : { check: ({ method, path, body }) => openAIRequestProblem(method, path, body) }),
    auth: (headers): Scripted | undefined =>
      headers.authorization === `Bearer ${OPENAI_TEST_KEY}`
        ? undefined
        : { type: 'json', status: 401, body: fixtureJson('openai/error-401.json') },
  });
  fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse') });
  fake.respond('GET /v1/models', { type: 'json', body: fixtureJson('openai/models.json') });
  return fake;
}

const checkMessagesBody: RequestCheck = ({ method, path, body }) => {
  const message = method === 'POST' && path === '/v1/messages' ? anthropicBodyProblem(body) : undefined;
  return message === undefined
    ? undefined
    : { type: 'json', status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message } } };
};

/**
 * An Anthropic-format upstream: checks `x-api-key` and `anthropic-version` (401 with Anthropic's
 * error body otherwise) and serves `/v1/messages` and `/v1/models/{id}` from fixtures. With
 * `validate`, a `/v1/messages` body the real API would refuse gets its 400 `invalid_request_error`
 * (anthropic-rules.ts).
 */
export async function startAnthropicFake(options: { validate?: boolean } = {}): Promise<FakeUpstream> {
  const fake = await startFakeUpstream({
    auth: (headers): Scripted | undefined =>
      headers['x-api-key'] === ANTHROPIC_TEST_KEY && headers['anthropic-version'] === '2023-06-01'
        ? undefined
        : { type: 'json', status: 401, body: fixtureJson('anthropic/error-401.json') },
    ...(options.validate ? { check: checkMessagesBody } : {}),
  });
  fake.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-text.sse') });
  fake.respond('GET /v1/models/claude-3-haiku-20240307', { type: 'json', body: fixtureJson('anthropic/model.json') });
  return fake;
}
