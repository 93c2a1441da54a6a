import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** An app whose log lines are kept, to check what a bad request writes there. */
async function appWithLog() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  t = await startTestApp({ overrides: { logger: pino({ level: 'debug' }, sink) } });
  const post = async (body: string) => {
    const response = await t!.app.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return {
      status: response.status,
      body: (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
    };
  };
  return { lines, post };
}

describe('bad input is BAD_USER_INPUT, never INTERNAL', () => {
  it('should name the variable of a bad DateTime, with code BAD_USER_INPUT, and log no error', async () => {
    const { lines, post } = await appWithLog();
    const query = 'query ($s: DateTime) { costs(filter: {since: $s}, groupBy: MODEL) { totals { requests } } }';
    const bad = await post(JSON.stringify({ query, variables: { s: 'not a date' } }));
    expect(bad.body.errors?.[0]).toMatchObject({
      message: 'Variable "$s" got invalid value "not a date"; DateTime: expected an ISO-8601 date-time string such as 2026-11-25T17:00:00Z',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(bad.status).toBe(400);
    const inline = await post(
      JSON.stringify({ query: '{ costs(filter: {since: "2026-13-45"}, groupBy: MODEL) { totals { requests } } }' }),
    );
    expect(inline.body.errors?.[0]?.message).toContain('DateTime: expected an ISO-8601 date-time string');
    expect(inline.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
    const good = await post(JSON.stringify({ query, variables: { s: '2026-11-25T17:00:00Z' } }));
    expect(good.body.errors).toBeUndefined();
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('should answer malformed JSON with a plain message, without the parser’s internals', async () => {
    const { post } = await appWithLog();
    const bad = await post('{"query": "{ models { id } }",');
    expect(bad.body.errors).toHaveLength(1);
    expect(bad.body.errors?.[0]?.message).toBe('POST body sent invalid JSON.');
    expect(bad.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
