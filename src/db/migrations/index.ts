import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000Initial } from './Migration20261125000000-initial.js';
import { Migration20261125172258ModelTimeoutsQuirks } from './Migration20261125172258ModelTimeoutsQuirks.js';
import { Migration20261125172704Generations } from './Migration20261125172704Generations.js';
import { Migration20261125174100Sessions } from './Migration20261125174100Sessions.js';
import { Migration20261125175205Routing } from './Migration20261125175205Routing.js';
import { Migration20261125180937Budgets } from './Migration20261125180937Budgets.js';
import { Migration20261125183627CostIndexes } from './Migration20261125183627CostIndexes.js';
import { Migration20261206120826ChatSurface } from './Migration20261206120826ChatSurface.js';
import { Migration20261206132202ModelKind } from './Migration20261206132202ModelKind.js';
import { Migration20261206150900ProviderFields } from './Migration20261206150900ProviderFields.js';
import { Migration20261206151816Credentials } from './Migration20261206151816Credentials.js';
import { Migration20261206153510UnknownCost } from './Migration20261206153510UnknownCost.js';
import { Migration20261206181122RequestLogColumns } from './Migration20261206181122RequestLogColumns.js';
import { Migration20261206181545StickyPools } from './Migration20261206181545StickyPools.js';
import { Migration20261206181820ModelCache } from './Migration20261206181820ModelCache.js';
import { Migration20261206181956RequestLog } from './Migration20261206181956RequestLog.js';

/**
 * The committed migrations, oldest first. They are imported (not globbed) so that they run the
 * same under tsx, vitest and compiled JS. Add new ones with `npm run migration:create`.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125000000-initial', class: Migration20261125000000Initial },
  { name: 'Migration20261125172258ModelTimeoutsQuirks', class: Migration20261125172258ModelTimeoutsQuirks },
  { name: 'Migration20261125172704Generations', class: Migration20261125172704Generations },
  { name: 'Migration20261125174100Sessions', class: Migration20261125174100Sessions },
  { name: 'Migration20261125175205Routing', class: Migration20261125175205Routing },
  { name: 'Migration20261125180937Budgets', class: Migration20261125180937Budgets },
  { name: 'Migration20261125183627CostIndexes', class: Migration20261125183627CostIndexes },
  { name: 'Migration20261206120826ChatSurface', class: Migration20261206120826ChatSurface },
  { name: 'Migration20261206132202ModelKind', class: Migration20261206132202ModelKind },
  { name: 'Migration20261206150900ProviderFields', class: Migration20261206150900ProviderFields },
  { name: 'Migration20261206151816Credentials', class: Migration20261206151816Credentials },
  { name: 'Migration20261206153510UnknownCost', class: Migration20261206153510UnknownCost },
  { name: 'Migration20261206181122RequestLogColumns', class: Migration20261206181122RequestLogColumns },
  { name: 'Migration20261206181545StickyPools', class: Migration20261206181545StickyPools },
  { name: 'Migration20261206181820ModelCache', class: Migration20261206181820ModelCache },
  { name: 'Migration20261206181956RequestLog', class: Migration20261206181956RequestLog },
];
