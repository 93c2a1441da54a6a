import { Migration } from '@mikro-orm/migrations';

/** Pools, model fallbacks and retry settings, per-key rate limits, sessions on pools. */
export class Migration20261125175205Routing extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table `pools` (`name` text not null, `strategy` text not null, `members` json not null, `retry` json null, `source` text not null, `config_hash` text null, `created_at` datetime not null, `updated_at` datetime not null, primary key (`name`));');
    this.addSql('alter table `api_keys` add column `requests_per_minute` integer null;');
    this.addSql('alter table `generations` add column `pool_name` text null;');
    this.addSql('alter table `models` add column `fallbacks` json null;');
    this.addSql('alter table `models` add column `retry` json null;');
    // SQLite cannot relax NOT NULL in place: sessions.model_id becomes nullable (a session may target a pool) by a rebuild.
    this.addSql('create table `sessions_next` (`id` text not null, `api_key_id` text null, `model_id` text null, `pool_name` text null, `params` json not null, `revision` integer not null, `created_at` datetime not null, `updated_at` datetime not null, primary key (`id`));');
    this.addSql('insert into `sessions_next` (`id`, `api_key_id`, `model_id`, `pool_name`, `params`, `revision`, `created_at`, `updated_at`) select `id`, `api_key_id`, `model_id`, null, `params`, `revision`, `created_at`, `updated_at` from `sessions`;');
    this.addSql('drop table `sessions`;');
    this.addSql('alter table `sessions_next` rename to `sessions`;');
    this.addSql('create index `sessions_api_key_id_created_at_index` on `sessions` (`api_key_id`, `created_at`);');
  }
}
