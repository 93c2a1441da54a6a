import type { ServerResponse } from 'node:http';
import type { ModelRecord } from '../../core/records/model.js';
import type { Viewer } from '../../modules/keys/viewer.js';
import { toOpenAIError } from './openai-errors.js';
import type { OpenAIRouteDeps } from './openai-route-deps.js';

export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** An error in OpenAI's shape and status; an unexpected one is logged and masked. */
export function writeOpenAIError(
  deps: Pick<OpenAIRouteDeps, 'clock' | 'logger'>,
  res: ServerResponse,
  error: unknown,
  headers: Record<string, string>,
): void {
  const answer = toOpenAIError(error, new Date(deps.clock.now()));
  if (answer.unexpected) deps.logger.error({ err: error }, 'openai route failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeJson(res, answer.status, answer.body, { ...headers, ...answer.headers });
}

/** OpenAI's reset format: `1s`, `6m0s`. */
function resetText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${seconds % 60}s` : `${seconds}s`;
}

/**
 * x-ratelimit-* where a limit applies: requests from the key's requests per minute (else the
 * serving model's), tokens from the serving model's tokens per minute — the windows as they stand
 * after this request was counted.
 */
export async function rateLimitHeaders(
  deps: Pick<OpenAIRouteDeps, 'rates'>,
  viewer: Viewer,
  model: ModelRecord | undefined,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const keyLimit = viewer.requestsPerMinute;
  const modelLimits = model?.limits;
  try {
    // The model's window is read once, for its requests and its tokens alike.
    const modelUsage =
      model && (modelLimits?.tokensPerMinute || (keyLimit === null && modelLimits?.requestsPerMinute))
        ? await deps.rates.usage(`model:${model.id}`)
        : undefined;
    const requests =
      keyLimit !== null
        ? { limit: keyLimit, usage: await deps.rates.usage(`api-key:${viewer.keyId ?? 'local'}`) }
        : modelLimits?.requestsPerMinute && modelUsage
          ? { limit: modelLimits.requestsPerMinute, usage: modelUsage }
          : undefined;
    if (requests) {
      headers['x-ratelimit-limit-requests'] = String(requests.limit);
      headers['x-ratelimit-remaining-requests'] = String(Math.max(0, requests.limit - requests.usage.requests));
      headers['x-ratelimit-reset-requests'] = resetText(requests.usage.resetMs);
    }
    if (modelLimits?.tokensPerMinute && modelUsage) {
      headers['x-ratelimit-limit-tokens'] = String(modelLimits.tokensPerMinute);
      headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, modelLimits.tokensPerMinute - modelUsage.tokens));
      headers['x-ratelimit-reset-tokens'] = resetText(modelUsage.resetMs);
    }
  } catch {
    // The shared window does not answer: the answer goes without these headers.
  }
  return headers;
}
