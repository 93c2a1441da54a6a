import type { CacheSettings } from '../core/records/cache.js';
import type { ChatBounds } from '../core/chat/chat-bounds.js';
import type { RequestLogSettings } from '../core/records/request-log.js';
import type { ModelDefinition } from './model-definition.js';
import type { LogFormat, LogLevel } from '../observability/logger.js';
import type { TracingSettings } from '../observability/tracing-settings.js';
import type { UnknownPricePolicy } from '../pricing/unknown-price.js';
import type { PoolDefinition } from './pool-definition.js';
import type { BreakerConfig } from '../routing/circuit-breaker.js';
import type { RetryPolicy } from '../routing/retry-policy.js';

/** Where the gateway keeps its data: an SQLite file (the default) or a PostgreSQL database. */
export type DatabaseConfig =
  | {
      readonly driver: 'sqlite';
      /** A file path, or `:memory:` for a private in-memory database (tests). */
      readonly dbName: string;
    }
  | {
      readonly driver: 'postgresql';
      /** The connection URL, `postgres://user[:password]@host[:port]/database`. */
      readonly clientUrl: string;
      /** The database's name (from the URL), for messages. */
      readonly dbName: string;
    };

/**
 * The validated, frozen configuration the whole process runs on: the config file with the
 * environment's overrides applied. Only src/config/ reads files or `process.env` to make it.
 */
export interface Config {
  /** Path of the config file it came from (as given), for messages. */
  readonly source: string;
  /** sha256 of the file's bytes: tells whether a reload changed anything. */
  readonly hash: string;
  readonly loadedAt: Date;
  readonly server: { readonly host: string; readonly port: number };
  readonly database: DatabaseConfig;
  /**
   * Redis shared by the instances (REDIS_URL; REDIS_PREFIX names its keys and channels, default
   * `switchyard:`; RATE_LIMITS_FAIL_OPEN, default true: whether rate limits let requests through
   * while Redis does not answer); undefined: one process, everything in memory.
   */
  readonly redis: { readonly url: string; readonly prefix: string; readonly rateLimitsFailOpen: boolean } | undefined;
  /** The bootstrap admin key (SWITCHYARD_ADMIN_KEY); undefined: local mode, no authentication. */
  readonly adminKey: string | undefined;
  /**
   * The master key vendor credentials are encrypted under (SWITCHYARD_MASTER_KEY: 32 bytes in
   * base64); undefined: credentials cannot be stored, and stored ones cannot be read.
   */
  readonly masterKey?: Buffer;
  readonly logLevel: LogLevel;
  /** LOG_FORMAT: `json` or `pretty` (one colored line per entry); undefined: pretty when stdout is a terminal, else JSON. */
  readonly logFormat?: LogFormat;
  readonly security: {
    readonly allowPrivateEndpoints: boolean;
    /** Names and PREFIX_* patterns a model's apiKeyEnv may name besides the providers' own (the file's list and its models' names). */
    readonly apiKeyEnvAllowed: readonly string[];
    /** Browser origins besides the gateway's own allowed to call it (exact, normalised `scheme://host[:port]`). */
    readonly allowedOrigins: readonly string[];
    /** Host names a local-mode gateway answers to besides loopback ones (lower case, no port). */
    readonly allowedHosts: readonly string[];
  };
  /** Per-caller connection caps (see README, Security). */
  readonly limits: {
    /** Open WebSocket connections plus running SSE and /v1 streams of one API key (default 64). */
    readonly maxConnectionsPerKey: number;
    /** Open TCP connections from one client address, before authentication (default 256). */
    readonly maxConnectionsPerAddress: number;
    /** Largest request body (HTTP) and WebSocket message, in bytes (default 1 MiB). */
    readonly maxBodyBytes: number;
    /** What one generation request may carry besides text: `limits.maxTools`, `maxSchemaBytes`, `maxAttachments`, `maxImageUrlChars`. */
    readonly chat: ChatBounds;
  };
  readonly defaultModel: string | undefined;
  readonly models: readonly ModelDefinition[];
  readonly pools: readonly PoolDefinition[];
  readonly routing: {
    readonly retry: RetryPolicy;
    readonly circuitBreaker: BreakerConfig;
    readonly healthCheckIntervalMs: number;
  };
  /**
   * The most history a session stores (messages, and UTF-8 bytes of their content): appending a
   * turn past either drops the session's oldest whole turns (its newest turn always stays).
   */
  readonly sessions: { readonly maxHistoryMessages: number; readonly maxHistoryBytes: number };
  /** `requestLog:` — mode (default metadata), retentionDays (30), maxBytes (1 GiB), redact (none besides the built-in patterns). */
  readonly requestLog: RequestLogSettings;
  /** `budgets.unknownPrice` (default `refuse`): see UnknownPricePolicy. */
  readonly budgets: { readonly unknownPrice: UnknownPricePolicy };
  /** Traces (the standard OTEL_* variables); undefined: tracing is off. */
  readonly tracing?: TracingSettings;
  /**
   * The response cache (`cache:`): mode, TTL and scope (each model may set its own), and the most
   * bytes the in-process store takes (with Redis, the entries live there under their TTL).
   */
  readonly cache: CacheSettings & { readonly maxBytes: number };
  /** Vendor keys are read from here by the name in a model's `apiKeyEnv` (as KeyEnvPolicy allows), never stored. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Every problem found in a config file or the environment, each line naming file, path and expectation. */
export class ConfigError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}
