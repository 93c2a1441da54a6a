import { stringify } from 'yaml';
import type { Config } from '../../src/config/config.js';
import { parseConfigText } from '../../src/config/load-config.js';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

export const MOCK_MODEL = { id: 'mock-a', provider: 'mock', pricing: { input: 1, output: 2 }, mock: { tokens: 8 } };

export interface TestConfigOptions {
  /** The YAML file's content as an object (defaults: one mock model, in-memory database). */
  file?: Record<string, unknown>;
  /** Environment for the loader; `SWITCHYARD_ADMIN_KEY` etc. Never the real process.env. */
  env?: Record<string, string>;
}

/** A config made by the real loader from YAML text, so tests exercise the same path as a user. */
export function testConfig({ file, env = {} }: TestConfigOptions = {}): Config {
  const content = file ?? { models: [MOCK_MODEL] };
  const withDb = { database: { url: ':memory:' }, logging: { level: 'silent' }, ...content };
  return parseConfigText(stringify(withDb), 'test.config.yml', env);
}
