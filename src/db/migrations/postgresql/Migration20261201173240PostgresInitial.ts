import { Migration } from '@mikro-orm/migrations';

/** The whole schema of this version, as the first PostgreSQL migration (the SQLite set reached it in seven steps). */
export class Migration20261201173240PostgresInitial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" varchar(36) not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "requests_per_minute" int null, "daily_budget_micro_usd" bigint null, "monthly_budget_micro_usd" bigint null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`create table "generations" ("id" varchar(36) not null, "model_id" varchar(100) not null, "provider" varchar(32) not null, "upstream_model" varchar(200) not null, "api_key_id" varchar(36) null, "session_id" varchar(36) null, "request_id" varchar(100) null, "pool_name" varchar(100) null, "dropped_messages" int not null default 0, "status" varchar(16) not null, "stream" boolean not null, "finish_reason" varchar(32) null, "text" text not null, "max_tokens" int not null, "input_tokens" int not null, "output_tokens" int not null, "usage_estimated" boolean not null, "cost_micro_usd" bigint not null, "latency_ms" int not null, "time_to_first_token_ms" int null, "error_code" varchar(32) null, "error_message" text null, "attempts" jsonb not null, "created_at" timestamptz not null, "completed_at" timestamptz not null, constraint "generations_pkey" primary key ("id"));`);
    this.addSql(`create index "generations_created_at_id_index" on "generations" ("created_at", "id");`);
    this.addSql(`create index "generations_cost_by_time" on "generations" ("created_at", "status", "input_tokens", "output_tokens", "cost_micro_usd");`);
    this.addSql(`create index "generations_cost_by_key" on "generations" ("api_key_id", "created_at", "status", "input_tokens", "output_tokens", "cost_micro_usd");`);
    this.addSql(`create index "generations_cost_by_model" on "generations" ("model_id", "created_at", "status", "input_tokens", "output_tokens", "cost_micro_usd");`);
    this.addSql(`create index "generations_session_id_created_at_index" on "generations" ("session_id", "created_at");`);

    this.addSql(`create table "models" ("id" varchar(100) not null, "provider" varchar(32) not null, "upstream_model" varchar(200) null, "base_url" text null, "api_key_env" varchar(128) null, "version" varchar(100) null, "source_url" text null, "context_window" int null, "capabilities" jsonb not null, "defaults" jsonb not null, "limits" jsonb not null, "input_price_micro_usd" bigint null, "output_price_micro_usd" bigint null, "mock" jsonb null, "timeouts" jsonb null, "quirks" jsonb null, "fallbacks" jsonb null, "retry" jsonb null, "status" varchar(16) not null, "health_checked_at" timestamptz null, "health_ok" boolean null, "health_latency_ms" int null, "health_message" text null, "circuit_state" varchar(16) not null default 'CLOSED', "source" varchar(8) not null, "config_hash" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "retired_at" timestamptz null, constraint "models_pkey" primary key ("id"));`);
    this.addSql(`create index "models_provider_index" on "models" ("provider");`);
    this.addSql(`create index "models_status_index" on "models" ("status");`);

    this.addSql(`create table "pools" ("name" varchar(100) not null, "strategy" varchar(16) not null, "members" jsonb not null, "retry" jsonb null, "source" varchar(8) not null, "config_hash" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pools_pkey" primary key ("name"));`);

    this.addSql(`create table "sessions" ("id" varchar(36) not null, "api_key_id" varchar(36) null, "model_id" varchar(100) null, "pool_name" varchar(100) null, "params" jsonb not null, "revision" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_api_key_id_created_at_index" on "sessions" ("api_key_id", "created_at");`);

    this.addSql(`create table "session_messages" ("id" serial primary key, "session_id" varchar(36) not null, "seq" int not null, "role" varchar(16) not null, "content" text not null, "generation_id" varchar(36) null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "session_messages" add constraint "session_messages_session_id_seq_unique" unique ("session_id", "seq");`);

    this.addSql(`create table "session_switches" ("id" varchar(36) not null, "session_id" varchar(36) not null, "revision" int not null, "from_model_id" varchar(100) not null, "to_model_id" varchar(100) not null, "latency_ms" real not null, "switched_at" timestamptz not null, constraint "session_switches_pkey" primary key ("id"));`);
    this.addSql(`create index "session_switches_session_id_revision_index" on "session_switches" ("session_id", "revision");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`drop table if exists "generations" cascade;`);

    this.addSql(`drop table if exists "models" cascade;`);

    this.addSql(`drop table if exists "pools" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "session_messages" cascade;`);

    this.addSql(`drop table if exists "session_switches" cascade;`);
  }

}
