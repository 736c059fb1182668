// Leaf scoring (SPEC §3.1) and survey values (§3.5): pure functions of one node.
import type { MetricNode, Scoring, SurveyResponses, UnitName } from './schema.js';
import type { Status } from './types.js';

/** Units that carry no default scoring: a node in one of these needs a `scoring` rule. */
export const UNITS_NEEDING_SCORING: ReadonlySet<string> = new Set(['days', 'hours', 'count', 'currency', 'ratio']);

export const DEFAULT_THRESHOLDS = Object.freeze({ good: 70, watch: 40 });
export const DEFAULT_CSAT_SCALE = 5;
export const DEFAULT_CES_SCALE = 7;

/** The unit of a leaf: its own, else the one its survey kind implies, else `score`. */
export function unitOf(node: Pick<MetricNode, 'unit' | 'responses'>): UnitName {
  if (node.unit) return node.unit;
  switch (node.responses?.kind) {
    case 'nps':
      return 'nps';
    case 'csat':
      return 'percent';
    case 'ces':
      return 'ces';
    default:
      return 'score';
  }
}

/** The scoring rule in force for a leaf: its own, else the default of its unit, else null. */
const IDENTITY: Scoring = Object.freeze({ type: 'identity' });
const PERCENT: Scoring = Object.freeze({ type: 'linear', worst: 0, best: 100 });
const NPS: Scoring = Object.freeze({ type: 'linear', worst: -100, best: 100 });
const CES: Scoring = Object.freeze({ type: 'linear', worst: 1, best: DEFAULT_CES_SCALE });

export function scoringOf(node: Pick<MetricNode, 'unit' | 'responses' | 'scoring'>): Scoring | null {
  if (node.scoring) return node.scoring;
  switch (unitOf(node)) {
    case 'score':
      return IDENTITY;
    case 'percent':
      return PERCENT;
    case 'nps':
      return NPS;
    case 'ces': {
      const r = node.responses;
      const scale = r && r.kind === 'ces' && r.scale ? r.scale : DEFAULT_CES_SCALE;
      return scale === DEFAULT_CES_SCALE ? CES : { type: 'linear', worst: 1, best: scale };
    }
    default:
      return null;
  }
}

/** f(value) before clamping: used for the score and to warn about targets outside 0..100. */
export function rawScore(scoring: Scoring, value: number): number {
  switch (scoring.type) {
    case 'identity':
      return value;
    case 'linear':
      return (100 * (value - scoring.worst)) / (scoring.best - scoring.worst);
    case 'piecewise': {
      const pts = scoring.points;
      const first = pts[0]!;
      const last = pts[pts.length - 1]!;
      if (value <= first[0]) return first[1];
      if (value >= last[0]) return last[1];
      for (let i = 1; i < pts.length; i++) {
        const [x1, y1] = pts[i]!;
        if (value <= x1) {
          const [x0, y0] = pts[i - 1]!;
          return y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
        }
      }
      return last[1];
    }
  }
}

export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}

export function leafScore(scoring: Scoring | null, value: number | null): number | null {
  if (value === null || scoring === null || !Number.isFinite(value)) return null;
  return clampScore(rawScore(scoring, value));
}

export function statusOf(score: number | null, t: { good: number; watch: number }): Status {
  if (score === null) return 'missing';
  if (score >= t.good) return 'good';
  if (score >= t.watch) return 'watch';
  return 'act';
}

/** Lowest and highest point of a survey's scale. */
export function surveyScale(r: SurveyResponses): { min: number; max: number } {
  if (r.kind === 'nps') return { min: 0, max: 10 };
  const scale = r.scale ?? (r.kind === 'csat' ? DEFAULT_CSAT_SCALE : DEFAULT_CES_SCALE);
  return { min: 1, max: scale };
}

/**
 * The value a survey gives (SPEC §3.5) and n. Inputs are already validated. One pass over the
 * responses, no intermediate arrays: a million scores take a few milliseconds.
 */
export function surveyValue(r: SurveyResponses): { value: number | null; n: number } {
  const { min, max } = surveyScale(r);
  const points = max - min + 1;
  // counts per scale point, lowest first
  const counts = new Float64Array(points);
  let n = 0;
  if (r.counts) {
    for (let i = 0; i < points; i++) counts[i] = r.counts[i] ?? 0;
    for (let i = 0; i < points; i++) n += counts[i]!;
  } else if (r.scores) {
    const s = r.scores;
    for (let i = 0; i < s.length; i++) counts[s[i]! - min]!++;
    n = s.length;
  }
  if (n === 0) return { value: null, n: 0 };
  if (r.kind === 'nps') {
    let detractors = 0;
    for (let i = 0; i <= 6; i++) detractors += counts[i]!;
    const promoters = counts[9]! + counts[10]!;
    return { value: (100 * (promoters - detractors)) / n, n };
  }
  if (r.kind === 'csat') {
    const top = counts[points - 1]! + (points >= 2 ? counts[points - 2]! : 0);
    return { value: (100 * top) / n, n };
  }
  let sum = 0;
  for (let i = 0; i < points; i++) sum += counts[i]! * (i + min);
  return { value: sum / n, n };
}
