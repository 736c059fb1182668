// The rules of SPEC §2.1 that relate several fields or nodes. This pass reads the raw input
// defensively (anything may have the wrong type: ./check.ts reports those), so that every problem
// in a document is reported in one run, whatever else is wrong with it.
import { parseIsoDate } from './dates.js';
import { describe, issue, isRecord, nearestKey, type Path } from './issues.js';
import { ID_PATTERN, UNITS } from './constants.js';
import { KNOWN_KEYS } from './schema.generated.js';
import type { MetricNode, Scoring, SurveyResponses } from './schema.js';
import { rawScore, scoringOf, surveyScale } from './scoring.js';
import type { Issue } from './types.js';

/** Entries of one response array reported at most; the rest are summed up in one issue. */
const MAX_ENTRY_ISSUES = 10;

interface Ctx {
  errors: Issue[];
  warnings: Issue[];
  ids: Set<string>;
  root: unknown;
  periods: Set<string> | null;
  /** Child indexes from the root to the node being checked (the first `depth` entries); a path
   * array is built only for an issue. */
  trail: number[];
  depth: number;
}

/** The path of the node being checked: ['root', 'children', i, ...]. */
function here(ctx: Ctx): Path {
  const path: Path = ['root'];
  for (let d = 0; d < ctx.depth; d++) path.push('children', ctx.trail[d]!);
  return path;
}

export function validateSemantics(doc: unknown): { errors: Issue[]; warnings: Issue[] } {
  const ctx: Ctx = { errors: [], warnings: [], ids: new Set(), periods: null, root: undefined, trail: [], depth: 0 };
  if (!isRecord(doc)) return ctx;
  unknownKeys(doc, [], KNOWN_KEYS.document, ctx);
  if (doc.root === undefined && doc.journeys === undefined) {
    ctx.errors.push(
      issue([], 'missing_data', 'the document needs `root` (the metric tree) or `journeys` (the TTCV data), or both'),
    );
  }
  thresholds(doc.thresholds, ['thresholds'], ctx);
  if (isRecord(doc.period)) {
    unknownKeys(doc.period, ['period'], KNOWN_KEYS.period, ctx);
    calendarDate(doc.period.start, ['period', 'start'], ctx);
    calendarDate(doc.period.end, ['period', 'end'], ctx);
  }
  calendarDate(doc.asOf, ['asOf'], ctx);
  if (typeof doc.locale === 'string') {
    try {
      Intl.getCanonicalLocales(doc.locale);
    } catch {
      ctx.errors.push(
        issue(['locale'], 'locale', `${describe(doc.locale)} is not a BCP 47 language tag (try "en-US")`),
      );
    }
  }
  if (Array.isArray(doc.periods)) {
    const seen = new Set<string>();
    doc.periods.forEach((p, i) => {
      if (typeof p !== 'string') return;
      if (seen.has(p)) ctx.warnings.push(issue(['periods', i], 'duplicate_period', `period "${p}" is listed twice`));
      seen.add(p);
    });
    ctx.periods = seen;
  }
  ctx.root = doc.root;
  if (isRecord(doc.root)) node(doc.root, ctx);
  if (Array.isArray(doc.journeys)) journeys(doc.journeys, ctx);
  return ctx;
}

/** Warns about keys `known` lacks; `path` null means the node being checked. */
function unknownKeys(obj: Record<string, unknown>, path: Path | null, known: ReadonlySet<string>, ctx: Ctx): void {
  for (const key in obj) {
    if (known.has(key) || !Object.hasOwn(obj, key)) continue;
    const near = nearestKey(key, known);
    ctx.warnings.push(
      issue(
        [...(path ?? here(ctx)), key],
        'unknown_key',
        `unknown key "${key}" is ignored${near ? `; did you mean "${near}"?` : ''}`,
      ),
    );
  }
}

function thresholds(t: unknown, path: Path, ctx: Ctx): void {
  if (!isRecord(t)) return;
  unknownKeys(t, path, KNOWN_KEYS.thresholds, ctx);
  if (typeof t.good === 'number' && typeof t.watch === 'number' && t.watch > t.good) {
    ctx.errors.push(issue(path, 'thresholds_order', `watch (${t.watch}) must not be above good (${t.good})`));
  }
}

function calendarDate(v: unknown, path: Path, ctx: Ctx): void {
  // The format itself is the schema's check; here only real calendar dates (no 2026-02-30).
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return;
  if (
    parseIsoDate(v) === null &&
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)
  ) {
    ctx.errors.push(issue(path, 'invalid_date', `${describe(v)} is not a real date`));
  }
}

// Recursion is safe here: guard.ts has bounded the depth of the tree before this runs.
function node(n: Record<string, unknown>, ctx: Ctx): void {
  unknownKeys(n, null, KNOWN_KEYS.node, ctx);
  const id = n.id;
  if (typeof id === 'string') {
    // one hash operation per id (add, then see whether the set grew); a malformed id is the
    // schema check's issue, so it is never also called a duplicate
    const size = ctx.ids.size;
    if (ctx.ids.add(id).size === size && ID_PATTERN.test(id)) {
      ctx.errors.push(
        issue(
          [...here(ctx), 'id'],
          'duplicate_id',
          `duplicate id "${id}" (first used at ${fmt(firstUse(ctx.root, id))})`,
        ),
      );
    }
  }
  if (n.thresholds !== undefined) thresholds(n.thresholds, [...here(ctx), 'thresholds'], ctx);
  const children = n.children;
  const hasValue = n.value !== undefined && n.value !== null;
  const hasResponses = n.responses !== undefined;
  if (children !== undefined) {
    if (hasValue || hasResponses) {
      ctx.errors.push(
        issue(
          here(ctx),
          'children_and_value',
          `node "${String(id)}" has children and a ${hasValue ? 'value' : 'responses'}: a composite's score comes from its children, so give one or the other`,
        ),
      );
    }
    if (Array.isArray(children)) {
      let allZero = children.length > 0;
      for (const c of children) {
        const w = isRecord(c) ? c.weight : undefined;
        if (!(w === 0)) allZero = false;
      }
      if (allZero) {
        ctx.errors.push(
          issue(
            [...here(ctx), 'children'],
            'all_zero_weights',
            `every child of "${String(id)}" has weight 0, so it has no score; give at least one a weight above 0`,
          ),
        );
      }
      const depth = ctx.depth++;
      for (let i = 0; i < children.length; i++) {
        const c: unknown = children[i];
        if (!isRecord(c)) continue;
        ctx.trail[depth] = i;
        node(c, ctx);
      }
      ctx.depth = depth;
    }
    return;
  }
  leaf(n, ctx);
}

function leaf(n: Record<string, unknown>, ctx: Ctx): void {
  const responses = n.responses === undefined ? null : validResponses(n.responses, [...here(ctx), 'responses'], ctx);
  if (n.value !== undefined && n.value !== null && responses) {
    ctx.warnings.push(
      issue(
        [...here(ctx), 'value'],
        'value_and_responses',
        'both `value` and `responses` are given; the value is derived from the responses',
      ),
    );
  }
  const unit =
    typeof n.unit === 'string' && (UNITS as readonly string[]).includes(n.unit)
      ? (n.unit as MetricNode['unit'])
      : undefined;
  // The history is checked whatever else is wrong with the leaf: every problem in one run.
  if (n.history !== undefined) history(n.history, [...here(ctx), 'history'], ctx);
  if (n.unit !== undefined && !unit) return; // a bad unit is the schema's issue; no rule to check against
  const scoring = n.scoring === undefined ? null : validScoring(n.scoring, [...here(ctx), 'scoring'], ctx);
  if (n.scoring !== undefined && !scoring) return;
  const like = { unit, responses: responses ?? undefined, scoring: scoring ?? undefined };
  const rule = scoringOf(like);
  const shownUnit = unit ?? (responses ? undefined : 'score');
  if (!rule) {
    // SPEC §2.1's wording: "node 'x' (unit 'days') needs a scoring rule"
    ctx.errors.push(
      issue(
        here(ctx),
        'scoring_required',
        `node '${String(n.id)}' (unit '${String(unit)}') needs a scoring rule: add "scoring": { "type": "linear", "worst": …, "best": … }`,
      ),
    );
    return;
  }
  if (rule.type === 'identity' && typeof n.value === 'number' && (n.value < 0 || n.value > 100)) {
    const hint =
      shownUnit === 'score' && !n.scoring ? '; a value on another scale needs a `unit` and a `scoring` rule' : '';
    ctx.errors.push(
      issue(
        [...here(ctx), 'value'],
        'value_out_of_range',
        `value ${n.value} is outside 0..100 under identity scoring${hint}`,
      ),
    );
  }
  if (typeof n.target === 'number' && Number.isFinite(n.target)) {
    const t = rawScore(rule, n.target);
    if (t < 0 || t > 100) {
      ctx.warnings.push(
        issue(
          [...here(ctx), 'target'],
          'target_out_of_range',
          `target ${n.target} maps to a score of ${round(t)}, outside 0..100; the marker is drawn at the end of the scale`,
        ),
      );
    }
  }
  if (unit === 'currency' && typeof n.currency !== 'string') {
    ctx.warnings.push(
      issue(
        here(ctx),
        'currency_missing',
        `node "${String(n.id)}" has unit "currency" but no ISO 4217 "currency" code; amounts are shown without a symbol`,
      ),
    );
  }
}

/** Where an id is first used (document order); looked up again only for a duplicate's message. */
function firstUse(root: unknown, id: string): Path {
  const stack: [unknown, Path][] = [[root, ['root']]];
  while (stack.length) {
    const [n, path] = stack.shift()!;
    if (!isRecord(n)) continue;
    if (n.id === id) return path;
    if (Array.isArray(n.children)) n.children.forEach((c, i) => stack.push([c, [...path, 'children', i]]));
  }
  return [];
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function fmt(path: Path): string {
  return issue(path, '', '').message.slice(0, -2);
}

function validScoring(s: unknown, path: Path, ctx: Ctx): Scoring | null {
  if (!isRecord(s)) return null;
  if (s.type === 'linear') {
    unknownKeys(s, path, KNOWN_KEYS.linear, ctx);
    if (!isFiniteNum(s.worst) || !isFiniteNum(s.best)) return null;
    if (s.worst === s.best) {
      ctx.errors.push(
        issue(path, 'scoring_linear', `linear scoring needs worst and best to differ (both are ${s.worst})`),
      );
      return null;
    }
    return { type: 'linear', worst: s.worst, best: s.best };
  }
  if (s.type === 'piecewise') {
    unknownKeys(s, path, KNOWN_KEYS.piecewise, ctx);
    const pts = s.points;
    if (!Array.isArray(pts) || pts.length < 2) return null;
    // every point's own problems are the schema's issues; the order is checked between any two
    // neighbours with finite values, so a bad score elsewhere does not hide it (all problems at once)
    let ok = true;
    let prev: unknown;
    pts.forEach((p: unknown, i) => {
      const pair = Array.isArray(p) && p.length === 2;
      const v = pair ? (p[0] as unknown) : undefined;
      if (!pair || !isFiniteNum(v) || !isFiniteNum(p[1]) || p[1] < 0 || p[1] > 100) ok = false;
      if (i && isFiniteNum(v) && isFiniteNum(prev) && !(v > prev)) {
        ctx.errors.push(
          issue(
            [...path, 'points', i, 0],
            'scoring_piecewise',
            `piecewise points need strictly increasing values: ${v} follows ${prev}`,
          ),
        );
        ok = false;
      }
      prev = v;
    });
    return ok ? { type: 'piecewise', points: pts as [number, number][] } : null;
  }
  if (s.type === 'identity') {
    unknownKeys(s, path, KNOWN_KEYS.identity, ctx);
    return { type: 'identity' };
  }
  return null;
}

function isFiniteNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function validResponses(r: unknown, path: Path, ctx: Ctx): SurveyResponses | null {
  if (!isRecord(r)) return null;
  const kind = r.kind;
  if (kind !== 'nps' && kind !== 'csat' && kind !== 'ces') return null;
  unknownKeys(r, path, KNOWN_KEYS[kind], ctx);
  // NPS is always 0..10: a `scale` on it is an unknown key (warned above) and changes nothing
  const scale = kind === 'nps' ? undefined : r.scale;
  // a bad scale is the schema's issue; the entries are still checked for what needs no scale
  const badScale =
    scale !== undefined && !(Number.isInteger(scale) && (scale as number) >= 2 && (scale as number) <= 100);
  const shape = { kind, scale } as SurveyResponses;
  const { min, max } = badScale ? { min: -Infinity, max: Infinity } : surveyScale(shape);
  const points = max - min + 1;
  const hasScores = r.scores !== undefined;
  const hasCounts = r.counts !== undefined;
  if (hasScores && hasCounts) {
    ctx.errors.push(issue(path, 'responses_both', 'give either `scores` or `counts`, not both'));
    return null;
  }
  if (!hasScores && !hasCounts) {
    ctx.errors.push(
      issue(
        path,
        'responses_empty',
        'survey responses need `scores` (one per response) or `counts` (one per scale point)',
      ),
    );
    return null;
  }
  let ok = !badScale; // a bad scale: the entries are checked, the responses are not usable
  let bad = 0;
  const report = (i: number, text: string, key: string) => {
    ok = false;
    if (++bad <= MAX_ENTRY_ISSUES) ctx.errors.push(issue([...path, key, i], 'response_out_of_range', text));
  };
  if (hasScores) {
    const s = r.scores;
    if (!Array.isArray(s)) return null;
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        report(
          i,
          `each score must be a whole number${badScale ? '' : ` from ${min} to ${max}`}, got ${describe(v)}`,
          'scores',
        );
      }
    }
    if (bad > MAX_ENTRY_ISSUES)
      ctx.errors.push(
        issue([...path, 'scores'], 'response_out_of_range', `and ${bad - MAX_ENTRY_ISSUES} more bad scores`),
      );
    return ok ? ({ ...shape, scores: s } as SurveyResponses) : null;
  }
  const c = r.counts;
  if (!Array.isArray(c)) return null;
  if (!badScale && c.length !== points) {
    ctx.errors.push(
      issue(
        [...path, 'counts'],
        'counts_length',
        `counts must have ${points} entries, one per scale point ${min}..${max} (lowest first), got ${c.length}`,
      ),
    );
    ok = false;
  }
  for (let i = 0; i < c.length; i++) {
    const v = c[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      report(i, `each count must be a whole number >= 0, got ${describe(v)}`, 'counts');
  }
  if (bad > MAX_ENTRY_ISSUES)
    ctx.errors.push(
      issue([...path, 'counts'], 'response_out_of_range', `and ${bad - MAX_ENTRY_ISSUES} more bad counts`),
    );
  return ok ? ({ ...shape, counts: c } as SurveyResponses) : null;
}

function history(h: unknown, path: Path, ctx: Ctx): void {
  if (!Array.isArray(h)) return;
  const seen = new Set<string>();
  h.forEach((e, i) => {
    if (!isRecord(e)) return;
    unknownKeys(e, [...path, i], KNOWN_KEYS.history, ctx);
    const p = e.period;
    if (typeof p !== 'string') return;
    if (seen.has(p))
      ctx.warnings.push(
        issue(
          [...path, i, 'period'],
          'duplicate_period',
          `period "${p}" appears twice in this history; the first is used`,
        ),
      );
    seen.add(p);
    if (ctx.periods && !ctx.periods.has(p)) {
      ctx.errors.push(
        issue([...path, i, 'period'], 'unknown_period', `period "${p}" is not in the document's \`periods\` list`),
      );
    }
  });
}

function journeys(list: unknown[], ctx: Ctx): void {
  const ids = new Map<string, number>();
  list.forEach((j, i) => {
    if (!isRecord(j)) return;
    const path: Path = ['journeys', i];
    unknownKeys(j, path, KNOWN_KEYS.journey, ctx);
    if (typeof j.id === 'string') {
      if (ids.has(j.id))
        ctx.errors.push(
          issue(
            [...path, 'id'],
            'duplicate_id',
            `duplicate journey id "${j.id}" (first used at journeys[${ids.get(j.id)}])`,
          ),
        );
      else ids.set(j.id, i);
    }
    if (!Array.isArray(j.events)) return;
    j.events.forEach((e, k) => {
      if (!isRecord(e)) return;
      unknownKeys(e, [...path, 'events', k], KNOWN_KEYS.event, ctx);
      calendarDate(e.at, [...path, 'events', k, 'at'], ctx);
    });
  });
}
