import { Migration } from '@mikro-orm/migrations';

/** The chat surface: usage breakdown and tool calls on generations, cache prices on models, whole messages in session history. */
export class Migration20261206120829ChatSurface extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "generations" add column "cached_input_tokens" int not null default 0, add column "cache_write_tokens" int not null default 0, add column "reasoning_tokens" int not null default 0, add column "tool_calls" jsonb null;`);

    this.addSql(`alter table "models" add column "cached_input_price_micro_usd" bigint null, add column "cache_write_price_micro_usd" bigint null;`);

    this.addSql(`alter table "session_messages" add column "detail" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "generations" drop column "cached_input_tokens", drop column "cache_write_tokens", drop column "reasoning_tokens", drop column "tool_calls";`);

    this.addSql(`alter table "models" drop column "cached_input_price_micro_usd", drop column "cache_write_price_micro_usd";`);

    this.addSql(`alter table "session_messages" drop column "detail";`);
  }

}
