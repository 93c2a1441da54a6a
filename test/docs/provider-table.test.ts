import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVIDER_KINDS } from '../../src/core/records/model.js';
import { PROVIDER_DEFAULTS, PROVIDER_FEATURES, type ProviderFeatures } from '../../src/core/records/provider-kinds.js';

/*
 * The README's provider table says what each provider kind carries; PROVIDER_FEATURES is what
 * admission enforces. This test keeps the two, and the defaults, in step: a kind added or a feature
 * changed without the table fails here.
 */

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** How the table's "carries" column names each feature. */
const FEATURE_WORDS: Readonly<Record<keyof ProviderFeatures, string>> = {
  images: 'images',
  imageUrls: 'image URLs',
  audio: 'audio',
  files: 'files',
  tools: 'tools',
  jsonObject: 'JSON mode',
  jsonSchema: 'JSON schema',
  reasoningEffort: 'reasoning effort',
  reasoningBudget: 'reasoning budget',
};

interface TableRow {
  readonly baseUrl: string;
  readonly keyVariable: string;
  readonly carries: readonly string[];
}

function providerTable(): Map<string, TableRow> {
  const section = README.slice(README.indexOf('\n## Providers\n'));
  const lines = section.split('\n').slice(2);
  const rows = new Map<string, TableRow>();
  for (const line of lines) {
    if (!line.startsWith('| `')) {
      if (rows.size > 0) break;
      continue;
    }
    const [kind = '', , baseUrl = '', keyVariable = '', carries = ''] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows.set(kind.replaceAll('`', ''), {
      baseUrl: baseUrl.replaceAll('`', ''),
      keyVariable: keyVariable.replaceAll('`', ''),
      carries: carries === '—' ? [] : carries.split(', '),
    });
  }
  return rows;
}

describe("the README's provider table", () => {
  const table = providerTable();

  it('should have one row for every provider kind, and no other', () => {
    expect([...table.keys()].sort()).toEqual([...PROVIDER_KINDS].sort());
  });

  it.each(PROVIDER_KINDS)('should say what %s carries, as admission enforces it', (kind) => {
    const features = PROVIDER_FEATURES[kind];
    const carried = (Object.keys(FEATURE_WORDS) as (keyof ProviderFeatures)[]).filter((f) => features[f]).map((f) => FEATURE_WORDS[f]);
    expect(table.get(kind)?.carries).toEqual(carried);
  });

  it.each(PROVIDER_KINDS)("should give %s's default base URL and key variable", (kind) => {
    const defaults = PROVIDER_DEFAULTS[kind];
    const row = table.get(kind);
    if (defaults.baseUrl) expect(row?.baseUrl).toBe(defaults.baseUrl);
    else expect(row?.baseUrl).toMatch(/^(required|—|from )/);
    if (defaults.apiKeyEnv) expect(row?.keyVariable).toContain(defaults.apiKeyEnv);
  });
});
