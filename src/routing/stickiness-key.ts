import { createHash } from 'node:crypto';
import type { ChatMessage } from '../core/chat/chat-request.js';

/** What a request's stickiness key is read from. */
export interface StickinessSource {
  /** Whose request it is (the API key's id, or `local`): an end user or a prefix is stuck per caller, never across callers. */
  readonly caller: string;
  readonly sessionId?: string | undefined;
  /** The caller's end-user id (OpenAI's `user`, Anthropic's `metadata.user_id`). */
  readonly user?: string | undefined;
  /** The messages as the caller sent them (a stateless conversation resends its whole history). */
  readonly messages: readonly ChatMessage[];
}

/**
 * The key a sticky pool remembers a request's member by: its session id, else its end user, else
 * a hash of its conversation's prefix — the system (and developer) messages and the first user message, which
 * every later turn of a stateless conversation resends unchanged. Undefined when the request has
 * none of these (no user message at all). A user or a prefix counts per caller (API key): one
 * caller's requests never tell where another's went. The value is a digest, so its size is
 * bounded whatever the caller sent.
 */
export function stickinessKey(source: StickinessSource): string | undefined {
  if (source.sessionId) return `session:${digest(source.sessionId)}`;
  if (source.user) return `user:${digest(JSON.stringify([source.caller, source.user]))}`;
  const firstUser = source.messages.findIndex((m) => m.role === 'user');
  if (firstUser === -1) return undefined;
  const prefix = source.messages.slice(0, firstUser + 1).filter((m) => m.role !== 'assistant' && m.role !== 'tool');
  return `prefix:${digest(JSON.stringify([source.caller, ...prefix.map((m) => [m.role, m.content])]))}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
