import { Migration } from '@mikro-orm/migrations';

/** The request log (issue 28): per-key and per-model modes, and the daily rollup the retention job folds deleted generations into. */
export class Migration20261206182002RequestLog extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "generation_rollups" ("id" varchar(300) not null, "day_start" timestamptz not null, "api_key_id" varchar(36) null, "model_id" varchar(100) not null, "provider" varchar(32) not null, "pool_name" varchar(100) null, "requests" bigint not null default 0, "succeeded" bigint not null default 0, "failed" bigint not null default 0, "cancelled" bigint not null default 0, "input_tokens" bigint not null default 0, "output_tokens" bigint not null default 0, "cached_input_tokens" bigint not null default 0, "cache_write_tokens" bigint not null default 0, "reasoning_tokens" bigint not null default 0, "cost_micro_usd" bigint not null default 0, "unpriced" bigint not null default 0, "cached_requests" bigint not null default 0, "saved_micro_usd" bigint not null default 0, constraint "generation_rollups_pkey" primary key ("id"));`);
    this.addSql(`create index "generation_rollups_by_day" on "generation_rollups" ("day_start");`);
    this.addSql(`create index "generation_rollups_by_key" on "generation_rollups" ("api_key_id", "day_start");`);

    this.addSql(`alter table "api_keys" add column "request_log" varchar(16) null;`);

    this.addSql(`alter table "models" add column "request_log" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "generation_rollups" cascade;`);

    this.addSql(`alter table "api_keys" drop column "request_log";`);

    this.addSql(`alter table "models" drop column "request_log";`);
  }

}
