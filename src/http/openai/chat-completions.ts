import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../../core/errors.js';
import { doorTarget } from '../door-target.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { Viewer } from '../../modules/keys/viewer.js';
import type { GenerationEvent } from '../../modules/generations/generation-service.js';
import type { PreparedGeneration } from '../../modules/generations/prepared-generation.js';
import type { GenerateRequest, RequestFields } from '../../modules/generations/generate-request.js';
import { parseChatCompletionsRequest, type ChatCompletionsRequest } from './chat-completions-request.js';
import { ChunkWriter, chatCompletion, streamError } from './chat-response.js';
import { OpenAIRequestError, refuseOpenAIHeader, toOpenAIError } from './openai-errors.js';
import type { OpenAIRouteDeps } from './openai-route-deps.js';
import { rateLimitHeaders, writeJson, writeOpenAIError } from './openai-http.js';
import { withRequestLifetime } from '../request-lifetime.js';
import { costHeader } from '../cost-header.js';
import {
  COST_LIMIT_HEADER,
  generationHeaders,
  readSwitchyardHeaders,
  SESSION_HEADER,
  SSE_HEADERS,
  writeEvent,
} from '../switchyard-headers.js';
import { cacheControlOf } from '../cache-control.js';

/** How /v1/chat/completions names its fields: errors found past the door name the parameter or header the caller sent. */
export const CHAT_COMPLETIONS_FIELDS: RequestFields = {
  model: 'model',
  pool: 'model',
  session: SESSION_HEADER,
  costLimit: COST_LIMIT_HEADER,
  part: (message, part) => `messages[${message}].content[${part}]`,
  tools: 'tools',
  toolParameters: (index) => `tools[${index}].function.parameters`,
  responseFormat: 'response_format',
  reasoningEffort: 'reasoning_effort',
  reasoningBudget: 'reasoning_effort',
};

/** The gateway's typed request for an OpenAI request: `model` names a model, else a pool; the headers add the session and cost limit. */
function generateRequest(deps: OpenAIRouteDeps, chat: ChatCompletionsRequest, req: IncomingMessage, viewer: Viewer): GenerateRequest {
  const headers = readSwitchyardHeaders(req, refuseOpenAIHeader);
  let target: Pick<GenerateRequest, 'model' | 'pool'> = {};
  if (chat.model !== undefined) {
    target = doorTarget(deps, chat.model, viewer.models);
  } else if (headers.sessionId === undefined) {
    throw new OpenAIRequestError(
      `You must provide a model parameter (a model id or a pool name), or an ${SESSION_HEADER} header to use the session's model.`,
      'model',
      'missing_required_parameter',
    );
  }
  return { ...target, ...chat.chat, ...(chat.user ? { user: chat.user } : {}), ...headers };
}

/**
 * POST /v1/chat/completions: OpenAI's request checked (parameters this version does not carry
 * out are a 400 naming them), turned into the gateway's generate input and run through the same
 * admission, routing, budgets, records and events as `generate` / `generateStream`; answered in
 * OpenAI's exact shapes, statuses and error objects.
 */
export async function chatCompletions(
  deps: OpenAIRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer,
  body: unknown,
  requestId: string,
): Promise<void> {
  const chat = parseChatCompletionsRequest(body);
  const request = generateRequest(deps, chat, req, viewer);
  const cache = cacheControlOf(req);
  deps.logger.debug(
    { requestId, route: '/v1/chat/completions', model: chat.model, stream: chat.stream, user: chat.user },
    'openai request',
  );

  // Ends with the client going away, or with the key's revocation (FORBIDDEN, on every transport).
  await withRequestLifetime(res, viewer, deps.openOperations, async (signal) => {
    const prepared = await deps.generations.prepare(request, viewer, {
      stream: chat.stream,
      requestId,
      signal,
      fields: CHAT_COMPLETIONS_FIELDS,
      cache,
    });
    if (chat.stream) await stream(deps, res, viewer, prepared, chat.includeUsage, signal);
    else await whole(deps, res, viewer, prepared, signal);
  });
}

async function whole(
  deps: OpenAIRouteDeps,
  res: ServerResponse,
  viewer: Viewer,
  prepared: PreparedGeneration,
  signal: AbortSignal,
): Promise<void> {
  const { record, error } = await deps.generations.run(prepared, signal);
  const model = deps.models.find(record.modelId);
  const headers = {
    ...generationHeaders(record.id, model?.id, record.attempts.length, record.cached),
    ...(await rateLimitHeaders(deps, viewer, model)),
  };
  if (error) return writeOpenAIError(deps, res, error, headers);
  writeJson(res, 200, chatCompletion(record), { ...headers, 'x-switchyard-cost-usd': costHeader(record.costMicroUsd) });
}

async function stream(
  deps: OpenAIRouteDeps,
  res: ServerResponse,
  viewer: Viewer,
  prepared: PreparedGeneration,
  includeUsage: boolean,
  signal: AbortSignal,
): Promise<void> {
  const events = deps.generations.stream(prepared);
  // Closing the events aborts the upstream call; the generation is stored CANCELLED. Closed before
  // its first read (the client left, or the key was revoked, during admission), it never starts.
  const stop = () => void events.return?.();
  if (signal.aborted) stop();
  else signal.addEventListener('abort', stop, { once: true });
  let chunks: ChunkWriter | undefined;
  const open = async (
    generationId: string,
    at: Date,
    model: ModelRecord | undefined,
    modelId: string,
    attempts: number,
    cached = false,
  ) => {
    const limits = await rateLimitHeaders(deps, viewer, model);
    res.writeHead(200, { ...SSE_HEADERS, ...generationHeaders(generationId, model?.id, attempts, cached), ...limits });
    return new ChunkWriter(generationId, at, modelId, includeUsage);
  };
  try {
    for await (const event of events as AsyncIterable<GenerationEvent>) {
      if (event.kind === 'started') {
        chunks = await open(event.generationId, event.at, event.model, event.model.id, event.attempts, event.cached);
        await writeEvent(res, chunks.role());
      } else if (event.kind === 'delta') {
        if (chunks) await writeEvent(res, chunks.text(event.text));
      } else if (event.kind === 'tool-call-delta') {
        if (chunks) await writeEvent(res, chunks.toolCall(event.index, event.id, event.name, event.argumentsDelta));
      } else if (event.kind === 'reasoning-delta') {
        // The empty delta that ends a signed block has nothing for this door (it carries no signatures).
        if (chunks && event.text !== '') await writeEvent(res, chunks.reasoning(event.text));
      } else if (event.kind === 'completed') {
        const g = event.generation;
        chunks ??= await open(g.id, g.createdAt, deps.models.find(g.modelId), g.modelId, g.attempts.length, g.cached);
        res.end(chunks.finish(g));
      } else if (!res.headersSent) {
        // Failed before the answer started: a plain error answer, with its status and headers.
        const g = event.generation;
        writeOpenAIError(deps, res, event.error, generationHeaders(g.id, deps.models.find(g.modelId)?.id, g.attempts.length));
      } else {
        // After the first chunk: OpenAI's error object as the stream's last event.
        res.end(streamError(toOpenAIError(event.error, new Date(deps.clock.now())).body.error));
      }
    }
    // Ended by the signal before completing: the client left (nothing to say), or the key was revoked.
    if (!res.writableEnded) {
      const reason: unknown = signal.reason;
      const revoked = reason instanceof GatewayError ? reason : undefined;
      if (!revoked) res.end();
      else if (res.headersSent) res.end(streamError(toOpenAIError(revoked, new Date(deps.clock.now())).body.error));
      else writeOpenAIError(deps, res, revoked, {});
    }
  } catch (error) {
    // The gateway failed after the answer started (a record that could not be stored): OpenAI's error object ends the stream.
    if (!res.headersSent) throw error;
    const answer = toOpenAIError(error, new Date(deps.clock.now()));
    if (answer.unexpected) deps.logger.error({ err: error }, 'openai stream failed');
    if (!res.writableEnded) res.end(streamError(answer.body.error));
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
