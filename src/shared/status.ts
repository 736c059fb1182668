// Status is never told by colour alone (SPEC §6): every status has a word and a shape too.
import type { Status } from '../engine/types.js';

export const STATUS_TEXT: Record<Status, string> = {
  good: 'Good',
  watch: 'Watch',
  act: 'Act',
  missing: 'Not measured',
};

/** One glyph per status that survives greyscale and colour-blindness: ✓ check, ! triangle, ✕ cross, ○ ring. */
export const STATUS_GLYPH: Record<Status, string> = { good: '✓', watch: '!', act: '✕', missing: '○' };
