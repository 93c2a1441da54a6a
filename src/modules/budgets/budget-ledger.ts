import { raw } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.js';
import { GenerationSchema } from '../generations/generation.entity.js';

/** A key's budgets in micro-USD (null: none). */
export interface Budget {
  readonly dailyMicroUsd: number | null;
  readonly monthlyMicroUsd: number | null;
}

/** What a key has spent and may still spend, in micro-USD. */
export interface BudgetStatus {
  readonly spentTodayMicroUsd: number;
  readonly spentThisMonthMicroUsd: number;
  /** Reserved by requests still running. */
  readonly reservedMicroUsd: number;
  /** The smaller of what the daily and monthly budgets have left (reservations counted); null: no budget. */
  readonly remainingMicroUsd: number | null;
  /** Which budget `remaining` comes from. */
  readonly binding: 'daily' | 'monthly' | null;
}

/** A reservation of worst-case cost: settle it with the real cost, or release it. */
export interface Reservation {
  settle(actualMicroUsd: number): void;
  release(): void;
}

interface Ledger {
  day: string;
  month: string;
  spentDay: number;
  spentMonth: number;
  reserved: number;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Spend per API key against its daily and monthly budgets (UTC), kept in memory after one SQL
 * sum per key. Admission reserves the worst case synchronously (check and reserve in one step,
 * so concurrent requests cannot overspend); completion settles it to the real cost; a failure
 * releases it.
 */
export class BudgetLedger {
  readonly #ledgers = new Map<string, Ledger>();
  readonly #loading = new Map<string, Promise<Ledger>>();
  /** The budgets last seen per key, for the remaining-budget gauge. */
  readonly #budgets = new Map<string, Budget>();

  constructor(
    private readonly orm: Orm,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Loads (once) what the key has spent this month and today. */
  async ensureLoaded(keyId: string): Promise<void> {
    if (this.#ledgers.has(keyId)) return;
    let loading = this.#loading.get(keyId);
    if (!loading) {
      loading = this.#load(keyId);
      this.#loading.set(keyId, loading);
    }
    this.#ledgers.set(keyId, await loading);
    this.#loading.delete(keyId);
  }

  /** Status of a loaded key (call ensureLoaded first). */
  status(keyId: string, budget: Budget): BudgetStatus {
    if (budget.dailyMicroUsd !== null || budget.monthlyMicroUsd !== null) this.#budgets.set(keyId, budget);
    else this.#budgets.delete(keyId);
    const ledger = this.#current(keyId);
    const daily = budget.dailyMicroUsd === null ? null : budget.dailyMicroUsd - ledger.spentDay - ledger.reserved;
    const monthly = budget.monthlyMicroUsd === null ? null : budget.monthlyMicroUsd - ledger.spentMonth - ledger.reserved;
    const binding = daily === null && monthly === null ? null : monthly === null || (daily !== null && daily <= monthly) ? 'daily' : 'monthly';
    const remaining = binding === 'daily' ? daily : binding === 'monthly' ? monthly : null;
    return { spentTodayMicroUsd: ledger.spentDay, spentThisMonthMicroUsd: ledger.spentMonth, reservedMicroUsd: ledger.reserved, remainingMicroUsd: remaining === null ? null : Math.max(0, remaining), binding };
  }

  /** Remaining budget (micro-USD) of every loaded key that has one. */
  remainingByKey(): Array<{ keyId: string; remainingMicroUsd: number }> {
    return [...this.#budgets].flatMap(([keyId, budget]) => {
      const remaining = this.#ledgers.has(keyId) ? this.status(keyId, budget).remainingMicroUsd : null;
      return remaining === null ? [] : [{ keyId, remainingMicroUsd: remaining }];
    });
  }

  /** Reserves `amount` for a running request (synchronous: no other request can slip in between the check and this). */
  reserve(keyId: string, amountMicroUsd: number): Reservation {
    const ledger = this.#current(keyId);
    ledger.reserved += amountMicroUsd;
    let open = true;
    const close = () => {
      if (!open) return false;
      open = false;
      this.#current(keyId).reserved -= amountMicroUsd;
      return true;
    };
    return {
      settle: (actual) => {
        if (!close()) return;
        const current = this.#current(keyId);
        current.spentDay += actual;
        current.spentMonth += actual;
      },
      release: () => void close(),
    };
  }

  /** Adds spend that had no reservation (a key without budgets, still tracked for usageUpdated). */
  record(keyId: string, actualMicroUsd: number): void {
    const ledger = this.#ledgers.get(keyId);
    if (!ledger) return;
    const current = this.#current(keyId);
    current.spentDay += actualMicroUsd;
    current.spentMonth += actualMicroUsd;
  }

  #current(keyId: string): Ledger {
    const ledger = this.#ledgers.get(keyId);
    if (!ledger) throw new Error(`budget ledger for ${keyId} is not loaded`);
    const now = this.now();
    if (ledger.month !== monthOf(now)) Object.assign(ledger, { month: monthOf(now), spentMonth: 0 });
    if (ledger.day !== dayOf(now)) Object.assign(ledger, { day: dayOf(now), spentDay: 0 });
    return ledger;
  }

  async #load(keyId: string): Promise<Ledger> {
    const now = this.now();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const em = this.orm.em.fork();
    const sum = async (since: Date) => {
      const rows = await em
        .createQueryBuilder(GenerationSchema)
        .select(raw('coalesce(sum(cost_micro_usd), 0) as total'))
        .where({ apiKeyId: keyId, createdAt: { $gte: since } })
        .execute<{ total: number | null }[]>('all');
      return Number(rows[0]?.total ?? 0);
    };
    return { day: dayOf(now), month: monthOf(now), spentDay: await sum(dayStart), spentMonth: await sum(monthStart), reserved: 0 };
  }
}
