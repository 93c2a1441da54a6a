import { PROVIDER_DEFAULTS } from '../core/records/provider-kinds.js';
import { PROVIDER_PRESET_DEFAULTS } from '../core/records/provider-presets.js';

/** The gateway's own variables (the bootstrap admin key, its config path): never a vendor key. */
export const RESERVED_ENV_PREFIX = 'SWITCHYARD_';

/** Whether a variable is one of the gateway's own (`SWITCHYARD_*`, in any letter case). */
export const isReservedEnv = (name: string) => name.toUpperCase().startsWith(RESERVED_ENV_PREFIX);

/** The providers' and presets' own key variables (OPENAI_API_KEY, ANTHROPIC_API_KEY, MISTRAL_API_KEY, …): always allowed. */
export const PROVIDER_KEY_ENVS: readonly string[] = [
  ...Object.values(PROVIDER_DEFAULTS),
  ...Object.values(PROVIDER_PRESET_DEFAULTS),
].flatMap((d) => (d.apiKeyEnv ? [d.apiKeyEnv] : []));

/** An entry of `security.apiKeyEnvAllowed`: a variable name, or a prefix ending in `*`. */
export const KEY_ENV_PATTERN = /^[A-Z_][A-Z0-9_]*\*?$/;

/**
 * Which environment variables a model's `apiKeyEnv` may name, so that whoever may register a
 * model cannot make the gateway send any secret of its environment upstream (a model with
 * `apiKeyEnv: SWITCHYARD_ADMIN_KEY` and a `baseUrl` of one's own would). Allowed: the providers'
 * own variables, the names and `PREFIX_*` patterns of `security.apiKeyEnvAllowed`, and every
 * name the config file's models use (the operator wrote them). `SWITCHYARD_*` never is. Checked
 * when a model is registered or changed, and again when a key is read, so that a model stored
 * before a rule changed cannot use a variable the rule now refuses.
 */
export class KeyEnvPolicy {
  #names = new Set<string>();
  #prefixes: string[] = [];

  constructor(allowed: readonly string[] = []) {
    this.reset(allowed);
  }

  /** Replaces the allowed names and patterns (on a config reload); the providers' own stay. */
  reset(allowed: readonly string[]): void {
    this.#names = new Set(PROVIDER_KEY_ENVS);
    this.#prefixes = [];
    for (const entry of allowed) {
      if (entry.endsWith('*')) this.#prefixes.push(entry.slice(0, -1));
      else this.#names.add(entry);
    }
  }

  allows(name: string): boolean {
    if (isReservedEnv(name)) return false;
    return this.#names.has(name) || this.#prefixes.some((prefix) => name.startsWith(prefix));
  }

  /** Why `name` may not be used, or undefined when it may. */
  problem(name: string): string | undefined {
    if (isReservedEnv(name)) return `${name} is one of the gateway's own variables (${RESERVED_ENV_PREFIX}*), never a vendor key`;
    if (this.allows(name)) return undefined;
    return `${name} is not an allowed key variable: expected ${PROVIDER_KEY_ENVS.join(', ')}, a name used by a model of the config file, or one allowed by security.apiKeyEnvAllowed`;
  }

  /** The vendor key a model names, read from `env` only when the policy allows the name. */
  readKey(env: Readonly<Record<string, string | undefined>>, name: string | null): string | undefined {
    return name && this.allows(name) ? env[name] : undefined;
  }
}
