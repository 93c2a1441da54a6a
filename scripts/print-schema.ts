/** Prints the schema's SDL (types sorted) to schema/schema.graphql. Run by `npm run codegen`. */
import { writeFileSync } from 'node:fs';
import { printSchemaFile } from '../src/graphql/print-schema.js';

writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printSchemaFile());
console.log('wrote schema/schema.graphql');
