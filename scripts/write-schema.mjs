// Writes dist/schema.json from the built engine (the zod schema is the source of truth).
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/engine.js';

writeFileSync(new URL('../dist/schema.json', import.meta.url), JSON.stringify(toJsonSchema(), null, 2) + '\n');
console.log('wrote dist/schema.json');
