import { Migration } from '@mikro-orm/migrations';

/** Vendor credentials stored through the API (encrypted), and an API key's model list. */
export class Migration20261206151816Credentials extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`credentials\` (\`name\` text not null, \`ciphertext\` text not null, \`iv\` text not null, \`tag\` text not null, \`key_id\` text not null, \`mask\` text not null, \`created_at\` datetime not null, \`rotated_at\` datetime null, primary key (\`name\`));`);

    this.addSql(`alter table \`api_keys\` add column \`models\` json null;`);
  }

}
