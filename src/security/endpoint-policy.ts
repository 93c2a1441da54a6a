import { BlockList, isIP } from 'node:net';

/**
 * Which upstream addresses a model may point at (SPEC §7). Vendor endpoints are public; a
 * `baseUrl` on a loopback, private or link-local address could turn the gateway into a way into
 * the operator's own network, so such targets are refused unless the config sets
 * `security.allowPrivateEndpoints` (e.g. for Ollama on the same host).
 */
const RANGES: ReadonlyArray<{ label: string; v4?: [string, number][]; v6?: [string, number][] }> = [
  { label: 'loopback', v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  {
    label: 'private',
    v4: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10]],
    v6: [['fc00::', 7]],
  },
  { label: 'link-local', v4: [['169.254.0.0', 16]], v6: [['fe80::', 10]] },
  { label: 'unspecified', v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
];

const lists = RANGES.map(({ label, v4 = [], v6 = [] }) => {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return { label, list };
});

/** The kind of non-public range an IP address is in ('loopback', 'private', …), or undefined when public. */
export function classifyAddress(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const ip = mapped?.[1] ?? bare;
  const family = isIP(ip);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return lists.find(({ list }) => list.check(ip, type))?.label;
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
  return blocked ? `${host} resolves to ${blocked.address}, a ${classifyAddress(blocked.address)} address; set security.allowPrivateEndpoints: true in the config to allow it` : undefined;
}
