// The driver tree's view (DOM-free): the pan/zoom transform, zoom to fit, and culling. None of it
// re-runs the layout: a pan or zoom frame only changes a {x, y, k} and asks `cullTree` what
// is in view, which costs O(levels x log n + what is returned) thanks to the layout's
// per-level arrays (already in breadth order, so nothing is sorted per frame). Since a pan that
// stays inside the culled margin does not even cull (see the element), culling runs only when
// the view leaves the area drawn.
import { linkInto, type TreeBounds, type TreeLayout, type TreeLayoutLink, type TreeLayoutNode } from './tree.js';

/**
 * Screen = world * k + (x, y): the same convention as d3-zoom, i.e. the SVG group gets
 * `transform="translate(x,y) scale(k)"`.
 */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** The visible area in screen px (the element's content box). */
export interface Viewport {
  width: number;
  height: number;
}

export interface ZoomLimits {
  minK: number;
  maxK: number;
}

/** The +/- buttons and the wheel stay within these unless `zoomLimits` widens them for a big tree. */
export const DEFAULT_ZOOM_LIMITS: ZoomLimits = { minK: 0.1, maxK: 4 };

export const IDENTITY_TRANSFORM: ViewTransform = { x: 0, y: 0, k: 1 };

export function clampScale(k: number, limits: ZoomLimits = DEFAULT_ZOOM_LIMITS): number {
  if (!Number.isFinite(k)) return limits.minK;
  return Math.min(limits.maxK, Math.max(limits.minK, k));
}

/**
 * The limits to use once a tree is fitted: the defaults, widened so the fitted scale is
 * always reachable (a 5,000-node tree fits only far below 0.1).
 */
export function zoomLimits(fit: ViewTransform, base: ZoomLimits = DEFAULT_ZOOM_LIMITS): ZoomLimits {
  return { minK: Math.min(base.minK, fit.k), maxK: Math.max(base.maxK, fit.k) };
}

export interface FitOptions {
  /** Screen px kept free on every side. Default 24 (less when the viewport is smaller than that). */
  padding?: number;
  /** Never enlarge beyond this. Default 1: a small tree is shown at its natural size, not blown up. */
  maxK?: number;
  /** Never shrink below this. Default 0: the fit always shows everything. */
  minK?: number;
}

/**
 * The transform that shows `bounds` whole, centred in `viewport` with `padding` around it:
 * k = min(available width / bounds width, available height / bounds height), clamped to
 * [minK, maxK]. An empty or hidden viewport (0 x 0) gives k = 1 centred on the bounds.
 */
export function fitTransform(bounds: TreeBounds, viewport: Viewport, options: FitOptions = {}): ViewTransform {
  const maxK = options.maxK ?? 1;
  const minK = options.minK ?? 0;
  const pad = Math.max(0, Math.min(options.padding ?? 24, viewport.width / 4, viewport.height / 4));
  const availW = viewport.width - 2 * pad;
  const availH = viewport.height - 2 * pad;
  let k = 1;
  if (availW > 0 && availH > 0) {
    const kx = bounds.width > 0 ? availW / bounds.width : Infinity;
    const ky = bounds.height > 0 ? availH / bounds.height : Infinity;
    k = Math.min(kx, ky);
    k = Number.isFinite(k) ? Math.min(maxK, Math.max(minK, k)) : Math.min(maxK, 1);
  }
  return {
    x: viewport.width / 2 - (bounds.x + bounds.width / 2) * k,
    y: viewport.height / 2 - (bounds.y + bounds.height / 2) * k,
    k,
  };
}

/**
 * Zoom by `factor` (2 = twice as big) keeping the world point under the screen `point` where it
 * is (the wheel's or pinch's centre; the viewport centre for the +/- buttons). k is clamped,
 * so at a limit nothing moves.
 */
export function zoomAt(
  t: ViewTransform,
  factor: number,
  point: { x: number; y: number },
  limits: ZoomLimits = DEFAULT_ZOOM_LIMITS,
): ViewTransform {
  const k = clampScale(t.k * factor, limits);
  const r = k / t.k;
  return { x: point.x - (point.x - t.x) * r, y: point.y - (point.y - t.y) * r, k };
}

/**
 * A two-finger pinch step: the fingers moved from (a0, b0) to (a1, b1), screen px. The scale
 * changes by the ratio of their distances and the world point under their old midpoint moves
 * to their new midpoint (so a pinch can zoom and pan at once, as on a map). k is clamped.
 */
export function pinch(
  t: ViewTransform,
  a0: { x: number; y: number },
  b0: { x: number; y: number },
  a1: { x: number; y: number },
  b1: { x: number; y: number },
  limits: ZoomLimits = DEFAULT_ZOOM_LIMITS,
): ViewTransform {
  const before = Math.hypot(a0.x - b0.x, a0.y - b0.y);
  const after = Math.hypot(a1.x - b1.x, a1.y - b1.y);
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const zoomed = before > 0 && after > 0 ? zoomAt(t, after / before, m0, limits) : t;
  return panBy(zoomed, m1.x - m0.x, m1.y - m0.y);
}

/**
 * The zoom factor of one wheel event (d3-zoom's convention): exp(-deltaY x 0.002) for pixel
 * deltas, lines count 0.05, pages 1; ctrlKey (a trackpad pinch in Chromium, Firefox and Safari)
 * x 10, since pinches send small deltas.
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0, ctrlKey = false): number {
  const unit = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
  return Math.exp(-deltaY * unit * (ctrlKey ? 10 : 1));
}

/** Move by a drag of (dx, dy) screen px. */
export function panBy(t: ViewTransform, dx: number, dy: number): ViewTransform {
  return { x: t.x + dx, y: t.y + dy, k: t.k };
}

/** The part of the world in view, grown by `margin` screen px on every side. */
export function viewRect(t: ViewTransform, viewport: Viewport, margin = 0): TreeBounds {
  return {
    x: (-margin - t.x) / t.k,
    y: (-margin - t.y) / t.k,
    width: (viewport.width + 2 * margin) / t.k,
    height: (viewport.height + 2 * margin) / t.k,
  };
}

/**
 * The smallest pan that brings `rect` (world units, e.g. the focused card) into view with
 * `padding` screen px around it; the same transform when it is already in view. For keyboard
 * focus moving to a card outside the view. A rect larger than the view is aligned top-left.
 */
export function panIntoView(t: ViewTransform, viewport: Viewport, rect: TreeBounds, padding = 16): ViewTransform {
  const axis = (offset: number, start: number, size: number, view: number) => {
    const lo = start * t.k + offset - padding; // screen position of the padded start
    const hi = (start + size) * t.k + offset + padding; // ... and of the padded end
    if (lo < 0 || hi - lo > view) return offset - lo;
    if (hi > view) return offset - (hi - view);
    return offset;
  };
  return {
    x: axis(t.x, rect.x, rect.width, viewport.width),
    y: axis(t.y, rect.y, rect.height, viewport.height),
    k: t.k,
  };
}

export interface CullOptions {
  /** Screen px around the viewport that still count as in view (so a pan frame has cards ready). Default 100. */
  margin?: number;
  /** Ids always returned when visible in the layout (the focused card, so focus is never lost). */
  keep?: Iterable<string>;
}

export interface CulledTree {
  /** Cards in view, in the layout's depth-first order (DOM order = reading order). */
  nodes: TreeLayoutNode[];
  /** Links whose box meets the view, in the layout's order. */
  links: TreeLayoutLink[];
}

/**
 * The cards and links that meet the view (grown by `margin`). Conservative: a link counts when
 * its bounding box meets the view. Everything when the tree is fitted.
 */
export function cullTree(
  layout: TreeLayout,
  t: ViewTransform,
  viewport: Viewport,
  options: CullOptions = {},
): CulledTree {
  const view = viewRect(t, viewport, options.margin ?? 100);
  const o = layout.options;
  const horizontal = layout.orientation === 'horizontal';
  // Work in (depth axis, breadth axis); every card on one level shares its depth coordinate.
  const d0 = horizontal ? view.x : view.y;
  const d1 = d0 + (horizontal ? view.width : view.height);
  const b0 = horizontal ? view.y : view.x;
  const b1 = b0 + (horizontal ? view.height : view.width);
  const halfDepth = (horizontal ? o.nodeWidth : o.nodeHeight) / 2;
  const halfBreadth = (horizontal ? o.nodeHeight : o.nodeWidth) / 2;
  const depthOf = (n: TreeLayoutNode) => (horizontal ? n.cx : n.cy);
  const breadthOf = (n: TreeLayoutNode) => (horizontal ? n.cy : n.cx);

  const nodes: TreeLayoutNode[] = [];
  const links: TreeLayoutLink[] = [];
  for (let depth = 0; depth < layout.levels.length; depth++) {
    const level = layout.levels[depth]!;
    const c = depthOf(level[0]!);
    if (c + halfDepth >= d0 && c - halfDepth <= d1) {
      // first card whose far breadth edge reaches b0; then take cards until one starts after b1
      let i = lowerBound(level.length, (j) => breadthOf(level[j]!) + halfBreadth >= b0);
      for (; i < level.length && breadthOf(level[i]!) - halfBreadth <= b1; i++) nodes.push(level[i]!);
    }
    if (depth === 0) continue;
    // The link into each card of this level runs from its parent's far edge to the card's near
    // edge: one stretch along the depth axis for the whole level.
    const parentOf = (n: TreeLayoutNode) => layout.byId.get(n.parentId!)!;
    const first = level[0]!;
    const p0 = parentOf(first);
    const ld0 = horizontal ? p0.x + p0.width : p0.y + p0.height;
    const ld1 = horizontal ? first.x : first.y;
    if (Math.max(ld0, ld1) < d0 || Math.min(ld0, ld1) > d1) continue;
    // Across, a link spans its parent's and its card's middles. In breadth order both are
    // non-decreasing, so min and max are too: the links meeting [b0, b1] form one run. Only
    // those are made (linkInto), not every link of the layout.
    const lo = (j: number) => Math.min(breadthOf(parentOf(level[j]!)), breadthOf(level[j]!));
    const hi = (j: number) => Math.max(breadthOf(parentOf(level[j]!)), breadthOf(level[j]!));
    let i = lowerBound(level.length, (j) => hi(j) >= b0);
    for (; i < level.length && lo(i) <= b1; i++) links.push(linkInto(layout, level[i]!)!);
  }
  if (options.keep) {
    const have = new Set(nodes);
    for (const id of options.keep) {
      const n = layout.byId.get(id);
      if (n && !have.has(n)) (nodes.push(n), have.add(n));
    }
  }
  // Only what is in view is sorted (k log k), back into depth-first order.
  nodes.sort((a, b) => a.index - b.index);
  links.sort((a, b) => a.index - b.index);
  return { nodes, links };
}

/** The first index in [0, n) where `ok` turns true (`ok` false then true); n when never. */
function lowerBound(n: number, ok: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The view on load, on resize and for the Fit button: the whole tree when it fits at `minK` or
 * more; otherwise (a big tree would be a sliver of unreadable cards) scale `minK` with the root
 * card at the start of the depth axis, centred across it, so the top of the tree is readable.
 * `inset` keeps screen px free at the top (a floating toolbar).
 */
export function readableFit(layout: TreeLayout, viewport: Viewport, minK = 0.8, inset = 0): ViewTransform {
  const vp = { width: viewport.width, height: Math.max(0, viewport.height - inset) };
  const fit = fitTransform(layout.bounds, vp);
  if (fit.k >= minK || !layout.nodes.length) return { ...fit, y: fit.y + inset };
  const root = layout.nodes[0]!;
  const pad = 24;
  const b = layout.bounds;
  if (layout.orientation === 'horizontal') {
    const fitsAcross = b.width * minK <= vp.width - 2 * pad;
    const x = fitsAcross ? vp.width / 2 - (b.x + b.width / 2) * minK : pad - root.x * minK;
    return { x, y: inset + vp.height / 2 - root.cy * minK, k: minK };
  }
  const fitsDown = b.height * minK <= vp.height - 2 * pad;
  const y = fitsDown ? vp.height / 2 - (b.y + b.height / 2) * minK : pad - root.y * minK;
  return { x: vp.width / 2 - root.cx * minK, y: inset + y, k: minK };
}
