import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '../../src/providers/bedrock/sign-request.js';
import { converseProblem } from './bedrock-rules.js';

/** Long-term access keys the fake knows (AWS's documentation example pair). */
export const BEDROCK_TEST_KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;
/** Temporary keys the fake knows: valid only with their session token. */
export const BEDROCK_TEST_SESSION = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
} as const;
/** A Bedrock API key the fake knows (sent as Bearer). */
export const BEDROCK_TEST_API_KEY = 'ABSKQmVkcm9ja0FQSUtleS10ZXN0LWtleQ';
/** The region the fake serves: a request signed for another is refused. */
export const BEDROCK_TEST_REGION = 'us-east-1';

/** One event of a ConverseStream answer: an event by its type, or an exception inside the stream. */
export type BedrockEvent =
  | { event: string; payload: Record<string, unknown> }
  | { exception: string; message: string }
  /** An event-stream `error` message: its code and message in headers, no payload. */
  | { error: string; message: string };

export type BedrockScript =
  | { type: 'events'; events: BedrockEvent[]; cutAfterBytes?: number }
  | { type: 'error'; status: number; errorType: string; message: string; headers?: Record<string, string> }
  | { type: 'json'; body: unknown }
  | { type: 'hang' };

export interface BedrockCall {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** How the request authenticated. */
  readonly auth: 'sigv4' | 'bearer';
  readonly accessKeyId?: string;
}

export interface BedrockFake {
  readonly url: string;
  readonly calls: BedrockCall[];
  /** Queues answers for `/model/{modelId}/converse-stream` or `/converse` (the path as sent); the last repeats. */
  respond(path: string, ...scripts: BedrockScript[]): void;
  dispose(): Promise<void>;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const SECRETS = new Map<string, { secretAccessKey: string; sessionToken?: string }>([
  [BEDROCK_TEST_KEYS.accessKeyId, { secretAccessKey: BEDROCK_TEST_KEYS.secretAccessKey }],
  [
    BEDROCK_TEST_SESSION.accessKeyId,
    { secretAccessKey: BEDROCK_TEST_SESSION.secretAccessKey, sessionToken: BEDROCK_TEST_SESSION.sessionToken },
  ],
]);
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** A text answer, ended by messageStop and the usage metadata. */
export function textEvents(
  pieces: readonly string[],
  usage: Record<string, number> = { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
  stopReason = 'end_turn',
): BedrockEvent[] {
  return [
    { event: 'messageStart', payload: { role: 'assistant' } },
    ...pieces.map((text) => ({ event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text } } })),
    { event: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
    { event: 'messageStop', payload: { stopReason } },
    { event: 'metadata', payload: { usage, metrics: { latencyMs: 120 } } },
  ];
}

/** One event-stream message, encoded by the AWS SDK's codec, with the `p` padding field AWS adds to payloads. */
export function encodeEvent(event: BedrockEvent): Uint8Array {
  const header = (value: string) => ({ type: 'string' as const, value });
  if ('error' in event)
    return codec.encode({
      headers: { ':message-type': header('error'), ':error-code': header(event.error), ':error-message': header(event.message) },
      body: new Uint8Array(0),
    });
  if ('exception' in event)
    return codec.encode({
      headers: {
        ':message-type': header('exception'),
        ':exception-type': header(event.exception),
        ':content-type': header('application/json'),
      },
      body: fromUtf8(JSON.stringify({ message: event.message })),
    });
  return codec.encode({
    headers: { ':message-type': header('event'), ':event-type': header(event.event), ':content-type': header('application/json') },
    body: fromUtf8(JSON.stringify({ ...event.payload, p: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ' })),
  });
}

function awsError(res: ServerResponse, status: number, errorType: string, message: string, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      'x-amzn-requestid': 'fake-request-id',
      ...headers,
    })
    .end(JSON.stringify({ message }));
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=a;b, Signature=hex` */
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** 2025-01-01T00:00:00Z from 20250101T000000Z. */
const parseAmzDate = (value: string) =>
  new Date(
    `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`,
  );

/**
 * Checks a request's credentials as Bedrock does: a Bearer API key must be the known one; a SigV4
 * Authorization must name a known access key, the fake's region and service `bedrock`, carry the
 * session token of temporary keys, and its signature must be the one the AWS SDK's own signer
 * computes again from the received method, raw path, signed headers and body with the key's secret.
 * Answers the refusal (403, AWS's messages), or undefined when the request is authentic.
 */
async function authenticate(
  req: IncomingMessage,
  raw: string,
): Promise<{ refusal?: [number, string, string]; call?: Pick<BedrockCall, 'auth' | 'accessKeyId'> }> {
  const authorization = req.headers.authorization;
  if (!authorization) return { refusal: [403, 'MissingAuthenticationTokenException', 'Missing Authentication Token'] };
  if (authorization.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length) === BEDROCK_TEST_API_KEY
      ? { call: { auth: 'bearer' } }
      : { refusal: [403, 'UnrecognizedClientException', INVALID_TOKEN] };
  }
  const match = AUTHORIZATION.exec(authorization);
  if (!match)
    return { refusal: [400, 'IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature.'] };
  const [, accessKeyId = '', , region, service, signedHeaders = '', signature] = match;
  const known = SECRETS.get(accessKeyId);
  if (!known) return { refusal: [403, 'UnrecognizedClientException', INVALID_TOKEN] };
  if (region !== BEDROCK_TEST_REGION || service !== 'bedrock')
    return {
      refusal: [
        403,
        'InvalidSignatureException',
        `Credential should be scoped to a valid region and service 'bedrock' in ${BEDROCK_TEST_REGION}.`,
      ],
    };
  if (known.sessionToken !== undefined && req.headers['x-amz-security-token'] !== known.sessionToken)
    return { refusal: [403, 'UnrecognizedClientException', INVALID_TOKEN] };
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string')
    return {
      refusal: [400, 'IncompleteSignatureException', 'Authorization header requires existence of either a X-Amz-Date or a Date header.'],
    };
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const [path = '/'] = (req.url ?? '/').split('?');
  const signer = new SignatureV4({
    credentials: {
      accessKeyId,
      secretAccessKey: known.secretAccessKey,
      ...(known.sessionToken ? { sessionToken: known.sessionToken } : {}),
    },
    region: BEDROCK_TEST_REGION,
    service: 'bedrock',
    sha256: Sha256,
  });
  const host = headers.host ?? '';
  const resigned = await signer.sign(
    { method: req.method ?? 'POST', protocol: 'http:', hostname: host.split(':')[0] ?? '', path, query: {}, headers, body: raw },
    { signingDate: parseAmzDate(amzDate) },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(resigned.headers.authorization ?? '')?.[1];
  if (expected !== signature || !signedHeaders.split(';').includes('host'))
    return { refusal: [403, 'InvalidSignatureException', SIGNATURE_MISMATCH] };
  return { call: { auth: 'sigv4', accessKeyId } };
}

const CHUNK_SIZES = [1, 7, 13, 2, 31, 5, 64, 3];

async function writeEvents(res: ServerResponse, events: readonly BedrockEvent[], cutAfterBytes = Infinity): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'fake-request-id' });
  const bytes = Buffer.concat(events.map((event) => encodeEvent(event)));
  let offset = 0;
  for (let i = 0; offset < Math.min(bytes.length, cutAfterBytes) && !res.destroyed; i++) {
    const size = Math.min(CHUNK_SIZES[i % CHUNK_SIZES.length] ?? 8, cutAfterBytes - offset);
    res.write(bytes.subarray(offset, offset + size));
    offset += size;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (cutAfterBytes < bytes.length) res.socket?.destroy();
  else res.end();
}

/**
 * A loopback Bedrock runtime: `POST /model/{modelId}/converse-stream` answers a binary event
 * stream encoded by the AWS SDK's codec, `POST /model/{modelId}/converse` a JSON answer. It
 * refuses what Bedrock refuses: unauthenticated or wrongly signed requests (403, verified with the
 * AWS SDK's signer), and bodies Converse rejects (400 ValidationException, bedrock-rules.ts).
 * Unscripted paths answer a short text stream.
 */
export async function startBedrockFake(): Promise<BedrockFake> {
  const scripts = new Map<string, BedrockScript[]>();
  const calls: BedrockCall[] = [];
  const sockets = new Set<Socket>();

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const [path = '/'] = (req.url ?? '/').split('?');
    const route = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(path);
    if (req.method !== 'POST' || !route) return awsError(res, 404, 'UnknownOperationException', `no operation at ${req.method} ${path}`);
    const { refusal, call } = await authenticate(req, raw);
    if (refusal) return awsError(res, ...refusal);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return awsError(res, 400, 'SerializationException', 'Unable to parse the request body as JSON.');
    }
    calls.push({
      path,
      headers: req.headers,
      body,
      auth: call?.auth ?? 'sigv4',
      ...(call?.accessKeyId ? { accessKeyId: call.accessKeyId } : {}),
    });
    const problem = converseProblem(body);
    if (problem) return awsError(res, 400, 'ValidationException', problem);
    const queue = scripts.get(path);
    const script = queue && queue.length > 1 ? queue.shift() : queue?.[0];
    if (route[2] === 'converse') {
      if (script?.type === 'error') return awsError(res, script.status, script.errorType, script.message, script.headers);
      const answer = script?.type === 'json' ? script.body : converseAnswer();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    switch (script?.type) {
      case undefined:
        return writeEvents(res, textEvents(['Hello', ' from', ' Bedrock']));
      case 'events':
        return writeEvents(res, script.events, script.cutAfterBytes);
      case 'error':
        return awsError(res, script.status, script.errorType, script.message, script.headers);
      case 'json':
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(script.body));
        return;
      case 'hang':
        return;
    }
  };
  const server = createServer((req, res) => void serve(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    respond(path, ...responses) {
      scripts.set(path, responses);
    },
    async dispose() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A Converse (non-streaming) answer of one token. */
function converseAnswer() {
  return {
    output: { message: { role: 'assistant', content: [{ text: 'pong' }] } },
    stopReason: 'max_tokens',
    usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    metrics: { latencyMs: 40 },
  };
}
