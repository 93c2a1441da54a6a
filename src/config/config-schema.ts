import { z } from 'zod';
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
  }).superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    (file.models ?? []).forEach((model, index) => {
      const first = seen.get(model.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['models', index, 'id'], message: `"${model.id}" is already defined by models[${first}]; ids must be unique` });
      } else seen.set(model.id, index);
    });
    if (file.defaultModel && !seen.has(file.defaultModel)) {
      ctx.addIssue({ code: 'custom', path: ['defaultModel'], message: `"${file.defaultModel}" is not one of the ids under models:` });
    }
  });
}

export type ConfigFile = z.infer<ReturnType<typeof configFileSchema>>;
