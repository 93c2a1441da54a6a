import { embeddingsAnswer } from './openai-embeddings.js';
import { type FakeUpstream, type RequestCheck, type Scripted, startFakeUpstream } from './fake-upstream.js';
import { openAIChatBodyProblem } from './openai-validator.js';
import { fixture, fixtureJson } from './vendors.js';

/** An Azure OpenAI key's shape: 32 hex characters. */
export const AZURE_TEST_KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** A Microsoft Entra ID access token's shape (a JWT; not a real one). */
export const AZURE_TEST_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSJ9.c2lnbmF0dXJlLW5vdC1yZWFs';
export const AZURE_API_VERSION = '2024-10-21';
/** The fake resource's deployments: name → the model deployed. */
export const AZURE_DEPLOYMENTS: Readonly<Record<string, string>> = {
  'gpt-4o-prod': 'gpt-4o',
  'embed-small': 'text-embedding-3-small',
};

/** The GA and preview versions the fake takes (Azure answers others 400 "API version not supported"). */
const API_VERSIONS = new Set(['2024-06-01', '2024-10-21', '2025-01-01-preview', '2025-04-01-preview']);

/**
 * The Chat Completions request fields of Azure's data-plane spec: Azure refuses any other
 * ("Unrecognized request argument supplied: …", 400), so a body carrying another kind's field
 * (DashScope's `enable_thinking`, say) fails here as it would there.
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference#request-body-2
 */
const CHAT_FIELDS = new Set([
  'messages',
  'model',
  'temperature',
  'top_p',
  'stream',
  'stream_options',
  'stop',
  'max_tokens',
  'max_completion_tokens',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'user',
  'n',
  'seed',
  'response_format',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'reasoning_effort',
  'store',
  'metadata',
  'modalities',
  'audio',
  'prediction',
  'data_sources',
  'user_security_context',
]);

const json = (status: number, body: unknown): Scripted => ({ type: 'json', status, body });
const azureError = (status: number, code: string, message: string) => json(status, { error: { code, message } });
const deploymentNotFound = (): Scripted => json(404, fixtureJson('azure/error-404-deployment.json'));

function unrecognizedField(body: unknown): Scripted | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const extra = Object.keys(body).find((key) => !CHAT_FIELDS.has(key));
  if (extra === undefined) return undefined;
  return json(400, {
    error: { message: `Unrecognized request argument supplied: ${extra}`, type: 'invalid_request_error', param: null, code: null },
  });
}

const CLASSIC = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/;
const V1 = /^\/openai\/v1\/(chat\/completions|embeddings)$/;

/**
 * Azure's routing and validation, in the order the service applies them: the classic form needs
 * a supported `api-version` (without one: 404 "Resource not found"; an unknown one: 400) and a
 * deployment of the resource (404 DeploymentNotFound); the v1 form takes no api-version and names
 * the deployment as the body's `model`. Then the body is checked as OpenAI checks it, plus Azure's
 * refusal of unknown fields. Embeddings are answered here (OpenAI's shape).
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference
 * @see https://github.com/MicrosoftDocs/azure-docs/issues/114602 (404 without api-version)
 */
const azureCheck: RequestCheck = ({ method, path, query, body }) => {
  const classic = CLASSIC.exec(path);
  const v1 = V1.exec(path);
  if (method !== 'POST' || (!classic && !v1)) return undefined;
  let operation: string | undefined;
  if (classic) {
    const version = new URLSearchParams(query).get('api-version');
    if (!version) return json(404, fixtureJson('azure/error-404-resource.json'));
    if (!API_VERSIONS.has(version)) return azureError(400, 'BadRequest', 'API version not supported');
    if (!Object.hasOwn(AZURE_DEPLOYMENTS, decodeURIComponent(classic[1] ?? ''))) return deploymentNotFound();
    operation = classic[2];
  } else {
    const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
    if (typeof model !== 'string' || !Object.hasOwn(AZURE_DEPLOYMENTS, model)) return deploymentNotFound();
    operation = v1?.[1];
  }
  if (operation === 'embeddings') return embeddingsAnswer(body);
  return unrecognizedField(body) ?? openAIChatBodyProblem(body);
};

/**
 * An Azure OpenAI resource: checks `api-key` (or an Entra ID bearer token) like the real service
 * (401 with Azure's error body otherwise), routes by deployment and api-version (azureCheck), and
 * streams Azure-shaped chunks (prompt filter results first, content filter results on each choice).
 */
export async function startAzureOpenAIFake(): Promise<FakeUpstream> {
  const fake = await startFakeUpstream({
    auth: (headers): Scripted | undefined =>
      headers['api-key'] === AZURE_TEST_KEY || headers.authorization === `Bearer ${AZURE_TEST_TOKEN}`
        ? undefined
        : json(401, fixtureJson('azure/error-401.json')),
    check: azureCheck,
  });
  for (const deployment of Object.keys(AZURE_DEPLOYMENTS))
    fake.respond(`POST /openai/deployments/${deployment}/chat/completions`, { type: 'sse', body: fixture('azure/chat-text.sse') });
  fake.respond('POST /openai/v1/chat/completions', { type: 'sse', body: fixture('azure/chat-text.sse') });
  return fake;
}
