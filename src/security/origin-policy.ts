/**
 * Which browser requests the gateway takes (README, "Security"): pure rules over a request's
 * Host, Origin and Fetch Metadata headers, shared by every route and the WebSocket handshake.
 *
 * - A request with an `Origin` that is neither the gateway's own (scheme, host and port, as the
 *   request reached it: `http://<Host>`) nor listed in `security.allowedOrigins` is refused: a
 *   page on another site must not drive the gateway, with or without keys.
 * - A request without `Origin` that a browser marks as coming from another site
 *   (`Sec-Fetch-Site: cross-site` or `same-site`: an image, a script, a no-cors fetch, a frame) is
 *   refused, except a top-level GET navigation, whose answer only the person sees. No page may
 *   frame the gateway's pages (see request-guard.ts), so a click cannot be stolen through one.
 * - In local mode (no admin key: nothing is authenticated) the `Host` must be a loopback name or
 *   address, or listed in `security.allowedHosts`: a page whose name was rebound to 127.0.0.1
 *   (DNS rebinding) is same-origin with itself, and only the Host tells it apart.
 * Programs (SDKs, curl) send neither Origin nor Fetch Metadata and are judged by their keys.
 */
export interface OriginPolicy {
  /** No admin key: the Host rule applies. */
  readonly localMode: boolean;
  /** Normalised origins (see normaliseOrigin) that may call the gateway cross-origin. */
  readonly allowedOrigins: readonly string[];
  /** Lower-case host names a local-mode gateway answers to besides loopback ones. */
  readonly allowedHosts: readonly string[];
}

/** What a request carries that the rules read (header values as received; undefined when absent). */
export interface RequestFacts {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly secFetchSite: string | undefined;
  readonly secFetchMode: string | undefined;
  /** `document` for a top-level navigation; `iframe`, `image`… otherwise. */
  readonly secFetchDest?: string | undefined;
}

export type OriginVerdict =
  /** Served. `corsOrigin`: an allowed foreign origin the answer must name (CORS), else null. */
  | { readonly ok: true; readonly corsOrigin: string | null }
  | { readonly ok: false; readonly status: 403 | 421; readonly reason: 'host' | 'origin' | 'cross-site'; readonly message: string };

/** `scheme://host[:port]`, as a config entry: http(s), no path, query or trailing slash. */
export const ORIGIN_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** A DNS name or an IPv4 address (an IPv6 one in brackets), without a port. */
export const HOST_NAME_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/i;

/** The origin as browsers serialise it (lower case, default port dropped); the input itself when it does not parse. */
export function normaliseOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? origin : url.origin;
  } catch {
    return origin;
  }
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower case, or undefined when it does not parse. */
export function hostNameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** `localhost`, 127.0.0.0/8 and [::1]: names no DNS answer can rebind. */
export function isLoopbackHostName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The verdict on one request (see the module's comment). */
export function judgeRequest(policy: OriginPolicy, request: RequestFacts): OriginVerdict {
  if (policy.localMode && request.host !== undefined) {
    const hostname = hostNameOf(request.host);
    if (hostname === undefined || !(isLoopbackHostName(hostname) || policy.allowedHosts.includes(hostname))) {
      return {
        ok: false,
        status: 421,
        reason: 'host',
        message: `Host "${request.host}" refused: a gateway in local mode (no SWITCHYARD_ADMIN_KEY) answers only to localhost, 127.0.0.1 and [::1] (with any port), or to a host name listed in security.allowedHosts`,
      };
    }
  }
  if (request.origin !== undefined) {
    const origin = normaliseOrigin(request.origin);
    const own = request.host === undefined ? undefined : normaliseOrigin(`http://${request.host}`);
    if (origin === own) return { ok: true, corsOrigin: null };
    if (policy.allowedOrigins.includes(origin)) return { ok: true, corsOrigin: origin };
    return {
      ok: false,
      status: 403,
      reason: 'origin',
      message: `cross-origin request refused: Origin ${request.origin} is neither this gateway's origin (${own ?? 'unknown: no Host header'}) nor listed in security.allowedOrigins`,
    };
  }
  const site = request.secFetchSite?.toLowerCase();
  const dest = request.secFetchDest?.toLowerCase();
  const topLevelGet =
    request.secFetchMode?.toLowerCase() === 'navigate' && request.method === 'GET' && (dest === undefined || dest === 'document');
  if ((site === 'cross-site' || site === 'same-site') && !topLevelGet) {
    return {
      ok: false,
      status: 403,
      reason: 'cross-site',
      message: `cross-site request refused (Sec-Fetch-Site: ${site}): pages on other origins may not call this gateway unless listed in security.allowedOrigins`,
    };
  }
  return { ok: true, corsOrigin: null };
}
