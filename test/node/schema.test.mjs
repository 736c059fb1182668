// dist/schema.json, generated from the zod schema, checked with a real JSON Schema validator (ajv,
// draft 2020-12): every valid example passes, every invalid one fails, except the two rules JSON
// Schema cannot express (ids unique across a tree, watch <= good), which only the engine checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseDocument } from 'ocmf-widgets/engine';

const schema = JSON.parse(readFileSync(new URL('../../dist/schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const dir = new URL('../../examples/', import.meta.url);
const read = (f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
const ENGINE_ONLY = new Set(['duplicate-id.json', 'thresholds-order.json']);

test('the schema is draft 2020-12 and compiles', () => {
  assert.match(schema.$schema, /2020-12/);
});

for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  test(`valid: ${f}`, () => {
    assert.equal(validate(read(f)), true, JSON.stringify(validate.errors?.slice(0, 3)));
  });
}

for (const f of readdirSync(new URL('invalid/', dir)).filter((f) => f.endsWith('.json'))) {
  test(`invalid: ${f}`, () => {
    const doc = read(`invalid/${f}`);
    assert.equal(parseDocument(doc).ok, false, 'the engine rejects it');
    if (ENGINE_ONLY.has(f)) assert.equal(validate(doc), true, 'beyond JSON Schema: only the engine can tell');
    else assert.equal(validate(doc), false, 'the JSON Schema rejects it too');
  });
}

test('unknown keys are allowed by the schema (they are warnings, not errors)', () => {
  assert.equal(validate({ root: { id: 'r', label: 'R', value: 1, wieght: 3 } }), true);
});
