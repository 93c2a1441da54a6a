/** The q-quantile (0..1) of a list of numbers (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function summary(values: readonly number[]): { min: number; median: number; max: number } {
  return { min: Math.min(...values), median: quantile(values, 0.5), max: Math.max(...values) };
}

export const round = (n: number, digits = 3) => Number(n.toFixed(digits));
