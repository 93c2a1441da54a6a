import './util/heap-growth.js'; // first: V8's heap growth is set before the gateway allocates
import { createApp, listenHost } from './app.js';
import { type Config, ConfigError } from './config/config.js';
import { loadConfig, resolveConfigPath } from './config/load-config.js';

/** Process entry: load the config, start the gateway, stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig({ path: resolveConfigPath(process.argv.slice(2), process.env), env: process.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) console.error(line);
    console.error(`switchyard: the configuration has ${error.lines.length} problem${error.lines.length === 1 ? '' : 's'}; not started`);
    process.exit(1);
  }

  const app = await createApp(config, { watchConfig: true });
  const { logger } = app.services;
  const host = listenHost(config);
  if (config.adminKey === undefined) {
    const moved = config.server.host !== host ? ` (configured host ${config.server.host} ignored)` : '';
    logger.warn(`local mode: SWITCHYARD_ADMIN_KEY is not set, so there is no authentication; listening on ${host} only${moved}`);
  }
  const url = await app.start(config.server.port, host);
  logger.info(
    { url: `${url}/graphql`, console: `${url}/` },
    `Switchyard listening on ${url}/graphql (GraphiQL in a browser; graphql-ws on the same path); web console on ${url}/`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping`);
    app.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('switchyard: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
