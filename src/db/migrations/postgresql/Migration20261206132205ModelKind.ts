import { Migration } from '@mikro-orm/migrations';

/** Model kinds: `chat` (every model so far) or `embedding`. */
export class Migration20261206132205ModelKind extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "models" add column "kind" varchar(16) not null default 'chat';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "models" drop column "kind";`);
  }

}
