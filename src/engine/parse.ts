// parseDocument (SPEC §5): guard -> field types and formats (./check.ts, the zod schema as data)
// -> semantic rules, every problem collected in one run, each with its path. Never throws.
// A clean document (the common case) is recognised in one walk instead (./clean.ts).
// zod itself is not loaded here: the widgets' bundle stays free of it.
import { issue } from './issues.js';
import type { MetricsDocument } from './schema.js';
import { guardInput } from './guard.js';
import { checkSchema } from './check.js';
import { validateSemantics } from './validate.js';
import { isClean } from './clean.js';
import { summarizeTtcv } from './ttcv.js';
import type { Issue } from './types.js';

export type ParseResult = { ok: true; document: MetricsDocument; warnings: Issue[] } | { ok: false; issues: Issue[] };

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
  // the common case, a document without a problem, in one walk (./clean.ts)
  const result = isClean(input)
    ? { ok: true as const, document: input as MetricsDocument, warnings: [] }
    : fullCheck(input);
  // SPEC §4's warnings (a smile that closes nothing, a duration given both ways) come from the
  // journeys' derivation, which needs no asOf for them; evaluate() reports them too
  if (result.ok && result.document.journeys) summarizeTtcv(result.document.journeys, 0, result.warnings);
  return result;
}

/** The full checks: every problem, each with its path, in zod's order (then the semantic ones). */
export function fullCheck(input: unknown): ParseResult {
  const guard = guardInput(input);
  if (guard.length) return { ok: false, issues: guard };
  const errors = checkSchema(input);
  const semantic = validateSemantics(input);
  if (semantic.errors.length) {
    const seen = new Set(errors.map((i) => i.message));
    for (const e of semantic.errors) if (!seen.has(e.message)) errors.push(e);
  }
  if (errors.length) return { ok: false, issues: errors };
  // The checks passed, so the input has the schema's shape (unknown keys were warned about).
  return { ok: true, document: input as MetricsDocument, warnings: semantic.warnings };
}
