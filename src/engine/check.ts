// The per-field checks of parseDocument (types, ranges, lengths, formats), without zod: this walks
// ./schema.generated.ts, the zod schema of ./schema.ts written out as plain data, and reports what
// zod's safeParse would, in zod's order, worded for people. zod/mini cost the single-file bundle
// ~8 kB gzip for this alone, and its issue list needed a second pass to word.
// A differential fast-check test (test/engine/check.test.ts) holds it to zod issue for issue,
// including zod's quirks: a failed type stops a value's own range and format checks, but not its
// length checks (`"label": []` is both "not text" and "empty").
import { describe, issue, type Path } from './issues.js';
import { DATE_PATTERN, ID_PATTERN } from './constants.js';
import { SCHEMA } from './schema.generated.js';
import type { Issue } from './types.js';

/** A check on a value, run after its type passed (length checks run even when it did not). */
export type IrCheck =
  | { check: 'safeint'; abort?: boolean }
  | { check: 'min' | 'max'; value: number; inclusive: boolean; abort?: boolean }
  | { check: 'min_length' | 'max_length'; value: number; abort?: boolean }
  | { check: 'regex'; pattern: RegExp; abort?: boolean }
  | { check: 'custom'; test: 'isArray'; message: string; abort?: boolean };

/** One schema node; other nodes are referred to by their index in SCHEMA. */
export type IrNode =
  | { type: 'string' | 'number' | 'custom'; checks?: readonly IrCheck[] }
  | { type: 'literal' | 'enum'; values: readonly unknown[] }
  | { type: 'optional' | 'nullable'; inner: number }
  | { type: 'array'; element: number; checks?: readonly IrCheck[] }
  | { type: 'tuple'; items: readonly number[] }
  | { type: 'object'; keys: readonly string[]; fields: readonly number[] }
  | { type: 'union'; key: string; values: readonly unknown[]; options: readonly number[] };

// What an issue does to the checks after it (zod's `continue`): STOP ends a value's type-bound
// checks; HALT ends its length checks too; GO ends nothing.
const STOP = 0;
const GO = 1;
const HALT = 2;

interface State {
  issues: Issue[];
  /** STOP, GO or HALT per issue. */
  flow: number[];
  /** The current path; only `depth` entries are valid (copied when an issue is reported). */
  path: Path;
  depth: number;
}

/** Every problem the schema finds in `input` (already guarded: no cycles, bounded depth). */
export function checkSchema(input: unknown): Issue[] {
  const s: State = { issues: [], flow: [], path: [], depth: 0 };
  (compiled ??= compile(0, []))(s, input);
  return s.issues;
}

/** Checks one value, reporting into `s`. */
type Fn = (s: State, v: unknown) => void;
/** A yes/no for a value's checks: the happy path, with no issue bookkeeping. */
type Test = (v: unknown) => boolean;

let compiled: Fn | undefined;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The IR is compiled once into one closure per node: ~1.25x faster than a switch over the nodes
// and its index lookups, on 100,000 nodes; the same speed as the old yes/no check compiled from zod.
function compile(index: number, memo: Fn[]): Fn {
  const known = memo[index];
  if (known) return known;
  // recursion (a node's children): a forwarding closure until the real one is ready
  let real: Fn | undefined;
  memo[index] = (s, v) => real!(s, v);
  real = build(SCHEMA[index]!, memo);
  memo[index] = real;
  return real;
}

function build(node: IrNode, memo: Fn[]): Fn {
  switch (node.type) {
    case 'object': {
      const { keys } = node;
      // an absent optional key costs no call (most keys of a node are absent)
      const optional = node.fields.map((f) => SCHEMA[f]!.type === 'optional');
      const fields = node.fields.map((f, i) => compile(optional[i] ? (SCHEMA[f] as { inner: number }).inner : f, memo));
      return (s, v) => {
        if (!isObject(v)) return invalidType(s, 'object', v);
        const d = s.depth++;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const f = v[key];
          if (f === undefined && optional[i]) continue;
          const before = s.issues.length;
          s.path[d] = key;
          fields[i]!(s, f);
          // a missing required key whose schema would take `undefined` (zod's "nonoptional")
          if (f === undefined && s.issues.length === before && !(key in v)) report(s, STOP, 'required', 'is required');
        }
        s.depth = d;
      };
    }
    case 'string':
    case 'number':
    case 'custom': {
      const type = node.type;
      const is: Test =
        type === 'string'
          ? (v) => typeof v === 'string'
          : type === 'number'
            ? (v) => typeof v === 'number' && Number.isFinite(v)
            : () => true;
      const checks = node.checks;
      if (!checks) return (s, v) => void (is(v) || invalidType(s, type, v));
      const ok = allPass(checks);
      return (s, v) => {
        if (is(v) && ok(v)) return;
        const start = s.flow.length;
        if (!is(v)) invalidType(s, type, v);
        runChecks(s, checks, v, start);
      };
    }
    case 'literal':
    case 'enum': {
      const { values } = node;
      return (s, v) => {
        if (values.includes(v)) return;
        const list = values.map((x) => JSON.stringify(x)).join(', ');
        report(s, STOP, 'invalid_value', `must be ${values.length > 1 ? 'one of ' : ''}${list}, got ${describe(v)}`);
      };
    }
    case 'optional': {
      const inner = compile(node.inner, memo);
      return (s, v) => void (v === undefined || inner(s, v));
    }
    case 'nullable': {
      const inner = compile(node.inner, memo);
      return (s, v) => void (v === null || inner(s, v));
    }
    case 'array': {
      const element = compile(node.element, memo);
      const checks = node.checks;
      return (s, v) => {
        const start = s.flow.length;
        if (!Array.isArray(v)) invalidType(s, 'array', v);
        else {
          const d = s.depth++;
          for (let i = 0; i < v.length; i++) {
            s.path[d] = i;
            element(s, v[i]);
          }
          s.depth = d;
        }
        if (checks) runChecks(s, checks, v, start);
      };
    }
    case 'tuple': {
      const items = node.items.map((i) => compile(i, memo));
      return (s, v) => {
        if (!Array.isArray(v)) return invalidType(s, 'tuple', v);
        if (v.length < items.length) return tooSmall(s, STOP, 'array', items.length, true, v);
        if (v.length > items.length) tooBig(s, STOP, 'array', items.length, true, v);
        const d = s.depth++;
        for (let i = 0; i < items.length; i++) {
          s.path[d] = i;
          items[i]!(s, v[i]);
        }
        s.depth = d;
      };
    }
    case 'union': {
      const { key, values } = node;
      const options = node.options.map((i) => compile(i, memo));
      return (s, v) => {
        if (!isObject(v)) return invalidType(s, 'object', v);
        const tag = v[key];
        const at = values.indexOf(tag);
        if (at >= 0) return options[at]!(s, v);
        const names = values.map((x) => JSON.stringify(x));
        const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
        s.path[s.depth++] = key;
        report(s, STOP, 'invalid_value', `must be ${list}, got ${describe(tag)}`);
        s.depth--;
      };
    }
  }
}

/** Whether a value of the right type passes every check (the happy path). */
function allPass(checks: readonly IrCheck[]): Test {
  const tests = checks.map((ch): Test => {
    switch (ch.check) {
      case 'safeint':
        return (v) => Number.isSafeInteger(v);
      case 'min':
        return ch.inclusive ? (v) => (v as number) >= ch.value : (v) => (v as number) > ch.value;
      case 'max':
        return ch.inclusive ? (v) => (v as number) <= ch.value : (v) => (v as number) < ch.value;
      // strings count code points (a surrogate pair is one): count only when the units leave a doubt
      case 'min_length':
        return (v) => {
          const n = (v as string).length;
          return n >= ch.value * 2 || (n >= ch.value && codePoints(v as string) >= ch.value);
        };
      case 'max_length':
        return (v) => (v as string).length <= ch.value || codePoints(v as string) <= ch.value;
      case 'regex':
        return (v) => {
          ch.pattern.lastIndex = 0;
          return ch.pattern.test(v as string);
        };
      case 'custom':
        return (v) => Array.isArray(v);
    }
  });
  if (tests.length === 1) return tests[0]!;
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
    return true;
  };
}

function runChecks(s: State, checks: readonly IrCheck[], v: unknown, start: number): void {
  let stopped = s.flow.length !== start && since(s, start, GO);
  for (const ch of checks) {
    if (ch.check === 'min_length' || ch.check === 'max_length') {
      // zod runs these on anything with a length, unless an issue halted the value
      if (
        (s.flow.length !== start && since(s, start, HALT)) ||
        v === null ||
        v === undefined ||
        (v as { length?: unknown }).length === undefined
      )
        continue;
    } else if (stopped) continue;
    const before = s.issues.length;
    check(s, ch, v);
    if (!stopped && s.issues.length !== before) stopped = since(s, before, GO);
  }
}

/** Whether an issue from `start` on stops checks: any not GO (`not` = GO), or any HALT (`not` = HALT). */
function since(s: State, start: number, not: number): boolean {
  for (let i = start; i < s.flow.length; i++) {
    const f = s.flow[i]!;
    if (not === GO ? f !== GO : f === HALT) return true;
  }
  return false;
}

function check(s: State, ch: IrCheck, v: unknown): void {
  const flow = ch.abort ? HALT : GO;
  switch (ch.check) {
    case 'safeint':
      if (!Number.isInteger(v)) report(s, HALT, 'invalid_type', `must be a whole number, got ${describe(v)}`);
      else if (!Number.isSafeInteger(v)) {
        if ((v as number) > 0) tooBig(s, flow, 'int', Number.MAX_SAFE_INTEGER, true, v);
        else tooSmall(s, flow, 'int', Number.MIN_SAFE_INTEGER, true, v);
      }
      return;
    case 'min':
      if (!(ch.inclusive ? (v as number) >= ch.value : (v as number) > ch.value))
        tooSmall(s, flow, 'number', ch.value, ch.inclusive, v);
      return;
    case 'max':
      if (!(ch.inclusive ? (v as number) <= ch.value : (v as number) < ch.value))
        tooBig(s, flow, 'number', ch.value, ch.inclusive, v);
      return;
    case 'min_length': {
      // strings count code points, as zod does (an emoji is one character)
      const units = (v as { length: number }).length;
      const length = typeof v === 'string' && units >= ch.value && units < ch.value * 2 ? codePoints(v) : units;
      if (!(length >= ch.value)) tooSmall(s, flow, lengthOrigin(v), ch.value, true, v);
      return;
    }
    case 'max_length': {
      const units = (v as { length: number }).length;
      const length = typeof v === 'string' && units > ch.value ? codePoints(v) : units;
      if (!(length <= ch.value)) tooBig(s, flow, lengthOrigin(v), ch.value, true, v);
      return;
    }
    case 'regex': {
      ch.pattern.lastIndex = 0;
      if (ch.pattern.test(v as string)) return;
      const got = describe(v);
      if (ch.pattern === ID_PATTERN)
        report(
          s,
          flow,
          'invalid_id',
          `must start with a letter or digit and use only letters, digits and _ . : - (at most 64 characters), got ${got}`,
        );
      else if (ch.pattern === DATE_PATTERN)
        report(s, flow, 'invalid_date', `must be an ISO date such as 2026-07-01 or 2026-07-01T09:30:00Z, got ${got}`);
      else if (s.path[s.depth - 1] === 'currency' && s.depth > 0)
        report(s, flow, 'invalid_currency', `must be an ISO 4217 code such as "USD", got ${got}`);
      else report(s, flow, 'invalid_format', `has the wrong format, got ${got}`);
      return;
    }
    case 'custom':
      if (!Array.isArray(v)) report(s, flow, 'custom', ch.message);
      return;
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'text (a string)',
  object: 'an object',
  array: 'a list (an array)',
};

function invalidType(s: State, expected: string, v: unknown): void {
  if (v === undefined) report(s, STOP, 'required', 'is required');
  else if (expected === 'number' && typeof v === 'number')
    report(s, STOP, 'not_finite', `must be a finite number, got ${describe(v)}`);
  else report(s, STOP, 'invalid_type', `must be ${TYPE_NAMES[expected] ?? expected}, got ${describe(v)}`);
}

function tooSmall(s: State, flow: number, origin: string, min: number, inclusive: boolean, v: unknown): void {
  const text =
    origin === 'number' || origin === 'int'
      ? `must be a number ${inclusive ? '>=' : '>'} ${min}, got ${describe(v)}`
      : origin === 'string'
        ? min <= 1
          ? 'must not be empty'
          : `must be at least ${min} characters`
        : `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}, got ${describe(v)}`;
  report(s, flow, 'too_small', text);
}

function tooBig(s: State, flow: number, origin: string, max: number, inclusive: boolean, v: unknown): void {
  const text =
    origin === 'number' || origin === 'int'
      ? `must be a number ${inclusive ? '<=' : '<'} ${max}, got ${describe(v)}`
      : origin === 'string'
        ? `must be at most ${max} characters, got ${(v as string).length}`
        : `must have at most ${max} entries, got ${describe(v)}`;
  report(s, flow, 'too_big', text);
}

function report(s: State, flow: number, code: string, text: string): void {
  s.issues.push(issue(s.path.slice(0, s.depth), code, text));
  s.flow.push(flow);
}

function lengthOrigin(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : 'unknown';
}

function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
