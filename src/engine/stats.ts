import type { Stats } from './types.js';

/** n, median (mean of the two middle values when n is even), mean, p90 by nearest rank (SPEC §4). */
export function stats(values: number[]): Stats {
  return sortedStats(Float64Array.from(values));
}

/** stats() of values already in a typed array, which it sorts in place. */
export function sortedStats(values: Float64Array): Stats {
  const n = values.length;
  if (n === 0) return { n: 0, median: null, mean: null, p90: null };
  const s = values.sort();
  const mid = n >> 1;
  const median = n % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]!;
  const p90 = s[Math.ceil(0.9 * n) - 1]!;
  return { n, median, mean: sum / n, p90 };
}
