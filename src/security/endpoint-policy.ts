import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which upstream addresses a model may point at (SPEC §7). Vendor endpoints are public; a
 * `baseUrl` on a loopback, private, link-local or otherwise special address could turn the
 * gateway into a way into the operator's own network, so such targets are refused unless the
 * config sets `security.allowPrivateEndpoints` (e.g. for Ollama on the same host).
 *
 * Addresses are classified by ipaddr.js (the IANA special-purpose registries: benchmarking
 * 198.18.0.0/15, 192.0.0.0/24, multicast, broadcast, documentation, …) rather than by hand lists:
 * only what it calls `unicast` is public. Forms that carry an IPv4 address inside an IPv6 one
 * (IPv4-mapped ::ffff:a.b.c.d is judged by the IPv4 inside; NAT64 64:ff9b::/96, 6to4 2002::/16,
 * Teredo and the deprecated IPv4-compatible ::a.b.c.d) are refused, since they can reach any
 * IPv4 address through a translator.
 */
const LABELS: Readonly<Record<string, string>> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  carrierGradeNat: 'private',
  linkLocal: 'link-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  rfc6052: 'translated-IPv4',
  '6to4': 'translated-IPv4',
  teredo: 'translated-IPv4',
};

/** The kind of non-public range an IP address is in ('loopback', 'private', …), or undefined when public. */
export function classifyAddress(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 0) return undefined;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(bare);
  } catch {
    return undefined;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return classifyAddress(v6.toIPv4Address().toString());
    // ::/96 other than :: and ::1 is the deprecated IPv4-compatible form (ipaddr.js calls it unicast).
    if (v6.parts.slice(0, 6).every((part) => part === 0) && v6.range() === 'unicast') return 'translated-IPv4';
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  return LABELS[range] ?? 'reserved';
}

/**
 * Checks a `baseUrl` against the endpoint rules and answers what is wrong with it, or undefined
 * when it is acceptable. Host names are judged here by their literal form (`localhost`, IP
 * literals); the addresses they resolve to are checked again when the gateway connects.
 */
export function checkEndpointUrl(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `expected an absolute http(s) URL, got "${raw}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `expected an http or https URL, got the scheme "${url.protocol.replace(/:$/, '')}"`;
  }
  if (url.username || url.password) {
    return 'must not contain credentials; reference the vendor key with apiKeyEnv instead';
  }
  if (allowPrivate) return undefined;
  const host = url.hostname.toLowerCase();
  const kind = host === 'localhost' || host.endsWith('.localhost') ? 'loopback' : classifyAddress(host);
  if (kind === undefined) return undefined;
  return `${url.host} is a ${kind} address; set security.allowPrivateEndpoints: true in the config to allow it`;
}

/**
 * Resolves a `baseUrl`'s host and answers what is wrong when any address it resolves to is not
 * public (undefined when acceptable, when private endpoints are allowed, or when the name does
 * not resolve at all — the connect-time check still guards every call).
 */
export async function checkResolvedEndpoint(
  raw: string,
  allowPrivate: boolean,
  lookup: (hostname: string) => Promise<readonly { address: string }[]>,
): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return undefined; // literals are judged by checkEndpointUrl
  let addresses: readonly { address: string }[];
  try {
    addresses = await lookup(host);
  } catch {
    return undefined;
  }
  const blocked = addresses.find((a) => classifyAddress(a.address));
  return blocked
    ? `${host} resolves to ${blocked.address}, a ${classifyAddress(blocked.address)} address; set security.allowPrivateEndpoints: true in the config to allow it`
    : undefined;
}
