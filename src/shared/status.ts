// Status is never told by colour alone (SPEC §6): every status has a word and a shape too.
import { svg, type SVGTemplateResult } from 'lit';
import type { Status } from '../engine/types.js';

export const STATUS_TEXT: Record<Status, string> = {
  good: 'Good',
  watch: 'Watch',
  act: 'Act',
  missing: 'Not measured',
};

/** One glyph per status that survives greyscale and colour-blindness: ✓ check, ! triangle, ✕ cross, ○ ring. */
export const STATUS_GLYPH: Record<Status, string> = { good: '✓', watch: '!', act: '✕', missing: '○' };

/**
 * A 16×16 status shape for SVG or inline use (circle with check, triangle, square with cross, dashed ring).
 * Put it inside an `<svg viewBox="0 0 16 16">`; it uses `currentColor` so the caller picks the colour.
 */
export function statusShape(status: Status): SVGTemplateResult {
  switch (status) {
    case 'good':
      return svg`<circle cx="8" cy="8" r="7" fill="currentColor"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="var(--_on-status)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'watch':
      return svg`<path d="M8 1.2 15.2 14.4H.8Z" fill="currentColor"/><path d="M8 5.6v4.4" stroke="var(--_on-status)" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="12.2" r="1" fill="var(--_on-status)"/>`;
    case 'act':
      return svg`<rect x="1.2" y="1.2" width="13.6" height="13.6" rx="2" fill="currentColor"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="var(--_on-status)" stroke-width="1.8" stroke-linecap="round"/>`;
    default:
      return svg`<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.4 2"/>`;
  }
}
