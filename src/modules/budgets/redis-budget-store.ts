import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../core/ports/clock.js';
import type { Budget, BudgetStatus, BudgetStore, HoldResult, Reservation } from '../../core/ports/stores.js';

/** How long a hold lives without being settled: past any request's deadline (totalMs is at most an hour; an instance killed mid-request loses its holds this long after). */
export const HOLD_TTL_MS = 65 * 60_000;
const DAY_TTL_S = 3 * 86_400;
/** How many orphaned holds and stale counters are remembered through an outage (memory stays bounded). */
const MAX_REMEMBERED = 10_000;
const MONTH_TTL_S = 33 * 86_400;

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

/**
 * Settles (or, with actual -1, releases) a hold. KEYS: spent today, spent this month, holds.
 * ARGV: hold id, actual. A spend key that is gone (not loaded) is left to be loaded from the
 * database, which holds the settled generation's cost.
 */
const SETTLE = `
local held = redis.call('HDEL', KEYS[3], ARGV[1])
local actual = tonumber(ARGV[2])
if actual > 0 then
  if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], actual) end
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('INCRBY', KEYS[2], actual) end
end
return held
`;

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

  readonly #scripts: { hold(...args: string[]): Promise<unknown>; settle(...args: string[]): Promise<unknown> };
  /** Spend counters a settle could not reach (Redis away): dropped when it is back, so they load again from the database, which has those generations. */
  readonly #stale = new Set<string>();
  /** Holds whose answer was lost (the script may have run): released when Redis is back. */
  readonly #orphans = new Map<string, [string, string, string]>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly spentSince: (keyId: string, since: Date) => Promise<number>,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    // Sent once, then called by SHA (EVALSHA; ioredis sends the script again after a Redis restart).
    redis.defineCommand('switchyardBudgetHold', { numberOfKeys: 3, lua: HOLD });
    redis.defineCommand('switchyardBudgetSettle', { numberOfKeys: 3, lua: SETTLE });
    const commands = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>;
    this.#scripts = { hold: (...args) => (commands.switchyardBudgetHold as (...a: string[]) => Promise<unknown>).apply(redis, args), settle: (...args) => (commands.switchyardBudgetSettle as (...a: string[]) => Promise<unknown>).apply(redis, args) };
    redis.on('ready', () => void this.#repair());
  }

  /** Back from a loss: reload the counters settles missed, release the holds whose answers were lost. */
  async #repair(): Promise<void> {
    if (this.#stale.size > 0) {
      const keys = [...this.#stale];
      await this.redis.del(...keys).then(() => keys.forEach((k) => this.#stale.delete(k)), () => undefined);
    }
    for (const [holdId, keys] of [...this.#orphans]) {
      await this.#scripts.settle(...keys, holdId, '-1').then(() => this.#orphans.delete(holdId), () => undefined);
    }
  }

  async status(keyId: string, budget: Budget): Promise<BudgetStatus> {
    const [, day, month, reserved] = await this.#run(keyId, budget, 0, '');
    return this.#status(keyId, budget, day, month, reserved);
  }

  async tryReserve(keyId: string, budget: Budget, amountMicroUsd: number, share = 1): Promise<HoldResult> {
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
      this.#scripts.settle(...keys, holdId, String(Math.round(actual))).catch(() => {
        // Redis away: the hold expires; the spend it missed is reloaded from the database when Redis is back.
        if (actual > 0) this.#markStale(keys);
      });
    };
    const reservation: Reservation = { settle: (actual) => settle(Math.max(0, actual)), release: () => settle(-1) };
    return { ok: true, reservation, status };
  }

  record(keyId: string, actualMicroUsd: number): void {
    if (actualMicroUsd <= 0) return;
    const keys = this.#keys(keyId);
    this.#scripts.settle(...keys, 'none', String(Math.round(actualMicroUsd))).catch(() => this.#markStale(keys));
  }

  #markStale([day, month]: [string, string, string]): void {
    if (this.#stale.size >= MAX_REMEMBERED) return;
    this.#stale.add(day);
    this.#stale.add(month);
  }

  remainingByKey(): Array<{ keyId: string; remainingMicroUsd: number }> {
    return [...this.#lastSeen].flatMap(([keyId, { status }]) => (status.remainingMicroUsd === null ? [] : [{ keyId, remainingMicroUsd: status.remainingMicroUsd }]));
  }

  #keys(keyId: string): [string, string, string] {
    const now = new Date(this.clock.now());
    const base = `${this.prefix}budget:${keyId}`;
    return [`${base}:d:${dayOf(now)}`, `${base}:m:${monthOf(now)}`, `${base}:holds`];
  }

  /** Runs the hold script; loads the spend from the database first when Redis has none for today or this month. */
  async #run(keyId: string, budget: Budget, amount: number, holdId: string, share = 1): Promise<[number, number, number, number]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const keys = this.#keys(keyId);
      const args = [String(this.clock.now()), String(amount), holdId || 'status', String(budget.dailyMicroUsd ?? -1), String(budget.monthlyMicroUsd ?? -1), String(HOLD_TTL_MS), String(share)];
      const answer = (await this.#scripts.hold(...keys, ...args)) as number[];
      if (answer[0] !== -1) return [Number(answer[0]), Number(answer[1]), Number(answer[2]), Number(answer[3])];
      await this.#load(keyId, keys);
    }
    throw new Error(`the spend of key ${keyId} could not be loaded into Redis`);
  }

  async #load(keyId: string, [dayKey, monthKey]: [string, string, string]): Promise<void> {
    const now = new Date(this.clock.now());
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const [day, month] = await Promise.all([this.spentSince(keyId, dayStart), this.spentSince(keyId, monthStart)]);
    // NX: an instance that loaded first (and the spend settled since) wins.
    await this.redis.multi().set(dayKey, String(day), 'EX', DAY_TTL_S, 'NX').set(monthKey, String(month), 'EX', MONTH_TTL_S, 'NX').exec();
  }

  #status(keyId: string, budget: Budget, day: number, month: number, reserved: number): BudgetStatus {
    const daily = budget.dailyMicroUsd === null ? null : budget.dailyMicroUsd - day - reserved;
    const monthly = budget.monthlyMicroUsd === null ? null : budget.monthlyMicroUsd - month - reserved;
    const binding = daily === null && monthly === null ? null : monthly === null || (daily !== null && daily <= monthly) ? 'daily' : 'monthly';
    const remaining = binding === 'daily' ? daily : binding === 'monthly' ? monthly : null;
    const status: BudgetStatus = { spentTodayMicroUsd: day, spentThisMonthMicroUsd: month, reservedMicroUsd: reserved, remainingMicroUsd: remaining === null ? null : Math.max(0, remaining), binding };
    if (binding) this.#lastSeen.set(keyId, { budget, status });
    else this.#lastSeen.delete(keyId);
    return status;
  }
}
