import { GenerationSchema } from '../modules/generations/generation.entity.js';
import { ApiKeySchema } from '../modules/keys/api-key.entity.js';
import { ModelSchema } from '../modules/models/model.entity.js';
import { PoolSchema } from '../modules/pools/pool.entity.js';
import { SessionMessageSchema, SessionSchema, SessionSwitchSchema } from '../modules/sessions/session.entity.js';

/** Every entity the ORM knows, listed explicitly (no folder globbing). */
export const ENTITIES = [ModelSchema, ApiKeySchema, GenerationSchema, SessionSchema, SessionMessageSchema, SessionSwitchSchema, PoolSchema];
