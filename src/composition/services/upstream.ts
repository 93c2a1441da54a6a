import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { Config } from '../../config/config.js';
import { createUpstreamHttp, type UpstreamHttp } from '../../providers/http.js';
import { createProviderAdapters, type ProviderAdapters } from '../../providers/providers.js';
import type { VendorKeys } from '../../providers/upstream-target.js';
import type { CredentialService } from '../../modules/credentials/credential-service.js';
import { KeyEnvPolicy } from '../../security/key-env-policy.js';
import type { Tracing } from '../../observability/tracing.js';

/** How the gateway reaches the vendors: the HTTP client, the provider adapters and the vendor keys. */
export interface Upstream {
  readonly http: UpstreamHttp;
  readonly adapters: ProviderAdapters;
  readonly keyEnv: KeyEnvPolicy;
  readonly vendorKeys: VendorKeys;
  /** Every address of a host name (the endpoint policy checks each). */
  readonly resolve: (hostname: string) => Promise<{ address: string }[]>;
}

/** Stored credentials as the vendor keys read them (the CredentialService). */
export type CredentialKeys = Pick<CredentialService, 'secret' | 'problem' | 'exists'>;

export function createUpstream(
  config: Config,
  lookup: LookupFunction | undefined,
  credentials: CredentialKeys,
  tracing?: Tracing,
): Upstream {
  const http = createUpstreamHttp({
    allowPrivateEndpoints: config.security.allowPrivateEndpoints,
    ...(lookup ? { lookup } : {}),
    ...(tracing ? { tracing } : {}),
  });
  const keyEnv = new KeyEnvPolicy(config.security.apiKeyEnvAllowed);
  const vendorKeys: VendorKeys = {
    read: (name) => keyEnv.readKey(config.env, name),
    missing: (name) => keyEnv.problem(name) ?? `${name} is not set`,
    credential: (name) => credentials.secret(name),
    credentialProblem: (name) => credentials.problem(name),
    credentialExists: (name) => credentials.exists(name),
  };
  return { http, adapters: createProviderAdapters(http, config.env), keyEnv, vendorKeys, resolve: resolverFor(lookup) };
}

/** Promise-style resolution of every address of a name, through the injected lookup when there is one. */
function resolverFor(lookup: LookupFunction | undefined) {
  return (hostname: string) =>
    lookup
      ? new Promise<{ address: string }[]>((resolve, reject) =>
          lookup(hostname, { all: true }, (error, addresses) =>
            error ? reject(error) : resolve(addresses as unknown as { address: string }[]),
          ),
        )
      : dnsLookup(hostname, { all: true });
}
