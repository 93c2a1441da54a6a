import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201173240PostgresInitial } from './Migration20261201173240PostgresInitial.js';
import { Migration20261206120829ChatSurface } from './Migration20261206120829ChatSurface.js';
import { Migration20261206132205ModelKind } from './Migration20261206132205ModelKind.js';
import { Migration20261206150902ProviderFields } from './Migration20261206150902ProviderFields.js';
import { Migration20261206151824Credentials } from './Migration20261206151824Credentials.js';
import { Migration20261206153516UnknownCost } from './Migration20261206153516UnknownCost.js';
import { Migration20261206181124RequestLogColumns } from './Migration20261206181124RequestLogColumns.js';
import { Migration20261206181547StickyPools } from './Migration20261206181547StickyPools.js';
import { Migration20261206181824ModelCache } from './Migration20261206181824ModelCache.js';
import { Migration20261206182002RequestLog } from './Migration20261206182002RequestLog.js';

/**
 * The PostgreSQL migrations, oldest first (the SQLite set is ../index.ts: each engine has its
 * own, made by `npm run migration:create -- <name> --postgres`). Imported, not globbed.
 */
export const PG_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261201173240PostgresInitial', class: Migration20261201173240PostgresInitial },
  { name: 'Migration20261206120829ChatSurface', class: Migration20261206120829ChatSurface },
  { name: 'Migration20261206132205ModelKind', class: Migration20261206132205ModelKind },
  { name: 'Migration20261206150902ProviderFields', class: Migration20261206150902ProviderFields },
  { name: 'Migration20261206151824Credentials', class: Migration20261206151824Credentials },
  { name: 'Migration20261206153516UnknownCost', class: Migration20261206153516UnknownCost },
  { name: 'Migration20261206181124RequestLogColumns', class: Migration20261206181124RequestLogColumns },
  { name: 'Migration20261206181547StickyPools', class: Migration20261206181547StickyPools },
  { name: 'Migration20261206181824ModelCache', class: Migration20261206181824ModelCache },
  { name: 'Migration20261206182002RequestLog', class: Migration20261206182002RequestLog },
];
