import type { Orm } from './orm.js';

/** The SQL dialects the gateway runs on. */
export type Dialect = 'sqlite' | 'postgresql';

/** The dialect of an ORM's database (from its platform). */
export function dialectOf(orm: Orm): Dialect {
  return orm.config.get('driver')?.name === 'PostgreSqlDriver' ? 'postgresql' : 'sqlite';
}

/**
 * A time as a raw-SQL parameter: SQLite keeps datetimes as epoch milliseconds (MikroORM's
 * mapping), PostgreSQL as timestamptz.
 */
export function sqlTime(dialect: Dialect, date: Date): number | Date {
  return dialect === 'sqlite' ? date.getTime() : date;
}

/** A datetime read by raw SQL: epoch milliseconds (SQLite), a Date or an ISO text (PostgreSQL). */
export function fromSqlTime(value: number | string | Date): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}

/** A JSON column read by raw SQL: text (SQLite) or already parsed (PostgreSQL jsonb). */
export function fromSqlJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Whether an error is a unique-constraint violation (either engine). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT' || /UNIQUE constraint failed|duplicate key value/.test(e?.message ?? '');
}
