import { pino } from 'pino';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import type { Config } from '../../src/config/config.js';
import { execute, type GraphQLResponse } from './graphql.js';
import { testConfig, type TestConfigOptions } from './test-config.js';
import { freshPostgres, postgresReachable } from './postgres.js';

export interface TestApp {
  readonly app: App;
  readonly config: Config;
  /** Runs a document in-process through Yoga (no socket). */
  run<T, V>(document: TypedDocumentNode<T, V>, variables?: V, key?: string): Promise<GraphQLResponse<T>>;
  /** Listens on 127.0.0.1:0; answers the base URL. */
  listen(): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * A whole app on its own in-memory database and metrics registry, logging nothing. With
 * SWITCHYARD_TEST_ENGINE=postgresql (the `postgresql` test project), an app that would use an
 * in-memory database gets a fresh PostgreSQL database instead, dropped when it is disposed.
 */
export async function startTestApp(options: TestConfigOptions & { config?: Config; overrides?: AppOptions } = {}): Promise<TestApp> {
  let config = options.config ?? testConfig(options);
  let drop: (() => Promise<void>) | undefined;
  // Without a server (outside CI: postgresReachable warns once; in CI it throws) the app stays on SQLite.
  if (process.env.SWITCHYARD_TEST_ENGINE === 'postgresql' && config.database.dbName === ':memory:' && (await postgresReachable())) {
    const fresh = await freshPostgres();
    drop = fresh.drop;
    config = Object.freeze({ ...config, database: fresh.database });
  }
  const app = await createApp(config, {
    logger: pino({ level: 'silent' }),
    monitorHealth: false,
    requestLogRetention: false,
    ...options.overrides,
  });
  let stopped = false;
  return {
    app,
    config,
    run: (document, variables, key) => execute((input, init) => app.fetch(input, init), document, variables, key ? { key } : {}),
    listen: () => app.start(0, '127.0.0.1'),
    async dispose() {
      if (stopped) return;
      stopped = true;
      await app.stop();
      await drop?.();
    },
  };
}
