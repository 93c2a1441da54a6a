import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { loadConfig, parseConfigText, parseDatabaseUrl, resolveConfigPath } from '../../src/config/load-config.js';

const FILE = 'switchyard.config.yml';

function problemsOf(text: string, env: Record<string, string> = {}): readonly string[] {
  try {
    parseConfigText(text, FILE, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const model = (extra: string) => `models:\n  - id: m1\n    provider: mock\n${extra}`;

describe('loadConfig', () => {
  it('should read the bundled example config with its catalog', () => {
    const config = loadConfig({ path: FILE, env: {} });
    expect(config.models.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'gpt-3.5-turbo',
        'gpt-4',
        'gpt-3.5-turbo-16k',
        'claude-2',
        'claude-3-opus',
        'claude-3-sonnet',
        'claude-3-haiku',
        'llama-2-70b-chat',
        'llama-3-70b-instruct',
        'mixtral-8x7b-instruct',
        'qwen-max',
        'qwen-plus',
        'ernie-4.5',
        'gpt-4.1',
        'gpt-4.1-mini',
        'o4-mini',
        'claude-sonnet-4',
        'claude-haiku-4-5',
        'qwen3-coder-plus',
        'mock-fast',
        'mock-slow',
        'mock-embed',
      ]),
    );
    expect(config.models.find((m) => m.id === 'mock-embed')?.kind).toBe('embedding');
    expect(config.defaultModel).toBe('mock-fast');
    expect(config.server).toEqual({ host: '0.0.0.0', port: 4000 });
    expect(config.database).toEqual({ driver: 'sqlite', dbName: './data/switchyard.db' });
    expect(config.adminKey).toBeUndefined();
    for (const open of config.models.filter((m) => m.id.startsWith('llama') || m.id.startsWith('mixtral'))) {
      expect(open.sourceUrl).toMatch(/^https:\/\/huggingface\.co\//);
    }
    // Vendor prices come from the catalog (test/config/bundled-catalog.test.ts); the mock models set their own.
    for (const m of config.models) expect(m.pricing !== undefined, m.id).toBe(m.provider === 'mock');
  });

  it('should list every problem of a file with three mistakes, each naming file, path, expectation and value', () => {
    const text = [
      'models:',
      '  - id: a',
      '    provider: mock',
      '    pricing: { input: "abc", output: 1 }',
      '  - id: b',
      '    provider: opnai',
      '  - id: c',
      '    provider: mock',
      '    contextWindow: -5',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'switchyard.config.yml: models[0].pricing.input: expected a number ≥ 0, got "abc"',
      'switchyard.config.yml: models[1].provider: expected one of openai, anthropic, openai-compatible, dashscope, qianfan, gemini, vertex-ai, bedrock, azure-openai, mock, got "opnai"',
      'switchyard.config.yml: models[2].contextWindow: expected a whole number from 1 to 100000000, got -5',
    ]);
  });

  it.each([
    ['an unknown key', model('    colour: red\n'), 'models[0].colour: is not a known field'],
    ['a missing id', 'models:\n  - provider: mock\n', 'models[0].id: is required: expected a model id'],
    ['a missing provider', 'models:\n  - id: x\n', 'models[0].provider: is required: expected one of openai'],
    [
      'a bad id',
      'models:\n  - id: "has space"\n    provider: mock\n',
      'models[0].id: expected a model id: letters, digits and . _ : - in /-separated parts, each starting with a letter or digit (at most 100), or a wildcard prefix/* such as openai/*, got "has space"',
    ],
    [
      'a preset on a provider other than openai-compatible',
      model('    preset: groq\n'),
      'models[0].preset: applies only to provider openai-compatible, not mock',
    ],
    [
      'an unknown preset',
      'models:\n  - id: m1\n    provider: openai-compatible\n    preset: acme\n',
      'models[0].preset: expected one of mistral, groq',
    ],
    ['a region outside Bedrock', model('    region: us-east-1\n'), 'models[0].region: applies only to provider bedrock, not mock'],
    [
      'a deployment outside Azure',
      model('    deployment: prod\n'),
      'models[0].deployment: applies only to provider azure-openai, not mock',
    ],
    [
      'a malformed api-version',
      'models:\n  - id: m1\n    provider: azure-openai\n    baseUrl: https://acme.openai.azure.com\n    apiVersion: latest\n',
      'models[0].apiVersion: expected an api-version such as 2024-10-21',
    ],
    [
      'an Azure apiVersion without a deployment',
      'models:\n  - id: m1\n    provider: azure-openai\n    baseUrl: https://acme.openai.azure.com\n    apiVersion: 2024-10-21\n',
      'models[0].deployment: is required with apiVersion 2024-10-21 (the /openai/deployments/{deployment} URL form): expected the deployment name, or leave apiVersion out for the /openai/v1 form',
    ],
    [
      'an Azure model without its endpoint',
      'models:\n  - id: m1\n    provider: azure-openai\n    deployment: prod\n',
      "models[0].baseUrl: is required for provider azure-openai: expected the resource's endpoint, e.g. https://NAME.openai.azure.com",
    ],
    [
      'a local preset without private endpoints allowed',
      'models:\n  - id: m1\n    provider: openai-compatible\n    preset: ollama\n',
      "models[0].preset: ollama's default address http://localhost:11434/v1: localhost:11434 is a loopback address; set security.allowPrivateEndpoints: true in the config to allow it; or give the model a baseUrl of the server's own address",
    ],
    ['a port out of range', 'server:\n  port: 70000\n', 'server.port: expected a whole number from 0 to 65535, got 70000'],
    [
      'a fractional maxTokens',
      model('    defaults: { maxTokens: 1.5 }\n'),
      'models[0].defaults.maxTokens: expected a whole number from 1 to 1000000, got 1.5',
    ],
    [
      'a temperature above 2',
      model('    defaults: { temperature: 3 }\n'),
      'models[0].defaults.temperature: expected a number from 0 to 2, got 3',
    ],
    ['a topP of 0', model('    defaults: { topP: 0 }\n'), 'models[0].defaults.topP: expected a number > 0 and ≤ 1, got 0'],
    [
      'five stop sequences',
      model('    defaults: { stop: [a, b, c, d, e] }\n'),
      'models[0].defaults.stop: expected at most 4 stop sequences, got a list of 5',
    ],
    [
      'an unknown capability',
      model('    capabilities: [chat, telepathy]\n'),
      'models[0].capabilities[1]: expected one of chat, streaming, vision, tools, json, embeddings, got "telepathy"',
    ],
    [
      'a key instead of an env name',
      'models:\n  - id: g\n    provider: openai\n    apiKeyEnv: sk-abc123\n',
      'models[0].apiKeyEnv: expected an environment variable NAME',
    ],
    [
      'a non-http baseUrl',
      'models:\n  - id: g\n    provider: openai\n    baseUrl: ftp://example.com\n',
      'models[0].baseUrl: expected an absolute http(s) URL, got "ftp://example.com"',
    ],
    [
      'a loopback baseUrl',
      'models:\n  - id: g\n    provider: openai\n    baseUrl: http://127.0.0.1:8080/v1\n',
      'models[0].baseUrl: 127.0.0.1:8080 is a loopback address; set security.allowPrivateEndpoints: true',
    ],
    [
      'a private baseUrl',
      'models:\n  - id: g\n    provider: openai\n    baseUrl: http://10.1.2.3/v1\n',
      'models[0].baseUrl: 10.1.2.3 is a private address',
    ],
    [
      'a link-local baseUrl',
      'models:\n  - id: g\n    provider: openai\n    baseUrl: http://169.254.169.254/\n',
      'models[0].baseUrl: 169.254.169.254 is a link-local address',
    ],
    [
      'openai-compatible without baseUrl',
      'models:\n  - id: o\n    provider: openai-compatible\n',
      'models[0].baseUrl: is required for provider openai-compatible',
    ],
    [
      'mock settings on a vendor model',
      'models:\n  - id: g\n    provider: openai\n    mock: { tokens: 2 }\n',
      'models[0].mock: applies only to provider mock, not openai',
    ],
    [
      'a duplicate id',
      'models:\n  - { id: d, provider: mock }\n  - { id: d, provider: mock }\n',
      'models[1].id: "d" is already defined by models[0]; ids must be unique',
    ],
    [
      'an unknown default model',
      'defaultModel: ghost\nmodels:\n  - { id: d, provider: mock }\n',
      'defaultModel: "ghost" is not one of the ids under models:',
    ],
    ['a negative price', model('    pricing: { input: -1, output: 1 }\n'), 'models[0].pricing.input: expected a number ≥ 0, got -1'],
    [
      'a non-boolean flag',
      'security:\n  allowPrivateEndpoints: "yes"\n',
      'security.allowPrivateEndpoints: expected true or false, got "yes"',
    ],
    ['a list where a mapping belongs', 'server: [1, 2]\n', 'server: expected a mapping of fields, got a list of 2'],
  ])('should report %s', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${FILE}: ${expected}`);
  });

  it('should bound session history by default, take the file’s bounds, and refuse bounds that are not whole numbers in range', () => {
    expect(parseConfigText(model(''), FILE, {}).sessions).toEqual({ maxHistoryMessages: 1000, maxHistoryBytes: 8 * 1024 * 1024 });
    expect(parseConfigText(`sessions: { maxHistoryMessages: 50, maxHistoryBytes: 65536 }\n${model('')}`, FILE, {}).sessions).toEqual({
      maxHistoryMessages: 50,
      maxHistoryBytes: 65536,
    });
    expect(problemsOf(`sessions: { maxHistoryMessages: 0, maxHistoryBytes: 1.5, maxTurns: 3 }\n${model('')}`)).toEqual([
      'switchyard.config.yml: sessions.maxHistoryMessages: expected a whole number from 2 to 1000000, got 0',
      'switchyard.config.yml: sessions.maxHistoryBytes: expected a whole number from 1024 to 1073741824, got 1.5',
      'switchyard.config.yml: sessions.maxTurns: is not a known field',
    ]);
  });

  it('should accept private endpoints when the config allows them', () => {
    const config = parseConfigText(
      'security:\n  allowPrivateEndpoints: true\nmodels:\n  - id: local\n    provider: openai-compatible\n    baseUrl: http://127.0.0.1:11434/v1\n',
      FILE,
      {},
    );
    expect(config.models[0]?.baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it('should report a YAML syntax error with its line and column', () => {
    expect(problemsOf('models:\n  - id: a\n   provider: x\n')).toEqual([
      'switchyard.config.yml:3:1: YAML syntax error: Sequence item without - indicator',
    ]);
  });

  it('should report a duplicated YAML key', () => {
    expect(problemsOf('server:\n  port: 1\n  port: 2\n')[0]).toMatch(
      /^switchyard\.config\.yml:3:3: YAML syntax error: Map keys must be unique/,
    );
  });

  it('should report a missing file', () => {
    expect(() => loadConfig({ path: '/nonexistent/x.yml', env: {} })).toThrow(
      '/nonexistent/x.yml: cannot read the config file: file not found',
    );
  });

  it('should apply environment overrides over the file', () => {
    const config = parseConfigText('server: { host: 0.0.0.0, port: 4000 }\nlogging: { level: info }\n', FILE, {
      PORT: '4100',
      HOST: '127.0.0.2',
      DATABASE_URL: 'sqlite:/tmp/x.db',
      SWITCHYARD_ADMIN_KEY: 'a-long-enough-admin-key',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
    });
    expect(config.server).toEqual({ host: '127.0.0.2', port: 4100 });
    expect(config.database.dbName).toBe('/tmp/x.db');
    expect(config.adminKey).toBe('a-long-enough-admin-key');
    expect(config.logLevel).toBe('debug');
    expect(config.logFormat).toBe('pretty');
    // No LOG_FORMAT: the logger follows the terminal.
    expect(parseConfigText('{}\n', FILE, {}).logFormat).toBeUndefined();
  });

  it('should report bad environment values together with file problems', () => {
    expect(
      problemsOf('server:\n  port: -1\n', { PORT: '80a', LOG_LEVEL: 'loud', LOG_FORMAT: 'colour', SWITCHYARD_ADMIN_KEY: 'short' }),
    ).toEqual([
      'switchyard.config.yml: server.port: expected a whole number from 0 to 65535, got -1',
      'PORT: expected a whole number from 0 to 65535, got "80a"',
      'SWITCHYARD_ADMIN_KEY: expected a secret of at least 16 characters',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'LOG_FORMAT: expected one of json, pretty, got "colour"',
    ]);
  });

  it('should read the origin policy and the connection caps, with their defaults, and name a bad entry', () => {
    const defaults = parseConfigText('{}\n', FILE, {});
    expect(defaults.security).toMatchObject({ allowedOrigins: [], allowedHosts: [] });
    expect(defaults.limits).toEqual({
      maxConnectionsPerKey: 64,
      maxConnectionsPerAddress: 256,
      maxBodyBytes: 1_048_576,
      chat: { maxTools: 128, maxSchemaBytes: 65_536, maxAttachments: 32, maxImageUrlChars: 1_048_576 },
    });
    const set = parseConfigText(
      'security:\n  allowedOrigins: [HTTPS://App.Example.com:443, http://localhost:5173]\n  allowedHosts: [Switchyard.Internal]\nlimits: { maxConnectionsPerKey: 8, maxConnectionsPerAddress: 32, maxTools: 4, maxSchemaBytes: 1024 }\n',
      FILE,
      { MAX_CONNECTIONS_PER_ADDRESS: '5000' },
    );
    expect(set.security).toMatchObject({
      allowedOrigins: ['https://app.example.com', 'http://localhost:5173'],
      allowedHosts: ['switchyard.internal'],
    });
    expect(set.limits).toMatchObject({
      maxConnectionsPerKey: 8,
      maxConnectionsPerAddress: 5000,
      chat: { maxTools: 4, maxSchemaBytes: 1024, maxAttachments: 32 },
    });
    expect(
      problemsOf(
        'security:\n  allowedOrigins: [https://app.example.com/]\n  allowedHosts: ["evil.example:80"]\nlimits: { maxConnectionsPerKey: 0 }\n',
        { MAX_CONNECTIONS_PER_ADDRESS: 'lots' },
      ),
    ).toEqual([
      'switchyard.config.yml: security.allowedOrigins[0]: expected an origin such as https://app.example.com or http://localhost:5173 (scheme, host and port; no path), got "https://app.example.com/"',
      'switchyard.config.yml: security.allowedHosts[0]: expected a host name such as switchyard.internal (no scheme, no port), got "evil.example:80"',
      'switchyard.config.yml: limits.maxConnectionsPerKey: expected a whole number from 1 to 1000000, got 0',
      'MAX_CONNECTIONS_PER_ADDRESS: expected a whole number from 1 to 1000000, got "lots"',
    ]);
  });

  it('should take a PostgreSQL DATABASE_URL, and name what a bad one lacks', () => {
    const config = parseConfigText('{}\n', FILE, { DATABASE_URL: 'postgres://app:secret@db.internal:5433/switchyard' });
    expect(config.database).toEqual({
      driver: 'postgresql',
      clientUrl: 'postgres://app:secret@db.internal:5433/switchyard',
      dbName: 'switchyard',
    });
    expect(problemsOf('{}\n', { DATABASE_URL: 'postgres://localhost' })).toEqual([
      'DATABASE_URL: expected a PostgreSQL URL postgres://user[:password]@host[:port]/database (with a host and a database name)',
    ]);
  });

  it('should read the config path from --config, then SWITCHYARD_CONFIG, then the default', () => {
    expect(resolveConfigPath(['--config', 'a.yml'], { SWITCHYARD_CONFIG: 'b.yml' })).toBe('a.yml');
    expect(resolveConfigPath(['--config=c.yml'], {})).toBe('c.yml');
    expect(resolveConfigPath([], { SWITCHYARD_CONFIG: 'b.yml' })).toBe('b.yml');
    expect(resolveConfigPath([], {})).toBe('switchyard.config.yml');
  });

  it('should parse database URLs', () => {
    expect(parseDatabaseUrl(':memory:')).toEqual({ driver: 'sqlite', dbName: ':memory:' });
    expect(parseDatabaseUrl('sqlite:./data/a.db')).toEqual({ driver: 'sqlite', dbName: './data/a.db' });
    expect(parseDatabaseUrl('file:/var/lib/s.db')).toEqual({ driver: 'sqlite', dbName: '/var/lib/s.db' });
    expect(parseDatabaseUrl('mysql://x')).toBe('expected a postgres:// URL, an SQLite path, sqlite:<path> or :memory:, got "mysql://x"');
  });

  it('should hash the file so a reload can tell whether it changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-config-'));
    const path = join(dir, 'c.yml');
    writeFileSync(path, 'models: []\n');
    const first = loadConfig({ path, env: {} });
    writeFileSync(path, 'models: []\n');
    expect(loadConfig({ path, env: {} }).hash).toBe(first.hash);
    writeFileSync(path, 'logging: { level: warn }\n');
    expect(loadConfig({ path, env: {} }).hash).not.toBe(first.hash);
  });
});

describe('requestLog', () => {
  it('should default to metadata, 30 days and 1 GiB, and read what the file sets', () => {
    expect(parseConfigText('{}', FILE, {}).requestLog).toEqual({ mode: 'metadata', retentionDays: 30, maxBytes: 1073741824, redact: [] });
    const set = parseConfigText(
      `requestLog: { mode: full, retentionDays: 7, maxBytes: 2097152, redact: ['acct-\\d+'] }\n${model('    requestLog: off\n')}`,
      FILE,
      {},
    );
    expect(set.requestLog).toEqual({ mode: 'full', retentionDays: 7, maxBytes: 2097152, redact: ['acct-\\d+'] });
    expect(set.models[0]?.requestLog).toBe('off');
  });

  it('should refuse a pattern that could stall the gateway, or a bad mode, naming the entry', () => {
    const problems = problemsOf(`requestLog:\n  mode: verbose\n  redact: ['ok-\\d+', '(a+)\\1', '(?=x)y', '']\n`);
    expect(problems).toEqual([
      expect.stringMatching(/^switchyard\.config\.yml: requestLog\.mode: expected one of off, metadata, full/),
      expect.stringMatching(/requestLog\.redact\[1\]: expected a regular expression in RE2 syntax .*backreferences/),
      expect.stringMatching(/requestLog\.redact\[2\]: expected a regular expression in RE2 syntax/),
      expect.stringMatching(/requestLog\.redact\[3\]: expected a regular expression of 1 to 500 characters/),
    ]);
    expect(problemsOf(`requestLog: { redact: ['x*'] }\n`)).toEqual([
      expect.stringMatching(/requestLog\.redact\[0\]: expected a pattern that cannot match the empty string/),
    ]);
    expect(problemsOf(model('    requestLog: everything\n'))).toEqual([
      expect.stringMatching(/models\[0\]\.requestLog: expected one of off, metadata, full/),
    ]);
  });
});
