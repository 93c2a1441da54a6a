import { Migration } from '@mikro-orm/migrations';

/** A generation's cost may be unknown (null): a name a wildcard model serves whose price is in neither the wildcard nor the catalog (issue 27). */
export class Migration20261206153510UnknownCost extends Migration {

  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`generations__temp_alter\` (\`id\` text not null, \`model_id\` text not null, \`provider\` text not null, \`upstream_model\` text not null, \`api_key_id\` text null, \`session_id\` text null, \`request_id\` text null, \`pool_name\` text null, \`dropped_messages\` integer not null default 0, \`status\` text not null, \`stream\` integer not null, \`finish_reason\` text null, \`text\` text not null, \`max_tokens\` integer not null, \`input_tokens\` integer not null, \`output_tokens\` integer not null, \`cached_input_tokens\` integer not null default 0, \`cache_write_tokens\` integer not null default 0, \`reasoning_tokens\` integer not null default 0, \`tool_calls\` json null, \`usage_estimated\` integer not null, \`cost_micro_usd\` bigint null, \`latency_ms\` integer not null, \`time_to_first_token_ms\` integer null, \`error_code\` text null, \`error_message\` text null, \`attempts\` json not null, \`created_at\` datetime not null, \`completed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`generations__temp_alter\` select \`id\`, \`model_id\`, \`provider\`, \`upstream_model\`, \`api_key_id\`, \`session_id\`, \`request_id\`, \`pool_name\`, \`dropped_messages\`, \`status\`, \`stream\`, \`finish_reason\`, \`text\`, \`max_tokens\`, \`input_tokens\`, \`output_tokens\`, \`cached_input_tokens\`, \`cache_write_tokens\`, \`reasoning_tokens\`, \`tool_calls\`, \`usage_estimated\`, \`cost_micro_usd\`, \`latency_ms\`, \`time_to_first_token_ms\`, \`error_code\`, \`error_message\`, \`attempts\`, \`created_at\`, \`completed_at\` from \`generations\`;`);
    this.addSql(`drop table \`generations\`;`);
    this.addSql(`alter table \`generations__temp_alter\` rename to \`generations\`;`);
    this.addSql(`create index \`generations_created_at_id_index\` on \`generations\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`generations_cost_by_time\` on \`generations\` (\`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
    this.addSql(`create index \`generations_cost_by_key\` on \`generations\` (\`api_key_id\`, \`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
    this.addSql(`create index \`generations_cost_by_model\` on \`generations\` (\`model_id\`, \`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
    this.addSql(`create index \`generations_session_id_created_at_index\` on \`generations\` (\`session_id\`, \`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
