import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { createOrm } from '../src/db/orm.js';
import { ENTITIES } from '../src/modules/entities.js';

/**
 * Fills a fresh database file with `count` generations spread over 30 days, 8 models, 3
 * providers, 50 keys and some failures, as fast as SQLite takes them; answers its path.
 */
export async function seedGenerations(count: number): Promise<{ dbPath: string; seconds: number }> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sy-bench-costs-')), 'costs.db');
  const orm = await createOrm({ driver: 'sqlite', dbName: dbPath }, ENTITIES);
  const knex = (orm.em as SqlEntityManager).getKnex();
  await knex.raw('pragma synchronous = off');
  const started = performance.now();
  const now = Date.now();
  const batch = 400; // knex inserts many rows as one compound SELECT: SQLite allows 500 terms
  await knex.transaction(async (trx) => {
    for (let offset = 0; offset < count; offset += batch) {
      const rows = [];
      for (let i = offset; i < Math.min(count, offset + batch); i++) {
        const created = now - (i % (30 * 24 * 60)) * 60_000;
        rows.push({
          id: randomUUID(),
          model_id: `model-${i % 8}`,
          provider: ['openai', 'anthropic', 'mock'][i % 3],
          upstream_model: `model-${i % 8}`,
          api_key_id: `key-${i % 50}`,
          session_id: null,
          request_id: null,
          pool_name: null,
          dropped_messages: 0,
          status: i % 20 === 0 ? 'FAILED' : 'SUCCEEDED',
          stream: i % 2,
          finish_reason: 'stop',
          text: '',
          max_tokens: 256,
          input_tokens: 100 + (i % 50),
          output_tokens: 200 + (i % 70),
          usage_estimated: 0,
          cost_micro_usd: 300 + (i % 900),
          latency_ms: 500,
          time_to_first_token_ms: 100,
          error_code: null,
          error_message: null,
          attempts: '[]',
          created_at: created,
          completed_at: created + 500,
        });
      }
      await trx('generations').insert(rows);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await orm.close();
  return { dbPath, seconds };
}
