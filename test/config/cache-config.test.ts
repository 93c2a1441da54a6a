import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { parseConfigText } from '../../src/config/load-config.js';

const FILE = 'switchyard.config.yml';
const models = 'models:\n  - id: m1\n    provider: mock\n';

function problemsOf(text: string): readonly string[] {
  try {
    parseConfigText(text, FILE, {});
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('config cache:', () => {
  it('defaults to off, 300 s, per key, 64 MiB, and reads the gateway and model settings', () => {
    expect(parseConfigText(models, FILE, {}).cache).toEqual({ mode: 'off', ttlSeconds: 300, scope: 'key', maxBytes: 64 * 1024 * 1024 });
    const config = parseConfigText(
      `cache:\n  mode: exact\n  ttlSeconds: 60\n  scope: shared\n  maxBytes: 1048576\n${models}    cache:\n      mode: off\n`,
      FILE,
      {},
    );
    expect(config.cache).toEqual({ mode: 'exact', ttlSeconds: 60, scope: 'shared', maxBytes: 1_048_576 });
    expect(config.models[0]?.cache).toEqual({ mode: 'off' });
  });

  it('names the field and what it expected', () => {
    const lines = problemsOf(`cache:\n  mode: semantic\n  ttlSeconds: 0\n${models}    cache:\n      scope: everyone\n`).join('\n');
    expect(lines).toMatch(/cache\.mode: expected one of off, exact/);
    expect(lines).toMatch(/cache\.ttlSeconds: expected a whole number from 1 to 2592000/);
    expect(lines).toMatch(/models\[0\]\.cache\.scope: expected one of key, shared/);
  });
});
