import { DEFAULT_CHAT_BOUNDS } from '../core/chat/chat-bounds.js';

/** The default largest request body and WebSocket message (1 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { formatIssues, formatPath } from '../validation/format-issues.js';
import { DEFAULT_BREAKER } from '../routing/circuit-breaker.js';
import { DEFAULT_RETRY_POLICY } from '../routing/retry-policy.js';
import { parseMasterKey } from '../security/credential-cipher.js';
import { readTracingSettings } from '../observability/tracing-settings.js';
import { KEY_ENV_PATTERN, KeyEnvPolicy } from '../security/key-env-policy.js';
import { normaliseOrigin } from '../security/origin-policy.js';
import { ConfigError, type Config, type DatabaseConfig } from './config.js';
import { DEFAULT_REQUEST_LOG } from '../core/records/request-log.js';
import { configFileSchema, crossCheckConfigFile, portField } from './config-schema.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../observability/logger.js';

export const DEFAULT_CONFIG_FILE = 'switchyard.config.yml';
export const DEFAULT_DATABASE_URL = './data/switchyard.db';
/** What a session's stored history is bounded by when the file does not say (README, Configuration). */
/** The response cache's defaults: off, answers kept 300 s for their own API key, at most 64 MiB in process. */
export const DEFAULT_CACHE = { mode: 'off', ttlSeconds: 300, scope: 'key', maxBytes: 64 * 1024 * 1024 } as const;
export const DEFAULT_SESSION_HISTORY = { maxHistoryMessages: 1000, maxHistoryBytes: 8 * 1024 * 1024 } as const;

/** The connection caps when the file sets none (README, Security). */
export const DEFAULT_CONNECTION_LIMITS = { perKey: 64, perAddress: 256 } as const;

type Env = Readonly<Record<string, string | undefined>>;

/** The config file path: `--config <path>` / `--config=<path>`, then SWITCHYARD_CONFIG, then the default. */
export function resolveConfigPath(argv: readonly string[], env: Env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--config' && argv[i + 1]) return argv[i + 1] as string;
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return env.SWITCHYARD_CONFIG || DEFAULT_CONFIG_FILE;
}

/** `postgres://…` (or `postgresql://…`), `sqlite:<path>`, `file:<path>`, `:memory:` or a bare path; anything else is a problem to report. */
export function parseDatabaseUrl(url: string): DatabaseConfig | string {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `expected a PostgreSQL URL postgres://user[:password]@host[:port]/database, got an unparsable one`;
    }
    const dbName = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!parsed.hostname || !dbName)
      return 'expected a PostgreSQL URL postgres://user[:password]@host[:port]/database (with a host and a database name)';
    return { driver: 'postgresql', clientUrl: url, dbName };
  }
  const match = /^(sqlite|file):(.*)$/i.exec(url);
  const dbName = match ? (match[2] ?? '').replace(/^\/\/(?=\/)/, '') : url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dbName)) {
    return `expected a postgres:// URL, an SQLite path, sqlite:<path> or :memory:, got "${url}"`;
  }
  if (!dbName) return 'expected an SQLite path after "sqlite:"';
  return { driver: 'sqlite', dbName };
}

/**
 * Reads, parses and validates a config file and applies the environment's overrides. Throws a
 * `ConfigError` listing every problem, each as `<file>: <path>: <what was expected, what was found>`.
 */
export function loadConfig(options: { path: string; env: Env; text?: string }): Config {
  const { path, env } = options;
  let text: string;
  try {
    text = options.text ?? readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new ConfigError([`${path}: cannot read the config file: ${reason}`]);
  }
  return parseConfigText(text, path, env);
}

export function parseConfigText(text: string, path: string, env: Env): Config {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const where = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
        return `${path}${where}: YAML syntax error: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const allowPrivate = isRecord(raw) && isRecord(raw.security) && raw.security.allowPrivateEndpoints === true;
  const parsed = configFileSchema({ allowPrivateEndpoints: allowPrivate, keyEnv: new KeyEnvPolicy(allowedKeyEnvOf(raw)) }).safeParse(raw);
  const problems = parsed.success ? [] : formatIssues(parsed.error.issues, raw);
  for (const problem of crossCheckConfigFile(raw)) problems.push({ path: formatPath(problem.path), message: problem.message });
  const lines = problems.map((p) => `${path}: ${p.path || '(top level)'}: ${p.message}`);

  const overrides = readEnvOverrides(env, lines);
  const tracing = readTracingSettings(env, lines);
  if (!parsed.success || lines.length > 0) throw new ConfigError(lines);
  const file = parsed.data;

  const databaseUrl = overrides.databaseUrl ?? file.database?.url ?? DEFAULT_DATABASE_URL;
  const database = parseDatabaseUrl(databaseUrl);
  if (typeof database === 'string') {
    const origin = overrides.databaseUrl ? 'DATABASE_URL' : `${path}: database.url`;
    throw new ConfigError([`${origin}: ${database}`]);
  }

  return Object.freeze({
    source: path,
    hash: createHash('sha256').update(text).digest('hex'),
    loadedAt: new Date(),
    server: { host: overrides.host ?? file.server?.host ?? '0.0.0.0', port: overrides.port ?? file.server?.port ?? 4000 },
    database,
    redis: overrides.redis,
    adminKey: overrides.adminKey,
    ...(overrides.masterKey ? { masterKey: overrides.masterKey } : {}),
    logLevel: overrides.logLevel ?? file.logging?.level ?? 'info',
    ...(overrides.logFormat ? { logFormat: overrides.logFormat } : {}),
    security: {
      allowPrivateEndpoints: file.security?.allowPrivateEndpoints ?? false,
      apiKeyEnvAllowed: allowedKeyEnvOf(file),
      allowedOrigins: (file.security?.allowedOrigins ?? []).map(normaliseOrigin),
      allowedHosts: (file.security?.allowedHosts ?? []).map((host) => host.toLowerCase()),
    },
    limits: {
      maxConnectionsPerKey: file.limits?.maxConnectionsPerKey ?? DEFAULT_CONNECTION_LIMITS.perKey,
      maxConnectionsPerAddress:
        overrides.maxConnectionsPerAddress ?? file.limits?.maxConnectionsPerAddress ?? DEFAULT_CONNECTION_LIMITS.perAddress,
      maxBodyBytes: file.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      chat: {
        maxTools: file.limits?.maxTools ?? DEFAULT_CHAT_BOUNDS.maxTools,
        maxSchemaBytes: file.limits?.maxSchemaBytes ?? DEFAULT_CHAT_BOUNDS.maxSchemaBytes,
        maxAttachments: file.limits?.maxAttachments ?? DEFAULT_CHAT_BOUNDS.maxAttachments,
        maxImageUrlChars: file.limits?.maxImageUrlChars ?? DEFAULT_CHAT_BOUNDS.maxImageUrlChars,
      },
    },
    defaultModel: file.defaultModel,
    models: file.models ?? [],
    pools: file.pools ?? [],
    routing: {
      retry: { ...DEFAULT_RETRY_POLICY, ...file.routing?.retry },
      circuitBreaker: { ...DEFAULT_BREAKER, ...file.routing?.circuitBreaker },
      healthCheckIntervalMs: file.routing?.healthCheckIntervalMs ?? 30_000,
    },
    budgets: { unknownPrice: file.budgets?.unknownPrice ?? 'refuse' },
    cache: {
      mode: file.cache?.mode ?? DEFAULT_CACHE.mode,
      ttlSeconds: file.cache?.ttlSeconds ?? DEFAULT_CACHE.ttlSeconds,
      scope: file.cache?.scope ?? DEFAULT_CACHE.scope,
      maxBytes: file.cache?.maxBytes ?? DEFAULT_CACHE.maxBytes,
    },
    requestLog: Object.freeze({
      mode: file.requestLog?.mode ?? DEFAULT_REQUEST_LOG.mode,
      retentionDays: file.requestLog?.retentionDays ?? DEFAULT_REQUEST_LOG.retentionDays,
      maxBytes: file.requestLog?.maxBytes ?? DEFAULT_REQUEST_LOG.maxBytes,
      redact: Object.freeze([...(file.requestLog?.redact ?? [])]),
    }),
    sessions: {
      maxHistoryMessages: file.sessions?.maxHistoryMessages ?? DEFAULT_SESSION_HISTORY.maxHistoryMessages,
      maxHistoryBytes: file.sessions?.maxHistoryBytes ?? DEFAULT_SESSION_HISTORY.maxHistoryBytes,
    },
    ...(tracing ? { tracing } : {}),
    env,
  });
}

interface EnvOverrides {
  port?: number;
  host?: string;
  databaseUrl?: string;
  redis?: { url: string; prefix: string; rateLimitsFailOpen: boolean };
  adminKey?: string;
  masterKey?: Buffer;
  logLevel?: LogLevel;
  logFormat?: LogFormat;
  maxConnectionsPerAddress?: number;
}

function readEnvOverrides(env: Env, problems: string[]): EnvOverrides {
  const out: EnvOverrides = {};
  if (env.PORT) {
    const port = portField.safeParse(Number(env.PORT));
    if (port.success && /^\d+$/.test(env.PORT.trim())) out.port = port.data;
    else problems.push(`PORT: expected a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  if (env.HOST) out.host = env.HOST;
  if (env.DATABASE_URL) out.databaseUrl = env.DATABASE_URL;
  if (env.REDIS_URL) {
    if (!/^rediss?:\/\/[^/\s]+/i.test(env.REDIS_URL))
      problems.push('REDIS_URL: expected redis://[user:password@]host[:port][/db] or rediss://…');
    const prefix = env.REDIS_PREFIX ?? 'switchyard:';
    if (!/^[\w:.-]{1,64}$/.test(prefix)) problems.push(`REDIS_PREFIX: expected 1 to 64 letters, digits and _ : . -, got "${prefix}"`);
    const failOpen = env.RATE_LIMITS_FAIL_OPEN ?? 'true';
    if (failOpen !== 'true' && failOpen !== 'false') problems.push(`RATE_LIMITS_FAIL_OPEN: expected true or false, got "${failOpen}"`);
    out.redis = { url: env.REDIS_URL, prefix, rateLimitsFailOpen: failOpen !== 'false' };
  }
  if (env.SWITCHYARD_ADMIN_KEY !== undefined && env.SWITCHYARD_ADMIN_KEY !== '') {
    if (env.SWITCHYARD_ADMIN_KEY.length < 16) {
      problems.push('SWITCHYARD_ADMIN_KEY: expected a secret of at least 16 characters');
    } else out.adminKey = env.SWITCHYARD_ADMIN_KEY;
  }
  if (env.SWITCHYARD_MASTER_KEY !== undefined && env.SWITCHYARD_MASTER_KEY !== '') {
    const key = parseMasterKey(env.SWITCHYARD_MASTER_KEY);
    if (typeof key === 'string') problems.push(`SWITCHYARD_MASTER_KEY: ${key}`);
    else out.masterKey = key;
  }
  if (env.MAX_CONNECTIONS_PER_ADDRESS) {
    const cap = Number(env.MAX_CONNECTIONS_PER_ADDRESS);
    if (/^\d+$/.test(env.MAX_CONNECTIONS_PER_ADDRESS.trim()) && cap >= 1 && cap <= 1_000_000) out.maxConnectionsPerAddress = cap;
    else problems.push(`MAX_CONNECTIONS_PER_ADDRESS: expected a whole number from 1 to 1000000, got "${env.MAX_CONNECTIONS_PER_ADDRESS}"`);
  }
  if (env.LOG_LEVEL) {
    if ((LOG_LEVELS as readonly string[]).includes(env.LOG_LEVEL)) out.logLevel = env.LOG_LEVEL as LogLevel;
    else problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  if (env.LOG_FORMAT) {
    if ((LOG_FORMATS as readonly string[]).includes(env.LOG_FORMAT)) out.logFormat = env.LOG_FORMAT as LogFormat;
    else problems.push(`LOG_FORMAT: expected one of ${LOG_FORMATS.join(', ')}, got "${env.LOG_FORMAT}"`);
  }
  return out;
}

/**
 * What the file allows a model's apiKeyEnv to name: its `security.apiKeyEnvAllowed` entries and
 * every name its own models use (the operator wrote them). Read from the raw file as well, so
 * that the file's models are checked against the file's rule.
 */
function allowedKeyEnvOf(file: unknown): string[] {
  if (!isRecord(file)) return [];
  const listed = isRecord(file.security) && Array.isArray(file.security.apiKeyEnvAllowed) ? file.security.apiKeyEnvAllowed : [];
  const used = Array.isArray(file.models) ? file.models.map((m: unknown) => (isRecord(m) ? m.apiKeyEnv : undefined)) : [];
  return [...listed, ...used].filter((name): name is string => typeof name === 'string' && KEY_ENV_PATTERN.test(name));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
