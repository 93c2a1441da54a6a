import { builder } from '../../graphql/builder.js';
import { definedOnly, withoutNulls } from '../../graphql/input.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { API_KEY_SCOPES } from '../../core/records/api-key.js';
import type { ApiKeyRecord } from '../../core/records/api-key.js';
import type { Viewer } from './viewer.js';
import { RequestLogModeEnum } from '../request-log/request-log.graphql.js';

const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'ADMIN: registry, pools, keys and all costs. CLIENT: sessions, switching, generation and its own costs.',
  values: screamingEnumValues(API_KEY_SCOPES),
});

export const ApiKeyRef = builder.objectRef<ApiKeyRecord>('ApiKey').implement({
  description: 'An API key. The secret itself is shown once, by createApiKey, and never again.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell keys apart.' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (k) => [...k.scopes] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revoked: t.boolean({ resolve: (k) => k.revokedAt !== null }),
    models: t.stringList({
      nullable: true,
      description: 'The model ids, pool names and `prefix/*` patterns this key may use; null: every model.',
      resolve: (k) => (k.models ? [...k.models] : null),
    }),
    requestLog: t.expose('requestLog', {
      type: RequestLogModeEnum,
      nullable: true,
      description: "The request log's mode for this key's requests (over the model's and the gateway's); null: inherits.",
    }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ key: string; apiKey: ApiKeyRecord }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret, for Authorization: Bearer <key>. Shown this once; store it now.' }),
    apiKey: t.field({ type: ApiKeyRef, resolve: (p) => p.apiKey }),
  }),
});

const BudgetInput = builder.inputType('BudgetInput', {
  fields: (t) => ({ daily: t.float({ description: 'USD per UTC day.' }), monthly: t.float({ description: 'USD per UTC month.' }) }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'What the key is for (1 to 100 characters).' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], required: true }),
    requestsPerMinute: t.int({ description: 'Most requests per minute this key may send (RATE_LIMITED beyond); unset: no limit.' }),
    budget: t.field({ type: BudgetInput, description: 'Spending budgets in USD; requests beyond them fail with COST_LIMIT_EXCEEDED.' }),
    models: t.stringList({
      description:
        'Limits the key to these model ids, pool names and `prefix/*` patterns (e.g. `openai/*`); anything else is FORBIDDEN (403 on the HTTP doors), and /v1/models lists only these. A pool or model allowed brings its members and fallbacks. Unset: every model.',
    }),
    requestLog: t.field({
      type: RequestLogModeEnum,
      description: "The request log's mode for this key's requests (over the model's and the gateway's); unset: inherits.",
    }),
  }),
});

const UpdateApiKeyInput = builder.inputType('UpdateApiKeyInput', {
  description: 'Fields left out stay as they are.',
  fields: (t) => ({
    requestLog: t.field({
      type: RequestLogModeEnum,
      description: "The request log's mode for this key's requests; null: inherits the model's, else the gateway's.",
    }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The caller, as the gateway sees it.',
  fields: (t) => ({
    localMode: t.boolean({
      description: 'True in local mode (no admin key configured: no authentication needed).',
      resolve: (v) => v.kind === 'local',
    }),
    apiKeyId: t.exposeID('keyId', { nullable: true }),
    scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (v) => [...v.scopes] }),
    models: t.stringList({
      nullable: true,
      description: 'What the caller’s key may use (model ids, pool names, `prefix/*` patterns); null: every model.',
      resolve: (v) => (v.models ? [...v.models] : null),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    scope: 'public',
    type: ViewerRef,
    description: 'Who the gateway takes the caller for.',
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
  apiKeys: t.field({
    scope: 'admin',
    type: [ApiKeyRef],
    description: 'Every API key, revoked ones included. Needs admin.',
    resolve: (_root, _args, ctx) => ctx.services.apiKeys.list(),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    scope: 'admin',
    type: CreateApiKeyPayload,
    description: 'Creates an API key and answers its secret, this once. Needs admin.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.apiKeys.create(withoutNulls(input)),
  }),
  updateApiKey: t.field({
    scope: 'admin',
    type: ApiKeyRef,
    description: "Changes an API key's settings (its request-log mode); applies to its next request. Needs admin.",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateApiKeyInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => ctx.services.apiKeys.update({ id: String(id), ...definedOnly(input) }),
  }),
  revokeApiKey: t.field({
    scope: 'admin',
    type: ApiKeyRef,
    description: 'Revokes an API key at once; requests with it fail with UNAUTHENTICATED. Needs admin.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.apiKeys.revoke(String(id)),
  }),
}));
