// The engine's result types, exactly as SPEC §5 names them. The document's own types are
// inferred from the zod schema in ./schema.ts (the single source of truth for the input).

export type Lens = 'executive' | 'manager' | 'frontline';
export const LENSES: readonly Lens[] = ['executive', 'manager', 'frontline'];

export type Unit = 'score' | 'percent' | 'nps' | 'ces' | 'days' | 'hours' | 'count' | 'currency' | 'ratio';

export type Status = 'good' | 'watch' | 'act' | 'missing';

/** One problem found in a document: where (a JSON path as keys and indexes), what kind, and a plain sentence. */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface HistoryPoint {
  period: string;
  value: number | null;
  score: number | null;
}

export interface EvaluatedNode {
  id: string;
  label: string;
  description?: string;
  value: number | null;
  score: number | null;
  coverage: number;
  status: Status;
  weight: number;
  share: number;
  effectiveWeight: number;
  contribution: number | null;
  gain: number | null;
  delta: number | null;
  history: HistoryPoint[];
  /** Survey leaves only: how many responses the value comes from. */
  sampleSize?: number;
  /** Survey leaves only: true when sampleSize is below the document's minSample. */
  smallSample?: boolean;
  children?: EvaluatedNode[];
  // Extras the widgets need to show a node without going back to the document.
  unit: Unit;
  currency?: string;
  target?: number;
  /** The target mapped through the node's scoring (0..100), for markers on score bars. */
  targetScore?: number | null;
  lens: Lens[];
  thresholds: { good: number; watch: number };
  /** Depth below the root (root 0). */
  depth: number;
  /** The id of the parent, undefined for the root. */
  parentId?: string;
}

export interface NextStep {
  id: string;
  kind: 'improve' | 'measure';
  gain: number | null;
}

export interface Stats {
  n: number;
  median: number | null;
  mean: number | null;
  p90: number | null;
}

export interface TtcvAggregate {
  n: number;
  complete: number;
  open: number;
  /** Share 0..1 of complete journeys with total <= 0; null when none is complete. */
  atOrBelowZero: number | null;
  beforeSale: Stats;
  afterSale: Stats;
  toSmile: Stats;
  total: Stats;
}

export type JourneyEventType = 'engaged' | 'value-before-sale' | 'sale' | 'value-after-sale' | 'interruption' | 'smile';

/** A journey event with its time resolved to epoch milliseconds (for the calendar view). */
export interface TtcvEvent {
  type: JourneyEventType;
  at: number;
  /** Its place in the journey's `events` in the document (the list here is in time order). */
  index: number;
  id?: string;
  ref?: string;
}

/** An interruption and the time it was closed (null when still open at asOf). */
export interface TtcvSpan {
  start: number;
  end: number | null;
  id?: string;
}

export interface TtcvJourney {
  id: string;
  label: string;
  segment?: string;
  beforeSale: number | null;
  afterSale: number | null;
  toSmile: number | null;
  total: number | null;
  partial: boolean;
  open: boolean;
  /** Dated events, sorted by time (empty for journeys given by durations). */
  events: TtcvEvent[];
  /** Interruption-to-smile spans derived from the events. */
  spans: TtcvSpan[];
}

export interface TtcvSummary {
  journeys: TtcvJourney[];
  overall: TtcvAggregate;
  bySegment: Record<string, TtcvAggregate>;
  /** "Today" for open journeys, epoch ms. */
  asOf: number;
}

export interface EvaluateOptions {
  /** Replace leaf values by id before scoring (what-if). */
  overrides?: Record<string, number | null>;
}

export interface Evaluation {
  ok: true;
  root?: EvaluatedNode;
  nodes: Record<string, EvaluatedNode>;
  nextSteps: NextStep[];
  ttcv?: TtcvSummary;
  warnings: Issue[];
  /** Period labels in order, oldest first, current last when the document names one. */
  periods: string[];
  /** Document-level facts the widgets show. */
  meta: {
    title?: string;
    attribution?: string;
    period?: { label: string; start?: string; end?: string };
    locale?: string;
    minSample: number;
    missing: 'redistribute' | 'zero';
  };
}

export type EvaluateResult = Evaluation | { ok: false; issues: Issue[] };
