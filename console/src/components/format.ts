/** USD with enough digits for a fraction of a cent (model calls cost micro-dollars). */
export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '$0';
  const digits = Math.abs(value) >= 1 ? 2 : Math.abs(value) >= 0.01 ? 4 : 6;
  return `$${value.toFixed(digits)}`;
}

export function integer(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : Math.round(value).toLocaleString('en-US');
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '< 1 ms';
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** A list price (USD per million tokens): as few digits as it needs. */
export function price(value: number): string {
  return `$${Number(value.toPrecision(6)).toString()}`;
}

/** A time as the reader's local clock shows it, with the date when it is not today. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}
