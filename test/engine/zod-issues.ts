// The issue list parseDocument gave when it ran zod (parse.ts's fromZod until the zod-free
// checker replaced it), kept as the reference that test/engine/check.test.ts holds
// src/engine/check.ts to: zod's safeParse, each issue worded as the engine words it.
import type * as z from 'zod/mini';
import { describe, issue, type Path } from '../../src/engine/issues.js';
import { DATE_PATTERN, ID_PATTERN } from '../../src/engine/constants.js';
import { MetricsDocumentSchema } from '../../src/engine/schema.js';
import type { Issue } from '../../src/engine/types.js';

/** What zod finds in `input`, worded as parseDocument words it. */
export function zodIssues(input: unknown): Issue[] {
  return (MetricsDocumentSchema.safeParse(input, { reportInput: true }).error?.issues ?? []).map(fromZod);
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

export function fromZod(zi: ZodIssue): Issue {
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
        // zod's path already ends at the discriminator (parse.ts appended it again: `scoring.type.type`)
        const at = path[path.length - 1] === key ? path : [...path, key];
        return issue(at, 'invalid_value', `must be ${options}, got ${describe(value)}`);
      }
      return issue(path, 'invalid_value', `does not match any allowed form, got ${got}`);
    }
    default:
      return issue(path, zi.code, zi.message);
  }
}
