import SchemaBuilder from '@pothos/core';
import { parse, subscribe, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/core/errors.js';
import type { ApiKeyScope } from '../../src/core/records/api-key.js';
import type { Context, ResolverServices } from '../../src/graphql/context.js';
import { schema } from '../../src/graphql/schema.js';
import { declaredScope, fieldScopePlugin, type FieldScope } from '../../src/graphql/scope-plugin.js';
import type { Viewer } from '../../src/modules/keys/viewer.js';

/** Who may use each root field. A new field is added here with its scope, on purpose. */
const EXPECTED: Record<string, FieldScope> = {
  'Query.apiKeys': 'admin',
  'Query.configStatus': 'admin',
  'Query.costSeries': 'client',
  'Query.credentials': 'admin',
  'Query.costs': 'client',
  'Query.generation': 'client',
  'Query.generations': 'client',
  'Query.model': 'client',
  'Query.models': 'client',
  'Query.pools': 'client',
  'Query.session': 'client',
  'Query.sessions': 'client',
  'Query.viewer': 'public',
  'Mutation.checkModelHealth': 'admin',
  'Mutation.createApiKey': 'admin',
  'Mutation.createCredential': 'admin',
  'Mutation.deleteCredential': 'admin',
  'Mutation.createSession': 'client',
  'Mutation.deletePool': 'admin',
  'Mutation.disableModel': 'admin',
  'Mutation.embed': 'client',
  'Mutation.enableModel': 'admin',
  'Mutation.generate': 'client',
  'Mutation.registerModel': 'admin',
  'Mutation.reloadConfig': 'admin',
  'Mutation.retireModel': 'admin',
  'Mutation.revokeApiKey': 'admin',
  'Mutation.rotateCredential': 'admin',
  'Mutation.setBudget': 'admin',
  'Mutation.setModelPool': 'admin',
  'Mutation.switchModel': 'client',
  'Mutation.updateApiKey': 'admin',
  'Mutation.updateModel': 'admin',
  'Subscription.generateStream': 'client',
  'Subscription.modelEvents': 'client',
  'Subscription.modelSwitched': 'client',
  'Subscription.usageUpdated': 'client',
};

const ROOTS = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
  (root) => root !== null && root !== undefined,
);
const rootFields = ROOTS.flatMap((root) =>
  Object.values(root.getFields()).map((field) => ({ root, field, name: `${root.name}.${field.name}` })),
);

/** Thrown by every service method: a resolver that gets this far was let in. */
class ReachedService extends Error {}

/** An object whose every member's every method throws ReachedService. */
function unreachable<T extends object>(): T {
  const methods = new Proxy({}, { get: () => () => Promise.reject(new ReachedService()) });
  return new Proxy({} as T, { get: () => methods });
}

function contextFor(scopes: ApiKeyScope[]): Context {
  const viewer: Viewer = {
    kind: 'key',
    keyId: 'k1',
    scopes,
    requestsPerMinute: null,
    budget: { dailyMicroUsd: null, monthlyMicroUsd: null },
    models: null,
  };
  return {
    services: unreachable<ResolverServices>(),
    viewer,
    signal: new AbortController().signal,
    revocation: undefined,
    requestId: 'r1',
    loaders: unreachable<Context['loaders']>(),
  };
}

/** Runs a root field's subscribe (for a subscription) or resolve as graphql-js would, with no arguments. */
async function run(root: GraphQLObjectType, field: GraphQLField<unknown, Context>, context: Context): Promise<unknown> {
  const info = {
    fieldName: field.name,
    parentType: root,
    path: { prev: undefined, key: field.name, typename: root.name },
  } as unknown as GraphQLResolveInfo;
  const fn = root.name === 'Subscription' ? field.subscribe : field.resolve;
  return fn?.(undefined, {}, context, info);
}

describe('the scope of every root field', () => {
  it('should be declared, as this table lists', () => {
    const declared = Object.fromEntries(rootFields.map(({ field, name }) => [name, declaredScope(field)]));
    expect(declared).toEqual(EXPECTED);
  });

  it.each(rootFields.filter(({ name }) => EXPECTED[name] !== 'public'))(
    'should refuse $name to a key without its scope, before any service is called',
    async ({ root, field, name }) => {
      const scope = EXPECTED[name] as ApiKeyScope;
      const error = await run(root, field, contextFor(scope === 'admin' ? ['client'] : [])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        message: `${field.name} needs an API key with the ${scope} scope`,
        details: { requiredScope: scope },
      });
    },
  );

  it.each(rootFields)('should let a key with the scope $name declares through to its resolver', async ({ root, field, name }) => {
    const scopes: ApiKeyScope[] = EXPECTED[name] === 'admin' ? ['admin'] : EXPECTED[name] === 'client' ? ['client'] : [];
    const outcome = await run(root, field, contextFor(scopes)).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(ForbiddenError);
  });

  it('should check a subscription once, when it starts, and answer FORBIDDEN without subscribing', async () => {
    const result = await subscribe({ schema, document: parse('subscription { modelEvents { type } }'), contextValue: contextFor([]) });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect('errors' in result && result.errors?.map((e) => [e.message, e.originalError instanceof ForbiddenError])).toEqual([
      ['modelEvents needs an API key with the client scope', true],
    ]);
    // Its events are not checked again (a revoked key's subscriptions are ended by useEndOnRevocation).
    const modelEvents = schema.getSubscriptionType()?.getFields()['modelEvents'];
    const event = { type: 'UPDATED' };
    expect(modelEvents?.resolve?.(event, {}, contextFor([]), {} as GraphQLResolveInfo)).toBe(event);
  });
});

describe('the fieldScope builder plugin', () => {
  const scratchBuilder = () => new SchemaBuilder<{ Context: Context }>({ plugins: [fieldScopePlugin], fieldScope: { allows: () => true } });

  it('should not build a schema with a root field that declares no scope, or an unknown one (nor compile it)', () => {
    const missing = scratchBuilder();
    // @ts-expect-error -- `scope` is required on a root field: forgetting it does not compile
    missing.queryType({ fields: (t) => ({ open: t.string({ resolve: () => 'x' }) }) });
    expect(() => missing.toSchema()).toThrow("Query.open declares no scope: add scope: 'admin' | 'client' | 'public'");

    const unknown = scratchBuilder();
    unknown.queryType({ fields: () => ({}) });
    // @ts-expect-error -- only admin, client or public
    unknown.mutationType({ fields: (t) => ({ typo: t.string({ scope: 'admn', resolve: () => 'x' }) }) });
    expect(() => unknown.toSchema()).toThrow('Mutation.typo declares no scope');
  });

  it('should build one whose root fields all declare a scope, leaving other fields unchecked', () => {
    const ok = scratchBuilder();
    const Thing = ok.objectRef<{ name: string }>('Thing').implement({ fields: (t) => ({ name: t.exposeString('name') }) });
    ok.queryType({ fields: (t) => ({ thing: t.field({ type: Thing, scope: 'admin', resolve: () => ({ name: 'x' }) }) }) });
    const built = ok.toSchema();
    expect(declaredScope(built.getQueryType()!.getFields()['thing']!)).toBe('admin');
    expect(built.getType('Thing')).toBeDefined();
  });
});
