import { Migration } from '@mikro-orm/migrations';

/** Sticky pools (issue 28): whether a pool keeps a conversation on its member, and for how long. */
export class Migration20261206181547StickyPools extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "pools" add column "sticky" boolean not null default false, add column "sticky_ttl_seconds" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pools" drop column "sticky", drop column "sticky_ttl_seconds";`);
  }

}
