import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { parseConfigText } from '../../src/config/load-config.js';

const FILE = 'switchyard.config.yml';

function problemsOf(text: string): readonly string[] {
  try {
    parseConfigText(text, FILE, {});
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const wildcard = (id: string, extra = '    upstreamModel: gpt-4o-mini\n') =>
  `models:\n  - id: ${JSON.stringify(id)}\n    provider: openai\n${extra}`;

describe('wildcard model ids in the config', () => {
  it('should accept prefix/* ids, and models and pools naming the names a wildcard serves', () => {
    const config = parseConfigText(
      `${wildcard('openai/*')}  - id: openai/azure/*\n    provider: openai\n    upstreamModel: gpt-4o\n  - id: openai/gpt-4o\n    provider: openai\n` +
        `defaultModel: openai/gpt-4.1-mini\npools:\n  - name: cheap\n    members:\n      - modelId: openai/gpt-4o-mini\n`,
      FILE,
      {},
    );
    expect(config.models.map((m) => m.id)).toEqual(['openai/*', 'openai/azure/*', 'openai/gpt-4o']);
    expect(config.defaultModel).toBe('openai/gpt-4.1-mini');
  });

  it.each(['a/*/b', '*', 'openai*', 'openai/*x', 'openai/**'])('should refuse %s, saying * may only be the last part', (id) => {
    expect(problemsOf(wildcard(id))).toEqual([
      expect.stringMatching(
        /models\[0\]\.id: expected a wildcard as prefix\/\* \(e\.g\. openai\/\*\): "\*" may only be the whole last part/,
      ),
    ]);
  });

  it('should refuse a wildcard without the upstreamModel its health probe checks', () => {
    expect(problemsOf(wildcard('openai/*', ''))).toEqual([
      expect.stringMatching(/models\[0\]\.upstreamModel: is required for a wildcard model \(openai\/\*\): expected a vendor model name/),
    ]);
  });

  it('should refuse a wildcard as a pool member, a fallback or the default model, naming the field', () => {
    const problems = problemsOf(
      `${wildcard('openai/*')}  - id: m1\n    provider: mock\n    fallbacks: [openai/*]\ndefaultModel: openai/*\npools:\n  - name: p\n    members:\n      - modelId: openai/*\n`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /models\[1\]\.fallbacks\[0\]: expected a model id, not a wildcard: "openai\/\*" serves the names under its prefix/,
        ),
        expect.stringMatching(/defaultModel: expected a model id, not a wildcard/),
        expect.stringMatching(/pools\[0\]\.members\[0\]\.modelId: expected a model id, not a wildcard/),
      ]),
    );
  });

  it('should refuse a pool member that no model or wildcard of the file serves', () => {
    expect(problemsOf(`${wildcard('openai/*')}pools:\n  - name: p\n    members:\n      - modelId: anthropic/claude\n`)).toEqual([
      expect.stringMatching(
        /pools\[0\]\.members\[0\]\.modelId: "anthropic\/claude" is not one of the ids under models: \(nor a name one of its wildcards serves\)/,
      ),
    ]);
  });
});
