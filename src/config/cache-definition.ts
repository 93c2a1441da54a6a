import { CACHE_MODES, CACHE_SCOPES } from '../core/records/cache.js';
import { enumField, numberField, objectField } from '../validation/fields.js';

/** The most seconds an answer may be kept: 30 days. */
export const MAX_CACHE_TTL_SECONDS = 30 * 24 * 3600;

/** `cache:` fields a model and the gateway share: mode, TTL and scope. */
export const cacheSettingsShape = {
  mode: enumField(CACHE_MODES).optional(),
  ttlSeconds: numberField({ int: true, min: 1, max: MAX_CACHE_TTL_SECONDS }).optional(),
  scope: enumField(CACHE_SCOPES).optional(),
};

/** A model's `cache:` (config, registerModel/updateModel): each unset field is the gateway's. */
export const modelCacheSchema = objectField(cacheSettingsShape);
