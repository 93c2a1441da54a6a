import type { Clock } from '../../core/ports/clock.js';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { ConfigError, type Config } from '../../config/config.js';
import { loadConfig } from '../../config/load-config.js';
import type { KeyEnvPolicy } from '../../security/key-env-policy.js';
import type { Logger } from '../../observability/logger.js';
import { syncConfigModels } from '../models/config-sync.js';
import type { ModelRegistry } from '../models/model-registry.js';
import type { PoolRegistry } from '../pools/pool-registry.js';

/** What the running configuration is and how the last reload went. */
export interface ConfigStatus {
  readonly source: string;
  readonly loadedAt: Date;
  /** sha256 of the file applied. */
  readonly hash: string;
  /** Why the last reload was refused (the running configuration stayed); null after a good one. */
  readonly lastError: string | null;
  readonly lastAttemptAt: Date | null;
}

export interface ConfigReloaderDeps {
  readonly initial: Config;
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  /** Reset to the new file's rule before its models are applied. */
  readonly keyEnv: KeyEnvPolicy;
  readonly logger: Logger;
  readonly clock: Pick<Clock, 'now'>;
}

/**
 * Hot reload (SPEC §2): reads the config file again, validates it whole, and applies the
 * difference — models registered, updated or retired, pools set or deleted; new and changed
 * models are probed before they take traffic. An invalid file changes nothing: the error is
 * logged and kept in `status().lastError`. In-flight requests and streams are not touched.
 * Server, database and security settings are read at start only.
 */
export class ConfigReloader {
  #current: Config;
  #status: ConfigStatus;
  #queue: Promise<unknown> = Promise.resolve();
  #watcher: FSWatcher | undefined;
  #debounce: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ConfigReloaderDeps) {
    this.#current = deps.initial;
    this.#status = {
      source: deps.initial.source,
      loadedAt: deps.initial.loadedAt,
      hash: deps.initial.hash,
      lastError: null,
      lastAttemptAt: null,
    };
  }

  get current(): Config {
    return this.#current;
  }

  status(): ConfigStatus {
    return this.#status;
  }

  /** Reloads now (one reload at a time); answers the status after it. */
  reload(): Promise<ConfigStatus> {
    const run = this.#queue.then(() => this.#reload());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Watches the file (its folder, since editors replace files by renaming) and reloads, debounced, when its content changes. */
  watch(debounceMs = 300): void {
    const file = basename(this.#current.source);
    this.#watcher = watch(dirname(this.#current.source), (_event, name) => {
      if (name !== null && name !== file) return;
      clearTimeout(this.#debounce);
      this.#debounce = setTimeout(() => void this.reload(), debounceMs);
    });
    this.#watcher.unref();
  }

  close(): void {
    clearTimeout(this.#debounce);
    this.#watcher?.close();
  }

  async #reload(): Promise<ConfigStatus> {
    const attemptAt = new Date(this.deps.clock.now());
    let next: Config;
    try {
      next = loadConfig({ path: this.#current.source, env: this.#current.env });
    } catch (error) {
      const message = error instanceof ConfigError ? error.lines.join('\n') : String(error);
      this.deps.logger.error({ problems: message.split('\n') }, `config reload refused; the running configuration stays`);
      this.#status = { ...this.#status, lastError: message, lastAttemptAt: attemptAt };
      return this.#status;
    }
    if (next.hash === this.#current.hash) {
      this.#status = { ...this.#status, lastError: null, lastAttemptAt: attemptAt };
      return this.#status;
    }
    this.deps.keyEnv.reset(next.security.apiKeyEnvAllowed);
    const summary = await syncConfigModels(this.deps.models, next.models);
    for (const id of [...summary.registered, ...summary.updated]) {
      const model = this.deps.models.find(id);
      if (model && model.status !== 'DISABLED' && model.status !== 'RETIRED') await this.deps.models.checkHealth(id);
    }
    await this.deps.pools.syncConfig(next.pools);
    this.#current = next;
    this.#status = { source: next.source, loadedAt: next.loadedAt, hash: next.hash, lastError: null, lastAttemptAt: attemptAt };
    this.deps.logger.info(
      { registered: summary.registered, updated: summary.updated, retired: summary.retired },
      `reloaded ${next.source}`,
    );
    return this.#status;
  }
}
