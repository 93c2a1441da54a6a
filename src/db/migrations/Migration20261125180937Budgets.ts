import { Migration } from '@mikro-orm/migrations';

/** Spending budgets per API key; the request id on generations. */
export class Migration20261125180937Budgets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`api_keys\` add column \`daily_budget_micro_usd\` bigint null;`);
    this.addSql(`alter table \`api_keys\` add column \`monthly_budget_micro_usd\` bigint null;`);
    this.addSql(`alter table \`generations\` add column \`request_id\` text null;`);
  }
}
