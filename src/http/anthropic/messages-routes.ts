import { CACHE_STATUS_HEADER, cacheControlOf } from '../cache-control.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../../core/errors.js';
import { doorTarget } from '../door-target.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { GenerationEvent } from '../../modules/generations/generation-service.js';
import type { GenerateRequest, RequestFields } from '../../modules/generations/generate-request.js';
import type { PreparedGeneration } from '../../modules/generations/prepared-generation.js';
import { requireScope, type Viewer } from '../../modules/keys/viewer.js';
import { countPromptTokens } from '../../providers/prompt-tokens.js';
import { holdForResponse, perKeyMessage } from '../connection-limits.js';
import { readJsonBody, type OpenAIRoutesDeps } from '../openai/openai-routes.js';
import { rateLimitHeaders, writeJson } from '../openai/openai-http.js';
import { AnthropicRequestError, toAnthropicError, writeAnthropicError } from './anthropic-errors.js';
import { parseMessagesRequest, type MessagesRequest } from './messages-request.js';
import { errorEvent, MessageEvents, messageObject, PING } from './messages-response.js';
import { withRequestLifetime } from '../request-lifetime.js';
import { costHeader } from '../cost-header.js';
import {
  COST_LIMIT_HEADER,
  generationHeaders,
  rawHeader,
  readSwitchyardHeaders,
  SESSION_HEADER,
  SSE_HEADERS,
  writeEvent,
} from '../switchyard-headers.js';

export interface MessagesRoutesDeps extends OpenAIRoutesDeps {
  /** How long a stream may go without an event before a `ping` (15 s unless a test says otherwise). */
  readonly pingIntervalMs?: number;
}

const SWITCHYARD_KEY = /^sy_/;
const BEARER = /^Bearer\s+/i;

/**
 * The caller: `x-api-key` (Anthropic's header) or `Authorization: Bearer`. In local mode a key that
 * is not a Switchyard key (Anthropic's SDKs always send one) counts as none.
 */
function authenticate(deps: MessagesRoutesDeps, req: IncomingMessage): Promise<Viewer> {
  const apiKey = rawHeader(req, 'x-api-key');
  const authorization = apiKey !== undefined && apiKey !== '' ? `Bearer ${apiKey}` : req.headers.authorization;
  const secret = authorization?.replace(BEARER, '');
  const ignored = deps.localMode && authorization !== undefined && !SWITCHYARD_KEY.test(secret ?? '');
  return deps.apiKeys.authenticate(ignored ? undefined : authorization);
}

/** How /v1/messages names its fields: an error found past the door names the field the caller sent. */
function fieldsOf(messages: MessagesRequest): RequestFields {
  return {
    model: 'model',
    pool: 'model',
    session: SESSION_HEADER,
    costLimit: COST_LIMIT_HEADER,
    part: (message, part) => `${messages.origins[message] ?? 'messages'}.${part}`,
    tools: 'tools',
    toolParameters: (index) => `tools.${index}.input_schema`,
    responseFormat: 'messages',
    reasoningEffort: 'thinking',
    reasoningBudget: 'thinking.budget_tokens',
  };
}

/** The gateway's typed request: `model` names a model, else a pool; the headers add the session and cost limit. */
function generateRequest(deps: MessagesRoutesDeps, messages: MessagesRequest, req: IncomingMessage, viewer: Viewer): GenerateRequest {
  const headers = readSwitchyardHeaders(req, (header, expected, got) => {
    throw new AnthropicRequestError(`${header}: ${expected}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}`);
  });
  let target: Pick<GenerateRequest, 'model' | 'pool'> = {};
  if (messages.model !== undefined) {
    target = doorTarget(deps, messages.model, viewer.models);
  } else if (headers.sessionId === undefined) {
    throw new AnthropicRequestError(
      `model: Field required (a model id or a pool name, or an ${SESSION_HEADER} header for the session's model)`,
    );
  }
  return { ...target, ...messages.chat, ...(messages.userId ? { user: messages.userId } : {}), ...headers };
}

/**
 * Anthropic's Messages door on the gateway's port: POST /v1/messages (whole and streamed) and
 * POST /v1/messages/count_tokens, with Anthropic's shapes, statuses and error objects; any other
 * path under /v1/messages is a 404 in Anthropic's shape.
 */
export function createMessagesRoutes(deps: MessagesRoutesDeps) {
  const pingMs = deps.pingIntervalMs ?? 15_000;

  async function messages(req: IncomingMessage, res: ServerResponse, viewer: Viewer, body: unknown, requestId: string): Promise<void> {
    const parsed = parseMessagesRequest(body);
    const request = generateRequest(deps, parsed, req, viewer);
    const cache = cacheControlOf(req);
    deps.logger.debug(
      { requestId, route: '/v1/messages', model: parsed.model, stream: parsed.stream, user: parsed.userId },
      'anthropic request',
    );
    // Ends with the client going away, or with the key's revocation.
    await withRequestLifetime(res, viewer, deps.openOperations, async (signal) => {
      const prepared = await deps.generations.prepare(request, viewer, {
        stream: parsed.stream,
        requestId,
        signal,
        fields: fieldsOf(parsed),
        cache,
      });
      if (parsed.stream) await stream(res, viewer, prepared, signal);
      else await whole(res, viewer, prepared, signal);
    });
  }

  async function whole(res: ServerResponse, viewer: Viewer, prepared: PreparedGeneration, signal: AbortSignal): Promise<void> {
    const { record, error, reasoning } = await deps.generations.run(prepared, signal);
    const model = deps.models.find(record.modelId);
    const headers = {
      ...generationHeaders(record.id, model?.id, record.attempts.length, record.cached),
      ...(await rateLimitHeaders(deps, viewer, model)),
    };
    if (error) return writeAnthropicError(deps, res, error, headers);
    writeJson(res, 200, messageObject(record, reasoning), { ...headers, 'x-switchyard-cost-usd': costHeader(record.costMicroUsd) });
  }

  async function stream(res: ServerResponse, viewer: Viewer, prepared: PreparedGeneration, signal: AbortSignal): Promise<void> {
    const events = deps.generations.stream(prepared);
    const stop = () => void events.return?.();
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    const blocks = new MessageEvents();
    let lastWrite = Date.now();
    let pinger: NodeJS.Timeout | undefined;
    const send = (text: string) => {
      lastWrite = Date.now();
      return writeEvent(res, text);
    };
    const open = async (generationId: string, model: ModelRecord | undefined, modelId: string, attempts: number, cached?: boolean) => {
      const limits = await rateLimitHeaders(deps, viewer, model);
      res.writeHead(200, { ...SSE_HEADERS, ...generationHeaders(generationId, model?.id, attempts, cached), ...limits });
      await send(blocks.start(generationId, modelId, prepared.promptTokens));
      // `ping` when nothing was sent for a while: keeps proxies and the client's idle timers from closing a quiet stream.
      pinger = setInterval(
        () => {
          if (Date.now() - lastWrite >= pingMs && !res.writableEnded) void send(PING);
        },
        Math.max(1, Math.floor(pingMs / 2)),
      );
      pinger.unref();
    };
    const fail = (error: unknown) => {
      const answer = toAnthropicError(error, new Date(deps.clock.now()));
      if (answer.unexpected) deps.logger.error({ err: error }, 'anthropic stream failed');
      if (!res.writableEnded) res.end(errorEvent(answer.body.error));
    };
    try {
      for await (const event of events as AsyncIterable<GenerationEvent>) {
        if (event.kind === 'started') {
          await open(event.generationId, event.model, event.model.id, event.attempts, event.cached);
        } else if (event.kind === 'delta') {
          if (res.headersSent) await send(blocks.text(event.text));
        } else if (event.kind === 'tool-call-delta') {
          if (res.headersSent) await send(blocks.toolCall(event.index, event.id, event.name, event.argumentsDelta));
        } else if (event.kind === 'reasoning-delta') {
          if (res.headersSent) await send(blocks.thinking(event.text, event.end));
        } else if (event.kind === 'completed') {
          const g = event.generation;
          if (!res.headersSent) await open(g.id, deps.models.find(g.modelId), g.modelId, g.attempts.length, g.cached);
          res.end(blocks.finish(g));
        } else if (!res.headersSent) {
          const g = event.generation;
          writeAnthropicError(deps, res, event.error, generationHeaders(g.id, deps.models.find(g.modelId)?.id, g.attempts.length));
        } else {
          fail(event.error);
        }
      }
      if (!res.writableEnded) {
        const reason: unknown = signal.reason;
        const revoked = reason instanceof GatewayError ? reason : undefined;
        if (!revoked) res.end();
        else if (res.headersSent) fail(revoked);
        else writeAnthropicError(deps, res, revoked, {});
      }
    } catch (error) {
      if (!res.headersSent) throw error;
      fail(error);
    } finally {
      if (pinger) clearInterval(pinger);
      signal.removeEventListener('abort', stop);
    }
  }

  /** count_tokens: the gateway's own count of the typed request (cl100k_base with its framing), not the vendor's. */
  function countTokens(res: ServerResponse, viewer: Viewer, body: unknown): void {
    const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    // count_tokens takes the request without max_tokens, stream or metadata.
    const parsed = parseMessagesRequest(raw && { ...raw, max_tokens: raw.max_tokens ?? 1_000_000 });
    if (raw && (raw.stream !== undefined || raw.metadata !== undefined || raw.stop_sequences !== undefined))
      throw new AnthropicRequestError(
        `${raw.stream !== undefined ? 'stream' : raw.metadata !== undefined ? 'metadata' : 'stop_sequences'}: Extra inputs are not permitted`,
      );
    if (parsed.model === undefined) throw new AnthropicRequestError('model: Field required');
    doorTarget(deps, parsed.model, viewer.models);
    writeJson(res, 200, { input_tokens: countPromptTokens(parsed.chat) });
  }

  return {
    serves(path: string): boolean {
      return path === '/v1/messages' || path.startsWith('/v1/messages/');
    },

    async handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
      res.setHeader('x-request-id', requestId);
      res.setHeader('request-id', requestId);
      // Every answer of the generating door says whether the cache served it; a hit overrides this.
      if (path === '/v1/messages') res.setHeader(CACHE_STATUS_HEADER, 'miss');
      try {
        if (path !== '/v1/messages' && path !== '/v1/messages/count_tokens')
          throw new AnthropicRequestError(`Not found: ${req.method ?? 'GET'} ${path}`, 404);
        if (req.method !== 'POST') throw new AnthropicRequestError(`Method ${req.method} is not allowed on ${path}: use POST.`, 405);
        const viewer = await authenticate(deps, req);
        requireScope(viewer, 'client', 'messages');
        const body = await readJsonBody(deps, req, res);
        if (body === undefined) return;
        if (path === '/v1/messages/count_tokens') return countTokens(res, viewer, body);
        const streamed = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
        if (streamed && viewer.keyId !== null && !holdForResponse(deps.keyConnections, viewer.keyId, req, res)) {
          deps.metrics.connectionsRefused.inc({ limit: 'per_key', transport: 'http' });
          throw new AnthropicRequestError(perKeyMessage(deps.keyConnections.cap), 429);
        }
        return await messages(req, res, viewer, body, requestId);
      } catch (error) {
        writeAnthropicError(deps, res, error, {});
      }
    },
  };
}
