// Constants of the data contract shared by the zod schema (./schema.ts) and the zod-free runtime
// (./check.ts, ./validate.ts, ./dates.ts): kept here so the runtime never imports zod.

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** ISO date (2026-07-01) or date-time (2026-07-01T10:00, seconds, fraction and offset optional). */
export const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const UNITS = ['score', 'percent', 'nps', 'ces', 'days', 'hours', 'count', 'currency', 'ratio'] as const;
export const JOURNEY_EVENT_TYPES = [
  'engaged',
  'value-before-sale',
  'sale',
  'value-after-sale',
  'interruption',
  'smile',
] as const;
