// The metrics document (SPEC §2) as a zod schema: the single source of truth for the shape of
// the input. The TypeScript types, the JSON Schema shipped as `schema.json` and the per-field
// checks of `parseDocument` all come from here: parseDocument does not run zod, it runs
// ./check.ts over ./schema.generated.ts, a plain-data copy of this schema written by
// `npm run generate` (a Node test fails when that copy is stale). Rules that relate several fields or nodes
// (ids unique across the tree, a unit that needs a scoring rule, survey values within their
// scale...) live in ./validate.ts, because zod skips an object's refinements as soon as anything
// inside it fails, and SPEC §2.1 wants every problem reported in one run.
//
// zod/mini, not zod: about 5 kB gzip against 24 kB, and no `new Function` probe under a strict CSP.
import * as z from 'zod/mini';

import { DATE_PATTERN, ID_PATTERN, JOURNEY_EVENT_TYPES, UNITS } from './constants.js';

export { DATE_PATTERN, ID_PATTERN, JOURNEY_EVENT_TYPES, UNITS };

const finite = () => z.number();
const nonNegative = () => z.number().check(z.gte(0));
const score0to100 = () => z.number().check(z.gte(0), z.lte(100));
const dateString = () => z.string().check(z.regex(DATE_PATTERN));

export const IdSchema = z.string().check(z.regex(ID_PATTERN));
export const LabelSchema = z.string().check(z.minLength(1), z.maxLength(200));
export const LensSchema = z.enum(['executive', 'manager', 'frontline']);
export const UnitSchema = z.enum(UNITS);

export const ThresholdsSchema = z.object({ good: score0to100(), watch: score0to100() });

export const LinearScoringSchema = z.object({
  type: z.literal('linear'),
  worst: finite(),
  best: finite(),
});
export const PiecewiseScoringSchema = z.object({
  type: z.literal('piecewise'),
  points: z.array(z.tuple([finite(), score0to100()])).check(z.minLength(2)),
});
export const IdentityScoringSchema = z.object({ type: z.literal('identity') });
export const ScoringSchema = z.discriminatedUnion('type', [
  LinearScoringSchema,
  PiecewiseScoringSchema,
  IdentityScoringSchema,
]);

// Response arrays can hold a million entries: zod checks only that they are arrays, and
// validate.ts checks each entry in one tight loop (a per-element zod schema took ~90 ms for
// 1M scores, against the 30 ms budget). The JSON Schema still says "array of integers".
const intArray = () =>
  z
    .custom<number[]>((v) => Array.isArray(v), { error: 'must be an array of whole numbers' })
    // ocmfCheck names the test the zod-free checker runs (scripts/generate-schema-ir.mjs reads it)
    .register(z.globalRegistry, {
      ocmfJsonSchema: { type: 'array', items: { type: 'integer' } },
      ocmfCheck: 'isArray',
    });

export const NpsResponsesSchema = z.object({
  kind: z.literal('nps'),
  scores: z.optional(intArray()),
  counts: z.optional(intArray()),
});
export const CsatResponsesSchema = z.object({
  kind: z.literal('csat'),
  scale: z.optional(z.int().check(z.gte(2), z.lte(100))),
  scores: z.optional(intArray()),
  counts: z.optional(intArray()),
});
export const CesResponsesSchema = z.object({
  kind: z.literal('ces'),
  scale: z.optional(z.int().check(z.gte(2), z.lte(100))),
  scores: z.optional(intArray()),
  counts: z.optional(intArray()),
});
export const SurveyResponsesSchema = z.discriminatedUnion('kind', [
  NpsResponsesSchema,
  CsatResponsesSchema,
  CesResponsesSchema,
]);

export const HistoryEntrySchema = z.object({
  period: z.string().check(z.minLength(1)),
  value: z.nullable(finite()),
});

export type Scoring = z.infer<typeof ScoringSchema>;
export type SurveyResponses = z.infer<typeof SurveyResponsesSchema>;
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type UnitName = z.infer<typeof UnitSchema>;
export type LensName = z.infer<typeof LensSchema>;

/** One node of the metric tree: a composite (children) or a leaf (value or responses). */
export interface MetricNode {
  id: string;
  label: string;
  description?: string;
  weight?: number;
  lens?: LensName[];
  thresholds?: Thresholds;
  children?: MetricNode[];
  value?: number | null;
  responses?: SurveyResponses;
  unit?: UnitName;
  currency?: string;
  scoring?: Scoring;
  target?: number;
  history?: { period: string; value: number | null }[];
}

export const MetricNodeSchema: z.ZodMiniType<MetricNode> = z.object({
  id: IdSchema,
  label: LabelSchema,
  description: z.optional(z.string()),
  weight: z.optional(nonNegative()),
  lens: z.optional(z.array(LensSchema)),
  thresholds: z.optional(ThresholdsSchema),
  get children() {
    return z.optional(z.array(MetricNodeSchema).check(z.minLength(1)));
  },
  value: z.optional(z.nullable(finite())),
  responses: z.optional(SurveyResponsesSchema),
  unit: z.optional(UnitSchema),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  scoring: z.optional(ScoringSchema),
  target: z.optional(finite()),
  history: z.optional(z.array(HistoryEntrySchema)),
});

export const JourneyEventSchema = z.object({
  type: z.enum(JOURNEY_EVENT_TYPES),
  at: dateString(),
  id: z.optional(z.string()),
  ref: z.optional(z.string()),
});

export const JourneySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  label: z.optional(z.string().check(z.maxLength(200))),
  segment: z.optional(z.string().check(z.maxLength(200))),
  beforeSale: z.optional(z.nullable(finite())),
  afterSale: z.optional(z.nullable(finite())),
  toSmile: z.optional(z.nullable(finite())),
  events: z.optional(z.array(JourneyEventSchema)),
});
export type Journey = z.infer<typeof JourneySchema>;
export type JourneyEvent = z.infer<typeof JourneyEventSchema>;

export const PeriodSchema = z.object({
  label: z.string().check(z.minLength(1)),
  start: z.optional(dateString()),
  end: z.optional(dateString()),
});

export const MetricsDocumentSchema = z.object({
  version: z.optional(z.literal(1)),
  title: z.optional(z.string()),
  attribution: z.optional(z.string()),
  period: z.optional(PeriodSchema),
  periods: z.optional(z.array(z.string().check(z.minLength(1)))),
  locale: z.optional(z.string()),
  thresholds: z.optional(ThresholdsSchema),
  missing: z.optional(z.enum(['redistribute', 'zero'])),
  root: z.optional(MetricNodeSchema),
  journeys: z.optional(z.array(JourneySchema)),
  asOf: z.optional(dateString()),
  minSample: z.optional(z.int().check(z.gte(0))),
});
export type MetricsDocument = z.infer<typeof MetricsDocumentSchema>;
