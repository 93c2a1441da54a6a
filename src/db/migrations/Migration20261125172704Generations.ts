import { Migration } from '@mikro-orm/migrations';

/** The record of every generation. */
export class Migration20261125172704Generations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`generations\` (\`id\` text not null, \`model_id\` text not null, \`provider\` text not null, \`upstream_model\` text not null, \`api_key_id\` text null, \`status\` text not null, \`stream\` integer not null, \`finish_reason\` text null, \`text\` text not null, \`max_tokens\` integer not null, \`input_tokens\` integer not null, \`output_tokens\` integer not null, \`usage_estimated\` integer not null, \`cost_micro_usd\` bigint not null, \`latency_ms\` integer not null, \`time_to_first_token_ms\` integer null, \`error_code\` text null, \`error_message\` text null, \`attempts\` json not null, \`created_at\` datetime not null, \`completed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`generations_created_at_id_index\` on \`generations\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`generations_api_key_id_created_at_index\` on \`generations\` (\`api_key_id\`, \`created_at\`);`);
    this.addSql(`create index \`generations_model_id_created_at_index\` on \`generations\` (\`model_id\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `generations`;');
  }
}
