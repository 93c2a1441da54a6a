import type { CacheControl } from '../../core/records/cache.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, NotFoundError } from '../../core/errors.js';
import { doorTarget } from '../door-target.js';
import type { GenerationRecord } from '../../core/records/generation.js';
import type { SessionRecord } from '../../core/records/session.js';
import type { GenerateRequest, RequestFields } from '../../modules/generations/generate-request.js';
import type { GenerationEvent, GenerationService } from '../../modules/generations/generation-service.js';
import type { PreparedGeneration } from '../../modules/generations/prepared-generation.js';
import type { Viewer } from '../../modules/keys/viewer.js';
import type { SessionService } from '../../modules/sessions/session-service.js';
import { OpenAIRequestError, refuseOpenAIHeader, toOpenAIError } from './openai-errors.js';
import { rateLimitHeaders, writeJson, writeOpenAIError } from './openai-http.js';
import type { OpenAIRouteDeps } from './openai-route-deps.js';
import {
  DEFAULT_ECHO,
  finishedResponse,
  generationOfItem,
  outputOf,
  RESPONSE_PREFIX,
  type ResponseEcho,
  ResponseEventWriter,
  responseId,
  responseObject,
} from './responses-object.js';
import { type InputPiece, messagesOfPieces, parseResponsesRequest, type ResponsesRequest } from './responses-request.js';
import { withRequestLifetime } from '../request-lifetime.js';
import { costHeader } from '../cost-header.js';
import { COST_LIMIT_HEADER, generationHeaders, readCostLimit, SESSION_HEADER, SSE_HEADERS, writeEvent } from '../switchyard-headers.js';

/**
 * POST /v1/responses and GET /v1/responses/{id} (OpenAI's Responses API) over the gateway's one
 * generation pipeline. A response is a generation (`resp_<generation id>`). Stored (`store`, the
 * default), it runs in a Switchyard session — a new one on the requested model or pool, or, with
 * `previous_response_id`, the session of that response — so the gateway holds the conversation
 * and the session can be switched live (GraphQL `switchModel`) between responses; the session's id
 * is in the `x-switchyard-session` header. `store: false` keeps only the generation record.
 */

/** What the Responses routes use besides the chat route's services: sessions, and stored generations by id. */
export interface ResponsesRouteDeps extends OpenAIRouteDeps {
  readonly generations: Pick<GenerationService, 'prepare' | 'run' | 'stream' | 'find'>;
  readonly sessions: Pick<SessionService, 'create' | 'get' | 'history'>;
}

function fieldsFor(params: readonly string[]): RequestFields {
  return {
    model: 'model',
    pool: 'model',
    session: 'previous_response_id',
    costLimit: COST_LIMIT_HEADER,
    part: (message, part) => `${params[message] ?? 'input'}.content[${part}]`,
    tools: 'tools',
    toolParameters: (index) => `tools[${index}].parameters`,
    responseFormat: 'text.format',
    reasoningEffort: 'reasoning.effort',
    reasoningBudget: 'reasoning.effort',
  };
}

const notFound = (what: string, id: string, param: string | null) =>
  new OpenAIRequestError(`${what} with id '${id}' not found.`, param, 'not_found', 404);

/** A stored response the caller may see: its generation, held in a session (a store: false one was not kept). */
async function storedGeneration(deps: ResponsesRouteDeps, id: string, viewer: Viewer, param: string | null): Promise<GenerationRecord> {
  const item = generationOfItem(id);
  const record = item?.kind === 'response' ? await deps.generations.find(item.generationId, viewer) : undefined;
  if (!record || record.sessionId === null) throw notFound('Response', id, param);
  return record;
}

/**
 * A stored generation with its answer as its session keeps it: the conversation state the
 * Responses API reads back (GET, item_reference), whatever the request log kept of the record —
 * its mode may be `off` (no text) or its copy redacted. A generation with no turn in a session
 * (store: false, failed, or trimmed from the history) is answered as stored.
 */
async function withSessionAnswer(deps: ResponsesRouteDeps, record: GenerationRecord): Promise<GenerationRecord> {
  if (record.sessionId === null || record.status !== 'SUCCEEDED') return record;
  const turn = (await deps.sessions.history(record.sessionId)).find((m) => m.generationId === record.id && m.role === 'assistant');
  if (turn?.message.role !== 'assistant') return record;
  return { ...record, text: turn.message.content, toolCalls: turn.message.toolCalls ?? [] };
}

/**
 * Where the response runs. Continuing (previous_response_id): in that response's session, on the
 * session's current model — `model` overrides it for this response only when it names neither
 * the session's current target nor what served the previous response (clients send the same
 * `model` on every turn, which must not undo a live switch). A new stored response: in a new
 * session on `model`. Not stored: on `model`, without a session.
 */
async function placement(
  deps: ResponsesRouteDeps,
  parsed: ResponsesRequest,
  viewer: Viewer,
): Promise<{ target: Pick<GenerateRequest, 'model' | 'pool' | 'sessionId'>; session?: SessionRecord }> {
  const named = doorTarget(deps, parsed.model, viewer.models);
  if (parsed.previousResponseId !== undefined) {
    const previous = await storedGeneration(deps, parsed.previousResponseId, viewer, 'previous_response_id');
    let session: SessionRecord;
    try {
      session = await deps.sessions.get(previous.sessionId as string, viewer);
    } catch (error) {
      if (error instanceof NotFoundError) throw notFound('Previous response', parsed.previousResponseId, 'previous_response_id');
      throw error;
    }
    const same = [session.modelId, session.poolName, previous.modelId, previous.poolName].includes(parsed.model);
    return { target: { sessionId: session.id, ...(same ? {} : named) }, session };
  }
  if (!parsed.store) return { target: named };
  const session = await deps.sessions.create(named.pool ? { poolName: named.pool } : { modelId: named.model }, viewer);
  return { target: { sessionId: session.id }, session };
}

/** Items of stored responses named by `item_reference`, read back from their generations. */
async function resolvePieces(
  deps: ResponsesRouteDeps,
  pieces: readonly InputPiece[],
  viewer: Viewer,
): Promise<Exclude<InputPiece, { kind: 'reference' }>[]> {
  const out: Exclude<InputPiece, { kind: 'reference' }>[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'reference') {
      out.push(piece);
      continue;
    }
    const item = generationOfItem(piece.id);
    const found = item && item.kind !== 'response' ? await deps.generations.find(item.generationId, viewer) : undefined;
    const record = found && (await withSessionAnswer(deps, found));
    const call = item?.kind === 'call' ? record?.toolCalls[item.index] : undefined;
    if (record && item?.kind === 'message')
      out.push({ kind: 'message', message: { role: 'assistant', content: record.text }, at: piece.param });
    else if (call) out.push({ kind: 'call', call });
    else throw notFound('Item', piece.id, piece.param);
  }
  return out;
}

/** POST /v1/responses (the session is the previous response's; `x-switchyard-cost-limit` sets the cost limit). */
export async function createResponse(
  deps: ResponsesRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer,
  body: unknown,
  requestId: string,
  cache: CacheControl,
): Promise<void> {
  const parsed = parseResponsesRequest(body);
  // Checked before anything is created (placement makes a stored response's session).
  const { costLimit } = readCostLimit(req, refuseOpenAIHeader);
  const pieces = await resolvePieces(deps, parsed.input, viewer);
  const { messages, params } = messagesOfPieces(pieces);
  const { target, session } = await placement(deps, parsed, viewer);
  const request: GenerateRequest = {
    ...target,
    ...parsed.chat,
    messages,
    ...(parsed.echo.user ? { user: parsed.echo.user } : {}),
    ...(costLimit === undefined ? {} : { costLimit }),
  };
  const echo: ResponseEcho = { ...parsed.echo, store: parsed.store, previousResponseId: parsed.previousResponseId ?? null };
  const sessionHeaders: Record<string, string> = session ? { [SESSION_HEADER]: session.id } : {};
  deps.logger.debug(
    { requestId, route: '/v1/responses', model: parsed.model, stream: parsed.stream, session: session?.id, user: parsed.echo.user },
    'openai request',
  );

  try {
    await withRequestLifetime(res, viewer, deps.openOperations, async (signal) => {
      const prepared = await deps.generations.prepare(request, viewer, {
        stream: parsed.stream,
        requestId,
        signal,
        fields: fieldsFor(params),
        cache,
      });
      if (parsed.stream) await stream(deps, res, viewer, prepared, echo, sessionHeaders, signal);
      else await whole(deps, res, viewer, prepared, echo, sessionHeaders, signal);
    });
  } catch (error) {
    if (!res.headersSent && Object.keys(sessionHeaders).length > 0)
      for (const [k, v] of Object.entries(sessionHeaders)) res.setHeader(k, v);
    throw error;
  }
}

async function whole(
  deps: ResponsesRouteDeps,
  res: ServerResponse,
  viewer: Viewer,
  prepared: PreparedGeneration,
  echo: ResponseEcho,
  sessionHeaders: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const { record, error } = await deps.generations.run(prepared, signal);
  const model = deps.models.find(record.modelId);
  const headers = {
    ...sessionHeaders,
    ...generationHeaders(record.id, record.modelId, record.attempts.length, record.cached),
    ...(await rateLimitHeaders(deps, viewer, model)),
  };
  if (error) return writeOpenAIError(deps, res, error, headers);
  writeJson(res, 200, finishedResponse(record, echo), { ...headers, 'x-switchyard-cost-usd': costHeader(record.costMicroUsd) });
}

async function stream(
  deps: ResponsesRouteDeps,
  res: ServerResponse,
  viewer: Viewer,
  prepared: PreparedGeneration,
  echo: ResponseEcho,
  sessionHeaders: Record<string, string>,
  signal: AbortSignal,
): Promise<void> {
  const events = deps.generations.stream(prepared);
  const stop = () => void events.return?.();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  let writer: ResponseEventWriter | undefined;
  const open = async (generationId: string, at: Date, modelId: string, attempts: number, cached?: boolean) => {
    const model = deps.models.find(modelId);
    const limits = await rateLimitHeaders(deps, viewer, model);
    res.writeHead(200, {
      ...SSE_HEADERS,
      ...sessionHeaders,
      ...generationHeaders(generationId, modelId, attempts, cached),
      ...limits,
    });
    writer = new ResponseEventWriter({ generationId, createdAt: at, model: modelId }, echo);
    await writeEvent(res, writer.start());
    return writer;
  };
  const failure = (error: unknown) => {
    const body = toOpenAIError(error, new Date(deps.clock.now())).body.error;
    return { code: body.code ?? body.type, message: body.message };
  };
  try {
    for await (const event of events as AsyncIterable<GenerationEvent>) {
      if (event.kind === 'started') await open(event.generationId, event.at, event.model.id, event.attempts, event.cached);
      else if (event.kind === 'delta') {
        if (writer) await writeEvent(res, writer.text(event.text));
      } else if (event.kind === 'tool-call-delta') {
        if (writer) await writeEvent(res, writer.toolCall(event.index, event.id, event.name, event.argumentsDelta));
      } else if (event.kind === 'reasoning-delta') {
        // Reasoning text is not given (no summary): its tokens are in usage.output_tokens_details.
      } else if (event.kind === 'completed') {
        const g = event.generation;
        const w = writer ?? (await open(g.id, g.createdAt, g.modelId, g.attempts.length, g.cached));
        res.end(w.finish(g));
      } else if (!res.headersSent) {
        const g = event.generation;
        writeOpenAIError(deps, res, event.error, {
          ...sessionHeaders,
          ...generationHeaders(g.id, g.modelId, g.attempts.length),
        });
      } else {
        res.end((writer as ResponseEventWriter).failed(event.generation, failure(event.error)));
      }
    }
    if (!res.writableEnded) {
      const reason: unknown = signal.reason;
      const revoked = reason instanceof GatewayError ? reason : undefined;
      if (!revoked) res.end();
      else if (writer) res.end(writer.failed(undefined, failure(revoked)));
      else writeOpenAIError(deps, res, revoked, sessionHeaders);
    }
  } catch (error) {
    if (!res.headersSent) throw error;
    const answer = toOpenAIError(error, new Date(deps.clock.now()));
    if (answer.unexpected) deps.logger.error({ err: error }, 'openai responses stream failed');
    if (!res.writableEnded) res.end(writer?.error(answer.body.error) ?? '');
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** GET /v1/responses/{id}: a stored response, rebuilt from its generation (what it echoed of its request is not kept). */
export async function retrieveResponse(deps: ResponsesRouteDeps, res: ServerResponse, viewer: Viewer, id: string): Promise<void> {
  const record = await withSessionAnswer(deps, await storedGeneration(deps, id, viewer, null));
  const echo: ResponseEcho = { ...DEFAULT_ECHO };
  const headers = { [SESSION_HEADER]: record.sessionId as string, 'x-switchyard-generation-id': record.id };
  if (record.status === 'SUCCEEDED') return writeJson(res, 200, finishedResponse(record, echo), headers);
  const head = { generationId: record.id, createdAt: record.createdAt, model: record.modelId };
  const status = record.status === 'CANCELLED' ? 'cancelled' : 'failed';
  const error = record.status === 'FAILED' ? { code: record.errorCode ?? 'server_error', message: record.errorMessage ?? '' } : undefined;
  writeJson(res, 200, responseObject(head, echo, status, outputOf(record), record, error), headers);
}

export const isResponseIdPath = (path: string) => path.startsWith('/v1/responses/') && path.length > '/v1/responses/'.length;
export { RESPONSE_PREFIX, responseId };
