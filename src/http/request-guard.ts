import type { IncomingMessage, ServerResponse } from 'node:http';
import { judgeRequest, type OriginPolicy, type OriginVerdict } from '../security/origin-policy.js';
import { sendJson } from './probes.js';

/** Response headers a cross-origin page allowed by security.allowedOrigins may read. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'x-switchyard-generation-id',
  'x-switchyard-model',
  'x-switchyard-attempts',
  'x-switchyard-cost-usd',
  'x-switchyard-cache',
  'x-switchyard-session',
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
  'retry-after',
].join(', ');

/** The verdict of `policy` on a request (HTTP or a WebSocket handshake). */
export function judgeIncoming(policy: OriginPolicy, req: IncomingMessage): OriginVerdict {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return judgeRequest(policy, {
    method: req.method ?? 'GET',
    host: header('host'),
    origin: header('origin'),
    secFetchSite: header('sec-fetch-site'),
    secFetchMode: header('sec-fetch-mode'),
    secFetchDest: header('sec-fetch-dest'),
  });
}

/** A refusal in the error shape of the route it was meant for: OpenAI's on /v1, the REST one on /api, GraphQL's on /graphql. */
export function writeRefusal(res: ServerResponse, path: string, status: number, code: string, message: string, openAICode: string): void {
  res.setHeader('connection', 'close');
  if (path.startsWith('/v1/') || path === '/v1')
    return sendJson(res, status, { error: { message, type: 'invalid_request_error', param: null, code: openAICode } });
  if (path.startsWith('/api/')) return sendJson(res, status, { error: { code, message, field: null } });
  if (path === '/graphql') return sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  sendJson(res, status, { error: message });
}

/**
 * Applies the origin policy to an HTTP request before any route sees it: a refused request is
 * answered (403, or 421 for a Host a local gateway does not answer to) and true is returned. For
 * an origin listed in security.allowedOrigins, a CORS preflight is answered here and every other
 * answer names that origin (never a reflected one); no credentials are allowed (keys travel in
 * Authorization, cookies are never read).
 */
export function guardRequest(
  policy: OriginPolicy,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  onRefused: (reason: string) => void,
): boolean {
  // No page of another site may frame the gateway's pages (GraphiQL runs what its URL holds: a click stolen through a frame would run it).
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  // Answers differ by Origin (403 or not, CORS headers): no shared cache may give one origin's to another.
  res.setHeader('vary', 'Origin');
  const verdict = judgeIncoming(policy, req);
  if (!verdict.ok) {
    onRefused(verdict.reason);
    writeRefusal(res, path, verdict.status, 'FORBIDDEN', verdict.message, verdict.reason === 'host' ? 'host_not_allowed' : 'cross_origin');
    return true;
  }
  if (verdict.corsOrigin === null) return false;
  res.setHeader('access-control-allow-origin', verdict.corsOrigin);
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
      'access-control-max-age': '600',
      'content-length': '0',
    });
    res.end();
    return true;
  }
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  return false;
}
