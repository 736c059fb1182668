// Time to Customer Value by Klever's Law (SPEC §4): TTCV = before sale + after sale + to smile,
// in days, derived from durations or dated events, with open/partial flags and aggregates.
import { DAY_MS, parseIsoDate } from './dates.js';
import { issue } from './issues.js';
import type { Journey } from './schema.js';
import { sortedStats } from './stats.js';
import type { Issue, TtcvAggregate, TtcvEvent, TtcvJourney, TtcvSpan, TtcvSummary } from './types.js';

const days = (ms: number) => ms / DAY_MS;

// Plain loops, no closures or intermediate arrays: this runs once per journey (2,000 on the
// timeline's first render), and its allocations showed up as garbage collection (profiled).
export function deriveJourney(j: Journey, index: number, asOf: number, warnings: Issue[]): TtcvJourney {
  const events: TtcvEvent[] = [];
  let sale: number | undefined;
  let vbs: number | undefined;
  let vas: number | undefined;
  let interruptions = 0;
  const list = j.events;
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      const at = parseIsoDate(e.at);
      if (at === null) continue; // rejected by validation; never here for a parsed document
      const ev: TtcvEvent = { type: e.type, at, index: i };
      if (e.id !== undefined) ev.id = e.id;
      if (e.ref !== undefined) ev.ref = e.ref;
      // insertion sort, stable: same-instant events keep document order (events come mostly in order)
      let k = events.length;
      events.push(ev);
      while (k > 0 && events[k - 1]!.at > at) {
        events[k] = events[k - 1]!;
        k--;
      }
      events[k] = ev;
      if (e.type === 'interruption') interruptions++;
    }
    // the first of each type in time order
    for (let k = events.length - 1; k >= 0; k--) {
      const e = events[k]!;
      if (e.type === 'sale') sale = e.at;
      else if (e.type === 'value-before-sale') vbs = e.at;
      else if (e.type === 'value-after-sale') vas = e.at;
    }
  }

  let beforeEv: number | null = null;
  let afterEv: number | null = null;
  let afterOpen = false;
  if (sale !== undefined) {
    beforeEv = vbs === undefined ? 0 : days(vbs - sale);
    if (vas === undefined) {
      afterEv = days(asOf - sale);
      afterOpen = true;
    } else afterEv = days(vas - sale);
  }

  // Interruptions and the smiles that close them (a span is closed once it has an end).
  const spans: TtcvSpan[] = new Array(interruptions);
  let smileEv: number | null = events.length ? 0 : null;
  let smileOpen = false;
  let n = 0;
  if (interruptions) {
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      if (e.type !== 'interruption') continue;
      spans[n++] = e.id === undefined ? { start: e.at, end: null } : { start: e.at, end: null, id: e.id };
    }
  }
  // every smile closes the first open interruption before it (with its ref); one that closes
  // none is a warning, with or without interruptions in the journey
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e.type !== 'smile') continue;
    let target = -1;
    for (let i = 0; i < n; i++) {
      const s = spans[i]!;
      if (s.end === null && (e.ref === undefined || s.id === e.ref) && s.start <= e.at) {
        target = i;
        break;
      }
    }
    if (target < 0) {
      warnings.push(
        issue(
          ['journeys', index, 'events', e.index],
          'smile_unmatched',
          `journey "${j.id}": the smile at ${new Date(e.at).toISOString().slice(0, 10)}${e.ref !== undefined ? ` (ref "${e.ref}")` : ''} closes no open interruption`,
        ),
      );
      continue;
    }
    spans[target]!.end = e.at;
  }
  for (let i = 0; i < n; i++) {
    const s = spans[i]!;
    if (s.end === null) {
      smileOpen = true;
      smileEv! += Math.max(0, days(asOf - s.start));
    } else smileEv! += days(s.end - s.start);
  }

  const evidence = sale !== undefined;
  const before = pick(j, index, j.beforeSale, beforeEv, evidence, 'beforeSale', warnings);
  const after = pick(j, index, j.afterSale, afterEv, evidence, 'afterSale', warnings);
  const smile = pick(j, index, j.toSmile, smileEv, interruptions > 0, 'toSmile', warnings);
  // open only when the open part comes from the events (an explicit duration is closed)
  const open = (typeof j.afterSale !== 'number' && afterOpen) || (typeof j.toSmile !== 'number' && smileOpen);
  let total = 0;
  let known = 0;
  if (before !== null) ((total += before), known++);
  if (after !== null) ((total += after), known++);
  if (smile !== null) ((total += smile), known++);
  const out: TtcvJourney = {
    id: j.id,
    label: j.label ?? j.id,
    beforeSale: before,
    afterSale: after,
    toSmile: smile,
    total: known ? total : null,
    partial: known < 3,
    open,
    events,
    spans,
  };
  if (j.segment !== undefined) out.segment = j.segment;
  return out;
}

/** An explicit duration wins over the one its events imply (with a warning when both are given). */
function pick(
  j: Journey,
  index: number,
  explicit: number | null | undefined,
  derived: number | null,
  evidence: boolean,
  key: string,
  warnings: Issue[],
): number | null {
  if (typeof explicit !== 'number') return derived;
  if (evidence)
    warnings.push(
      issue(
        ['journeys', index, key],
        'duration_and_events',
        `journey "${j.id}" gives ${key} and events that imply it; the explicit ${key} is used`,
      ),
    );
  return explicit;
}

/** One pass over the journeys into typed arrays (sorted in place for the stats). */
export function aggregate(list: TtcvJourney[]): TtcvAggregate {
  const n = list.length;
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  const smile = new Float64Array(n);
  const totals = new Float64Array(n);
  let nb = 0;
  let na = 0;
  let ns = 0;
  let complete = 0;
  let open = 0;
  let atOrBelow = 0;
  for (let i = 0; i < n; i++) {
    const j = list[i]!;
    if (!j.partial) {
      totals[complete++] = j.total!;
      if (j.total! <= 0) atOrBelow++;
    }
    if (j.open) open++;
    if (j.beforeSale !== null) before[nb++] = j.beforeSale;
    if (j.afterSale !== null) after[na++] = j.afterSale;
    if (j.toSmile !== null) smile[ns++] = j.toSmile;
  }
  return {
    n,
    complete,
    open,
    atOrBelowZero: complete ? atOrBelow / complete : null,
    beforeSale: sortedStats(before.subarray(0, nb)),
    afterSale: sortedStats(after.subarray(0, na)),
    toSmile: sortedStats(smile.subarray(0, ns)),
    total: sortedStats(totals.subarray(0, complete)),
  };
}

export function summarizeTtcv(journeys: Journey[], asOf: number, warnings: Issue[]): TtcvSummary {
  const list = new Array<TtcvJourney>(journeys.length);
  for (let i = 0; i < journeys.length; i++) list[i] = deriveJourney(journeys[i]!, i, asOf, warnings);
  const groups = new Map<string, TtcvJourney[]>();
  for (let i = 0; i < list.length; i++) {
    const j = list[i]!;
    if (j.segment === undefined) continue;
    const g = groups.get(j.segment);
    if (g) g.push(j);
    else groups.set(j.segment, [j]);
  }
  // own properties even for a segment named "__proto__" (an assignment would set the prototype)
  const bySegment: Record<string, TtcvAggregate> = Object.fromEntries(
    [...groups].map(([name, g]) => [name, aggregate(g)]),
  );
  return { journeys: list, overall: aggregate(list), bySegment, asOf };
}
