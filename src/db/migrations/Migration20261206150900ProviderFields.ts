import { Migration } from '@mikro-orm/migrations';

/** Provider fields of issue 27: an openai-compatible preset, a stored credential's name, Bedrock's region, Azure's deployment and api-version. */
export class Migration20261206150900ProviderFields extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`models\` add column \`preset\` text null;`);
    this.addSql(`alter table \`models\` add column \`credential\` text null;`);
    this.addSql(`alter table \`models\` add column \`region\` text null;`);
    this.addSql(`alter table \`models\` add column \`deployment\` text null;`);
    this.addSql(`alter table \`models\` add column \`api_version\` text null;`);
  }

}
