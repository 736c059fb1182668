// Writes src/engine/schema.generated.ts: the zod schema (src/engine/schema.ts, the source of truth)
// as plain data that src/engine/check.ts interprets, so parseDocument and the widgets never load zod.
// Usage: node scripts/generate-schema-ir.mjs            (npm run generate) writes the file
//        node scripts/generate-schema-ir.mjs --stdout   prints it (test/node/schema-ir.test.mjs compares)
// Offline: vite's module runner loads schema.ts from source. Anything in the schema this script
// does not know how to describe stops it with an error, so a new zod construct cannot slip by
// without the checker learning it too.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = fileURLToPath(new URL('../src/engine/schema.generated.ts', import.meta.url));
const load = async (id) => (await runnerImport(id, { root, configFile: false, logLevel: 'error' })).module;
const schema = await load('/src/engine/schema.ts');
const constants = await load('/src/engine/constants.ts');
const z = await load('zod/mini');

/** The objects whose keys validate.ts needs (unknown keys are warnings there). */
const KNOWN = {
  document: schema.MetricsDocumentSchema,
  node: schema.MetricNodeSchema,
  thresholds: schema.ThresholdsSchema,
  period: schema.PeriodSchema,
  history: schema.HistoryEntrySchema,
  journey: schema.JourneySchema,
  event: schema.JourneyEventSchema,
  linear: schema.LinearScoringSchema,
  piecewise: schema.PiecewiseScoringSchema,
  identity: schema.IdentityScoringSchema,
  nps: schema.NpsResponsesSchema,
  csat: schema.CsatResponsesSchema,
  ces: schema.CesResponsesSchema,
};

/** Values written as a reference to src/engine/constants.ts instead of a copy. */
const NAMED = Object.entries(constants).map(([name, value]) => ({ name, value }));
const sameValue = (a, b) =>
  a instanceof RegExp
    ? b instanceof RegExp && a.source === b.source && a.flags === b.flags
    : Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
const used = new Set();
/** A value as TypeScript source (a constant's name when it is one). */
function code(value) {
  const named = NAMED.find((c) => sameValue(value, c.value));
  if (named) {
    used.add(named.name);
    return named.name;
  }
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[${value.map(code).join(', ')}]`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${code(v)}`)
      .join(', ')} }`;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot write ${value}`);
  return JSON.stringify(value);
}

const fail = (what) => {
  throw new Error(`generate-schema-ir: ${what} is not supported by src/engine/check.ts; teach both`);
};

const nodes = []; // source text per index
const byKey = new Map(); // structural dedupe of non-object nodes
const bySchema = new Map(); // identity (and recursion) for objects

function checksOf(s) {
  const zod = s._zod;
  const list = [];
  // a number format or a custom schema is itself its first check (as zod runs it)
  const own = zod.traits.has('$ZodCheck') ? [s] : [];
  for (const ch of [...own, ...(zod.def.checks ?? [])]) {
    const d = ch._zod.def;
    const abort = d.abort ? { abort: true } : {};
    switch (d.check) {
      case 'number_format':
        if (d.format !== 'safeint') fail(`number format ${d.format}`);
        list.push({ check: 'safeint', ...abort });
        break;
      case 'greater_than':
      case 'less_than':
        if (d.when || typeof d.value !== 'number') fail(`${d.check} on ${typeof d.value}`);
        list.push({
          check: d.check === 'greater_than' ? 'min' : 'max',
          value: d.value,
          inclusive: !!d.inclusive,
          ...abort,
        });
        break;
      case 'min_length':
      case 'max_length':
        if (d.when?.name !== '_whenHasLength') fail(`${d.check} with its own "when"`);
        list.push({ check: d.check, value: d.check === 'min_length' ? d.minimum : d.maximum, ...abort });
        break;
      case 'string_format':
        if (d.format !== 'regex' || !(d.pattern instanceof RegExp) || d.when) fail(`string format ${d.format}`);
        list.push({ check: 'regex', pattern: d.pattern, ...abort });
        break;
      case 'custom': {
        const meta = z.globalRegistry.get(s);
        if (meta?.ocmfCheck !== 'isArray') fail('a z.custom without { ocmfCheck } metadata');
        const probe = s.safeParse(0);
        if (probe.success || !s.safeParse([]).success) fail('a z.custom whose test is not Array.isArray');
        list.push({ check: 'custom', test: meta.ocmfCheck, message: probe.error.issues[0].message, ...abort });
        break;
      }
      default:
        fail(`check ${d.check}`);
    }
  }
  return list.length ? { checks: list } : {};
}

function add(s) {
  const zod = s._zod;
  const def = zod.def;
  if (def.type === 'object') {
    if (bySchema.has(s)) return bySchema.get(s);
    if (def.catchall || def.checks?.length) fail('an object with catchall or checks');
    const index = nodes.push(null) - 1;
    bySchema.set(s, index);
    const keys = Object.keys(def.shape);
    const fields = keys.map((k) => add(def.shape[k]));
    nodes[index] = code({ type: 'object', keys, fields });
    return index;
  }
  let node;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'custom':
      if (def.coerce) fail('coerce');
      node = { type: def.type, ...checksOf(s) };
      break;
    case 'literal':
      node = { type: 'literal', values: def.values };
      break;
    case 'enum':
      node = { type: 'enum', values: Object.values(def.entries) };
      break;
    case 'optional':
    case 'nullable':
      if (def.checks?.length) fail(`checks on ${def.type}`);
      node = { type: def.type, inner: add(def.innerType) };
      break;
    case 'array':
      node = { type: 'array', element: add(def.element), ...checksOf(s) };
      break;
    case 'tuple': {
      if (def.rest || def.checks?.length) fail('a tuple with rest or checks');
      if (def.items.some((i) => i._zod.optin !== undefined)) fail('a tuple with optional items');
      node = { type: 'tuple', items: def.items.map(add) };
      break;
    }
    case 'union': {
      if (!def.discriminator || def.unionFallback || def.checks?.length) fail('a union without a discriminator');
      const values = [];
      const options = [];
      for (const option of def.options) {
        const tag = option._zod.def.shape?.[def.discriminator]?._zod.def;
        if (tag?.type !== 'literal') fail('a discriminator that is not a required literal');
        for (const v of tag.values) {
          values.push(v);
          options.push(add(option));
        }
      }
      node = { type: 'union', key: def.discriminator, values, options };
      break;
    }
    default:
      fail(`z.${def.type}`);
  }
  const text = code(node);
  if (byKey.has(text)) return byKey.get(text);
  const index = nodes.push(text) - 1;
  byKey.set(text, index);
  return index;
}

const rootIndex = add(schema.MetricsDocumentSchema);
if (rootIndex !== 0) throw new Error('the document must be node 0');
const known = Object.entries(KNOWN).map(([name, s]) => {
  if (!bySchema.has(s)) throw new Error(`${name}: not reachable from MetricsDocumentSchema`);
  return `  ${name}: keysOf(${bySchema.get(s)}),`;
});

const source = `// GENERATED by \`npm run generate\` (scripts/generate-schema-ir.mjs) from ./schema.ts: do not edit.
// The zod schema as plain data for ./check.ts, so that parsing a document never loads zod.
// test/node/schema-ir.test.mjs fails when this file is stale.
import { ${[...used].sort().join(', ')} } from './constants.js';
import type { IrNode } from './check.js';

/** Node 0 is the document; fields, items, elements and options refer to nodes by index. */
export const SCHEMA: readonly IrNode[] = [
${nodes.map((n, i) => `  /* ${i} */ ${n},`).join('\n')}
];

/** The keys each object of the document may have; any other key is a warning (a typo). */
export const KNOWN_KEYS = {
${known.join('\n')}
};

function keysOf(index: number): ReadonlySet<string> {
  return new Set((SCHEMA[index] as { keys: readonly string[] }).keys);
}
`;

const formatted = await format(source, { ...(await resolveConfig(out)), filepath: out });
if (process.argv.includes('--stdout')) process.stdout.write(formatted);
else {
  writeFileSync(out, formatted);
  console.log('wrote src/engine/schema.generated.ts');
}
