import SchemaBuilder, {
  BasePlugin,
  PothosSchemaError,
  type FieldNullability,
  type InputFieldMap,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  type TypeParam,
} from '@pothos/core';
import type { GraphQLField, GraphQLFieldResolver } from 'graphql';
import { API_KEY_SCOPES, type ApiKeyScope } from '../core/records/api-key.js';
import { missingScopeError } from '../modules/keys/viewer.js';

/** Who may use a root field: a caller whose key has this scope (`admin` includes `client`), or anyone. */
export type FieldScope = ApiKeyScope | 'public';

const FIELD_SCOPES: readonly FieldScope[] = [...API_KEY_SCOPES, 'public'];

function isFieldScope(value: unknown): value is FieldScope {
  return FIELD_SCOPES.some((scope) => scope === value);
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      fieldScope: FieldScopePlugin<Types>;
    }
    export interface SchemaBuilderOptions<Types extends SchemaTypes> {
      /** Whether the caller of this request has `scope`; called for every root field but the public ones. */
      fieldScope: { allows: (context: Types['Context'], scope: ApiKeyScope) => boolean };
    }
    // Required, not optional: a Query, Mutation or Subscription field that says nothing does not compile.
    export interface QueryFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveReturnShape,
    > {
      /** Who may use this field (FORBIDDEN for anyone else, before the resolver runs). */
      scope: FieldScope;
    }
    export interface MutationFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveReturnShape,
    > {
      /** Who may use this field (FORBIDDEN for anyone else, before the resolver runs). */
      scope: FieldScope;
    }
    export interface SubscriptionFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveShape,
      ResolveReturnShape,
    > {
      /** Who may subscribe (checked once, when the subscription starts). */
      scope: FieldScope;
    }
  }
}

/** The scope a root field declares; undefined for other fields, or a root field declaring none (which fails the build). */
function scopeOf<Types extends SchemaTypes>(fieldConfig: PothosOutputFieldConfig<Types>): FieldScope | undefined {
  if (fieldConfig.kind !== 'Query' && fieldConfig.kind !== 'Mutation' && fieldConfig.kind !== 'Subscription') return undefined;
  const scope: unknown = fieldConfig.pothosOptions.scope;
  if (!isFieldScope(scope))
    throw new PothosSchemaError(
      `${fieldConfig.parentType}.${fieldConfig.name} declares no scope: add scope: ${FIELD_SCOPES.map((s) => `'${s}'`).join(' | ')}`,
    );
  return scope;
}

/**
 * Checks each Query and Mutation field's `scope` before its resolver runs, and each Subscription
 * field's when the subscription starts (not per event). The check is synchronous and allocates
 * nothing: a plain call wrapped around the resolver, the resolver's own result returned as is.
 * Building a schema with a root field without a scope fails.
 */
export class FieldScopePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    scopeOf(fieldConfig);
    return fieldConfig;
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return fieldConfig.kind === 'Subscription' ? resolver : this.guard(resolver, fieldConfig);
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    return subscribe && this.guard(subscribe, fieldConfig);
  }

  private guard(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const scope = scopeOf(fieldConfig);
    if (scope === undefined || scope === 'public') return resolver;
    const { allows } = this.builder.options.fieldScope;
    return (parent, args, context, info) => {
      if (!allows(context, scope)) throw missingScopeError(info.fieldName, scope);
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin('fieldScope', FieldScopePlugin);

/** The plugin, for `plugins: [...]`. */
export const fieldScopePlugin = 'fieldScope';

/** The scope a field of the built schema declares (from Pothos's options in its extensions). */
export function declaredScope(field: GraphQLField<unknown, unknown>): FieldScope | undefined {
  const options: unknown = field.extensions['pothosOptions'];
  const scope: unknown = options && typeof options === 'object' && 'scope' in options ? options.scope : undefined;
  return isFieldScope(scope) ? scope : undefined;
}
