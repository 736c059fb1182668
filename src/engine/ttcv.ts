// Time to Customer Value by Klever's Law (SPEC §4): TTCV = before sale + after sale + to smile,
// in days, derived from durations or dated events, with open/partial flags and aggregates.
import { DAY_MS, parseIsoDate } from './dates.js';
import { issue } from './issues.js';
import type { Journey } from './schema.js';
import { stats } from './stats.js';
import type { Issue, TtcvAggregate, TtcvEvent, TtcvJourney, TtcvSpan, TtcvSummary } from './types.js';

const days = (ms: number) => ms / DAY_MS;

export function deriveJourney(j: Journey, index: number, asOf: number, warnings: Issue[]): TtcvJourney {
  const path = ['journeys', index];
  const events: TtcvEvent[] = [];
  (j.events ?? []).forEach((e) => {
    const at = parseIsoDate(e.at);
    if (at === null) return; // rejected by validation; never here for a parsed document
    const ev: TtcvEvent = { type: e.type, at };
    if (e.id !== undefined) ev.id = e.id;
    if (e.ref !== undefined) ev.ref = e.ref;
    events.push(ev);
  });
  events.sort((a, b) => a.at - b.at); // stable: same-instant events keep document order
  const first = (type: TtcvEvent['type']) => events.find((e) => e.type === type)?.at;

  let beforeEv: number | null = null;
  let afterEv: number | null = null;
  let afterOpen = false;
  const sale = first('sale');
  if (sale !== undefined) {
    const vbs = first('value-before-sale');
    beforeEv = vbs === undefined ? 0 : days(vbs - sale);
    const vas = first('value-after-sale');
    if (vas === undefined) {
      afterEv = Math.max(0, days(asOf - sale));
      afterOpen = true;
    } else afterEv = days(vas - sale);
  }

  // Interruptions and the smiles that close them.
  const spans: (TtcvSpan & { closed: boolean })[] = [];
  for (const e of events)
    if (e.type === 'interruption') spans.push({ start: e.at, end: null, id: e.id, closed: false });
  events.forEach((e, k) => {
    if (e.type !== 'smile') return;
    const target =
      e.ref !== undefined
        ? spans.find((s) => !s.closed && s.id === e.ref && s.start <= e.at)
        : spans.find((s) => !s.closed && s.start <= e.at);
    if (!target) {
      warnings.push(
        issue(
          [...path, 'events'],
          'smile_unmatched',
          `journey "${j.id}": the smile at ${new Date(e.at).toISOString().slice(0, 10)}${e.ref !== undefined ? ` (ref "${e.ref}")` : ''} closes no open interruption (event ${k + 1} in time order)`,
        ),
      );
      return;
    }
    target.closed = true;
    target.end = e.at;
  });
  let smileEv: number | null = events.length ? 0 : null;
  let smileOpen = false;
  for (const s of spans) {
    if (s.end === null) {
      smileOpen = true;
      smileEv! += Math.max(0, days(asOf - s.start));
    } else smileEv! += days(s.end - s.start);
  }

  const pick = (explicit: number | null | undefined, derived: number | null, evidence: boolean, key: string) => {
    if (typeof explicit === 'number') {
      if (evidence)
        warnings.push(
          issue(
            [...path, key],
            'duration_and_events',
            `journey "${j.id}" gives ${key} and events that imply it; the explicit ${key} is used`,
          ),
        );
      return { value: explicit, fromEvents: false };
    }
    return { value: derived, fromEvents: derived !== null };
  };
  const before = pick(j.beforeSale, beforeEv, sale !== undefined, 'beforeSale');
  const after = pick(j.afterSale, afterEv, sale !== undefined, 'afterSale');
  const smile = pick(j.toSmile, smileEv, spans.length > 0, 'toSmile');
  const open = (after.fromEvents && afterOpen) || (smile.fromEvents && smileOpen);
  const parts = [before.value, after.value, smile.value];
  const known = parts.filter((p): p is number => p !== null);
  const out: TtcvJourney = {
    id: j.id,
    label: j.label ?? j.id,
    beforeSale: before.value,
    afterSale: after.value,
    toSmile: smile.value,
    total: known.length ? known.reduce((a, b) => a + b, 0) : null,
    partial: known.length < 3,
    open,
    events,
    spans: spans.map(({ start, end, id }) => (id === undefined ? { start, end } : { start, end, id })),
  };
  if (j.segment !== undefined) out.segment = j.segment;
  return out;
}

export function aggregate(list: TtcvJourney[]): TtcvAggregate {
  const complete = list.filter((j) => !j.partial);
  const component = (k: 'beforeSale' | 'afterSale' | 'toSmile') =>
    stats(list.map((j) => j[k]).filter((v): v is number => v !== null));
  const totals = complete.map((j) => j.total!);
  return {
    n: list.length,
    complete: complete.length,
    open: list.filter((j) => j.open).length,
    atOrBelowZero: totals.length ? totals.filter((t) => t <= 0).length / totals.length : null,
    beforeSale: component('beforeSale'),
    afterSale: component('afterSale'),
    toSmile: component('toSmile'),
    total: stats(totals),
  };
}

export function summarizeTtcv(journeys: Journey[], asOf: number, warnings: Issue[]): TtcvSummary {
  const list = journeys.map((j, i) => deriveJourney(j, i, asOf, warnings));
  const groups = new Map<string, TtcvJourney[]>();
  for (const j of list) {
    if (j.segment === undefined) continue;
    const g = groups.get(j.segment);
    if (g) g.push(j);
    else groups.set(j.segment, [j]);
  }
  const bySegment: Record<string, TtcvAggregate> = {};
  for (const [name, g] of groups) bySegment[name] = aggregate(g);
  return { journeys: list, overall: aggregate(list), bySegment, asOf };
}
