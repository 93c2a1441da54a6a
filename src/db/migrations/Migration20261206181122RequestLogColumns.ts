import { Migration } from '@mikro-orm/migrations';

/** The request log, response cache and traces on the generation record: the logged request, the cache flag and saving, the trace id, the logged bytes (issue 28). */
export class Migration20261206181122RequestLogColumns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`generations\` add column \`request\` json null;`);
    this.addSql(`alter table \`generations\` add column \`cached\` integer not null default false;`);
    this.addSql(`alter table \`generations\` add column \`saved_micro_usd\` bigint null;`);
    this.addSql(`alter table \`generations\` add column \`trace_id\` text null;`);
    this.addSql(`alter table \`generations\` add column \`log_bytes\` integer not null default 0;`);
  }

}
