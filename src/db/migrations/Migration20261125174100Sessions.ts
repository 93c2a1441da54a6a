import { Migration } from '@mikro-orm/migrations';

/** Sessions, their message history and model switches; generations remember their session. */
export class Migration20261125174100Sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`sessions\` (\`id\` text not null, \`api_key_id\` text null, \`model_id\` text not null, \`params\` json not null, \`revision\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`sessions_api_key_id_created_at_index\` on \`sessions\` (\`api_key_id\`, \`created_at\`);`);

    this.addSql(`create table \`session_messages\` (\`id\` integer not null primary key autoincrement, \`session_id\` text not null, \`seq\` integer not null, \`role\` text not null, \`content\` text not null, \`generation_id\` text null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`session_messages_session_id_seq_unique\` on \`session_messages\` (\`session_id\`, \`seq\`);`);

    this.addSql(`create table \`session_switches\` (\`id\` text not null, \`session_id\` text not null, \`revision\` integer not null, \`from_model_id\` text not null, \`to_model_id\` text not null, \`latency_ms\` real not null, \`switched_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`session_switches_session_id_revision_index\` on \`session_switches\` (\`session_id\`, \`revision\`);`);

    this.addSql(`alter table \`generations\` add column \`session_id\` text null;`);
    this.addSql(`alter table \`generations\` add column \`dropped_messages\` integer not null default 0;`);
    this.addSql(`create index \`generations_session_id_created_at_index\` on \`generations\` (\`session_id\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `generations_session_id_created_at_index`;');
    this.addSql('alter table `generations` drop column `dropped_messages`;');
    this.addSql('alter table `generations` drop column `session_id`;');
    this.addSql('drop table if exists `session_switches`;');
    this.addSql('drop table if exists `session_messages`;');
    this.addSql('drop table if exists `sessions`;');
  }
}
