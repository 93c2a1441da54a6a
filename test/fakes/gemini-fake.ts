import { type FakeUpstream, type RequestCheck, type Scripted, startFakeUpstream } from './fake-upstream.js';
import { batchEmbedProblem, geminiBodyProblem } from './gemini-rules.js';
import { fixture, fixtureJson } from './vendors.js';

export const GEMINI_TEST_KEY = 'AIzaSyTest-gemini-0000';
export const VERTEX_TEST_TOKEN = 'ya29.test-vertex-0000';
export const GEMINI_TEST_MODEL = 'gemini-2.5-flash';
/** The Vertex AI fake's project path, after `/v1`. */
export const VERTEX_TEST_PROJECT = '/v1/projects/switchyard-test/locations/us-central1';

const invalid = (message: string): Scripted => ({
  type: 'json',
  status: 400,
  body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } },
});

const checkBody: RequestCheck = ({ method, path, body }) => {
  if (method !== 'POST') return undefined;
  const embedFor = /\/models\/([^/:]+):batchEmbedContents$/.exec(path)?.[1];
  const message = embedFor
    ? batchEmbedProblem(embedFor, body)
    : /:(stream)?[gG]enerateContent$/.test(path)
      ? geminiBodyProblem(body)
      : undefined;
  return message === undefined ? undefined : invalid(message);
};

/**
 * A Google upstream speaking Gemini's `generateContent` wire format, as either endpoint:
 *
 * - `gemini` (the Generative Language API, `/v1beta/models/{model}:…`): the key in
 *   `x-goog-api-key`; none → 403 PERMISSION_DENIED, a wrong one → 400 INVALID_ARGUMENT with
 *   reason API_KEY_INVALID, as Google answers;
 * - `vertex-ai` (`/v1/projects/…/locations/…/publishers/google/models/{model}:…`): a bearer
 *   token; none or a wrong one → 401 UNAUTHENTICATED.
 *
 * Bodies Google would refuse (`generateContent`, `batchEmbedContents`) get its 400 INVALID_ARGUMENT
 * (gemini-rules.ts). Serves a text stream
 * for `gemini-2.5-flash`, its model record (`GET`, Gemini) and `countTokens` (Vertex AI).
 */
export async function startGoogleFake(kind: 'gemini' | 'vertex-ai' = 'gemini'): Promise<FakeUpstream> {
  const fake = await startFakeUpstream({
    check: checkBody,
    auth: (headers): Scripted | undefined => {
      if (kind === 'vertex-ai')
        return headers.authorization === `Bearer ${VERTEX_TEST_TOKEN}`
          ? undefined
          : { type: 'json', status: 401, body: fixtureJson('gemini/error-401-vertex.json') };
      const key = headers['x-goog-api-key'];
      if (key === GEMINI_TEST_KEY) return undefined;
      return key === undefined
        ? { type: 'json', status: 403, body: fixtureJson('gemini/error-403-no-key.json') }
        : { type: 'json', status: 400, body: fixtureJson('gemini/error-400-key-invalid.json') };
    },
  });
  const model =
    kind === 'vertex-ai' ? `${VERTEX_TEST_PROJECT}/publishers/google/models/${GEMINI_TEST_MODEL}` : `/v1beta/models/${GEMINI_TEST_MODEL}`;
  fake.respond(`POST ${model}:streamGenerateContent`, { type: 'sse', body: fixture('gemini/stream-text.sse') });
  if (kind === 'vertex-ai') fake.respond(`POST ${model}:countTokens`, { type: 'json', body: fixtureJson('gemini/count-tokens.json') });
  else fake.respond(`GET ${model}`, { type: 'json', body: fixtureJson('gemini/model.json') });
  return fake;
}

/** The route of the fake's stream for a model, to script other answers. */
export function streamRoute(kind: 'gemini' | 'vertex-ai' = 'gemini', model = GEMINI_TEST_MODEL): string {
  return kind === 'vertex-ai'
    ? `POST ${VERTEX_TEST_PROJECT}/publishers/google/models/${model}:streamGenerateContent`
    : `POST /v1beta/models/${model}:streamGenerateContent`;
}
