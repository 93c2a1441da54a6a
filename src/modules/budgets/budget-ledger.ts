import type { Clock } from '../../core/ports/clock.js';
import type { Budget, BudgetStatus, BudgetStore, HoldResult, Reservation } from '../../core/ports/stores.js';

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
 * The in-process BudgetStore: spend per API key against its daily and monthly budgets (UTC),
 * kept in memory after one sum per key (`spentSince`). `tryReserve` checks and holds with nothing
 * awaited in between once the key is loaded, so concurrent requests cannot overspend; completion
 * settles the hold to the real cost (at most what it held); a failure releases it.
 */
export class BudgetLedger implements BudgetStore {
  readonly #ledgers = new Map<string, Ledger>();
  readonly #loading = new Map<string, Promise<Ledger>>();
  /** The budgets last seen per key, for the remaining-budget gauge. */
  readonly #budgets = new Map<string, Budget>();

  /**
   * @param spentSince what a key's generations cost from a moment on (the generations repository's sum).
   */
  constructor(
    private readonly spentSince: (keyId: string, since: Date) => Promise<number>,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  async status(keyId: string, budget: Budget): Promise<BudgetStatus> {
    await this.ensureLoaded(keyId);
    return this.statusNow(keyId, budget);
  }

  async tryReserve(keyId: string, budget: Budget, amountMicroUsd: number, share = 1): Promise<HoldResult> {
    await this.ensureLoaded(keyId);
    // From here on nothing awaits: the check and the hold are one step.
    const status = this.statusNow(keyId, budget);
    if (status.remainingMicroUsd !== null && amountMicroUsd > Math.floor(status.remainingMicroUsd * share)) return { ok: false, status };
    const reservation = this.reserve(keyId, amountMicroUsd);
    return { ok: true, reservation, status: this.statusNow(keyId, budget) };
  }

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
  statusNow(keyId: string, budget: Budget): BudgetStatus {
    if (budget.dailyMicroUsd !== null || budget.monthlyMicroUsd !== null) this.#budgets.set(keyId, budget);
    else this.#budgets.delete(keyId);
    const ledger = this.#current(keyId);
    const daily = budget.dailyMicroUsd === null ? null : budget.dailyMicroUsd - ledger.spentDay - ledger.reserved;
    const monthly = budget.monthlyMicroUsd === null ? null : budget.monthlyMicroUsd - ledger.spentMonth - ledger.reserved;
    const binding =
      daily === null && monthly === null ? null : monthly === null || (daily !== null && daily <= monthly) ? 'daily' : 'monthly';
    const remaining = binding === 'daily' ? daily : binding === 'monthly' ? monthly : null;
    return {
      spentTodayMicroUsd: ledger.spentDay,
      spentThisMonthMicroUsd: ledger.spentMonth,
      reservedMicroUsd: ledger.reserved,
      remainingMicroUsd: remaining === null ? null : Math.max(0, remaining),
      binding,
    };
  }

  /** Remaining budget (micro-USD) of every loaded key that has one. */
  remainingByKey(): Array<{ keyId: string; remainingMicroUsd: number }> {
    return [...this.#budgets].flatMap(([keyId, budget]) => {
      const remaining = this.#ledgers.has(keyId) ? this.statusNow(keyId, budget).remainingMicroUsd : null;
      return remaining === null ? [] : [{ keyId, remainingMicroUsd: remaining }];
    });
  }

  /** Holds `amount` for a running request, unchecked (tryReserve checks first). */
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
      amountMicroUsd,
      settle: (actual) => {
        if (!close()) return;
        const charged = Math.min(Math.max(0, actual), amountMicroUsd);
        const current = this.#current(keyId);
        current.spentDay += charged;
        current.spentMonth += charged;
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
    const now = new Date(this.clock.now());
    if (ledger.month !== monthOf(now)) Object.assign(ledger, { month: monthOf(now), spentMonth: 0 });
    if (ledger.day !== dayOf(now)) Object.assign(ledger, { day: dayOf(now), spentDay: 0 });
    return ledger;
  }

  async #load(keyId: string): Promise<Ledger> {
    const now = new Date(this.clock.now());
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return {
      day: dayOf(now),
      month: monthOf(now),
      spentDay: await this.spentSince(keyId, dayStart),
      spentMonth: await this.spentSince(keyId, monthStart),
      reserved: 0,
    };
  }
}
