/**
 * Writes a new migration into src/db/migrations/ with the difference between the entities and
 * the schema the committed migrations produce. Give the class its file's name, add a down(), and register it in
 * src/db/migrations/index.ts afterwards. Usage: npm run migration:create -- <name>
 */
import { MikroORM } from '@mikro-orm/sqlite';
import { ormOptions } from '../src/db/orm.js';
import { ENTITIES } from '../src/modules/entities.js';

const name = process.argv[2] ?? 'change';
const orm = await MikroORM.init(ormOptions({ driver: 'sqlite', dbName: ':memory:' }, ENTITIES));
const migrator = orm.getMigrator();
await migrator.up();
const result = await migrator.createMigration(undefined, false, false, name);
console.log(result.fileName ? `wrote src/db/migrations/${result.fileName}` : 'no schema changes');
await orm.close();
