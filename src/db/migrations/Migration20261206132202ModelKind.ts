import { Migration } from '@mikro-orm/migrations';

/** Model kinds: `chat` (every model so far) or `embedding`. */
export class Migration20261206132202ModelKind extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`models\` add column \`kind\` text not null default 'chat';`);
  }

}
