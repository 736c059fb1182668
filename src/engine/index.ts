// ocmf-widgets/engine: the data contract and the scoring maths, with no DOM (SPEC §5).
export { parseDocument, type ParseResult } from './parse.js';
export { evaluate, evaluateDocument, DEFAULT_MIN_SAMPLE } from './evaluate.js';
export { toJsonSchema } from './jsonschema.js';
export { formatPath } from './issues.js';
export { DEFAULT_THRESHOLDS } from './scoring.js';
export { parseIsoDate, DAY_MS } from './dates.js';
export { stats } from './stats.js';
export type {
  MetricsDocument,
  MetricNode,
  Journey,
  JourneyEvent,
  Scoring,
  SurveyResponses,
  Thresholds,
} from './schema.js';
export * from './types.js';
