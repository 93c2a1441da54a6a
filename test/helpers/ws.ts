import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for a test server (no retries, so failures surface at once). */
export function wsClient(baseUrl: string, key?: string, onClose?: (event: { code: number; reason: string }) => void): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    on: onClose ? { closed: (event) => onClose(event as { code: number; reason: string }) } : {},
    onNonLazyError: () => undefined,
  });
}

/** Subscribes and returns an async iterator of results (data and errors). */
export function subscribe<T, V>(client: Client, document: TypedDocumentNode<T, V>, variables?: V) {
  return client.iterate<T>({ query: print(document), variables: variables as Record<string, unknown> | undefined });
}

/** Polls until `check` is true or the time runs out. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The graphql-ws clients a test opened, closed together when it ends. */
export class WsClients {
  readonly #clients: Client[] = [];

  push(...clients: Client[]): void {
    this.#clients.push(...clients);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map((c) => c.dispose()));
  }
}
