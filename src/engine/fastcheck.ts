// A fast yes/no check compiled from the zod schema's own definitions (so the schema stays the
// single source of truth). zod/mini parses without JIT and builds an issue list per field: about
// 2.5× JSON.parse on a 100,000-node document, most of the engine's budget. This interpreter
// answers only "valid or not", with one closure per schema node and no allocation; parseDocument
// calls zod only when it says "not valid", to get zod's issues with their paths. A differential
// fuzz test (test/engine/fastcheck.test.ts) checks it agrees with zod's safeParse.
// Anything in a schema it does not know makes `compile` give up (null): then zod runs always.

type Check = (v: unknown) => boolean;
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
}

class Unsupported extends Error {}

export function compileFastCheck(schema: unknown): Check | null {
  try {
    return compile(schema, new Map());
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function compile(schema: unknown, memo: Map<unknown, Check>): Check {
  const known = memo.get(schema);
  if (known) return known;
  // recursion (a node's children): a forwarding closure until the real one is ready
  let real: Check | undefined;
  memo.set(schema, (v) => real!(v));
  real = build(defOf(schema), memo);
  memo.set(schema, real);
  return real;
}

function build(def: Def, memo: Map<unknown, Check>): Check {
  const refine = checksOf(def);
  switch (def.type) {
    case 'string':
      return refine ? (v) => typeof v === 'string' && refine(v) : (v) => typeof v === 'string';
    case 'number': {
      const int = def.format === 'safeint';
      const base: Check = int ? (v) => Number.isSafeInteger(v) : (v) => typeof v === 'number' && Number.isFinite(v);
      return refine ? (v) => base(v) && refine(v) : base;
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'literal': {
      const values = def.values as unknown[];
      return (v) => values.includes(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as object));
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = compile(def.innerType, memo);
      return (v) => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType, memo);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      const el = compile(def.element, memo);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!el(v[i])) return false;
        return refine ? refine(v) : true;
      };
    }
    case 'tuple': {
      if (def.rest) throw new Unsupported('tuple rest');
      const items = (def.items as unknown[]).map((s) => compile(s, memo));
      return (v) => Array.isArray(v) && v.length === items.length && items.every((c, i) => c(v[i]));
    }
    case 'object': {
      if (def.catchall) throw new Unsupported('catchall');
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      let fields: Check[] | undefined; // compiled on first use: `children` is a getter back to this schema
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        fields ??= keys.map((k) => compile(shape[k], memo));
        const o = v as Record<string, unknown>;
        for (let i = 0; i < keys.length; i++) if (!fields[i]!(o[keys[i]!])) return false;
        return refine ? refine(v) : true;
      };
    }
    case 'union': {
      const options = (def.options as unknown[]).map((s) => compile(s, memo));
      return (v) => options.some((c) => c(v));
    }
    case 'custom': {
      const fn = def.fn as (v: unknown) => unknown;
      return (v) => fn(v) === true;
    }
    default:
      throw new Unsupported(def.type);
  }
}

function checksOf(def: Def): Check | null {
  const list = (def.checks ?? []).map((c) => c._zod.def);
  if (!list.length) return null;
  const fns = list.map((c): Check => {
    switch (c.check) {
      case 'greater_than':
        return c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!;
      case 'less_than':
        return c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!;
      case 'min_length':
        return (v) => (v as { length: number }).length >= c.minimum!;
      case 'max_length':
        return (v) => (v as { length: number }).length <= c.maximum!;
      case 'length_equals':
        return (v) => (v as { length: number }).length === c.length!;
      case 'string_format':
        if (c.format !== 'regex' || !c.pattern) throw new Unsupported(`format ${c.format}`);
        return (v) => {
          c.pattern!.lastIndex = 0;
          return c.pattern!.test(v as string);
        };
      default:
        throw new Unsupported(c.check);
    }
  });
  return fns.length === 1 ? fns[0]! : (v) => fns.every((f) => f(v));
}
