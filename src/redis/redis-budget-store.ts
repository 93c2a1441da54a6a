import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../core/ports/clock.js';
import { redisScripts } from './redis-scripts.js';
import type { Budget, BudgetStatus, BudgetStore, HoldResult, Reservation } from '../core/ports/stores.js';

/** How long a hold lives without being settled: past any request's deadline (totalMs is at most an hour; an instance killed mid-request loses its holds this long after). */
export const HOLD_TTL_MS = 65 * 60_000;
const DAY_TTL_S = 3 * 86_400;
/** How many orphaned holds and stale counters are remembered through an outage (memory stays bounded). */
const MAX_REMEMBERED = 10_000;
const MONTH_TTL_S = 33 * 86_400;

type Keys = [day: string, month: string, holds: string, journalDay: string, journalMonth: string, countedDay: string, countedMonth: string];

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Shared by all scripts: drops expired holds and sums the live ones. KEYS[3] is the holds hash
 * (hold id → "amount:expiresAtMs"); ARGV[1] is now (ms).
 */
const LIVE_HOLDS = `
local reserved = 0
local fields = redis.call('HGETALL', KEYS[3])
for i = 1, #fields, 2 do
  local amount, expires = string.match(fields[i + 1], '^(%d+):(%d+)$')
  if tonumber(expires) <= tonumber(ARGV[1]) then redis.call('HDEL', KEYS[3], fields[i]) else reserved = reserved + tonumber(amount) end
end
`;

/**
 * Status, and a hold when ARGV[2] (amount) > 0 and it fits. KEYS: spent today, spent this month,
 * holds. ARGV: now, amount, hold id, daily limit (-1: none), monthly limit (-1: none), hold TTL.
 * Answers {state, spentDay, spentMonth, reserved} with state 1 held, 0 refused or status only,
 * -1 when a spend key is missing (the caller loads it from the database and asks again).
 */
const HOLD = `${LIVE_HOLDS}
local day = redis.call('GET', KEYS[1])
local month = redis.call('GET', KEYS[2])
if not day or not month then return {-1, 0, 0, reserved} end
day = tonumber(day)
month = tonumber(month)
local amount = tonumber(ARGV[2])
if amount <= 0 then return {0, day, month, reserved} end
local daily = tonumber(ARGV[4])
local monthly = tonumber(ARGV[5])
local share = tonumber(ARGV[7])
local left = nil
if daily >= 0 then left = daily - day - reserved end
if monthly >= 0 and (left == nil or monthly - month - reserved < left) then left = monthly - month - reserved end
if left ~= nil and amount > math.floor(left * share) then return {0, day, month, reserved} end
redis.call('HSET', KEYS[3], ARGV[3], ARGV[2] .. ':' .. (tonumber(ARGV[1]) + tonumber(ARGV[6])))
redis.call('PEXPIRE', KEYS[3], ARGV[6])
return {1, day, month, reserved + amount}
`;

/** How long a settled generation is remembered for a load racing it (settles follow their record's commit by milliseconds). */
const JOURNAL_TTL_MS = 5 * 60_000;
/** How far back a load lists the generations its sums include: longer than the journal, so every journaled one in them is listed. */
export const RECENT_WINDOW_MS = 10 * 60_000;

/**
 * Settles (or, with actual -1, releases) a hold; with actual > 0 and no hold id, records spend
 * that had no hold. KEYS: spent today, spent this month, holds, then per period (day, month) the
 * journal of settled generations and the set a load counted. ARGV: hold id, actual, generation
 * id ('' if none), journal TTL. A counter is increased unless it is missing (a load will count
 * the journal) or its load already counted this generation.
 */
const SETTLE = `
local held = redis.call('HDEL', KEYS[3], ARGV[1])
local actual = tonumber(ARGV[2])
if actual > 0 then
  for p = 1, 2 do
    local counter, journal, counted = KEYS[p], KEYS[3 + p], KEYS[5 + p]
    if ARGV[3] ~= '' then
      redis.call('HSET', journal, ARGV[3], actual)
      redis.call('PEXPIRE', journal, ARGV[4])
    end
    if redis.call('EXISTS', counter) == 1 and (ARGV[3] == '' or redis.call('SISMEMBER', counted, ARGV[3]) == 0) then
      redis.call('INCRBY', counter, actual)
    end
  end
end
return held
`;

/**
 * Sets a missing counter from the database's sum, plus the journaled generations the sum did not
 * include (settled while the counter was missing, committed after the sum's snapshot), and
 * remembers which recent generations the sum did include (their settles must not add them
 * again). KEYS: day, month counters, day and month journals, day and month counted sets. ARGV:
 * day total, month total, day TTL (s), month TTL (s), counted TTL (ms), then the ids of the
 * generations of the last RECENT_WINDOW_MS that the totals include.
 */
const LOAD = `
local included = {}
for i = 6, #ARGV do included[ARGV[i]] = true end
local totals = {tonumber(ARGV[1]), tonumber(ARGV[2])}
local ttls = {ARGV[3], ARGV[4]}
for p = 1, 2 do
  local counter, journal, counted = KEYS[p], KEYS[2 + p], KEYS[4 + p]
  if redis.call('EXISTS', counter) == 0 then
    local extra = 0
    local fields = redis.call('HGETALL', journal)
    for i = 1, #fields, 2 do
      if not included[fields[i]] then extra = extra + tonumber(fields[i + 1]) end
    end
    redis.call('SET', counter, totals[p] + extra, 'EX', ttls[p])
    for i = 6, #ARGV do redis.call('SADD', counted, ARGV[i]) end
    redis.call('PEXPIRE', counted, ARGV[5])
  end
end
return 1
`;

/** What a load reads from the database, in one snapshot. */
export interface SpendSnapshot {
  readonly day: number;
  readonly month: number;
  /** The generations of the last RECENT_WINDOW_MS that the sums include. */
  readonly recent: readonly string[];
}

/**
 * The BudgetStore of several instances, in Redis: per key, today's and this month's spend
 * (`<prefix>budget:<key>:d:<YYYY-MM-DD>`, `…:m:<YYYY-MM>`, loaded once from the database's sum
 * with SET NX) and its holds (a hash of hold → amount and expiry). The check and the hold run in
 * one Lua script, so no two requests on any instances can both take the last of a budget. A hold
 * not settled within HOLD_TTL_MS (its instance died) expires. Every call goes to Redis: when it
 * does not answer, the call rejects and admission refuses the request (budgets fail closed).
 */
export class RedisBudgetStore implements BudgetStore {
  /** The last status seen per key with a budget, for the remaining-budget gauge. */
  readonly #lastSeen = new Map<string, { budget: Budget; status: BudgetStatus }>();

  readonly #scripts: Record<'budgetHold' | 'budgetSettle' | 'budgetLoad', (...args: string[]) => Promise<unknown>>;
  /** Spend counters a settle could not reach (Redis away): dropped when it is back, so they load again from the database, which has those generations. */
  readonly #stale = new Set<string>();
  /** Holds whose answer was lost (the script may have run): released when Redis is back. */
  readonly #orphans = new Map<string, Keys>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** The key's spend today and this month, and the recent generations those sums include, in one database snapshot. */
    private readonly snapshot: (keyId: string, dayStart: Date, monthStart: Date, recentSince: Date) => Promise<SpendSnapshot>,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.#scripts = redisScripts(redis, {
      budgetHold: { keys: 3, lua: HOLD },
      budgetSettle: { keys: 7, lua: SETTLE },
      budgetLoad: { keys: 6, lua: LOAD },
    });
    redis.on('ready', () => void this.#repair());
  }

  /** Back from a loss: reload the counters settles missed, release the holds whose answers were lost. */
  async #repair(): Promise<void> {
    if (this.#stale.size > 0) {
      const keys = [...this.#stale];
      await this.redis.del(...keys).then(
        () => {
          for (const k of keys) this.#stale.delete(k);
        },
        () => undefined,
      );
    }
    for (const [holdId, keys] of [...this.#orphans]) {
      await this.#scripts.budgetSettle(...keys, holdId, '-1', '', String(JOURNAL_TTL_MS)).then(
        () => this.#orphans.delete(holdId),
        () => undefined,
      );
    }
  }

  async status(keyId: string, budget: Budget): Promise<BudgetStatus> {
    const [, day, month, reserved] = await this.#run(keyId, budget, 0, '');
    return this.#status(keyId, budget, day, month, reserved);
  }

  async tryReserve(keyId: string, budget: Budget, amountMicroUsd: number, share = 1, generationId = ''): Promise<HoldResult> {
    const holdId = randomUUID();
    const amount = Math.max(1, Math.ceil(amountMicroUsd));
    let answer: [number, number, number, number];
    try {
      answer = await this.#run(keyId, budget, amount, holdId, share);
    } catch (error) {
      // The script may have run before the answer was lost: release the hold when Redis is back.
      if (this.#orphans.size < MAX_REMEMBERED) this.#orphans.set(holdId, this.#keys(keyId)); // beyond it, holds expire by themselves
      throw error;
    }
    const [state, day, month, reserved] = answer;
    const status = this.#status(keyId, budget, day, month, reserved);
    if (state !== 1) return { ok: false, status };
    const keys = this.#keys(keyId);
    let open = true;
    const settle = (actual: number) => {
      if (!open) return;
      open = false;
      this.#scripts
        .budgetSettle(...keys, holdId, String(Math.round(actual)), actual > 0 ? generationId : '', String(JOURNAL_TTL_MS))
        .catch(() => {
          // Redis away: the hold expires; the spend it missed is reloaded from the database when Redis is back.
          if (actual > 0) this.#markStale(keys);
        });
    };
    const reservation: Reservation = {
      amountMicroUsd: amount,
      settle: (actual) => settle(Math.min(Math.max(0, actual), amount)),
      release: () => settle(-1),
    };
    return { ok: true, reservation, status };
  }

  record(keyId: string, actualMicroUsd: number, generationId = ''): void {
    if (actualMicroUsd <= 0) return;
    const keys = this.#keys(keyId);
    this.#scripts
      .budgetSettle(...keys, 'none', String(Math.round(actualMicroUsd)), generationId, String(JOURNAL_TTL_MS))
      .catch(() => this.#markStale(keys));
  }

  #markStale([day, month]: Keys): void {
    if (this.#stale.size >= MAX_REMEMBERED) return;
    this.#stale.add(day);
    this.#stale.add(month);
  }

  remainingByKey(): Array<{ keyId: string; remainingMicroUsd: number }> {
    return [...this.#lastSeen].flatMap(([keyId, { status }]) =>
      status.remainingMicroUsd === null ? [] : [{ keyId, remainingMicroUsd: status.remainingMicroUsd }],
    );
  }

  /** Today's and this month's counters, the holds, the day's and month's journals and counted sets. */
  #keys(keyId: string): Keys {
    const now = new Date(this.clock.now());
    const base = `${this.prefix}budget:${keyId}`;
    const [day, month] = [dayOf(now), monthOf(now)];
    return [
      `${base}:d:${day}`,
      `${base}:m:${month}`,
      `${base}:holds`,
      `${base}:settled:d:${day}`,
      `${base}:settled:m:${month}`,
      `${base}:counted:d:${day}`,
      `${base}:counted:m:${month}`,
    ];
  }

  /** Runs the hold script; loads the spend from the database first when Redis has none for today or this month. */
  async #run(keyId: string, budget: Budget, amount: number, holdId: string, share = 1): Promise<[number, number, number, number]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const keys = this.#keys(keyId);
      const args = [
        String(this.clock.now()),
        String(amount),
        holdId || 'status',
        String(budget.dailyMicroUsd ?? -1),
        String(budget.monthlyMicroUsd ?? -1),
        String(HOLD_TTL_MS),
        String(share),
      ];
      const answer = (await this.#scripts.budgetHold(...keys.slice(0, 3), ...args)) as number[];
      if (answer[0] !== -1) return [Number(answer[0]), Number(answer[1]), Number(answer[2]), Number(answer[3])];
      await this.#load(keyId, keys);
    }
    throw new Error(`the spend of key ${keyId} could not be loaded into Redis`);
  }

  /**
   * Sets the missing counters from one database snapshot, plus what settled meanwhile and the
   * snapshot missed, minus nothing twice (see LOAD); an instance that loaded first wins.
   */
  async #load(keyId: string, [day, month, , journalDay, journalMonth, countedDay, countedMonth]: Keys): Promise<void> {
    const now = new Date(this.clock.now());
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const snapshot = await this.snapshot(keyId, dayStart, monthStart, new Date(now.getTime() - RECENT_WINDOW_MS));
    await this.#scripts.budgetLoad(
      day,
      month,
      journalDay,
      journalMonth,
      countedDay,
      countedMonth,
      String(snapshot.day),
      String(snapshot.month),
      String(DAY_TTL_S),
      String(MONTH_TTL_S),
      String(JOURNAL_TTL_MS),
      ...snapshot.recent,
    );
  }

  #status(keyId: string, budget: Budget, day: number, month: number, reserved: number): BudgetStatus {
    const daily = budget.dailyMicroUsd === null ? null : budget.dailyMicroUsd - day - reserved;
    const monthly = budget.monthlyMicroUsd === null ? null : budget.monthlyMicroUsd - month - reserved;
    const binding =
      daily === null && monthly === null ? null : monthly === null || (daily !== null && daily <= monthly) ? 'daily' : 'monthly';
    const remaining = binding === 'daily' ? daily : binding === 'monthly' ? monthly : null;
    const status: BudgetStatus = {
      spentTodayMicroUsd: day,
      spentThisMonthMicroUsd: month,
      reservedMicroUsd: reserved,
      remainingMicroUsd: remaining === null ? null : Math.max(0, remaining),
      binding,
    };
    if (binding) this.#lastSeen.set(keyId, { budget, status });
    else this.#lastSeen.delete(keyId);
    return status;
  }
}
