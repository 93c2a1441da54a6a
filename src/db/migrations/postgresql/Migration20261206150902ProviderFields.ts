import { Migration } from '@mikro-orm/migrations';

/** Provider fields of issue 27: an openai-compatible preset, a stored credential's name, Bedrock's region, Azure's deployment and api-version. */
export class Migration20261206150902ProviderFields extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "models" add column "preset" varchar(32) null, add column "credential" varchar(64) null, add column "region" varchar(64) null, add column "deployment" varchar(200) null, add column "api_version" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "models" drop column "preset", drop column "credential", drop column "region", drop column "deployment", drop column "api_version";`);
  }

}
