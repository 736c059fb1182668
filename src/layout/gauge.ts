// The composite gauge's drawing data: engine result + width -> arcs, marker, ticks, font sizes,
// and the facts under the number (coverage, delta, biggest lever, small samples, table rows).
// No DOM. Angles follow d3-shape: radians, 0 at 12 o'clock, clockwise. The ring sectors are two
// arcs and two lines, written out here: d3-shape's arc() (pads, corners) costs 2.5 kB gzip for that.
import type { EvaluatedNode, Evaluation, Lens, Status, Unit } from '../engine/types.js';

/** The dial sweeps 240°, from 8 o'clock to 4 o'clock, leaving room for the status under the number. */
export const START_ANGLE = (-2 * Math.PI) / 3;
export const END_ANGLE = (2 * Math.PI) / 3;
/** Below this width the gauge drops tick labels and uses tighter type. */
export const COMPACT_WIDTH = 220;
export const MIN_WIDTH = 120;
export const SERIES_COUNT = 8;

export interface GaugeBand {
  status: Exclude<Status, 'missing'>;
  from: number;
  to: number;
  d: string;
}

export interface GaugeSegment {
  id: string;
  label: string;
  /** Score units along the dial: the segment covers [from, to]; to − from = the contribution. */
  from: number;
  to: number;
  d: string;
  /** 1..8: the series colour (children), or null when the single segment takes the status colour (a leaf). */
  series: number | null;
  status: Status;
}

export interface GaugeLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  compact: boolean;
  /** Radii: status bands outside, the score ring inside. */
  bandOuter: number;
  bandInner: number;
  ringOuter: number;
  ringInner: number;
  track: string;
  bands: GaugeBand[];
  segments: GaugeSegment[];
  target: { score: number; x1: number; y1: number; x2: number; y2: number } | null;
  ticks: { value: number; x: number; y: number }[];
  value: { x: number; y: number; fontSize: number };
  status: { x: number; y: number; fontSize: number };
  tickFontSize: number;
  /** Font size of the text under the dial, CSS px: scales with the width, readable at 120 px. */
  textSize: number;
}

/** Height of the dial for a width (the skeleton uses it to take the final size before data). */
export function gaugeHeight(width: number): number {
  const w = Math.max(MIN_WIDTH, Number.isFinite(width) ? width : 320);
  const margin = Math.max(4, w * 0.03);
  const bandOuter = (w - 2 * margin) / 2;
  const tick = Math.max(10, Math.min(14, bandOuter * 0.075));
  // the ends of the dial sit at cos(120°) = −0.5 below the centre
  return Math.ceil(margin + bandOuter * 1.5 + (w < COMPACT_WIDTH ? 0 : tick * 1.6) + margin);
}

/** Font size of the text under the dial for a width. */
export function gaugeTextSize(width: number): number {
  return round(clamp(12, 18, width * 0.045));
}

const clamp = (lo: number, hi: number, v: number) => Math.min(hi, Math.max(lo, v));

/** The dial angle of a score (clamped to 0..100). */
export function angleOf(score: number): number {
  return START_ANGLE + ((END_ANGLE - START_ANGLE) * clamp(0, 100, score)) / 100;
}

/** A point at `radius` from the centre at `angle`. */
export function polar(cx: number, cy: number, radius: number, angle: number): { x: number; y: number } {
  return { x: cx + radius * Math.sin(angle), y: cy - radius * Math.cos(angle) };
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The gauge of one node at a given width (CSS px). Children become stacked segments as wide as their
 * contribution (they add up to the node's score, SPEC §3.4); a leaf is one segment from 0 to its score.
 */
export function layoutGauge(node: EvaluatedNode, width: number): GaugeLayout {
  const w = Math.max(MIN_WIDTH, Number.isFinite(width) ? width : 320);
  const compact = w < COMPACT_WIDTH;
  const margin = Math.max(4, w * 0.03);
  const bandOuter = (w - 2 * margin) / 2;
  const bandT = Math.max(3, bandOuter * 0.06);
  const gap = Math.max(1.5, bandOuter * 0.025);
  const ringOuter = bandOuter - bandT - gap;
  const ringInner = ringOuter - Math.max(8, bandOuter * 0.17);
  const cx = w / 2;
  const cy = margin + bandOuter;
  const tickFontSize = Math.max(10, Math.min(14, bandOuter * 0.075));
  const height = gaugeHeight(w);

  const ring: [number, number] = [ringInner, ringOuter];
  const band: [number, number] = [bandOuter - bandT, bandOuter];
  const path = (radii: [number, number], from: number, to: number) =>
    sector(cx, cy, radii[0], radii[1], angleOf(from), angleOf(to));

  const { good, watch } = node.thresholds;
  const bands: GaugeBand[] = (
    [
      { status: 'act', from: 0, to: watch },
      { status: 'watch', from: watch, to: good },
      { status: 'good', from: good, to: 100 },
    ] as const
  )
    .filter((b) => b.to > b.from)
    .map((b) => ({ ...b, d: path(band, b.from, b.to) }));

  const segment = (n: EvaluatedNode, from: number, to: number, series: number | null): GaugeSegment => ({
    id: n.id,
    label: n.label,
    from,
    to,
    d: path(ring, from, to),
    series,
    status: n.status,
  });

  const segments: GaugeSegment[] = [];
  if (node.children?.length) {
    let acc = 0;
    node.children.forEach((child, i) => {
      const c = child.contribution;
      if (c === null || !(c > 0)) return; // missing children add nothing to the arc (they are listed)
      segments.push(segment(child, acc, acc + c, (i % SERIES_COUNT) + 1));
      acc += c;
    });
  } else if (node.score !== null && node.score > 0) {
    segments.push(segment(node, 0, node.score, null));
  }

  let target: GaugeLayout['target'] = null;
  if (typeof node.targetScore === 'number' && Number.isFinite(node.targetScore)) {
    const a = angleOf(node.targetScore);
    const p1 = polar(cx, cy, ringInner - 3, a);
    const p2 = polar(cx, cy, bandOuter + Math.min(3, margin - 1), a);
    target = { score: node.targetScore, x1: round(p1.x), y1: round(p1.y), x2: round(p2.x), y2: round(p2.y) };
  }

  const ticks: GaugeLayout['ticks'] = [];
  if (!compact) {
    for (const value of [0, 100]) {
      const p = polar(cx, cy, (ringInner + bandOuter) / 2, angleOf(value));
      ticks.push({ value, x: round(p.x), y: round(p.y + tickFontSize * 1.5) });
    }
  }

  const valueSize = Math.max(20, ringInner * (compact ? 0.62 : 0.56));
  const statusSize = Math.max(11, Math.min(18, ringInner * 0.16));
  return {
    width: w,
    height,
    cx: round(cx),
    cy: round(cy),
    compact,
    bandOuter: round(bandOuter),
    bandInner: round(bandOuter - bandT),
    ringOuter: round(ringOuter),
    ringInner: round(ringInner),
    track: path(ring, 0, 100),
    bands,
    segments,
    target,
    ticks,
    // the number's baseline a little below the centre, the status word under it, inside the opening
    value: { x: round(cx), y: round(cy + valueSize * 0.3), fontSize: round(valueSize) },
    status: { x: round(cx), y: round(cy + valueSize * 0.3 + statusSize * 1.7), fontSize: round(statusSize) },
    tickFontSize: round(tickFontSize),
    textSize: gaugeTextSize(w),
  };
}

const f2 = (v: number) => String(Math.round(v * 100) / 100);

/** The SVG path of a ring sector between radii r0 < r1 and angles a0 < a1 (less than a full turn). */
export function sector(cx: number, cy: number, r0: number, r1: number, a0: number, a1: number): string {
  if (!(a1 - a0 > 1e-9)) return '';
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const o0 = polar(cx, cy, r1, a0);
  const o1 = polar(cx, cy, r1, a1);
  const i1 = polar(cx, cy, r0, a1);
  const i0 = polar(cx, cy, r0, a0);
  return (
    `M${f2(o0.x)},${f2(o0.y)}A${f2(r1)},${f2(r1)},0,${large},1,${f2(o1.x)},${f2(o1.y)}` +
    `L${f2(i1.x)},${f2(i1.y)}A${f2(r0)},${f2(r0)},0,${large},0,${f2(i0.x)},${f2(i0.y)}Z`
  );
}

// ---- facts under the number --------------------------------------------------------------

export interface GaugeRow {
  id: string;
  label: string;
  value: number | null;
  unit: Unit;
  currency?: string;
  score: number | null;
  status: Status;
  /** The share of the node's score this row carries (0..1; 0 when missing). */
  share: number;
  /** Points of the node's score (null when missing). */
  contribution: number | null;
  series: number | null;
  inLens: boolean;
  smallSample: boolean;
  sampleSize?: number;
}

export interface GaugeLever {
  id: string;
  label: string;
  kind: 'improve' | 'measure';
  /** Points the shown node would rise if this leaf reached 100 (null for 'measure'). */
  points: number | null;
}

export interface GaugeFacts {
  /** Coverage 0..1 of a composite; null for a leaf (its "Not measured" says it all). */
  coverage: number | null;
  delta: number | null;
  /** The period the delta compares with. */
  previousPeriod: string | null;
  lever: GaugeLever | null;
  /** Survey leaves under the node with fewer responses than the document's minSample. */
  smallSamples: { id: string; label: string; sampleSize: number }[];
  /** The children (or the leaf itself): the table view. */
  rows: GaugeRow[];
  minSample: number;
}

const inLens = (n: EvaluatedNode, lens: Lens | null) => !lens || n.lens.includes(lens);

function isUnder(ev: Evaluation, id: string, ancestor: string): boolean {
  for (let n: EvaluatedNode | undefined = ev.nodes[id]; n; n = n.parentId ? ev.nodes[n.parentId] : undefined) {
    if (n.id === ancestor) return true;
  }
  return false;
}

/** The facts a person reads under the gauge's number, for the node `node` of `ev`. */
export function gaugeFacts(ev: Evaluation, node: EvaluatedNode, lens: Lens | null = null): GaugeFacts {
  let previousPeriod: string | null = null;
  const current = ev.meta.period?.label;
  for (let i = node.history.length - 1; i >= 0; i--) {
    if (node.history[i]!.period !== current) {
      previousPeriod = node.history[i]!.period;
      break;
    }
  }

  // nextSteps are ordered by gain to the root; within one subtree, dividing by the node's effective
  // weight keeps that order and turns root points into points of this node's score
  let lever: GaugeLever | null = null;
  for (const step of ev.nextSteps) {
    const leaf = ev.nodes[step.id];
    // a leaf gauge is its own only lever: saying so adds nothing
    if (!leaf || leaf.id === node.id || !inLens(leaf, lens) || !isUnder(ev, step.id, node.id)) continue;
    if (step.kind === 'improve') {
      if (step.gain === null || !(step.gain > 0) || !(node.effectiveWeight > 0)) continue;
      lever = { id: leaf.id, label: leaf.label, kind: 'improve', points: step.gain / node.effectiveWeight };
    } else {
      lever = { id: leaf.id, label: leaf.label, kind: 'measure', points: null };
    }
    break;
  }

  const smallSamples: GaugeFacts['smallSamples'] = [];
  const walk = (n: EvaluatedNode) => {
    if (n.smallSample && typeof n.sampleSize === 'number') {
      smallSamples.push({ id: n.id, label: n.label, sampleSize: n.sampleSize });
    }
    n.children?.forEach(walk);
  };
  walk(node);

  const row = (n: EvaluatedNode, share: number, contribution: number | null, series: number | null): GaugeRow => ({
    id: n.id,
    label: n.label,
    value: n.value,
    unit: n.children ? 'score' : n.unit,
    ...(n.currency ? { currency: n.currency } : {}),
    score: n.score,
    status: n.status,
    share,
    contribution,
    series,
    inLens: inLens(n, lens),
    smallSample: !!n.smallSample,
    ...(typeof n.sampleSize === 'number' ? { sampleSize: n.sampleSize } : {}),
  });
  const rows = node.children?.length
    ? node.children.map((c, i) => row(c, c.share, c.contribution, (i % SERIES_COUNT) + 1))
    : [row(node, node.score === null ? 0 : 1, node.score, null)];

  return {
    coverage: node.children?.length ? node.coverage : null,
    delta: node.delta,
    previousPeriod,
    lever,
    smallSamples,
    rows,
    minSample: ev.meta.minSample,
  };
}

/** A tiny document for attribute-only use: `<ocmf-composite-gauge value="72" label="…" target="80">`. */
export function attributeDocument(
  value: number | null,
  label: string | null,
  target: number | null,
  unit: string | null = null,
): unknown {
  const root: Record<string, unknown> = {
    id: 'value',
    label: label && label.trim() ? label : 'Score',
    value: value === null || Number.isNaN(value) ? null : value,
  };
  if (target !== null && !Number.isNaN(target)) root.target = target;
  if (unit) root.unit = unit;
  return { root };
}
