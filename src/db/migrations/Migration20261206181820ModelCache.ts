import { Migration } from '@mikro-orm/migrations';

/** A model's own response cache settings (issue 28). */
export class Migration20261206181820ModelCache extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`models\` add column \`cache\` json null;`);
  }

}
