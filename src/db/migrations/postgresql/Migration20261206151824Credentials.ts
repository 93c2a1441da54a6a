import { Migration } from '@mikro-orm/migrations';

/** Vendor credentials stored through the API (encrypted), and an API key's model list. */
export class Migration20261206151824Credentials extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "credentials" ("name" varchar(64) not null, "ciphertext" text not null, "iv" varchar(24) not null, "tag" varchar(24) not null, "key_id" varchar(16) not null, "mask" varchar(8) not null, "created_at" timestamptz not null, "rotated_at" timestamptz null, constraint "credentials_pkey" primary key ("name"));`);

    this.addSql(`alter table "api_keys" add column "models" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credentials" cascade;`);

    this.addSql(`alter table "api_keys" drop column "models";`);
  }

}
