// The common case in one walk: whether the guard, the field checks (./check.ts) and the semantic
// rules (./validate.ts) would all find nothing in a document, no error and no warning. Those
// three walk every node three times and read every schema key of it (guard ~10%, check ~22%,
// validate ~20% of evaluate on 100,000 nodes, profiled); this reads the keys a node has, once.
// It only ever says yes when the full checks would be silent: on any doubt it says no, and
// parseDocument runs the full checks, which word the report exactly as before.
// test/engine/check.test.ts holds it to the full checks (fast-check and every rule by hand).
import { ID_PATTERN, JOURNEY_EVENT_TYPES, UNITS } from './constants.js';
import { parseIsoDate } from './dates.js';
import { MAX_NODE_DEPTH, MAX_NODES } from './guard.js';
import type { MetricNode } from './schema.js';
import { rawScore, scoringOf, surveyScale } from './scoring.js';

const UNIT_NAMES: ReadonlySet<unknown> = new Set(UNITS);
const CURRENCY = /^[A-Z]{3}$/;
const MAX_TEXT = 200;

export interface Walk {
  ids: Set<string>;
  /** Nodes met so far (at most MAX_NODES). */
  count: number;
  /** The document's `periods`, null when it has none. */
  periods: Set<string> | null;
}

type Obj = Record<string, unknown>;

/**
 * A plain object: not null, not an array. Its own and inherited enumerable keys are counted by
 * the callers and compared with the keys they know, so an unknown key (a warning) says no.
 */
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyCount(o: Obj): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A string of 1..200 UTF-16 units (zod counts code points: longer ones are left to the full check). */
function isText(v: unknown, min: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= MAX_TEXT;
}

/** A real ISO date or date-time (parseIsoDate accepts nothing DATE_PATTERN rejects). */
function isDate(v: unknown): boolean {
  return typeof v === 'string' && parseIsoDate(v) !== null;
}

export function isClean(doc: unknown): boolean {
  const w: Walk = { ids: new Set(), count: 0, periods: null };
  if (!isCleanTop(doc, w)) return false;
  if (doc.root !== undefined && !isNode(doc.root, 1, w)) return false;
  return doc.journeys === undefined || isJourneys(doc.journeys);
}

/** The document's own fields clean (root and journeys are there; their content is not looked at). */
export function isCleanTop(doc: unknown, w: Walk): doc is Obj {
  if (!isObj(doc)) return false;
  let seen = 0;
  const { version, title, attribution, period, periods, locale, thresholds, missing, root, journeys, asOf, minSample } =
    doc;
  if (version !== undefined) {
    if (version !== 1) return false;
    seen++;
  }
  if (title !== undefined) {
    if (typeof title !== 'string') return false;
    seen++;
  }
  if (attribution !== undefined) {
    if (typeof attribution !== 'string') return false;
    seen++;
  }
  if (period !== undefined) {
    if (!isObj(period) || !isText(period.label, 1)) return false;
    let k = 1;
    if (period.start !== undefined) {
      if (!isDate(period.start)) return false;
      k++;
    }
    if (period.end !== undefined) {
      if (!isDate(period.end)) return false;
      k++;
    }
    if (keyCount(period) !== k) return false;
    seen++;
  }
  if (periods !== undefined) {
    if (!Array.isArray(periods)) return false;
    const set = new Set<string>();
    for (const p of periods) {
      if (typeof p !== 'string' || p.length === 0 || set.has(p)) return false; // a repeat is a warning
      set.add(p);
    }
    w.periods = set;
    seen++;
  }
  if (locale !== undefined) {
    if (typeof locale !== 'string') return false;
    try {
      Intl.getCanonicalLocales(locale);
    } catch {
      return false;
    }
    seen++;
  }
  if (thresholds !== undefined) {
    if (!isThresholds(thresholds)) return false;
    seen++;
  }
  if (missing !== undefined) {
    if (missing !== 'redistribute' && missing !== 'zero') return false;
    seen++;
  }
  if (asOf !== undefined) {
    if (!isDate(asOf)) return false;
    seen++;
  }
  if (minSample !== undefined) {
    if (!Number.isSafeInteger(minSample) || (minSample as number) < 0) return false;
    seen++;
  }
  if (root === undefined && journeys === undefined) return false;
  if (root !== undefined) seen++;
  if (journeys !== undefined) seen++;
  return keyCount(doc) === seen;
}

function isThresholds(t: unknown): boolean {
  if (!isObj(t)) return false;
  const { good, watch } = t;
  return isNum(good) && isNum(watch) && good >= 0 && good <= 100 && watch >= 0 && watch <= good && keyCount(t) === 2;
}

// Recursion is bounded: a node deeper than MAX_NODE_DEPTH says no before going further (so a
// cyclic tree says no too; every other object of a clean document is a fixed shape of values).
function isNode(n: unknown, depth: number, w: Walk): boolean {
  if (!isNodeItself(n, depth, w)) return false;
  // one hash operation per id: add, then see whether the set grew (a duplicate is an error)
  const size = w.ids.size;
  if (w.ids.add(n.id as string).size === size) return false;
  const children = n.children;
  if (children === undefined) return true;
  let allZero = true;
  for (let i = 0; i < (children as unknown[]).length; i++) {
    const c: unknown = (children as unknown[])[i];
    if (!isNode(c, depth + 1, w)) return false;
    if ((c as Obj).weight !== 0) allZero = false;
  }
  return !allZero;
}

/**
 * A node clean but for what depends on other nodes: a unique id, and (for a composite) its
 * children clean and not all weighted 0. `depth` counts from 1 at the root.
 */
export function isNodeItself(n: unknown, depth: number, w: Walk): n is Obj {
  if (!isObj(n) || depth > MAX_NODE_DEPTH || ++w.count > MAX_NODES) return false;
  const { id, label, description, weight, lens, thresholds, children, value, responses, unit, currency, scoring } = n;
  const { target, history } = n;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !isText(label, 1)) return false;
  let seen = 2;
  if (description !== undefined) {
    if (typeof description !== 'string') return false;
    seen++;
  }
  if (weight !== undefined) {
    if (!isNum(weight) || weight < 0) return false;
    seen++;
  }
  if (lens !== undefined) {
    if (!Array.isArray(lens)) return false;
    for (const l of lens) if (l !== 'executive' && l !== 'manager' && l !== 'frontline') return false;
    seen++;
  }
  if (thresholds !== undefined) {
    if (!isThresholds(thresholds)) return false;
    seen++;
  }
  if (value !== undefined) {
    if (value !== null && !isNum(value)) return false;
    seen++;
  }
  if (unit !== undefined) {
    if (!UNIT_NAMES.has(unit)) return false;
    seen++;
  }
  if (currency !== undefined) {
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) return false;
    seen++;
  }
  if (target !== undefined) {
    if (!isNum(target)) return false;
    seen++;
  }
  if (scoring !== undefined) {
    if (!isScoring(scoring)) return false;
    seen++;
  }
  if (responses !== undefined) {
    if (!isResponses(responses)) return false;
    seen++;
  }
  if (history !== undefined) {
    if (!isHistory(history, w)) return false;
    seen++;
  }
  if (children !== undefined) seen++;
  if (keyCount(n) !== seen) return false;

  if (children !== undefined) {
    // a composite: children and no value or responses
    if (!Array.isArray(children) || children.length === 0) return false;
    return (value === undefined || value === null) && responses === undefined;
  }
  // a leaf: a value from responses is a warning when a value is given too
  if (value !== undefined && value !== null && responses !== undefined) return false;
  const rule = scoringOf(n as unknown as MetricNode);
  if (!rule) return false; // a unit that needs a scoring rule
  if (rule.type === 'identity' && typeof value === 'number' && (value < 0 || value > 100)) return false;
  if (typeof target === 'number') {
    const t = rawScore(rule, target);
    if (t < 0 || t > 100) return false; // a warning
  }
  if (unit === 'currency' && typeof currency !== 'string') return false; // a warning
  return true;
}

function isScoring(s: unknown): boolean {
  if (!isObj(s)) return false;
  switch (s.type) {
    case 'identity':
      return keyCount(s) === 1;
    case 'linear':
      return isNum(s.worst) && isNum(s.best) && s.worst !== s.best && keyCount(s) === 3;
    case 'piecewise': {
      const pts = s.points;
      if (!Array.isArray(pts) || pts.length < 2 || keyCount(s) !== 2) return false;
      let prev = -Infinity;
      for (let i = 0; i < pts.length; i++) {
        const p: unknown = pts[i];
        if (!Array.isArray(p) || p.length !== 2) return false;
        const [x, y] = p as unknown[];
        if (!isNum(x) || !isNum(y) || y < 0 || y > 100 || (i > 0 && !(x > prev))) return false;
        prev = x;
      }
      return true;
    }
    default:
      return false;
  }
}

function isResponses(r: unknown): boolean {
  if (!isObj(r)) return false;
  const { kind, scale, scores, counts } = r;
  if (kind !== 'nps' && kind !== 'csat' && kind !== 'ces') return false;
  let k = 2;
  if (scale !== undefined) {
    if (kind === 'nps' || !Number.isSafeInteger(scale) || (scale as number) < 2 || (scale as number) > 100)
      return false;
    k++;
  }
  if ((scores === undefined) === (counts === undefined)) return false; // both or neither: an error
  if (keyCount(r) !== k) return false;
  const { min, max } = surveyScale({ kind, scale } as Parameters<typeof surveyScale>[0]);
  if (scores !== undefined) {
    if (!Array.isArray(scores)) return false;
    for (let i = 0; i < scores.length; i++) {
      const v: unknown = scores[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return false;
    }
    return true;
  }
  if (!Array.isArray(counts) || counts.length !== max - min + 1) return false;
  for (let i = 0; i < counts.length; i++) {
    const v: unknown = counts[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return false;
  }
  return true;
}

function isHistory(h: unknown, w: Walk): boolean {
  if (!Array.isArray(h)) return false;
  for (let i = 0; i < h.length; i++) {
    const e: unknown = h[i];
    if (!isObj(e)) return false;
    const { period, value } = e;
    if (typeof period !== 'string' || period.length === 0) return false;
    if (value === undefined || (value !== null && !isNum(value)) || keyCount(e) !== 2) return false;
    if (w.periods && !w.periods.has(period)) return false; // an error
    for (let k = 0; k < i; k++) if ((h[k] as Obj).period === period) return false; // a repeat: a warning
  }
  return true;
}

const EVENT_TYPES: ReadonlySet<unknown> = new Set(JOURNEY_EVENT_TYPES);

export function isJourneys(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  const ids = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const j: unknown = list[i];
    if (!isObj(j)) return false;
    const { id, label, segment, beforeSale, afterSale, toSmile, events } = j;
    if (!isText(id, 1)) return false;
    const size = ids.size;
    if (ids.add(id).size === size) return false;
    let seen = 1;
    if (label !== undefined) {
      if (!isText(label, 0)) return false;
      seen++;
    }
    if (segment !== undefined) {
      if (!isText(segment, 0)) return false;
      seen++;
    }
    if (beforeSale !== undefined) {
      if (beforeSale !== null && !isNum(beforeSale)) return false;
      seen++;
    }
    if (afterSale !== undefined) {
      if (afterSale !== null && !isNum(afterSale)) return false;
      seen++;
    }
    if (toSmile !== undefined) {
      if (toSmile !== null && !isNum(toSmile)) return false;
      seen++;
    }
    if (events !== undefined) {
      if (!Array.isArray(events)) return false;
      for (let k = 0; k < events.length; k++) {
        const e: unknown = events[k];
        if (!isObj(e) || !EVENT_TYPES.has(e.type) || !isDate(e.at)) return false;
        let n = 2;
        if (e.id !== undefined) {
          if (typeof e.id !== 'string') return false;
          n++;
        }
        if (e.ref !== undefined) {
          if (typeof e.ref !== 'string') return false;
          n++;
        }
        if (keyCount(e) !== n) return false;
      }
      seen++;
    }
    if (keyCount(j) !== seen) return false;
  }
  return true;
}
