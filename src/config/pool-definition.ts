import type { z } from 'zod';
import { POOL_STRATEGIES } from '../core/records/pool.js';
import { booleanField, enumField, listOf, numberField, objectField, stringField } from '../validation/fields.js';
import { modelRefField, retrySchema } from './model-definition.js';

export const poolNameField = stringField(
  'a pool name: letters, digits and . _ : - (at most 100)',
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
  100,
);

/** A pool: `setModelPool`'s input, or a `pools:` entry of the config file. */
export const poolDefinitionSchema = objectField({
  name: poolNameField,
  strategy: enumField(POOL_STRATEGIES).optional(),
  members: listOf(objectField({ modelId: modelRefField, weight: numberField({ min: 0, max: 1_000_000 }).optional() }), 'members', 100).min(
    1,
    {
      error: 'expected at least one member',
    },
  ),
  retry: retrySchema.optional(),
  sticky: booleanField().optional(),
  stickyTtlSeconds: numberField({ min: 1, max: 604_800, int: true }).optional(),
}).superRefine((pool, ctx) => {
  const seen = new Set<string>();
  pool.members.forEach((member, index) => {
    if (seen.has(member.modelId))
      ctx.addIssue({ code: 'custom', path: ['members', index, 'modelId'], message: `"${member.modelId}" is already a member` });
    seen.add(member.modelId);
  });
});

export type PoolDefinition = z.infer<typeof poolDefinitionSchema>;
