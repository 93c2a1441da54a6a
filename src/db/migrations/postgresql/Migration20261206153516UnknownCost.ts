import { Migration } from '@mikro-orm/migrations';

/** A generation's cost may be unknown (null): a name a wildcard model serves whose price is in neither the wildcard nor the catalog (issue 27). */
export class Migration20261206153516UnknownCost extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "generations" alter column "cost_micro_usd" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "generations" alter column "cost_micro_usd" set not null;`);
  }

}
