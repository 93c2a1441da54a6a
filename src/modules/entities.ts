import { GenerationSchema } from './generations/generation.entity.js';
import { CredentialSchema } from './credentials/credential.entity.js';
import { ApiKeySchema } from './keys/api-key.entity.js';
import { ModelSchema } from './models/model.entity.js';
import { PoolSchema } from './pools/pool.entity.js';
import { GenerationRollupSchema } from './request-log/generation-rollup.entity.js';
import { SessionMessageSchema, SessionSchema, SessionSwitchSchema } from './sessions/session.entity.js';

/** Every entity the ORM knows, listed explicitly (no folder globbing). */
export const ENTITIES = [
  ModelSchema,
  ApiKeySchema,
  GenerationSchema,
  SessionSchema,
  SessionMessageSchema,
  SessionSwitchSchema,
  PoolSchema,
  CredentialSchema,
  GenerationRollupSchema,
];
