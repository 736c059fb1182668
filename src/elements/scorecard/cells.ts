// What one scorecard row shows, formatted once per node, evaluation and locale (a 500-row sort or
// expand then only moves rows; nothing is formatted or laid out again). DOM-free.
import type { EvaluatedNode, Evaluation } from '../../engine/types.js';
import { scoreBar, sparkline, type FormattedColumn, type ScoreBar, type Sparkline } from '../../layout/scorecard.js';
import {
  formatDelta,
  formatNodeValue,
  formatPoints,
  formatScore,
  formatShare,
  formatValue,
  NOT_MEASURED,
  type FormattedDelta,
} from '../../shared/format.js';
import { STATUS_TEXT } from '../../shared/status.js';

/** The bar's track is 100 units wide: its positions are percentages of the drawn bar. */
export const BAR_UNITS = 100;
/** (scorecard.ts writes 72 × 22 into its SVGs as text: constant attributes need no binding) */
export const SPARK_WIDTH = 72;
export const SPARK_HEIGHT = 22;

export interface RowCells {
  value: string;
  target: string;
  score: string;
  status: string;
  delta: FormattedDelta;
  /** The delta for the CSV: "+3.2 pts" (no arrow), "–". */
  deltaPlain: string;
  share: string;
  /** Composites only ("" for a leaf). */
  coverage: string;
  bar: ScoreBar;
  spark: Sparkline;
  /** "Score 72 of 100, target 80" for the bar's label. */
  barLabel: string;
  /** The bar's classes: its fill's status and whether it marks a target. */
  barClass: string;
  /** The bar's fill, target and threshold ticks as CSS custom properties (percent of the track). */
  barStyle: Record<string, string>;
}

export function rowCells(node: EvaluatedNode, ev: Evaluation, locale: string | undefined): RowCells {
  const pts = (n: number) => formatPoints(n, locale, false).replace(/ pts$/, '');
  const score = formatScore(node.score, locale);
  const target = typeof node.target === 'number' ? formatValue(node.target, node.unit, locale, node.currency) : '';
  const bar = scoreBar(node, BAR_UNITS);
  const spark = sparkline(node, {
    width: SPARK_WIDTH,
    height: SPARK_HEIGHT,
    periods: ev.periods,
    currentPeriod: ev.meta.period?.label ?? null,
    format: pts,
  });
  return {
    value: node.value === null ? NOT_MEASURED : formatNodeValue(node, locale),
    target,
    score,
    status: STATUS_TEXT[node.status],
    delta: formatDelta(node.delta, locale),
    deltaPlain: formatPoints(node.delta, locale),
    // a missing metric's weight goes to the measured ones (SPEC §3.4): "–", never "0%"
    share: formatShare(node.score === null ? null : node.share, locale),
    coverage: node.children ? formatShare(node.coverage, locale) : '',
    bar,
    spark,
    barLabel:
      node.score === null
        ? `Score: ${NOT_MEASURED}`
        : `Score ${score} of 100${node.targetScore != null ? `, target ${formatScore(node.targetScore, locale)}` : ''}`,
    barClass: `bar${node.score === null ? '' : ` fill fill-${node.status}`}${bar.targetX === null ? '' : ' tgt'}`,
    barStyle: {
      '--f': `${bar.width ?? 0}%`,
      '--t': `${bar.targetX ?? 0}%`,
      '--w': `${bar.watchX}%`,
      '--g': `${bar.goodX}%`,
    },
  };
}

/** The CSV's formatted cells: the texts the table shows. */
export function csvText(cells: RowCells, column: FormattedColumn): string {
  switch (column) {
    case 'delta':
      return cells.deltaPlain;
    case 'score':
      return cells.score === '–' ? NOT_MEASURED : cells.score;
    default:
      return cells[column];
  }
}
