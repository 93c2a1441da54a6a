import { Migration } from '@mikro-orm/migrations';

/** The chat surface: usage breakdown and tool calls on generations, cache prices on models, whole messages in session history. */
export class Migration20261206120826ChatSurface extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`generations\` add column \`cached_input_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`generations\` add column \`cache_write_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`generations\` add column \`reasoning_tokens\` integer not null default 0;`);
    this.addSql(`alter table \`generations\` add column \`tool_calls\` json null;`);

    this.addSql(`alter table \`models\` add column \`cached_input_price_micro_usd\` bigint null;`);
    this.addSql(`alter table \`models\` add column \`cache_write_price_micro_usd\` bigint null;`);

    this.addSql(`alter table \`session_messages\` add column \`detail\` text null;`);
  }

}
