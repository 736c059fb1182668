// Which rows of a long list go into the DOM (the scorecard's and the timeline's windowed rows).

export interface VirtualWindowInput {
  /** The scroller's scrollTop in px (clamped to the scrollable range). */
  scrollTop: number;
  /** The scroller's visible height in px. */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below the visible ones; default 6. */
  overscan?: number;
}

export interface VirtualWindow {
  /** First row to render (inclusive). */
  start: number;
  /** One past the last row to render (exclusive); start === end when nothing is rendered. */
  end: number;
  /** translateY (px) of the first rendered row: start * rowHeight. */
  offsetY: number;
  /** Height (px) of the full list, for the scroll spacer: rowCount * rowHeight. */
  totalHeight: number;
}

/**
 * The rows [start, end) to put in the DOM for a scroll position, with `overscan` rows either side,
 * so 2,000 journeys cost only a screenful of rows. A scrollTop past the end (after the list
 * shrank, e.g. a segment filter) is clamped so the last rows stay visible.
 */
export function virtualWindow(input: VirtualWindowInput): VirtualWindow {
  const { rowHeight, overscan = 6 } = input;
  const rowCount = Math.max(0, Math.floor(input.rowCount));
  const viewport = Math.max(0, finiteOr(input.viewportHeight, 0));
  if (!(rowHeight > 0) || rowCount === 0) return { start: 0, end: 0, offsetY: 0, totalHeight: 0 };
  const totalHeight = rowCount * rowHeight;
  const top = Math.min(Math.max(0, finiteOr(input.scrollTop, 0)), Math.max(0, totalHeight - viewport));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewport) / rowHeight); // exclusive
  const start = Math.max(0, first - overscan);
  const end = Math.min(rowCount, Math.max(last, first + 1) + overscan);
  return { start, end, offsetY: start * rowHeight, totalHeight };
}

const finiteOr = (v: number, d: number) => (Number.isFinite(v) ? v : d);
