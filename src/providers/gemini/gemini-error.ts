import { UpstreamError } from '../../core/errors.js';
import type { UpstreamResponse } from '../http.js';
import { redactSecrets, upstreamHttpError } from '../vendor-error.js';
import { errorBodySchema, type WireError } from './gemini-wire.js';

/**
 * Google's error body, `{error: {code, message, status, details}}`, as the gateway's errors.
 * `details` may hold a `google.rpc.RetryInfo` (`retryDelay: "37s"`), honoured like a
 * `Retry-After` when the header is absent, and a `google.rpc.ErrorInfo` whose reason
 * `API_KEY_INVALID` marks the 400 Gemini answers to a wrong key.
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
 * @see https://cloud.google.com/apis/design/errors#error_model
 * @see https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto (RetryInfo, ErrorInfo)
 */
type Detail = { '@type'?: unknown; retryDelay?: unknown; reason?: unknown };

const details = (error: WireError | undefined): Detail[] =>
  (error?.details ?? []).filter((d): d is Detail => typeof d === 'object' && d !== null);

/** `RetryInfo.retryDelay` ("37s", "0.5s") as seconds, for a `Retry-After` header. */
function retryDelaySeconds(error: WireError | undefined): string | undefined {
  for (const detail of details(error)) {
    if (String(detail['@type']).endsWith('google.rpc.RetryInfo') && typeof detail.retryDelay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay);
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}

/** Statuses Google documents as transient: RESOURCE_EXHAUSTED (429), INTERNAL (500), UNAVAILABLE (503), DEADLINE_EXCEEDED (504). */
export function googleErrorIsRetryable(error: WireError): boolean {
  if (typeof error.code === 'number') return error.code === 429 || error.code >= 500;
  return ['RESOURCE_EXHAUSTED', 'INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED'].includes(error.status ?? '');
}

/** An HTTP error answer of Gemini or Vertex AI as an UpstreamError (see upstreamHttpError), its message `STATUS: message`. */
export function googleHttpError(provider: string, response: UpstreamResponse, body: unknown, apiKey?: string): UpstreamError {
  const parsed = errorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const message = error
    ? `${error.status ?? error.code ?? 'error'}: ${error.message ?? ''}`.trim()
    : typeof body === 'string'
      ? body
      : undefined;
  if (details(error).some((detail) => detail.reason === 'API_KEY_INVALID'))
    return new UpstreamError(
      `${provider} rejected the API key (${response.status})${message ? `: ${redactSecrets(message, apiKey).slice(0, 300)}` : ''}`,
      {
        status: response.status,
        provider,
        reason: 'auth',
        retryable: false,
      },
    );
  const delay = response.headers['retry-after'] === undefined ? retryDelaySeconds(error) : undefined;
  const headers = delay === undefined ? response.headers : { ...response.headers, 'retry-after': delay };
  return upstreamHttpError(provider, { status: response.status, headers }, message, apiKey);
}
