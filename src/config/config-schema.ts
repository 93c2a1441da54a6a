import { modelDefinitionSchema, modelIdField } from '../modules/models/model-definition.js';
import { booleanField, enumField, listOf, numberField, objectField, stringField } from '../validation/fields.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const portField = numberField({ int: true, min: 0, max: 65535 });

/**
 * The YAML config file (`switchyard.config.yml`). Every key is optional except what a model
 * needs; unknown keys are errors so that typos are caught. Environment variables override the
 * server settings after this file is read (see load-config.ts).
 */
export function configFileSchema(allowPrivateEndpoints: boolean) {
  return objectField({
    server: objectField({
      host: stringField('a host name or IP address to listen on', undefined, 255).optional(),
      port: portField.optional(),
    }).optional(),
    database: objectField({
      url: stringField('an SQLite file path, sqlite:<path> or :memory:', undefined, 2000).optional(),
    }).optional(),
    security: objectField({
      allowPrivateEndpoints: booleanField().optional(),
    }).optional(),
    logging: objectField({ level: enumField(LOG_LEVELS).optional() }).optional(),
    defaultModel: modelIdField.optional(),
    models: listOf(modelDefinitionSchema({ allowPrivateEndpoints }), 'model definitions', 10_000).optional(),
  });
}

/**
 * Checks across the whole file, run on the raw input so that they are reported together with
 * every field problem: unique model ids, and a default model that the file defines.
 */
export function crossCheckConfigFile(raw: unknown): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  if (typeof raw !== 'object' || raw === null) return problems;
  const { models, defaultModel } = raw as { models?: unknown; defaultModel?: unknown };
  const seen = new Map<string, number>();
  (Array.isArray(models) ? models : []).forEach((model: unknown, index) => {
    const id = typeof model === 'object' && model !== null ? (model as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: ['models', index, 'id'], message: `"${id}" is already defined by models[${first}]; ids must be unique` });
    else seen.set(id, index);
  });
  if (typeof defaultModel === 'string' && !seen.has(defaultModel)) {
    problems.push({ path: ['defaultModel'], message: `"${defaultModel}" is not one of the ids under models:` });
  }
  return problems;
}
