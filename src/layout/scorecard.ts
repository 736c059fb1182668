// Layout for <ocmf-scorecard>: an evaluated node -> the rows, bars, sparklines, next steps and CSV
// the element draws (no DOM). Scores always come from the engine, computed on the whole tree; the
// lens only decides which rows are shown (SPEC §6).
import type { EvaluatedNode, Lens, NextStep, Status } from '../engine/types.js';

// ---------------------------------------------------------------------------------------------
// Rows

export type ScorecardColumn =
  'label' | 'value' | 'target' | 'score' | 'status' | 'delta' | 'trend' | 'share' | 'weight' | 'coverage';
export type SortDirection = 'asc' | 'desc';

export interface ScorecardSort {
  column: ScorecardColumn;
  direction?: SortDirection;
}

export interface ScorecardRow {
  node: EvaluatedNode;
  id: string;
  /** Visual depth below the shown node: its (visible) children are 0. */
  depth: number;
  /** aria-level: depth + 1. */
  level: number;
  /** The id of the row this one is drawn under; null for the top rows. */
  parentRowId: string | null;
  /**
   * Composites hidden by the lens between this row and its parent row, nearest first (empty
   * normally). A row with hidden ancestors was lifted into their place; the element can say
   * "in Employee" as secondary text. `share` and `weight` stay the engine's (relative to the real
   * parent); effectiveWeight compares across levels.
   */
  via: EvaluatedNode[];
  /** Has at least one row to show under it (under the lens): draw an expand button. */
  expandable: boolean;
  /** Expandable and in the expanded set: its child rows follow. */
  expanded: boolean;
  /** aria-posinset / aria-setsize among the rows drawn under the same parent row (1-based). */
  posInSet: number;
  setSize: number;
}

export interface ScorecardRowOptions {
  /** Ids of the rows whose children are shown. Default: none (only the top rows). */
  expanded?: ReadonlySet<string>;
  /** Show only nodes whose `lens` includes this lens; undefined/null = every node. */
  lens?: Lens | null;
  /** Order of the rows within each parent; default: document order. */
  sort?: ScorecardSort | null;
  /** Locale for the label sort (Intl.Collator); default: the runtime's. */
  locale?: string;
  /** The current period's label (the trend sort leaves its history entry out, as the sparkline does). */
  current?: string | null;
}

/**
 * The rows of a scorecard for `shown` (the root or the `node` attribute's node): its children, and,
 * for every row in `expanded`, that row's children after it, to any depth, in depth-first order.
 *
 * Lens: a node is visible when its `lens` includes the lens. A hidden composite's visible
 * descendants are lifted into its place (sorted among its visible siblings, at its depth), so a
 * metric tagged for a lens is never lost because its category is not; `via` names what was
 * skipped. A hidden leaf is simply not shown. `shown` itself is never filtered (it is the context).
 *
 * Sorting is per sibling group (children stay under their parents), stable (ties keep the
 * document order), and puts missing values (null) last in both directions. Status ascending is
 * worst first: act, watch, good, then missing.
 */
export function scorecardRows(shown: EvaluatedNode, options: ScorecardRowOptions = {}): ScorecardRow[] {
  const expanded = options.expanded ?? new Set<string>();
  const lens = options.lens ?? null;
  const sort = options.sort ?? null;
  const sign = sort?.direction === 'desc' ? -1 : 1;
  const collator = sort?.column === 'label' ? collatorFor(options.locale) : null;
  const NO_VIA: EvaluatedNode[] = [];

  /** The visible nodes that stand for `parent`'s children, with the hidden composites skipped. */
  const visibleKids = (parent: EvaluatedNode): Kid[] => {
    const out: Kid[] = [];
    const walk = (n: EvaluatedNode, via: EvaluatedNode[]) => {
      for (const c of n.children ?? []) {
        if (lens === null || c.lens.includes(lens))
          out.push({ node: c, via, order: out.length, key: sort ? sortKey(c, sort.column, options.current) : null });
        else if (c.children) walk(c, [c, ...via]);
      }
    };
    walk(parent, NO_VIA);
    return out;
  };
  /** Whether any visible node stands for `n`'s children (without building the list). */
  const hasVisibleKid = (n: EvaluatedNode): boolean => {
    if (!n.children) return false;
    if (lens === null) return n.children.length > 0;
    for (const c of n.children) if (c.lens.includes(lens) || hasVisibleKid(c)) return true;
    return false;
  };
  // keys read once per node (not per comparison); nulls last in both directions; ties keep document order
  const compare = (a: Kid, b: Kid): number => {
    const x = a.key;
    const y = b.key;
    if (x === null) return y === null ? a.order - b.order : 1;
    if (y === null) return -1;
    const c =
      typeof x === 'string' ? collator!.compare(x, y as string) : x < (y as number) ? -1 : x > (y as number) ? 1 : 0;
    return sign * c || a.order - b.order;
  };

  const rows: ScorecardRow[] = [];
  const add = (parent: EvaluatedNode, parentRowId: string | null, depth: number) => {
    const kids = visibleKids(parent);
    if (sort) kids.sort(compare);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      const expandable = hasVisibleKid(k.node);
      const isOpen = expandable && expanded.has(k.node.id);
      rows.push({
        node: k.node,
        id: k.node.id,
        depth,
        level: depth + 1,
        parentRowId,
        via: k.via,
        expandable,
        expanded: isOpen,
        posInSet: i + 1,
        setSize: kids.length,
      });
      if (isOpen) add(k.node, k.node.id, depth + 1);
    }
  };
  add(shown, null, 0);
  return rows;
}

interface Kid {
  node: EvaluatedNode;
  via: EvaluatedNode[];
  order: number;
  key: number | string | null;
}

// new Intl.Collator costs ~0.1–1 ms; a sort by label needs one per locale
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string | undefined): Intl.Collator {
  let c = collators.get(locale ?? '');
  if (!c) collators.set(locale ?? '', (c = new Intl.Collator(locale, { numeric: true })));
  return c;
}

const STATUS_RANK: Record<Status, number | null> = { act: 0, watch: 1, good: 2, missing: null };

/** The number (or text) a column sorts by; null sorts last. */
export function sortKey(node: EvaluatedNode, column: ScorecardColumn, current?: string | null): number | string | null {
  switch (column) {
    case 'label':
      return node.label;
    case 'status':
      return STATUS_RANK[node.status];
    case 'target':
      return node.target ?? null;
    case 'trend':
      return trendOf(node, current);
    default:
      return node[column];
  }
}

/**
 * The trend the sparkline draws, as one number: the last score minus the first over the earlier
 * periods and the current one (the current period's history entry left out); null below two scores.
 */
export function trendOf(node: Pick<EvaluatedNode, 'score' | 'history'>, current?: string | null): number | null {
  const s = node.history.filter((h) => h.period !== current && h.score !== null).map((h) => h.score!);
  if (node.score !== null) s.push(node.score);
  return s.length > 1 ? s[s.length - 1]! - s[0]! : null;
}

/** Every composite id under (and including) `node`: pass as `expanded` to show the whole tree. */
export function compositeIds(node: EvaluatedNode): Set<string> {
  const ids = new Set<string>();
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children) {
      ids.add(n.id);
      stack.push(...n.children);
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Score bar

/**
 * A linear map [d0,d1] -> [r0,r1], optionally clamped. Written out because d3-scale's scaleLinear
 * brings d3-interpolate (colours) and d3-format into the bundle: +10 kB gzip for two lines of maths.
 */
function linear(d0: number, d1: number, r0: number, r1: number, clamp = false): (v: number) => number {
  return (v) => {
    let t = (v - d0) / (d1 - d0);
    if (clamp) t = Math.min(1, Math.max(0, t));
    return r0 + t * (r1 - r0);
  };
}

export interface ScoreBar {
  /** Width of the filled part in px (score 0..100 over the track); null when not measured. */
  width: number | null;
  /** x of the target marker; null without a target (or a target the scoring cannot map). */
  targetX: number | null;
  /** x of the watch and good thresholds, for background bands or ticks. */
  watchX: number;
  goodX: number;
  /** The track width (the bar's 100). */
  trackWidth: number;
}

/** The 0..100 score bar of a node on a track `trackWidth` px wide (scores clamped to 0..100). */
export function scoreBar(
  node: Pick<EvaluatedNode, 'score' | 'targetScore' | 'thresholds'>,
  trackWidth: number,
): ScoreBar {
  const x = linear(0, 100, 0, trackWidth, true);
  return {
    width: node.score === null ? null : x(node.score),
    targetX: node.targetScore == null ? null : x(node.targetScore),
    watchX: x(node.thresholds.watch),
    goodX: x(node.thresholds.good),
    trackWidth,
  };
}

// ---------------------------------------------------------------------------------------------
// Sparkline

export interface SparkPoint {
  /** The period label; the current period's label (or null when the document names none). */
  period: string | null;
  score: number | null;
  x: number;
  /** null when the score is null (the line breaks there). */
  y: number | null;
}

export interface Sparkline {
  /** SVG path `d` (d3-shape line, broken at nulls); null when no point has a score. */
  path: string | null;
  points: SparkPoint[];
  /** The last point with a score (for an end dot), or null. */
  last: SparkPoint | null;
  /**
   * `path` plus its end dot as a ring of radius 1 around `last` (under a 1.5 px stroke it reads as
   * a dot): the whole sparkline in one SVG element. null when `path` is.
   */
  pathWithDot: string | null;
  /** Last score minus first score (the first and last points with a score); null with fewer than 2. */
  change: number | null;
  /** Periods between those two points (index difference), 0 with fewer than 2. */
  steps: number;
  /** Periods between the first and last points that have no score. */
  gaps: number;
  /** The default English text alternative (see sparklineText). */
  text: string;
}

/** A fixed table's column widths in em; Value's and Target's come from their texts, the label takes the rest (0). */
const FIXED_EMS: Record<string, number> = {
  label: 0,
  score: 10,
  status: 9.5,
  delta: 7,
  trend: 6.25,
  share: 5.75,
  coverage: 6.75,
};

/**
 * The widths (em) of a fixed-layout table's columns, in the order given: fixed widths for the
 * columns whose content has a known size, and for the others (Value, Target) ~0.6 em a character
 * of their longest text (a digit's width) plus padding, at least 5 em. 0 means "no width: the rest".
 */
export function fixedColumnEms(cols: readonly string[], longest: Record<string, number>): number[] {
  return cols.map((c) => FIXED_EMS[c] ?? Math.max(5, (longest[c] ?? 0) * 0.6 + 1.25));
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** Px kept clear on every side (for the end dot); default 2. */
  padding?: number;
  /**
   * The evaluation's `periods` (oldest first), so every row's points line up; a period the node
   * has no history for is a gap. Default: the node's own history periods.
   */
  periods?: readonly string[];
  /** The current period's label (evaluation.meta.period?.label); its point is the current score. */
  currentPeriod?: string | null;
  /** Number format for the text; default one decimal. */
  format?: (n: number) => string;
}

/**
 * `v` rounded to a tenth, as text: String(Math.round(v * 10) / 10) from integers (a double's
 * shortest-string conversion was most of a sparkline's cost).
 */
const tenth = (v: number): string => {
  const t = Math.round(v * 10);
  const f = t % 10;
  return t < 0 || !f ? String(t / 10) : `${(t - f) / 10}.${f}`;
};

/**
 * The sparkline of a node's score over the earlier periods plus the current score (last point).
 * Score axis fixed at 0..100 (bottom..top) so rows compare; periods evenly spaced.
 */
export function sparkline(node: Pick<EvaluatedNode, 'score' | 'history'>, options: SparklineOptions): Sparkline {
  const { width, height, padding = 2, currentPeriod = null } = options;
  const byPeriod = new Map(node.history.map((h) => [h.period, h.score]));
  const earlier = (options.periods ?? node.history.map((h) => h.period)).filter((p) => p !== currentPeriod);
  const series: { period: string | null; score: number | null }[] = [
    ...earlier.map((p) => ({ period: p, score: byPeriod.get(p) ?? null })),
    { period: currentPeriod, score: node.score },
  ];
  const xs = series.length > 1 ? linear(0, series.length - 1, padding, width - padding) : () => width - padding;
  const ys = linear(0, 100, height - padding, padding, true);
  const points: SparkPoint[] = series.map((s, i) => ({
    period: s.period,
    score: s.score,
    x: xs(i),
    y: s.score === null ? null : ys(s.score),
  }));
  const known = points.map((p, i) => ({ p, i })).filter(({ p }) => p.y !== null);
  // a line broken at nulls (as d3-shape's line().defined() draws it; a dozen points need no library)
  let path: string | null = null;
  if (known.length) {
    path = '';
    let pen = false;
    for (const p of points) {
      if (p.y === null) pen = false;
      else {
        // a tenth of a px is finer than a screen shows; short numbers print and parse faster
        path += `${pen ? 'L' : 'M'}${tenth(p.x)},${tenth(p.y)}`;
        pen = true;
      }
    }
  }
  const first = known[0];
  const lastK = known[known.length - 1];
  const change = known.length >= 2 ? lastK!.p.score! - first!.p.score! : null;
  const steps = known.length >= 2 ? lastK!.i - first!.i : 0;
  const gaps = known.length >= 2 ? steps + 1 - known.length : 0;
  const end = lastK?.p;
  return {
    path,
    points,
    last: end ?? null,
    pathWithDot: path && end ? `${path}M${tenth(end.x - 1)},${tenth(end.y!)}a1,1 0 1 0 2,0a1,1 0 1 0 -2,0` : path,
    change,
    steps,
    gaps,
    text: sparklineText(change, steps, options.format),
  };
}

/**
 * "up 4.2 pts over 3 periods", "down 1.0 pt over 1 period", "no change over 2 periods", or
 * "no trend yet" when fewer than two periods have a score. The change is rounded by `format`
 * first, so a change that rounds to 0 reads "no change".
 */
export function sparklineText(
  change: number | null,
  steps: number,
  format: (n: number) => string = (n) => n.toFixed(1),
): string {
  if (change === null || steps < 1) return 'no trend yet';
  const over = `over ${steps} ${steps === 1 ? 'period' : 'periods'}`;
  const mag = format(Math.abs(change));
  if (Number(mag.replace(/[^\d.]/g, '')) === 0) return `no change ${over}`;
  return `${change > 0 ? 'up' : 'down'} ${mag} ${mag === format(1) ? 'pt' : 'pts'} ${over}`;
}

// ---------------------------------------------------------------------------------------------
// Next steps

export interface ImprovePick {
  id: string;
  node: EvaluatedNode;
  /** Points the root would rise if this metric reached 100 (the engine's gain). */
  gain: number;
}

export interface MeasurePick {
  id: string;
  node: EvaluatedNode;
  /** The metric's weight share among its siblings (what the engine orders "measure" steps by). */
  weightShare: number;
}

export interface NextStepPicks {
  improve: ImprovePick[];
  measure: MeasurePick[];
}

export interface NextStepOptions {
  /** How many improve steps; default 3. */
  improve?: number;
  /** How many "start measuring" steps; default 3. */
  measure?: number;
  /** Only steps inside this node's subtree (the node the scorecard shows); default: all. */
  within?: string;
  /** Only nodes visible under this lens. */
  lens?: Lens | null;
}

/**
 * The "now what" panel from the engine's nextSteps, kept in the engine's order: the top improve
 * steps with a positive gain (a metric at 100 has nothing to give), and the most important metrics
 * not yet measured. Steps outside `within` or hidden by the lens are skipped (gains stay the
 * root's points, as the engine computed them).
 */
export function nextStepPicks(
  evaluation: { nextSteps: readonly NextStep[]; nodes: Readonly<Record<string, EvaluatedNode>> },
  options: NextStepOptions = {},
): NextStepPicks {
  const { nodes } = evaluation;
  const maxImprove = options.improve ?? 3;
  const maxMeasure = options.measure ?? 3;
  const lens = options.lens ?? null;
  const inside = (n: EvaluatedNode) => {
    if (options.within === undefined) return true;
    for (let p: EvaluatedNode | undefined = n; p; p = p.parentId === undefined ? undefined : nodes[p.parentId])
      if (p.id === options.within) return true;
    return false;
  };
  const out: NextStepPicks = { improve: [], measure: [] };
  for (const step of evaluation.nextSteps) {
    // a full list skips its kind before any lookup; both full: done (500 steps, 6 picks)
    if (step.kind === 'improve' ? out.improve.length >= maxImprove : out.measure.length >= maxMeasure) {
      if (out.improve.length >= maxImprove && out.measure.length >= maxMeasure) break;
      continue;
    }
    const node = nodes[step.id];
    if (!node || !inside(node) || (lens !== null && !node.lens.includes(lens))) continue;
    if (step.kind === 'improve') {
      if (out.improve.length < maxImprove && step.gain !== null && step.gain > 0)
        out.improve.push({ id: step.id, node, gain: step.gain });
    } else if (out.measure.length < maxMeasure) {
      const parent = node.parentId === undefined ? undefined : nodes[node.parentId];
      const total = parent?.children?.reduce((s, c) => s + c.weight, 0) ?? 0;
      out.measure.push({ id: step.id, node, weightShare: parent ? (total > 0 ? node.weight / total : 0) : 1 });
    }
  }
  return out;
}

/** Default English texts: "Improve Self-service success: +6.0 pts", "Start measuring Onboarding". */
export function improveText(pick: ImprovePick, format: (n: number) => string = (n) => n.toFixed(1)): string {
  return `Improve ${pick.node.label}: +${format(pick.gain)} pts`;
}
export function measureText(pick: MeasurePick): string {
  return `Start measuring ${pick.node.label}`;
}

// ---------------------------------------------------------------------------------------------
// CSV export

/** The columns whose formatted text the element supplies (as shown in the table). */
export type FormattedColumn = 'value' | 'target' | 'score' | 'status' | 'delta' | 'share' | 'coverage';

export interface CsvOptions {
  /**
   * The text shown in the table for a cell, e.g. "58.4%", "Not measured", "+4.2": the element's
   * Intl formatters, so the export matches the screen.
   */
  format: (column: FormattedColumn, node: EvaluatedNode) => string;
  /** Header texts (localised); defaults are English. */
  headers?: Partial<Record<CsvHeader, string>>;
  /** Line end; default CRLF (RFC 4180). */
  eol?: string;
}

const FORMATTED: FormattedColumn[] = ['value', 'target', 'score', 'status', 'delta', 'share', 'coverage'];
const RAW = ['value', 'target', 'score', 'delta', 'weight', 'share', 'effectiveWeight', 'coverage', 'gain'] as const;
type RawColumn = (typeof RAW)[number];
export type CsvHeader = 'id' | 'level' | 'parent' | 'label' | 'unit' | FormattedColumn | `raw:${RawColumn}`;

const DEFAULT_HEADERS: Record<CsvHeader, string> = {
  id: 'ID',
  level: 'Level',
  parent: 'Parent ID',
  label: 'Metric',
  unit: 'Unit',
  value: 'Value',
  target: 'Target',
  score: 'Score',
  status: 'Status',
  delta: 'Change',
  share: 'Share',
  coverage: 'Coverage',
  'raw:value': 'value (raw)',
  'raw:target': 'target (raw)',
  'raw:score': 'score (raw)',
  'raw:delta': 'delta (raw)',
  'raw:weight': 'weight (raw)',
  'raw:share': 'share (raw)',
  'raw:effectiveWeight': 'effectiveWeight (raw)',
  'raw:coverage': 'coverage (raw)',
  'raw:gain': 'gain (raw)',
};

/**
 * The rows as shown (pass scorecardRows' output: lens, sort and expansion applied) as CSV text:
 * id, level, parent row, label, unit, the formatted cells, then the raw numbers at full precision
 * (empty when null). RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled,
 * lines end in CRLF. Every cell goes through csvCell's formula-injection guard.
 */
export function scorecardCsv(rows: readonly ScorecardRow[], options: CsvOptions): string {
  const headers = { ...DEFAULT_HEADERS, ...options.headers };
  const keys: CsvHeader[] = [
    'id',
    'level',
    'parent',
    'label',
    'unit',
    ...FORMATTED,
    ...RAW.map((r) => `raw:${r}` as const),
  ];
  const lines = [keys.map((k) => csvCell(headers[k]))];
  for (const row of rows) {
    const n = row.node;
    const raw = (k: RawColumn): string => {
      const v = k === 'target' ? (n.target ?? null) : n[k];
      return v === null || !Number.isFinite(v) ? '' : String(v);
    };
    lines.push(
      [
        n.id,
        String(row.level),
        row.parentRowId ?? '',
        n.label,
        n.unit,
        ...FORMATTED.map((c) => options.format(c, n)),
        ...RAW.map(raw),
      ].map(csvCell),
    );
  }
  const eol = options.eol ?? '\r\n';
  return lines.map((l) => l.join(',')).join(eol) + eol;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*|\d*[.,]\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * One CSV field. Formula-injection guard (OWASP): a cell starting with = + - @ (or a tab / CR,
 * which some spreadsheets strip first) gets a leading apostrophe so it is read as text, except a
 * plain number such as "-3.2" or "+4.2%" (no formula can hide in it, and negatives stay numbers).
 * Then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !PLAIN_NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
