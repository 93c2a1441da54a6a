import { Migration } from '@mikro-orm/migrations';

/** Per-model timeouts and protocol quirks. */
export class Migration20261125172258ModelTimeoutsQuirks extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `models` add column `timeouts` json null;');
    this.addSql('alter table `models` add column `quirks` json null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `models` drop column `quirks`;');
    this.addSql('alter table `models` drop column `timeouts`;');
  }
}
