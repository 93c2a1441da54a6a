import { createHash } from 'node:crypto';
import { forEachConcurrently } from '../../util/concurrency.js';
import { applyDefinition } from './model-changes.js';
import { PROBE_CONCURRENCY } from './model-health.js';
import type { ModelDefinition } from '../../config/model-definition.js';
import type { ModelRegistry } from './model-registry.js';

export interface ConfigSyncSummary {
  readonly registered: string[];
  readonly updated: string[];
  readonly retired: string[];
  readonly unchanged: string[];
}

function hashDefinition(definition: ModelDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

/**
 * Applies the config file's `models:` to the registry, keyed by id. An entry is applied only when
 * it differs from the one applied last time (its hash is stored on the model), so restarting
 * with the same file changes nothing, and a change made through the API survives until the
 * file's entry for that model changes. Models the file managed and no longer names are retired;
 * models registered through the API are never touched unless the file starts naming them.
 */
export async function syncConfigModels(registry: ModelRegistry, definitions: readonly ModelDefinition[]): Promise<ConfigSyncSummary> {
  const work = registry.begin();
  const summary: ConfigSyncSummary = { registered: [], updated: [], retired: [], unchanged: [] };
  const named = new Set(definitions.map((d) => d.id));

  for (const definition of definitions) {
    const hash = hashDefinition(definition);
    const entity = await work.find(definition.id);
    if (!entity) {
      await registry.register(definition, { source: 'CONFIG', configHash: hash, probe: false }, work);
      summary.registered.push(definition.id);
      continue;
    }
    if (entity.configHash === hash) {
      summary.unchanged.push(definition.id);
      continue;
    }
    if (entity.status === 'RETIRED' && entity.configHash === null) {
      entity.status = 'PENDING';
      entity.retiredAt = null;
    }
    applyDefinition(entity, definition);
    entity.source = 'CONFIG';
    entity.configHash = hash;
    await work.flush();
    registry.commit(entity, 'UPDATED');
    summary.updated.push(definition.id);
  }

  const managed = await work.configManaged();
  for (const entity of managed) {
    if (named.has(entity.id)) continue;
    await registry.retire(entity.id, { byConfig: true }, work);
    summary.retired.push(entity.id);
  }
  return summary;
}

/** Probes every model that is in service (at start, so stored health is never stale). */
export async function probeModelsInService(registry: ModelRegistry): Promise<void> {
  const entities = await registry.begin().inService();
  // In parallel, each in a unit of work of its own: a hanging vendor (up to the 10 s probe timeout)
  // delays the start once, not once per model.
  await forEachConcurrently(entities, PROBE_CONCURRENCY, (entity) => registry.checkHealth(entity.id).then(() => undefined));
}
