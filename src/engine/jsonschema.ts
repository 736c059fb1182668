// The JSON Schema (draft 2020-12) of the metrics document, generated from the zod schema.
// zod gives the field types and formats; the rules below add what JSON Schema can say about
// several fields at once. What it cannot say at all (ids unique across the tree, watch <= good,
// piecewise values increasing, linear worst != best, survey scores within a custom scale) only
// parseDocument checks; the README says so.
import * as z from 'zod/mini';
import {
  CesResponsesSchema,
  CsatResponsesSchema,
  DATE_PATTERN,
  MetricNodeSchema,
  MetricsDocumentSchema,
  NpsResponsesSchema,
} from './schema.js';
import { DEFAULT_CES_SCALE, DEFAULT_CSAT_SCALE, UNITS_NEEDING_SCORING } from './scoring.js';

type Json = Record<string, unknown>;

/** Days of the month that exist (29 February always allowed: leap years are not a pattern's job). */
const CALENDAR =
  '^\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))';

const survey = (min: number, max: number): Json => ({
  properties: {
    scores: { items: { minimum: min, maximum: max } },
    counts: { minItems: max - min + 1, maxItems: max - min + 1 },
  },
});

const NODE_RULES: Json[] = [
  // a composite has no value and no responses
  {
    if: { required: ['children'] },
    then: { not: { required: ['responses'] }, properties: { value: { type: 'null' } } },
  },
  // units without a default scoring need one
  {
    if: { required: ['unit'], properties: { unit: { enum: [...UNITS_NEEDING_SCORING] } } },
    then: { required: ['scoring'] },
  },
  // identity scoring: the value is already 0..100
  {
    if: {
      not: { anyOf: [{ required: ['children'] }, { required: ['responses'] }] },
      properties: { unit: { const: 'score' }, scoring: { properties: { type: { const: 'identity' } } } },
    },
    then: { properties: { value: { anyOf: [{ type: 'null' }, { minimum: 0, maximum: 100 }] } } },
  },
  // at least one child with a weight above 0
  {
    if: { required: ['children'] },
    then: {
      properties: {
        children: {
          contains: { anyOf: [{ not: { required: ['weight'] } }, { properties: { weight: { exclusiveMinimum: 0 } } }] },
        },
      },
    },
  },
];

let cached: Json | undefined;

/** The document's JSON Schema; every call returns a fresh copy. */
export function toJsonSchema(): Json {
  cached ??= build();
  return structuredClone(cached);
}

function build(): Json {
  const schema = z.toJSONSchema(MetricsDocumentSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      const js = ctx.jsonSchema as Json;
      const meta = z.globalRegistry.get(ctx.zodSchema as never) as { ocmfJsonSchema?: Json } | undefined;
      if (meta?.ocmfJsonSchema) Object.assign(js, meta.ocmfJsonSchema);
      delete js.ocmfJsonSchema;
      delete js.ocmfCheck;
      // unknown keys are warnings, not errors
      if (js.type === 'object') delete js.additionalProperties;
      if (js.pattern === DATE_PATTERN.source) js.allOf = [{ pattern: CALENDAR }];
      const zs = ctx.zodSchema as unknown;
      const one = (rules: Json[]) => {
        js.allOf = [...((js.allOf as Json[]) ?? []), ...rules];
      };
      const either: Json = { oneOf: [{ required: ['scores'] }, { required: ['counts'] }] };
      const counts: Json = { properties: { counts: { items: { minimum: 0 } } } };
      if (zs === MetricNodeSchema) one(NODE_RULES);
      else if (zs === NpsResponsesSchema) one([either, counts, survey(0, 10)]);
      else if (zs === CsatResponsesSchema)
        one([either, counts, { if: { not: { required: ['scale'] } }, then: survey(1, DEFAULT_CSAT_SCALE) }]);
      else if (zs === CesResponsesSchema)
        one([either, counts, { if: { not: { required: ['scale'] } }, then: survey(1, DEFAULT_CES_SCALE) }]);
      else if (zs === MetricsDocumentSchema) one([{ anyOf: [{ required: ['root'] }, { required: ['journeys'] }] }]);
    },
  }) as Json;
  schema.$id = 'https://unpkg.com/ocmf-widgets/dist/schema.json';
  schema.title = 'OCMF metrics document';
  schema.description = 'The data contract of ocmf-widgets (SPEC §2). Generated from the zod schema; do not edit.';
  return schema;
}
