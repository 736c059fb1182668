import { DATE_PATTERN } from './schema.js';

export const DAY_MS = 86_400_000;

/**
 * An ISO date or date-time to epoch ms, or null when it is not a real calendar date.
 * A date alone is UTC midnight; a date-time without an offset is UTC (SPEC §4), never local
 * time, so the same document gives the same days on every machine.
 */
export function parseIsoDate(text: string): number | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = frac ? Math.round(Number('0' + frac) * 1000) : 0;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(t);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null; // 2026-02-30 rolls over into March: not a real date
  }
  let offsetMin = 0;
  if (off && off !== 'Z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return t - offsetMin * 60_000;
}
