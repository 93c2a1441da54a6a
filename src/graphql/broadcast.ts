import { type DocumentNode, getOperationAST, type GraphQLSchema, Kind } from 'graphql';
import type { Viewer } from '../modules/keys/viewer.js';

/**
 * Field extension of a subscription field that is a broadcast feed: its events come from the bus
 * and what it delivers depends only on its arguments and on who asks, never on the subscription
 * itself (not so `generateStream`, which starts work of its own).
 */
export const BROADCAST = { broadcast: true } as const;

/**
 * The key under which subscriptions may share one execution, or undefined when this one must run
 * alone: a subscription whose root fields are all broadcast feeds (`__typename` aside), keyed by
 * the caller (kind, key and scopes), the document, the operation name and the variables. Two
 * subscribers with equal keys would receive the same results, so one execution serves both.
 */
export function broadcastKey(
  schema: GraphQLSchema,
  document: DocumentNode,
  request: { query: string; operationName?: string | null; variables?: unknown },
  viewer: Viewer,
): string | undefined {
  const operation = getOperationAST(document, request.operationName);
  const fields = schema.getSubscriptionType()?.getFields();
  if (operation?.operation !== 'subscription' || !fields) return undefined;
  const allBroadcast = operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || fields[s.name.value]?.extensions.broadcast === true),
  );
  if (!allBroadcast) return undefined;
  const caller = `${viewer.kind}:${viewer.keyId ?? ''}:${[...viewer.scopes].sort().join(',')}`;
  return JSON.stringify([caller, request.operationName ?? null, request.query, request.variables ?? null]);
}
