import { createHash } from 'node:crypto';
import type { ChatRequest } from '../core/chat/chat-request.js';
import type { CacheScope } from '../core/records/cache.js';
import { canonicalJson } from './canonical-json.js';

/** Whose answers an entry belongs to: one API key's (`key:<id>`, `key:local` without keys), or everyone's. */
export function scopeOf(scope: CacheScope, apiKeyId: string | null): string {
  return scope === 'shared' ? 'shared' : `key:${apiKeyId ?? 'local'}`;
}

/**
 * The key of a chat answer: sha256 of the normalized request — the scope, the target as asked (a
 * model or a pool), the messages sent upstream (the session's history included), tools, tool
 * choice, parameters, response format and reasoning options. Whether it streams is not part of
 * it (a streamed request is served an answer stored by a plain one, and the other way round), nor
 * the request id or the prompt's token count.
 */
export function chatCacheKey(scope: string, target: string, request: ChatRequest): string {
  return hashed('chat', {
    scope,
    target,
    messages: request.messages,
    tools: request.tools,
    toolChoice: request.toolChoice,
    parallelToolCalls: request.parallelToolCalls,
    params: request.params,
    responseFormat: request.responseFormat,
    reasoning: request.reasoning,
  });
}

/** The key of an embeddings answer: the scope, the target as asked, the texts and the dimensions. */
export function embeddingCacheKey(scope: string, target: string, input: readonly string[], dimensions: number | undefined): string {
  return hashed('embedding', { scope, target, input, dimensions });
}

function hashed(kind: string, normalized: Record<string, unknown>): string {
  return `${kind}:${createHash('sha256')
    .update(canonicalJson({ v: 1, ...normalized }))
    .digest('base64url')}`;
}
