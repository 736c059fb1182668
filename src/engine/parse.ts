// parseDocument (SPEC §5): guard -> zod (field types and formats) -> semantic rules, every
// problem collected in one run, each with its path. Never throws.
import type * as z from 'zod/mini';
import { describe, issue, type Path } from './issues.js';
import { DATE_PATTERN, ID_PATTERN, MetricsDocumentSchema, type MetricsDocument } from './schema.js';
import { guardInput } from './guard.js';
import { validateSemantics } from './validate.js';
import { compileFastCheck } from './fastcheck.js';
import type { Issue } from './types.js';

export type ParseResult = { ok: true; document: MetricsDocument; warnings: Issue[] } | { ok: false; issues: Issue[] };

let fastCheck: ((v: unknown) => boolean) | undefined;

export function parseDocument(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (err) {
    // Nothing the input holds should get here; if it does, it is our bug, reported as an issue.
    return { ok: false, issues: [issue([], 'internal', `the document could not be read (${String(err)})`)] };
  }
}

function parseUnsafe(input: unknown): ParseResult {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (err) {
      return { ok: false, issues: [issue([], 'json', `not valid JSON: ${(err as Error).message}`)] };
    }
  }
  const guard = guardInput(input);
  if (guard.length) return { ok: false, issues: guard };
  // zod runs only when the fast check (compiled from the same schema) finds a problem
  fastCheck ??= compileFastCheck(MetricsDocumentSchema) ?? (() => false);
  const fieldsOk = fastCheck(input);
  const zodIssues = fieldsOk ? [] : (MetricsDocumentSchema.safeParse(input, { reportInput: true }).error?.issues ?? []);
  const errors: Issue[] = zodIssues.map(fromZod);
  const semantic = validateSemantics(input);
  const seen = new Set(errors.map((i) => i.message));
  for (const e of semantic.errors) if (!seen.has(e.message)) errors.push(e);
  if (errors.length || !(fieldsOk || zodIssues.length === 0)) return { ok: false, issues: errors };
  // The checks passed, so the input has the schema's shape (unknown keys were warned about).
  return { ok: true, document: input as MetricsDocument, warnings: semantic.warnings };
}

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text (a string)',
  object: 'an object',
  array: 'a list (an array)',
  boolean: 'true or false',
  null: 'null',
};

function fromZod(zi: ZodIssue): Issue {
  const path = zi.path.filter((k): k is string | number => typeof k !== 'symbol') as Path;
  const got = describe(zi.input);
  switch (zi.code) {
    case 'invalid_type': {
      if (zi.input === undefined) return issue(path, 'required', 'is required');
      if (zi.expected === 'number' && typeof zi.input === 'number') {
        return issue(path, 'not_finite', `must be a finite number, got ${got}`);
      }
      return issue(path, 'invalid_type', `must be ${TYPE_NAMES[zi.expected] ?? zi.expected}, got ${got}`);
    }
    case 'too_small': {
      const min = Number(zi.minimum);
      if (zi.origin === 'number' || zi.origin === 'int') {
        return issue(path, 'too_small', `must be a number ${zi.inclusive ? '>=' : '>'} ${min}, got ${got}`);
      }
      if (zi.origin === 'string') {
        return issue(path, 'too_small', min <= 1 ? 'must not be empty' : `must be at least ${min} characters`);
      }
      return issue(path, 'too_small', `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}, got ${got}`);
    }
    case 'too_big': {
      const max = Number(zi.maximum);
      if (zi.origin === 'number' || zi.origin === 'int') {
        return issue(path, 'too_big', `must be a number ${zi.inclusive ? '<=' : '<'} ${max}, got ${got}`);
      }
      if (zi.origin === 'string')
        return issue(path, 'too_big', `must be at most ${max} characters, got ${(zi.input as string).length}`);
      return issue(path, 'too_big', `must have at most ${max} entries, got ${got}`);
    }
    case 'invalid_format': {
      const pattern = 'pattern' in zi ? String(zi.pattern) : '';
      if (pattern === String(ID_PATTERN)) {
        return issue(
          path,
          'invalid_id',
          `must start with a letter or digit and use only letters, digits and _ . : - (at most 64 characters), got ${got}`,
        );
      }
      if (pattern === String(DATE_PATTERN)) {
        return issue(
          path,
          'invalid_date',
          `must be an ISO date such as 2026-07-01 or 2026-07-01T09:30:00Z, got ${got}`,
        );
      }
      if (path[path.length - 1] === 'currency')
        return issue(path, 'invalid_currency', `must be an ISO 4217 code such as "USD", got ${got}`);
      return issue(path, 'invalid_format', `has the wrong format, got ${got}`);
    }
    case 'invalid_value': {
      const values = zi.values.map((v) => JSON.stringify(v)).join(', ');
      return issue(path, 'invalid_value', `must be ${zi.values.length > 1 ? 'one of ' : ''}${values}, got ${got}`);
    }
    case 'invalid_union': {
      const key = (zi as { discriminator?: string }).discriminator;
      if (key) {
        const options = key === 'type' ? '"linear", "piecewise" or "identity"' : '"nps", "csat" or "ces"';
        const value = (zi.input as Record<string, unknown> | undefined)?.[key];
        return issue([...path, key], 'invalid_value', `must be ${options}, got ${describe(value)}`);
      }
      return issue(path, 'invalid_value', `does not match any allowed form, got ${got}`);
    }
    default:
      return issue(path, zi.code, zi.message);
  }
}
