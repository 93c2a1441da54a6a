import { LOG_LEVELS } from '../observability/logger.js';
import { UNKNOWN_PRICE_POLICIES } from '../pricing/unknown-price.js';
import { isWildcardId, matchWildcard } from '../core/records/model-id.js';
import { type DefinitionRules, modelDefinitionSchema, modelRefField } from './model-definition.js';
import { isReservedEnv, KEY_ENV_PATTERN, RESERVED_ENV_PREFIX } from '../security/key-env-policy.js';
import { cacheSettingsShape } from './cache-definition.js';
import { poolDefinitionSchema } from './pool-definition.js';
import { REQUEST_LOG_MODES } from '../core/records/request-log.js';
import { MAX_REDACT_PATTERN_CHARS, MAX_REDACT_PATTERNS, redactPatternProblem } from '../security/log-redactor.js';
import { HOST_NAME_PATTERN, ORIGIN_PATTERN } from '../security/origin-policy.js';
import { booleanField, enumField, listOf, numberField, objectField, stringField } from '../validation/fields.js';

export const portField = numberField({ int: true, min: 0, max: 65535 });

/** `scheme://host[:port]` exactly as a browser sends it in Origin: no path, no trailing slash. */
const originField = stringField(
  'an origin such as https://app.example.com or http://localhost:5173 (scheme, host and port; no path)',
  ORIGIN_PATTERN,
  300,
);

/** A host name or IP address, without a port. */
const hostNameField = stringField('a host name such as switchyard.internal (no scheme, no port)', HOST_NAME_PATTERN, 253);

/** A `requestLog.redact` entry: a regular expression RE2 runs in linear time (see redactPatternProblem). */
const redactPatternField = stringField(
  `a regular expression of 1 to ${MAX_REDACT_PATTERN_CHARS} characters`,
  undefined,
  MAX_REDACT_PATTERN_CHARS,
).superRefine((pattern, ctx) => {
  const problem = pattern === '' ? undefined : redactPatternProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The YAML config file (`switchyard.config.yml`). Every key is optional except what a model
 * needs; unknown keys are errors so that typos are caught. Environment variables override the
 * server settings after this file is read (see load-config.ts).
 */
export function configFileSchema(rules: DefinitionRules) {
  return objectField({
    server: objectField({
      host: stringField('a host name or IP address to listen on', undefined, 255).optional(),
      port: portField.optional(),
    }).optional(),
    database: objectField({
      url: stringField('an SQLite file path, sqlite:<path> or :memory:', undefined, 2000).optional(),
    }).optional(),
    security: objectField({
      allowPrivateEndpoints: booleanField().optional(),
      /** Variables a model's apiKeyEnv may name besides the providers' own and the file's (names, or PREFIX_*). */
      apiKeyEnvAllowed: listOf(
        stringField('a variable name or a prefix ending in *, e.g. TOGETHER_API_KEY or VENDOR_KEY_*', KEY_ENV_PATTERN, 128).refine(
          (entry) => !isReservedEnv(entry),
          {
            error: `expected a variable outside ${RESERVED_ENV_PREFIX}* (the gateway's own variables are never vendor keys)`,
          },
        ),
        'variable names',
        1000,
      ).optional(),
      /** Browser origins besides the gateway's own that may call it (exact `scheme://host[:port]`); empty by default. */
      allowedOrigins: listOf(originField, 'origins', 100).optional(),
      /** Host names (besides loopback ones) a local-mode gateway answers to; empty by default. */
      allowedHosts: listOf(hostNameField, 'host names', 100).optional(),
    }).optional(),
    limits: objectField({
      /** Open WebSocket connections plus running SSE and /v1 streams of one API key. */
      maxConnectionsPerKey: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
      /** Open TCP connections from one client address, counted before authentication (loopback too). */
      maxConnectionsPerAddress: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
      /** Largest request body (HTTP) and WebSocket message, in bytes. */
      maxBodyBytes: numberField({ int: true, min: 65_536, max: 67_108_864 }).optional(),
      /** What one generation request may carry besides text (see ChatBounds). */
      maxTools: numberField({ int: true, min: 0, max: 10_000 }).optional(),
      maxSchemaBytes: numberField({ int: true, min: 64, max: 16_777_216 }).optional(),
      maxAttachments: numberField({ int: true, min: 0, max: 10_000 }).optional(),
      maxImageUrlChars: numberField({ int: true, min: 100, max: 104_857_600 }).optional(),
    }).optional(),
    logging: objectField({ level: enumField(LOG_LEVELS).optional() }).optional(),
    defaultModel: modelRefField.optional(),
    routing: objectField({
      retry: objectField({
        attempts: numberField({ int: true, min: 1, max: 10 }).optional(),
        baseDelayMs: numberField({ int: true, min: 0, max: 60_000 }).optional(),
        maxDelayMs: numberField({ int: true, min: 0, max: 300_000 }).optional(),
        maxRetryAfterMs: numberField({ int: true, min: 0, max: 600_000 }).optional(),
      }).optional(),
      circuitBreaker: objectField({
        windowMs: numberField({ int: true, min: 1000, max: 3_600_000 }).optional(),
        errorRateThreshold: numberField({ min: 0, max: 1 }).optional(),
        minRequests: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
        latencyThresholdMs: numberField({ int: true, min: 1 }).optional(),
        coolDownMs: numberField({ int: true, min: 100, max: 3_600_000 }).optional(),
      }).optional(),
      /** How often UNHEALTHY and circuit-open models are probed again. */
      healthCheckIntervalMs: numberField({ int: true, min: 100, max: 86_400_000 }).optional(),
    }).optional(),
    budgets: objectField({
      /**
       * A request to a model whose price is unknown (a name a wildcard serves with no price in the
       * config or the catalog) when a budget or costLimit applies: `refuse` (default) or `allow`
       * (it runs, and its unknown cost is charged nothing).
       */
      unknownPrice: enumField(UNKNOWN_PRICE_POLICIES).optional(),
    }).optional(),
    /** The response cache (README "Response cache"): off by default. */
    cache: objectField({
      ...cacheSettingsShape,
      /** The most bytes the in-process cache keeps (least recently used answers let go first). */
      maxBytes: numberField({ int: true, min: 1024, max: 68_719_476_736 }).optional(),
    }).optional(),
    /** How much history a session keeps: past either bound, its oldest whole turns are dropped. */
    sessions: objectField({
      maxHistoryMessages: numberField({ int: true, min: 2, max: 1_000_000 }).optional(),
      maxHistoryBytes: numberField({ int: true, min: 1024, max: 1_073_741_824 }).optional(),
    }).optional(),
    /** The request log (SPEC §17): what each record keeps, how long, how much, and what is redacted first. */
    requestLog: objectField({
      mode: enumField(REQUEST_LOG_MODES).optional(),
      retentionDays: numberField({ int: true, min: 1, max: 36_500 }).optional(),
      maxBytes: numberField({ int: true, min: 65_536, max: 1_099_511_627_776 }).optional(),
      redact: listOf(redactPatternField, 'regular expressions', MAX_REDACT_PATTERNS).optional(),
    }).optional(),
    models: listOf(modelDefinitionSchema(rules), 'model definitions', 10_000).optional(),
    pools: listOf(poolDefinitionSchema, 'pool definitions', 1000).optional(),
  });
}

/**
 * Checks across the whole file, run on the raw input so that they are reported together with
 * every field problem: unique model ids, and pool members and a default model that the file
 * defines (a model, or a name one of its wildcards serves).
 */
export function crossCheckConfigFile(raw: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  if (typeof raw !== 'object' || raw === null) return problems;
  const { models, defaultModel } = raw as { models?: unknown; defaultModel?: unknown };
  const seen = new Map<string, number>();
  (Array.isArray(models) ? models : []).forEach((model: unknown, index) => {
    const id = typeof model === 'object' && model !== null ? (model as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({ path: ['models', index, 'id'], message: `"${id}" is already defined by models[${first}]; ids must be unique` });
    else seen.set(id, index);
  });
  // A model the file defines, or a name one of its wildcards (`openai/*`) serves; never a wildcard itself.
  const wildcards = [...seen.keys()].filter(isWildcardId);
  const defines = (id: string) => !isWildcardId(id) && (seen.has(id) || matchWildcard(id, wildcards) !== undefined);
  const { pools } = raw as { pools?: unknown };
  (Array.isArray(pools) ? pools : []).forEach((pool: unknown, p) => {
    const members = typeof pool === 'object' && pool !== null ? (pool as { members?: unknown }).members : undefined;
    (Array.isArray(members) ? members : []).forEach((member: unknown, m) => {
      const id = typeof member === 'object' && member !== null ? (member as { modelId?: unknown }).modelId : undefined;
      if (typeof id === 'string' && !defines(id))
        problems.push({
          path: ['pools', p, 'members', m, 'modelId'],
          message: `"${id}" is not one of the ids under models: (nor a name one of its wildcards serves)`,
        });
    });
  });
  if (typeof defaultModel === 'string' && !defines(defaultModel)) {
    problems.push({
      path: ['defaultModel'],
      message: `"${defaultModel}" is not one of the ids under models: (nor a name one of its wildcards serves)`,
    });
  }
  return problems;
}
