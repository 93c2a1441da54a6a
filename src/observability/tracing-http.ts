import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';

/**
 * An upstream call's HTTP client attributes. `url.full` has every query value replaced by
 * `REDACTED` (a vendor key may travel as `?key=`), as the HTTP conventions ask.
 * @see https://opentelemetry.io/docs/specs/semconv/http/http-spans/#http-client-span
 */
export function httpClientAttributes(method: string, url: string): Attributes {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { [ATTR_HTTP_REQUEST_METHOD]: method };
  }
  for (const key of new Set(parsed.searchParams.keys())) parsed.searchParams.set(key, 'REDACTED');
  parsed.username = '';
  parsed.password = '';
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  return {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_SERVER_ADDRESS]: parsed.hostname,
    [ATTR_SERVER_PORT]: port,
    [ATTR_URL_FULL]: parsed.toString(),
  };
}

/** A request span's HTTP server attributes: method, route (the door's path) and scheme. */
export function httpServerAttributes(method: string, route: string): Attributes {
  return { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_HTTP_ROUTE]: route, [ATTR_URL_PATH]: route, [ATTR_URL_SCHEME]: 'http' };
}

export function httpStatusAttributes(status: number): Attributes {
  return { [ATTR_HTTP_RESPONSE_STATUS_CODE]: status };
}
