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

/**
 * The DOM row (slot) each shown row is drawn in, for a keyed `repeat` over slots instead of rows:
 * a windowed list refills the DOM rows it has instead of cloning new ones and dropping old ones.
 * - A row still shown keeps its slot (it stays put or moves, and its focus and state stay); a row
 *   new to the window takes a slot a departed row left.
 * - When most rows are new (a sort, a jump), every row takes a slot afresh, in order, the lowest
 *   free one: moving many rows to match kept slots costs more than refilling them.
 * - The slot of the row holding focus (`focused`, when given) is never handed to another row, so
 *   focus never lands on another item: it stays with its row, or is dropped with it.
 * `prev` is the last call's `next` (empty at first).
 */
export function windowSlots<K>(
  prev: ReadonlyMap<K, number>,
  shown: readonly K[],
  focused?: K | null,
): { slots: number[]; next: Map<K, number> } {
  const next = new Map<K, number>();
  const taken = new Set<number>();
  for (const k of shown) {
    const s = prev.get(k);
    if (s !== undefined) (next.set(k, s), taken.add(s));
  }
  const keep = focused != null ? prev.get(focused) : undefined;
  if (next.size * 2 < shown.length) {
    // afresh: only the focused row keeps its slot
    next.clear();
    taken.clear();
    if (keep !== undefined && shown.includes(focused!)) next.set(focused!, keep);
  }
  if (keep !== undefined) taken.add(keep);
  let free = 0;
  const slots = shown.map((k) => {
    let s = next.get(k);
    if (s !== undefined) return s;
    while (taken.has(free)) free++;
    s = free;
    taken.add(s);
    next.set(k, s);
    return s;
  });
  return { slots, next };
}
