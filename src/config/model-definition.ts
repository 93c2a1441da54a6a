import { z } from 'zod';
import { PROVIDER_DEFAULTS } from '../core/records/provider-kinds.js';
import { presetDefaults } from '../core/records/provider-presets.js';
import { REQUEST_LOG_MODES } from '../core/records/request-log.js';
import { MODEL_CAPABILITIES, MODEL_KINDS, PROVIDER_KINDS, PROVIDER_PRESETS } from '../core/records/model.js';
import { isWildcardId, MODEL_ID_MAX, MODEL_ID_PATTERN, MODEL_REF_PATTERN } from '../core/records/model-id.js';
import { checkEndpointUrl } from '../security/endpoint-policy.js';
import { describeValue } from '../validation/format-issues.js';
import { booleanField, enumField, listOf, numberField, objectField, stringField } from '../validation/fields.js';
import { modelCacheSchema } from './cache-definition.js';
import type { KeyEnvPolicy } from '../security/key-env-policy.js';

const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

const ID_WORDS = `letters, digits and . _ : - in /-separated parts, each starting with a letter or digit (at most ${MODEL_ID_MAX})`;

/**
 * The id a model definition takes: a model id, or a wildcard `prefix/*` whose `*` is its own last
 * part (`openai/*`; not `openai*`, a bare `*`, or a `*` with another part after it).
 */
export const modelIdField = z
  .string({ error: `expected a model id (${ID_WORDS}) or a wildcard prefix/* such as openai/*` })
  .superRefine((id, ctx) => {
    if (id.length > 0 && id.length <= MODEL_ID_MAX && MODEL_ID_PATTERN.test(id)) return;
    const message = id.includes('*')
      ? 'expected a wildcard as prefix/* (e.g. openai/*): "*" may only be the whole last part of the id, after a prefix'
      : `expected a model id: ${ID_WORDS}, or a wildcard prefix/* such as openai/*`;
    ctx.addIssue({ code: 'custom', message: `${message}, got ${describeValue(id)}` });
  });

/** An id a request, pool member, fallback or defaultModel names: a model id, or a name a wildcard serves (`openai/gpt-4o`); never the wildcard itself. */
export const modelRefField = z.string({ error: `expected a model id (${ID_WORDS})` }).superRefine((id, ctx) => {
  if (id.length > 0 && id.length <= MODEL_ID_MAX && MODEL_REF_PATTERN.test(id)) return;
  const message = isWildcardId(id)
    ? `expected a model id, not a wildcard: "${id}" serves the names under its prefix, so name one of them (e.g. ${id.slice(0, -1)}<vendor model>)`
    : `expected a model id: ${ID_WORDS}`;
  ctx.addIssue({ code: 'custom', message: `${message}, got ${describeValue(id)}` });
});

const urlField = stringField('an absolute http(s) URL', /^https?:\/\//i, 2000);

/** A stored credential's name (SPEC §16): what `createCredential` was given. */
export const credentialNameField = stringField(
  'a credential name: letters, digits and . _ - (at most 64, starting with a letter or digit)',
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  64,
);

export const generationParamsShape = {
  maxTokens: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
  temperature: numberField({ min: 0, max: 2 }).optional(),
  topP: numberField({ min: 0, max: 1, minExclusive: true }).optional(),
  stop: listOf(stringField('a stop sequence of 1 to 100 characters', undefined, 100), 'stop sequences', 4).optional(),
};

const defaultsSchema = objectField(generationParamsShape);

const limitsSchema = objectField({
  requestsPerMinute: numberField({ int: true, min: 1 }).optional(),
  tokensPerMinute: numberField({ int: true, min: 1 }).optional(),
});

/** USD per million tokens, as the vendors' price lists give them. */
/** USD per million tokens: `input` prices uncached input, `cachedInput` cache reads and `cacheWrite` cache writes (each defaults to `input`). */
const pricingSchema = objectField({
  input: numberField({ min: 0 }),
  output: numberField({ min: 0 }),
  cachedInput: numberField({ min: 0 }).optional(),
  cacheWrite: numberField({ min: 0 }).optional(),
});

/** Per-model timeouts in milliseconds (defaults: connect 10 s, first token 60 s, total 600 s). */
const timeoutsSchema = objectField({
  connectMs: numberField({ int: true, min: 1, max: 600_000 }).optional(),
  firstTokenMs: numberField({ int: true, min: 1, max: 3_600_000 }).optional(),
  totalMs: numberField({ int: true, min: 1, max: 3_600_000 }).optional(),
});

/** Retry policy of a model or pool; unset fields keep the global `routing.retry`. */
export const retrySchema = objectField({
  attempts: numberField({ int: true, min: 1, max: 10 }).optional(),
  baseDelayMs: numberField({ int: true, min: 0, max: 60_000 }).optional(),
  maxDelayMs: numberField({ int: true, min: 0, max: 300_000 }).optional(),
});

/** How a server departs from the protocol it claims (OpenAI-compatible servers vary). */
const quirksSchema = objectField({
  /** false: do not send `stream_options.include_usage` (servers that reject it); usage is then estimated. */
  streamUsage: booleanField().optional(),
});

const mockSettingsSchema = objectField({
  tokens: numberField({ int: true, min: 1, max: 100_000 }).optional(),
  tokenDelayMs: numberField({ int: true, min: 0, max: 60_000 }).optional(),
});

const definitionShape = {
  id: modelIdField,
  provider: enumField(PROVIDER_KINDS),
  /** `chat` (default) or `embedding`: which door may call the model. */
  kind: enumField(MODEL_KINDS).optional(),
  upstreamModel: stringField("the vendor's model name (1 to 200 characters)", undefined, 200).optional(),
  /** `openai-compatible` only: a known host whose base URL, key variable and quirks are filled in. */
  preset: enumField(PROVIDER_PRESETS).optional(),
  baseUrl: urlField.optional(),
  apiKeyEnv: stringField('an environment variable NAME such as OPENAI_API_KEY (never the key itself)', ENV_NAME, 128).optional(),
  /** A stored credential's name: the vendor key comes from it (over `apiKeyEnv`). */
  credential: credentialNameField.optional(),
  /** Bedrock: the AWS region (e.g. us-east-1); Vertex AI's location is part of its baseUrl. */
  region: stringField('a region name such as us-east-1 (lowercase letters, digits and -)', /^[a-z0-9][a-z0-9-]{1,63}$/, 64).optional(),
  /** Azure OpenAI: the deployment name the URL carries. */
  deployment: stringField(
    'a deployment name: letters, digits and . _ - (at most 200)',
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/,
    200,
  ).optional(),
  /** Azure OpenAI: the `api-version` (e.g. 2024-10-21); left out: the `/openai/v1` form. */
  apiVersion: stringField('an api-version such as 2024-10-21 or 2025-04-01-preview', API_VERSION, 64).optional(),
  version: stringField('a version label of 1 to 100 characters', undefined, 100).optional(),
  sourceUrl: urlField.optional(),
  contextWindow: numberField({ int: true, min: 1, max: 100_000_000 }).optional(),
  capabilities: listOf(enumField(MODEL_CAPABILITIES), 'capabilities', MODEL_CAPABILITIES.length).optional(),
  defaults: defaultsSchema.optional(),
  limits: limitsSchema.optional(),
  pricing: pricingSchema.optional(),
  mock: mockSettingsSchema.optional(),
  timeouts: timeoutsSchema.optional(),
  quirks: quirksSchema.optional(),
  /** Models to try, in order, when this one fails with a retryable error. */
  fallbacks: listOf(modelRefField, 'model ids', 10).optional(),
  retry: retrySchema.optional(),
  /** The model's response cache settings over the gateway's `cache:`. */
  cache: modelCacheSchema.optional(),
  /** The request log's mode for this model's requests (under a key's, over the gateway's requestLog.mode). */
  requestLog: enumField(REQUEST_LOG_MODES).optional(),
};

/** Rules that need the config: the endpoint policy, the key-variable policy and provider-specific requirements. */
export interface DefinitionRules {
  readonly allowPrivateEndpoints: boolean;
  /** Which variables `apiKeyEnv` may name (see KeyEnvPolicy). */
  readonly keyEnv: KeyEnvPolicy;
}

type DefinitionLike = {
  id?: string;
  upstreamModel?: string | null;
  provider?: string;
  preset?: string | null;
  baseUrl?: string | null;
  apiKeyEnv?: string | null;
  region?: string | null;
  deployment?: string | null;
  apiVersion?: string | null;
  mock?: unknown;
};

/** Fields that belong to some provider kinds only: given for another, they are an error naming the field. */
const KIND_FIELDS = {
  preset: ['openai-compatible'],
  region: ['bedrock'],
  deployment: ['azure-openai'],
  apiVersion: ['azure-openai'],
} as const satisfies Record<string, readonly string[]>;

function checkKindFields(value: DefinitionLike, ctx: z.RefinementCtx): void {
  for (const [field, kinds] of Object.entries(KIND_FIELDS)) {
    const given = value[field as keyof typeof KIND_FIELDS];
    if (given === undefined || given === null || !value.provider) continue;
    if (!(kinds as readonly string[]).includes(value.provider))
      ctx.addIssue({ code: 'custom', path: [field], message: `applies only to provider ${kinds.join(' or ')}, not ${value.provider}` });
  }
}

const BASE_URL_EXAMPLES: Partial<Record<string, string>> = {
  'azure-openai': "the resource's endpoint, e.g. https://NAME.openai.azure.com",
  'vertex-ai': 'the Vertex AI endpoint of the project and location',
};

/**
 * Azure OpenAI's two URL forms: with an `apiVersion`, the classic
 * `/openai/deployments/{deployment}/…?api-version=` form, which cannot be built without the
 * deployment; without one, the `/openai/v1` form (the deployment, or else upstreamModel, as `model`).
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference
 * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/api-version-lifecycle
 */
function checkAzureForm(value: DefinitionLike, ctx: z.RefinementCtx): void {
  if (value.provider !== 'azure-openai' || !value.apiVersion || !API_VERSION.test(value.apiVersion) || value.deployment) return;
  ctx.addIssue({
    code: 'custom',
    path: ['deployment'],
    message: `is required with apiVersion ${value.apiVersion} (the /openai/deployments/{deployment} URL form): expected the deployment name, or leave apiVersion out for the /openai/v1 form`,
  });
}

/** The preset's base URL, when the model gives none, against the endpoint policy (the local servers' loopback defaults). */
function checkPresetEndpoint(value: DefinitionLike, ctx: z.RefinementCtx, rules: DefinitionRules): void {
  const preset = value.provider === 'openai-compatible' ? presetDefaults(value.preset) : undefined;
  if (!preset || value.baseUrl) return;
  const problem = checkEndpointUrl(preset.baseUrl, rules.allowPrivateEndpoints);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      path: ['preset'],
      message: `${value.preset}'s default address ${preset.baseUrl}: ${problem}; or give the model a baseUrl of the server's own address`,
    });
}

/**
 * A wildcard model (`openai/*`) serves every name under its prefix; its `upstreamModel` is the one
 * vendor model its health probe asks about (the probe checks the provider, the key and the base
 * URL through a real name), so it is required.
 */
function checkWildcard(value: DefinitionLike, ctx: z.RefinementCtx): void {
  if (value.id === undefined || !isWildcardId(value.id) || value.upstreamModel) return;
  ctx.addIssue({
    code: 'custom',
    path: ['upstreamModel'],
    message: `is required for a wildcard model (${value.id}): expected a vendor model name its health probe checks, e.g. gpt-4o-mini`,
  });
}

function checkProviderRules(value: DefinitionLike, ctx: z.RefinementCtx, rules: DefinitionRules): void {
  const provider = value.provider as keyof typeof PROVIDER_DEFAULTS | undefined;
  const presetGivesUrl = provider === 'openai-compatible' && presetDefaults(value.preset) !== undefined;
  if (provider && PROVIDER_DEFAULTS[provider]?.requiresBaseUrl && !value.baseUrl && !presetGivesUrl) {
    const example = BASE_URL_EXAMPLES[provider] ?? "the server's API root, e.g. http://localhost:11434/v1";
    ctx.addIssue({
      code: 'custom',
      path: ['baseUrl'],
      message: `is required for provider ${provider}: expected ${example}${provider === 'openai-compatible' ? ', or a preset' : ''}`,
    });
  }
  checkKindFields(value, ctx);
  checkAzureForm(value, ctx);
  checkPresetEndpoint(value, ctx, rules);
  checkWildcard(value, ctx);
  if (provider && provider !== 'mock' && value.mock !== undefined && value.mock !== null) {
    ctx.addIssue({ code: 'custom', path: ['mock'], message: `applies only to provider mock, not ${provider}` });
  }
  if (value.apiKeyEnv && ENV_NAME.test(value.apiKeyEnv)) {
    const problem = rules.keyEnv.problem(value.apiKeyEnv);
    if (problem) ctx.addIssue({ code: 'custom', path: ['apiKeyEnv'], message: problem });
  }
  if (value.baseUrl && /^https?:\/\//i.test(value.baseUrl)) {
    const problem = checkEndpointUrl(value.baseUrl, rules.allowPrivateEndpoints);
    if (problem) ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: problem });
  }
}

/** A full model definition: a `models:` entry of the config file, or `registerModel`'s input. */
export function modelDefinitionSchema(rules: DefinitionRules) {
  return objectField(definitionShape).superRefine((value, ctx) => checkProviderRules(value, ctx, rules));
}

export type ModelDefinition = z.infer<ReturnType<typeof modelDefinitionSchema>>;

/**
 * A change to a model (`updateModel`): absent fields stay as they are; `null` clears an optional
 * field. Provider rules are checked on the merged result by the service.
 */
export const modelPatchSchema = objectField({
  upstreamModel: definitionShape.upstreamModel.nullable(),
  baseUrl: definitionShape.baseUrl.nullable(),
  apiKeyEnv: definitionShape.apiKeyEnv.nullable(),
  preset: definitionShape.preset.nullable(),
  credential: definitionShape.credential.nullable(),
  region: definitionShape.region.nullable(),
  deployment: definitionShape.deployment.nullable(),
  apiVersion: definitionShape.apiVersion.nullable(),
  version: definitionShape.version.nullable(),
  sourceUrl: definitionShape.sourceUrl.nullable(),
  contextWindow: definitionShape.contextWindow.nullable(),
  capabilities: definitionShape.capabilities.nullable(),
  defaults: definitionShape.defaults.nullable(),
  limits: definitionShape.limits.nullable(),
  pricing: definitionShape.pricing.nullable(),
  mock: definitionShape.mock.nullable(),
  timeouts: definitionShape.timeouts.nullable(),
  quirks: definitionShape.quirks.nullable(),
  fallbacks: definitionShape.fallbacks.nullable(),
  retry: definitionShape.retry.nullable(),
  cache: definitionShape.cache.nullable(),
  requestLog: definitionShape.requestLog.nullable(),
});

export type ModelPatch = z.infer<typeof modelPatchSchema>;

export function validateMergedDefinition(value: DefinitionLike, rules: DefinitionRules) {
  return z
    .custom<DefinitionLike>()
    .superRefine((v, ctx) => checkProviderRules(v, ctx, rules))
    .safeParse(value);
}
