import { Migration } from '@mikro-orm/migrations';

/** The first schema: the model registry and API keys. */
export class Migration20261125000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`api_keys\` (\`id\` text not null, \`name\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`api_keys_secret_hash_unique\` on \`api_keys\` (\`secret_hash\`);`);

    this.addSql(`create table \`models\` (\`id\` text not null, \`provider\` text not null, \`upstream_model\` text null, \`base_url\` text null, \`api_key_env\` text null, \`version\` text null, \`source_url\` text null, \`context_window\` integer null, \`capabilities\` json not null, \`defaults\` json not null, \`limits\` json not null, \`input_price_micro_usd\` bigint null, \`output_price_micro_usd\` bigint null, \`mock\` json null, \`status\` text not null, \`health_checked_at\` datetime null, \`health_ok\` integer null, \`health_latency_ms\` integer null, \`health_message\` text null, \`circuit_state\` text not null default 'CLOSED', \`source\` text not null, \`config_hash\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`retired_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`models_provider_index\` on \`models\` (\`provider\`);`);
    this.addSql(`create index \`models_status_index\` on \`models\` (\`status\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `models`;');
    this.addSql('drop table if exists `api_keys`;');
  }
}
