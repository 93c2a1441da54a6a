import { Migration } from '@mikro-orm/migrations';

/** Covering indexes for costs() and the budget sums. */
export class Migration20261125183627CostIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`generations_model_id_created_at_index\`;`);
    this.addSql(`drop index \`generations_api_key_id_created_at_index\`;`);
    this.addSql(`create index \`generations_cost_by_time\` on \`generations\` (\`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
    this.addSql(`create index \`generations_cost_by_key\` on \`generations\` (\`api_key_id\`, \`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
    this.addSql(`create index \`generations_cost_by_model\` on \`generations\` (\`model_id\`, \`created_at\`, \`status\`, \`input_tokens\`, \`output_tokens\`, \`cost_micro_usd\`);`);
  }
}
