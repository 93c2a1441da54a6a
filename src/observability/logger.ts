import type { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { traceLogFields } from './tracing.js';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `json`: one JSON object per line (for collectors); `pretty`: one human line per entry (for a terminal). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOutput {
  /** LOG_FORMAT; undefined: pretty when `destination` is a terminal, else JSON (pino-pretty's convention). */
  readonly format?: LogFormat;
  /** Where the lines go (default: stdout). */
  readonly destination?: Writable;
  /** Whether `destination` is a terminal (default: stdout's isTTY); colors only there. */
  readonly isTTY?: boolean;
}

/**
 * Fields censored wherever a log entry carries them, as a second line of defence: no code logs a
 * secret on purpose, but an entry that carries GraphQL variables (createCredential's
 * `input.secret`, rotateCredential's `secret`) or request headers must not write them out.
 * @see https://getpino.io/#/docs/redaction
 */
const REDACTED_FIELDS = {
  paths: [
    'secret',
    '*.secret',
    'variables.secret',
    'variables.input.secret',
    '*.variables.secret',
    '*.variables.input.secret',
    'authorization',
    'headers.authorization',
    'headers["x-api-key"]',
    '*.headers.authorization',
    '*.headers["x-api-key"]',
  ],
  censor: '[redacted]',
};

/**
 * Structured logs: JSON lines, or — at a terminal, or with LOG_FORMAT=pretty — one colored line
 * per entry (time, level, message, then the fields). The pretty stream is pino-pretty's, written
 * synchronously in-process (not a worker transport), so the last lines before an exit are not
 * lost. Keys and prompts are never logged. A line written during a traced request carries its
 * `trace_id`, `span_id` and `trace_flags` (see traceLogFields; nothing when tracing is off).
 */
export function createLogger(level: LogLevel, output: LoggerOutput = {}): Logger {
  const isTTY = output.isTTY ?? process.stdout.isTTY === true;
  const options = {
    level,
    base: { service: 'switchyard' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: REDACTED_FIELDS,
    mixin: traceLogFields,
  };
  if ((output.format ?? (isTTY ? 'pretty' : 'json')) === 'json')
    return output.destination ? pino(options, output.destination) : pino(options);
  const pretty = PinoPretty({
    // stdout as file descriptor 1: pino-pretty writes it with a synchronous SonicBoom.
    destination: output.destination ?? 1,
    sync: true,
    colorize: isTTY,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // A traced request's lines show its trace_id; the span id and flags are for collectors.
    ignore: 'pid,hostname,service,span_id,trace_flags',
  });
  return pino(options, pretty);
}
