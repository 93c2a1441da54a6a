import { UpstreamError } from '../../core/errors.js';
import type { UpstreamHttp, UpstreamResponse } from '../http.js';
import { type RawPart, startProviderStream } from '../provider-stream.js';
import type { ChatRequest, HealthResult, ProviderAdapter, UpstreamTarget } from '../provider.js';
import { readBody, redactSecrets, upstreamHttpError } from '../vendor-error.js';
import { type AwsEnvironment, type BedrockCredentials, credentialsFor, regionFor } from './bedrock-credentials.js';
import { type ConverseBody, converseResponseSchema, errorBodySchema, type StreamEvent, streamEventSchemas } from './bedrock-wire.js';
import { convertToConverse } from './convert-request.js';
import { readEventStream } from './event-stream.js';
import { ConverseStreamReader } from './read-events.js';
import { authHeaders } from './sign-request.js';

/**
 * Exception types of ConverseStream that a retry may cure; others (validationException …) will not.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html#API_runtime_ConverseStream_Errors
 */
const RETRYABLE_EXCEPTIONS: ReadonlySet<string> = new Set([
  'throttlingException',
  'serviceUnavailableException',
  'internalServerException',
  'modelStreamErrorException',
  'modelNotReadyException',
]);

/** The runtime's endpoint of a region, or the model's `baseUrl` (a VPC endpoint, a proxy, a test's fake). */
function apiRoot(target: UpstreamTarget, region: string): string {
  return (target.baseUrl ?? `https://bedrock-runtime.${region}.amazonaws.com`).replace(/\/+$/, '');
}

/** `/model/{modelId}/{operation}`, the model id (an id, an inference profile id or an ARN) percent-encoded as the AWS SDK sends it. */
const operationUrl = (target: UpstreamTarget, region: string, operation: 'converse' | 'converse-stream') =>
  new URL(`${apiRoot(target, region)}/model/${encodeURIComponent(target.upstreamModel)}/${operation}`);

/** The secret text of the credentials, for redaction from vendor messages. */
const secretOf = (credentials: BedrockCredentials) => (credentials.kind === 'bearer' ? credentials.token : credentials.secretAccessKey);

/**
 * AWS names the error in `x-amzn-errortype` (`ThrottlingException:http://internal…`) and its
 * message in the JSON body's `message`.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html
 */
function vendorMessage(response: UpstreamResponse, body: unknown): string | undefined {
  const header = response.headers['x-amzn-errortype'];
  const type = typeof header === 'string' ? header.split(':')[0] : undefined;
  const parsed = errorBodySchema.safeParse(body);
  const message = parsed.success ? (parsed.data.message ?? parsed.data.Message) : typeof body === 'string' ? body : undefined;
  return [type, message].filter(Boolean).join(': ') || undefined;
}

function parseEvent(type: string, body: string): StreamEvent | undefined {
  if (!(type in streamEventSchemas)) return undefined; // an event newer than this adapter
  const eventType = type as StreamEvent['type'];
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UpstreamError(`bedrock sent a ${type} event that is not JSON`, {
      reason: 'malformed',
      retryable: false,
      provider: 'bedrock',
    });
  }
  const parsed = streamEventSchemas[eventType].safeParse(json);
  if (!parsed.success)
    throw new UpstreamError(`bedrock sent a ${type} event of an unexpected shape`, {
      reason: 'malformed',
      retryable: false,
      provider: 'bedrock',
    });
  return { type: eventType, payload: parsed.data } as StreamEvent;
}

/** An exception sent inside the stream (`:message-type: exception`, or `error`), as the gateway's error. */
function streamException(type: string | undefined, body: string, errorMessage: string | undefined, secret: string): UpstreamError {
  let message = errorMessage ?? '';
  const parsed = errorBodySchema.safeParse(safeJson(body));
  if (parsed.success) message = parsed.data.message ?? parsed.data.Message ?? message;
  const name = type ?? 'an unnamed exception';
  return new UpstreamError(`bedrock failed mid-stream: ${name}${message ? `: ${redactSecrets(message, secret).slice(0, 300)}` : ''}`, {
    reason: 'stream',
    retryable: type !== undefined && RETRYABLE_EXCEPTIONS.has(type),
    provider: 'bedrock',
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The adapter for AWS Bedrock's Converse API. It streams with ConverseStream
 * (`POST /model/{modelId}/converse-stream` on `bedrock-runtime.{region}.amazonaws.com`, or the
 * model's `baseUrl`), authenticated by a Bedrock API key (Bearer) or a SigV4 signature of the AWS
 * SDK's signer (bedrock-credentials.ts says where the credentials come from), through the
 * gateway's own HTTP client (its endpoint policy, keep-alive pools and timeouts) rather than the
 * AWS SDK's client. The request is converted (convert-request.ts) before anything is sent; the
 * answer's binary event stream is decoded by the SDK's codec (event-stream.ts) and read by
 * ConverseStreamReader. HTTP errors map through upstreamHttpError (429 and 5xx retryable, with
 * the `x-amzn-errortype` named); exceptions inside the stream by their type.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 */
export function createBedrockAdapter(http: UpstreamHttp, env: AwsEnvironment): ProviderAdapter {
  async function send(
    target: UpstreamTarget,
    operation: 'converse' | 'converse-stream',
    body: ConverseBody,
    signal: AbortSignal,
    requestId?: string,
  ) {
    const region = regionFor(target, env);
    const credentials = credentialsFor(target, env);
    const url = operationUrl(target, region, operation);
    const text = JSON.stringify(body);
    const headers = {
      'content-type': 'application/json',
      accept: operation === 'converse' ? 'application/json' : 'application/vnd.amazon.eventstream',
      ...(requestId ? { 'x-request-id': requestId } : {}),
    };
    const auth = await authHeaders(credentials, region, { url, method: 'POST', headers, body: text });
    const response = await http.send(url.href, {
      method: 'POST',
      headers: { ...headers, ...auth },
      body: text,
      signal,
      connectTimeoutMs: target.timeouts.connectMs,
    });
    return { response, secret: secretOf(credentials) };
  }

  async function* openStream(
    body: ConverseBody,
    request: ChatRequest,
    target: UpstreamTarget,
    signal: AbortSignal,
  ): AsyncGenerator<RawPart> {
    const { response, secret } = await send(target, 'converse-stream', body, signal, request.requestId);
    if (response.status >= 300) throw upstreamHttpError('bedrock', response, vendorMessage(response, await readBody(response)), secret);
    const reader = new ConverseStreamReader();
    for await (const message of readEventStream(response.body)) {
      if (message.messageType !== 'event') throw streamException(message.type, message.body, message.errorMessage, secret);
      const event = message.type ? parseEvent(message.type, message.body) : undefined;
      if (!event) continue;
      for (const part of reader.read(event)) {
        yield part;
        if (part.type === 'finish') return;
      }
    }
    if (reader.stopped) {
      yield reader.finish();
      return;
    }
    throw new UpstreamError('bedrock ended the stream before messageStop', { reason: 'stream', retryable: true, provider: 'bedrock' });
  }

  return {
    kind: 'bedrock',
    async stream(request, target, { signal }) {
      const body = convertToConverse(request, target);
      return startProviderStream(request, target, signal, (s) => openStream(body, request, target, s));
    },
    /**
     * bedrock-runtime has no cheap read-only call, and the control plane's ListFoundationModels
     * knows neither inference profiles nor the model's access grants: the probe is a Converse of
     * one token ("ping", maxTokens 1), which proves the region, the credentials, the model id and
     * the account's access to the model, for a handful of tokens per probe.
     */
    async checkHealth(target, { signal }): Promise<HealthResult> {
      const started = performance.now();
      const probe: ConverseBody = { messages: [{ role: 'user', content: [{ text: 'ping' }] }], inferenceConfig: { maxTokens: 1 } };
      let sent: Awaited<ReturnType<typeof send>>;
      try {
        sent = await send(target, 'converse', probe, signal);
      } catch (error) {
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          message: error instanceof Error ? error.message : 'failed',
        };
      }
      const { response, secret } = sent;
      const latencyMs = Math.round(performance.now() - started);
      const body = await readBody(response);
      if (response.status >= 300)
        return { ok: false, latencyMs, message: upstreamHttpError('bedrock', response, vendorMessage(response, body), secret).message };
      if (!converseResponseSchema.safeParse(body).success)
        return { ok: false, latencyMs, message: 'bedrock answered Converse with a body of an unexpected shape' };
      return { ok: true, latencyMs, message: `${target.upstreamModel} answered a one-token Converse` };
    },
  };
}
