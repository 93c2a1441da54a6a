import { Migration } from '@mikro-orm/migrations';

/** The request log, response cache and traces on the generation record: the logged request, the cache flag and saving, the trace id, the logged bytes (issue 28). */
export class Migration20261206181124RequestLogColumns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "generations" add column "request" jsonb null, add column "cached" boolean not null default false, add column "saved_micro_usd" bigint null, add column "trace_id" varchar(32) null, add column "log_bytes" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "generations" drop column "request", drop column "cached", drop column "saved_micro_usd", drop column "trace_id", drop column "log_bytes";`);
  }

}
