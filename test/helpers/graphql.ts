import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors:
    | ReadonlyArray<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }>
    | undefined;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Runs a typed document against the app (in-process or over a socket) with an optional API key. */
export async function execute<T, V>(
  fetcher: Fetch,
  document: TypedDocumentNode<T, V>,
  variables?: V,
  options: { key?: string; url?: string } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetcher(options.url ?? 'http://switchyard.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** The data, failing the test with the errors when there are any. */
export function expectData<T>(result: GraphQLResponse<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as T;
}

/** The single error's code and message, failing the test when there is not exactly one. */
export function expectError<T>(result: GraphQLResponse<T>): { code: unknown; message: string; extensions: Record<string, unknown> } {
  expect(result.errors, `expected one error, got data ${JSON.stringify(result.data)}`).toHaveLength(1);
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, message: error?.message ?? '', extensions: error?.extensions ?? {} };
}
