import { pino, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured JSON logs on stdout. Keys and prompts are never logged. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'switchyard' }, timestamp: pino.stdTimeFunctions.isoTime });
}
