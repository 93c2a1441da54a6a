import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOutput } from '../../src/observability/logger.js';

/** A destination that keeps what was written, as text. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

function logOnce(output: Omit<LoggerOutput, 'destination'>): string {
  const out = capture();
  const logger = createLogger('info', { ...output, destination: out.stream });
  logger.info({ requestId: 'r-1', status: 200 }, 'POST /graphql answered');
  logger.flush();
  return out.text();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/;

describe('createLogger output', () => {
  it('should write one JSON object per line with LOG_FORMAT=json, even at a terminal', () => {
    const text = logOnce({ format: 'json', isTTY: true });
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(text)).toMatchObject({
      level: 30,
      service: 'switchyard',
      requestId: 'r-1',
      status: 200,
      msg: 'POST /graphql answered',
    });
  });

  it('should write one human line with LOG_FORMAT=pretty: time, level, message and the fields on it', () => {
    const text = logOnce({ format: 'pretty', isTTY: false });
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: POST \/graphql answered \{.*"requestId":"r-1".*"status":200.*\}\n$/);
    expect(() => JSON.parse(text)).toThrow();
    // Not a terminal: no color codes in a file or a pipe.
    expect(text).not.toMatch(ANSI);
  });

  it('should follow the terminal when LOG_FORMAT is not set: pretty and colored at a TTY, JSON otherwise', () => {
    const atTerminal = logOnce({ isTTY: true });
    expect(atTerminal).toMatch(ANSI);
    expect(atTerminal.replace(new RegExp(ANSI.source, 'g'), '')).toMatch(/^\[[\d:.]+\] INFO: POST \/graphql answered \{.*\}\n$/);
    expect(JSON.parse(logOnce({ isTTY: false }))).toMatchObject({ msg: 'POST /graphql answered' });
  });
});

describe('createLogger redaction', () => {
  it('should censor a secret, GraphQL variables carrying one and key headers, in either format', () => {
    for (const format of ['json', 'pretty'] as const) {
      const out = capture();
      const logger = createLogger('info', { format, isTTY: false, destination: out.stream });
      logger.info({ secret: 'sk-one-1111' }, 'a');
      logger.info({ params: { variables: { input: { name: 'openai-prod', secret: 'sk-two-2222' } } } }, 'b');
      logger.info({ variables: { name: 'openai-prod', secret: 'sk-three-3333' } }, 'c');
      logger.info({ req: { headers: { authorization: 'Bearer sk-four-4444', 'x-api-key': 'sk-five-5555' } } }, 'd');
      logger.flush();
      const text = out.text();
      for (const secret of ['sk-one', 'sk-two', 'sk-three', 'sk-four', 'sk-five']) expect(text).not.toContain(secret);
      expect(text).toContain('openai-prod');
      expect(text).toContain('[redacted]');
    }
  });
});
