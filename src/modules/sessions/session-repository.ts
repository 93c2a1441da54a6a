import type { EntityManager } from '@mikro-orm/core';
import { type Dialect, dialectOf, fromSqlJson, fromSqlTime, isUniqueViolation, sqlTime } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';
import type { StoredGenerationParams } from '../../core/records/model.js';
import type { SessionRecord } from '../../core/records/session.js';
import { type ChatMessage, textOf } from '../../core/chat/chat-request.js';
import type { HistoryMessage } from './session-history.js';

export type { HistoryMessage } from './session-history.js';

/** Dates as raw SQL returns them: epoch milliseconds (SQLite) or a Date (PostgreSQL). */
type SqlTime = number | string | Date;

/** A sessions row as raw SQL returns it (params as JSON text in SQLite, parsed in PostgreSQL). */
interface SessionRow {
  readonly id: string;
  readonly api_key_id: string | null;
  readonly model_id: string | null;
  readonly pool_name: string | null;
  readonly params: unknown;
  readonly revision: number;
  readonly created_at: SqlTime;
  readonly updated_at: SqlTime;
}

/** A session_messages row as raw SQL returns it. */
interface MessageRow {
  readonly role: string;
  readonly content: string;
  /** The whole message as JSON when it is more than its role and text (parts, tool calls, reasoning, a tool call id); else null. */
  readonly detail: string | null;
  readonly generation_id: string | null;
  readonly created_at: SqlTime;
}

/** A message with its place in the history (`seq`: 1, 2, … with no gaps, the dropped oldest ones included). */
export type SequencedMessage = HistoryMessage & { readonly seq: number };

/** What a session's stored history may hold; past either bound, appending drops its oldest whole turns. */
export interface HistoryBounds {
  readonly maxHistoryMessages: number;
  readonly maxHistoryBytes: number;
}

/** What a switch changes: the target (exactly one of model and pool), the revision, maybe the params. */
export interface SessionTargetChange {
  readonly modelId: string | null;
  readonly poolName: string | null;
  readonly revision: number;
  readonly updatedAt: Date;
  readonly params?: StoredGenerationParams | undefined;
}

/** A switch as applied, for the session_switches log. */
export interface SwitchLogEntry {
  readonly id: string;
  readonly sessionId: string;
  readonly revision: number;
  readonly fromTarget: string;
  readonly toTarget: string;
  readonly latencyMs: number;
  readonly switchedAt: Date;
}

/** A session_messages row with its number. */
interface SequencedRow extends MessageRow {
  readonly seq: number | string;
}

const SEQUENCED_COLUMNS = 'seq, role, content, detail, generation_id, created_at';

/** Roles whose messages every turn sends, whatever the window. */
const SYSTEM_ROLES = "('system', 'developer')";

function toHistoryMessage(r: MessageRow): HistoryMessage {
  const role = r.role as ChatMessage['role'];
  const message = r.detail === null ? ({ role, content: r.content } as ChatMessage) : (JSON.parse(r.detail) as ChatMessage);
  return { role, content: r.content, message, createdAt: fromSqlTime(r.created_at), generationId: r.generation_id };
}

function toSequenced(r: SequencedRow): SequencedMessage {
  return { ...toHistoryMessage(r), seq: Number(r.seq) };
}

/** A message's stored detail: null for a plain text message (role and text say it all). */
export function messageDetail(message: ChatMessage): string | null {
  const plain =
    typeof message.content === 'string' &&
    Object.keys(message).length === 2 &&
    (message.role === 'system' || message.role === 'developer' || message.role === 'user' || message.role === 'assistant');
  return plain ? null : JSON.stringify(message);
}

/** The bytes a message takes in storage (its text and its detail): what HistoryBounds count. */
const STORED_BYTES = 'octet_length(content) + coalesce(octet_length(detail), 0)';

const SESSION_COLUMNS = 'id, api_key_id, model_id, pool_name, params, revision, created_at, updated_at';

function toRecord(row: SessionRow): SessionRecord {
  return Object.freeze({
    id: row.id,
    apiKeyId: row.api_key_id,
    modelId: row.model_id,
    poolName: row.pool_name,
    params: fromSqlJson<StoredGenerationParams>(row.params),
    revision: Number(row.revision),
    createdAt: fromSqlTime(row.created_at),
    updatedAt: fromSqlTime(row.updated_at),
  });
}

/**
 * Sessions with their history and switch log: all of their SQL. Rows are read plainly (no entity
 * hydration: every session turn reads the session and the newest of its history), each statement
 * on its own through the ORM's connection (no identity map, no unit of work).
 */
export class SessionRepository {
  readonly #dialect: Dialect;

  constructor(private readonly orm: Orm) {
    this.#dialect = dialectOf(orm);
  }

  #run<T>(sql: string, params: readonly unknown[], method: 'all' | 'run' = 'all'): Promise<T> {
    return (this.orm.em as EntityManager).getConnection().execute(sql, [...params], method) as Promise<T>;
  }

  async insert(session: SessionRecord): Promise<void> {
    await this.#run(
      `insert into sessions (${SESSION_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        session.id,
        session.apiKeyId,
        session.modelId,
        session.poolName,
        JSON.stringify(session.params),
        session.revision,
        sqlTime(this.#dialect, session.createdAt),
        sqlTime(this.#dialect, session.updatedAt),
      ],
      'run',
    );
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const [row] = await this.#run<SessionRow[]>(`select ${SESSION_COLUMNS} from sessions where id = ?`, [id]);
    return row ? toRecord(row) : undefined;
  }

  /** Sessions by id, after the cursor `after`; `apiKeyId` undefined: every key's. Answers up to `limit` rows. */
  async page(apiKeyId: string | null | undefined, limit: number, after?: string | null): Promise<SessionRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (apiKeyId !== undefined) {
      where.push(apiKeyId === null ? 'api_key_id is null' : 'api_key_id = ?');
      if (apiKeyId !== null) params.push(apiKeyId);
    }
    if (after) {
      where.push('id > ?');
      params.push(after);
    }
    const rows = await this.#run<SessionRow[]>(
      `select ${SESSION_COLUMNS} from sessions ${where.length ? `where ${where.join(' and ')}` : ''} order by id limit ?`,
      [...params, limit],
    );
    return rows.map(toRecord);
  }

  /** The session's messages in order (all of them: bounded by HistoryBounds, not by a context window). */
  async history(sessionId: string): Promise<HistoryMessage[]> {
    const rows = await this.#run<MessageRow[]>(
      'select role, content, detail, generation_id, created_at from session_messages where session_id = ? order by seq',
      [sessionId],
    );
    return rows.map(toHistoryMessage);
  }

  /** The session's system messages, oldest first (a turn sends every one of them, whatever the window). */
  async systemMessages(sessionId: string): Promise<SequencedMessage[]> {
    const rows = await this.#run<SequencedRow[]>(
      `select ${SEQUENCED_COLUMNS} from session_messages where session_id = ? and role in ${SYSTEM_ROLES} order by seq`,
      [sessionId],
    );
    return rows.map(toSequenced);
  }

  /**
   * The session's other (user and assistant) messages before `beforeSeq` (null: from the newest),
   * newest first: up to `limit` of them and, past the first, no more than `maxBytes` of content
   * (their sizes are read first, without the content: octet_length does not read it). The history read backwards a page at a time down
   * the (session_id, seq) index, so that a turn reads what its window takes, not the whole
   * session. `more`: whether older ones remain.
   */
  async conversationBefore(
    sessionId: string,
    beforeSeq: number | null,
    limit: number,
    maxBytes = Number.POSITIVE_INFINITY,
  ): Promise<{ messages: SequencedMessage[]; more: boolean }> {
    const where = `session_id = ? and role not in ${SYSTEM_ROLES}${beforeSeq === null ? '' : ' and seq < ?'}`;
    const params = [sessionId, ...(beforeSeq === null ? [] : [beforeSeq])];
    const sizes = await this.#run<Array<{ seq: number | string; bytes: number | string }>>(
      `select seq, ${STORED_BYTES} as bytes from session_messages where ${where} order by seq desc limit ?`,
      [...params, limit],
    );
    let taken = 0;
    for (let bytes = 0; taken < sizes.length; taken++) {
      bytes += Number((sizes[taken] as (typeof sizes)[number]).bytes);
      if (taken > 0 && bytes > maxBytes) break;
    }
    if (taken === 0) return { messages: [], more: false };
    const seqAt = (i: number) => Number((sizes[i] as (typeof sizes)[number]).seq);
    const rows = await this.#run<SequencedRow[]>(
      `select ${SEQUENCED_COLUMNS} from session_messages where ${where} and seq between ? and ? order by seq desc`,
      [...params, seqAt(taken - 1), seqAt(0)],
    );
    return { messages: rows.map(toSequenced), more: taken < sizes.length || sizes.length === limit };
  }

  /** How many of the session's other (user and assistant) messages come before `beforeSeq` (null: all of them). */
  async countConversationBefore(sessionId: string, beforeSeq: number | null): Promise<number> {
    const [row] = await this.#run<Array<{ n: number | string }>>(
      `select count(*) as n from session_messages where session_id = ? and role not in ${SYSTEM_ROLES}${beforeSeq === null ? '' : ' and seq < ?'}`,
      [sessionId, ...(beforeSeq === null ? [] : [beforeSeq])],
    );
    return Number(row?.n ?? 0);
  }

  /** How many of the session's oldest messages the bounds dropped: its messages are numbered from 1 without gaps. */
  async droppedCount(sessionId: string): Promise<number> {
    const [row] = await this.#run<Array<{ first: number | string | null }>>(
      'select min(seq) as first from session_messages where session_id = ?',
      [sessionId],
    );
    return row?.first == null ? 0 : Number(row.first) - 1;
  }

  /**
   * Drops the session's oldest whole turns (the messages of one generation) while its history
   * holds more than `bounds` allow; its newest turn always stays. Reads each message's size, not
   * its content (octet_length reads a string's length without its bytes on both engines).
   * Answers how many messages were dropped.
   */
  async trimHistory(sessionId: string, bounds: HistoryBounds): Promise<number> {
    const rows = await this.#run<Array<{ seq: number | string; generation_id: string | null; bytes: number | string }>>(
      `select seq, generation_id, ${STORED_BYTES} as bytes from session_messages where session_id = ? order by seq desc`,
      [sessionId],
    );
    let messages = 0;
    let bytes = 0;
    let cut: number | null = null; // the newest seq to drop: the end of the first turn that does not fit
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as (typeof rows)[number];
      messages++;
      bytes += Number(row.bytes);
      if (messages <= bounds.maxHistoryMessages && bytes <= bounds.maxHistoryBytes) continue;
      // This message's turn does not fit: it goes, from its newest message, unless it is the newest turn.
      const turn = row.generation_id;
      let end = i;
      while (end > 0 && (rows[end - 1] as (typeof rows)[number]).generation_id === turn) end--;
      if (end === 0) {
        const next = rows.findIndex((r) => r.generation_id !== turn);
        if (next === -1) return 0;
        end = next;
      }
      cut = Number((rows[end] as (typeof rows)[number]).seq);
      break;
    }
    if (cut === null) return 0;
    const { affectedRows } = await this.#run<{ affectedRows: number }>(
      'delete from session_messages where session_id = ? and seq <= ?',
      [sessionId, cut],
      'run',
    );
    return affectedRows;
  }

  /**
   * Appends messages to the history in one INSERT … SELECT, numbered after the last message. One
   * statement is atomic in SQLite, and SQLite runs a SELECT that reads the table being inserted
   * into to completion first, so the numbers are consecutive. In PostgreSQL two concurrent
   * appends to one session can read the same last number: the unique index on (session_id, seq)
   * refuses the second, which reads again and retries. (Parameters are cast: PostgreSQL cannot
   * infer their types across UNION ALL.)
   */
  async appendMessages(sessionId: string, messages: readonly ChatMessage[], generationId: string, createdAt: Date): Promise<void> {
    if (messages.length === 0) return;
    const time = this.#dialect === 'sqlite' ? 'cast(? as integer)' : 'cast(? as timestamptz)';
    const rows = messages.map(
      (_m, i) =>
        `select cast(? as varchar(36)), coalesce((select max(seq) from session_messages where session_id = ?), 0) + ${i + 1}, cast(? as varchar(16)), cast(? as text), cast(? as text), cast(? as varchar(36)), ${time}`,
    );
    // PostgreSQL refuses U+0000 in text (SQLite keeps it): dropped there.
    const text = (content: string | null) =>
      content !== null && this.#dialect === 'postgresql' && content.includes('\u0000') ? content.replaceAll('\u0000', '') : content;
    const params = messages.flatMap((m) => [
      sessionId,
      sessionId,
      m.role,
      text(textOf(m.content)),
      // JSON escapes U+0000 as \u0000, which PostgreSQL's text keeps (it refuses only the raw character).
      messageDetail(m),
      generationId,
      sqlTime(this.#dialect, createdAt),
    ]);
    const sql = `insert into session_messages (session_id, seq, role, content, detail, generation_id, created_at) ${rows.join(' union all ')}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#run(sql, params, 'run');
        return;
      } catch (error) {
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * The compare-and-swap of a switch: applies `change` only if the session is still at
   * `expectedRevision`. Answers whether it was applied.
   */
  async swapTarget(sessionId: string, expectedRevision: number, change: SessionTargetChange): Promise<boolean> {
    const { affectedRows } = await this.#run<{ affectedRows: number }>(
      `update sessions set model_id = ?, pool_name = ?, revision = ?, updated_at = ?${change.params ? ', params = ?' : ''} where id = ? and revision = ?`,
      [
        change.modelId,
        change.poolName,
        change.revision,
        sqlTime(this.#dialect, change.updatedAt),
        ...(change.params ? [JSON.stringify(change.params)] : []),
        sessionId,
        expectedRevision,
      ],
      'run',
    );
    return affectedRows === 1;
  }

  async logSwitch(entry: SwitchLogEntry): Promise<void> {
    await this.#run(
      'insert into session_switches (id, session_id, revision, from_model_id, to_model_id, latency_ms, switched_at) values (?, ?, ?, ?, ?, ?, ?)',
      [
        entry.id,
        entry.sessionId,
        entry.revision,
        entry.fromTarget,
        entry.toTarget,
        entry.latencyMs,
        sqlTime(this.#dialect, entry.switchedAt),
      ],
      'run',
    );
  }

  /** The switches applied to a session, oldest first. */
  async switches(sessionId: string): Promise<SwitchLogEntry[]> {
    const rows = await this.#run<
      Array<{
        id: string;
        session_id: string;
        revision: number;
        from_model_id: string;
        to_model_id: string;
        latency_ms: number;
        switched_at: SqlTime;
      }>
    >(
      'select id, session_id, revision, from_model_id, to_model_id, latency_ms, switched_at from session_switches where session_id = ? order by revision',
      [sessionId],
    );
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      revision: r.revision,
      fromTarget: r.from_model_id,
      toTarget: r.to_model_id,
      latencyMs: Number(r.latency_ms),
      switchedAt: fromSqlTime(r.switched_at),
    }));
  }
}
