import { Migration } from '@mikro-orm/migrations';

/** Sticky pools (issue 28): whether a pool keeps a conversation on its member, and for how long. */
export class Migration20261206181545StickyPools extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`pools\` add column \`sticky\` integer not null default false;`);
    this.addSql(`alter table \`pools\` add column \`sticky_ttl_seconds\` integer null;`);
  }

}
