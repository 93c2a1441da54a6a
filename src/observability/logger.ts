import { pino, type Logger } from 'pino';
import type { LogLevel } from '../config/config-schema.js';

export type { Logger };

/** Structured JSON logs on stdout. Keys and prompts are never logged. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'switchyard' }, timestamp: pino.stdTimeFunctions.isoTime });
}
