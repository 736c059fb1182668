// The driver tree's layout (DOM-free): engine result + expansion state -> positioned cards and
// links in world units. The tidy-tree maths is d3-hierarchy's tree() on flat arrays, link curves
// are d3-shape's link formula, both written out; the element only draws these numbers. Pan and
// zoom never come here: they move a transform (./tree-view.ts), so the layout re-runs only when the structure changes (expand, collapse,
// orientation, card size, a new document).
import type { EvaluatedNode, NextStep } from '../engine/types.js';

/** `horizontal`: the root on the left, depth grows to the right (default). `vertical`: the root on top. */
export type TreeOrientation = 'horizontal' | 'vertical';

/**
 * Which nodes are open. A node's children are shown when the node is expanded:
 * `collapsed` wins over `expanded`, which wins over the `depth` default.
 */
export interface TreeExpansion {
  /** Ids forced open. */
  expanded?: Iterable<string>;
  /** Ids forced closed. */
  collapsed?: Iterable<string>;
  /**
   * How many levels below the layout root are shown when neither set names a node: a node at
   * relative depth `d` is open when `d < depth`. 0 shows the root alone, 1 the root and its
   * children, 2 adds the grandchildren (`depth="2"`). Default: Infinity (everything open).
   */
  depth?: number;
}

export interface TreeLayoutOptions extends TreeExpansion {
  /** Default 'horizontal'. */
  orientation?: TreeOrientation;
  /** Card size in world units (px at zoom 1). Defaults 200 x 72. */
  nodeWidth?: number;
  nodeHeight?: number;
  /** Space between two sibling cards, across the depth axis. Default 16. */
  siblingGap?: number;
  /** Extra space between neighbouring cards with different parents, on top of siblingGap. Default 16. */
  groupGap?: number;
  /** Space between a parent's card and its children's cards, along the depth axis. Default 64. */
  levelGap?: number;
  /**
   * Link stroke width: `maxLinkWidth * effectiveWeight / the layout root's effectiveWeight`, clamped
   * to [minLinkWidth, maxLinkWidth]. Defaults 1.5 and 12. Relative to the shown root so a subtree
   * picked with `node="..."` is not drawn all hairlines (for the document root it is simply ew * max).
   */
  minLinkWidth?: number;
  maxLinkWidth?: number;
}

/** The options with every default filled in (kept on the layout so it can be re-run or refreshed). */
export type ResolvedTreeLayoutOptions = Required<Omit<TreeLayoutOptions, 'expanded' | 'collapsed'>> & {
  expanded: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
};

export const TREE_LAYOUT_DEFAULTS = {
  orientation: 'horizontal',
  nodeWidth: 200,
  nodeHeight: 72,
  siblingGap: 16,
  groupGap: 16,
  levelGap: 64,
  minLinkWidth: 1.5,
  maxLinkWidth: 12,
  depth: Infinity,
} as const satisfies Omit<Required<TreeLayoutOptions>, 'expanded' | 'collapsed'>;

/** One visible card. World units; (x, y) is the card's top-left corner; the layout root's centre is (0, 0). */
export interface TreeLayoutNode {
  id: string;
  /** The engine's node (label, score, status, share, contribution...): what the card shows. */
  node: EvaluatedNode;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the card. */
  cx: number;
  cy: number;
  /** Depth below the layout root (root 0); aria-level is depth + 1. */
  depth: number;
  /** True when the engine node has children (shown or not): the card gets a toggle and aria-expanded. */
  hasChildren: boolean;
  /** True when its children are shown. Always false for a leaf (a leaf has no aria-expanded). */
  expanded: boolean;
  /** The visible parent's id; null for the layout root. */
  parentId: string | null;
  /** Position in the visible depth-first order (the tree's reading and arrow-key order). */
  index: number;
  /** aria-posinset / aria-setsize: 1-based position among its siblings, and their count. Needed because culling leaves siblings out of the DOM. */
  posInSet: number;
  setSize: number;
}

/** A link from a parent card's edge to a child card's edge. */
export interface TreeLayoutLink {
  sourceId: string;
  targetId: string;
  /** Position in `layout.links` (the target's index - 1): a stable key and sort order. */
  index: number;
  /**
   * SVG path data (d3-shape link curve, 3 decimals), world units. Computed on first read and
   * cached: formatting is half the layout time on 5,000 nodes, and culling reads only a few.
   */
  readonly d: string;
  /** Proportional to the child's effectiveWeight (relative to the layout root's), clamped to [minLinkWidth, maxLinkWidth]. */
  strokeWidth: number;
  effectiveWeight: number;
  /** The child is not measured (draw dashed). */
  missing: boolean;
  /** End points: the parent's edge (x1, y1) and the child's edge (x2, y2). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TreeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TreeLayout {
  orientation: TreeOrientation;
  /** Visible cards in depth-first order (index i is `nodes[i]`). */
  nodes: TreeLayoutNode[];
  /** One link per visible non-root card, in the order of `nodes` (by target). */
  links: TreeLayoutLink[];
  /** The box holding every card (links stay inside it). */
  bounds: TreeBounds;
  byId: Map<string, TreeLayoutNode>;
  /** Visible children per id, in order (empty for collapsed nodes and leaves). */
  childrenOf: Map<string, TreeLayoutNode[]>;
  /**
   * Culling index (read-only, for ./tree-view.ts): cards per depth, and links per child depth,
   * each in breadth order. Depth-first order keeps each level sorted, so no sort is needed.
   */
  levels: TreeLayoutNode[][];
  linkLevels: TreeLayoutLink[][];
  options: ResolvedTreeLayoutOptions;
}

const EMPTY: ReadonlySet<string> = new Set();

function toSet(ids: Iterable<string> | undefined): ReadonlySet<string> {
  if (!ids) return EMPTY;
  return ids instanceof Set ? ids : new Set(ids);
}

export function resolveTreeLayoutOptions(options: TreeLayoutOptions = {}): ResolvedTreeLayoutOptions {
  // One object shape whatever the caller passed: a layout read options of several shapes, and V8
  // threw its optimised code away at each new one (14 deopts in the first 30 layouts of 5,000 cards).
  const d = TREE_LAYOUT_DEFAULTS;
  const depth = options.depth ?? d.depth;
  return {
    orientation: options.orientation ?? d.orientation,
    nodeWidth: options.nodeWidth ?? d.nodeWidth,
    nodeHeight: options.nodeHeight ?? d.nodeHeight,
    siblingGap: options.siblingGap ?? d.siblingGap,
    groupGap: options.groupGap ?? d.groupGap,
    levelGap: options.levelGap ?? d.levelGap,
    minLinkWidth: options.minLinkWidth ?? d.minLinkWidth,
    maxLinkWidth: options.maxLinkWidth ?? d.maxLinkWidth,
    depth: depth >= 0 ? depth : d.depth,
    expanded: toSet(options.expanded),
    collapsed: toSet(options.collapsed),
  };
}

/** Whether `node` (at `depth` below the layout root) shows its children under `expansion`. Leaves: false. */
export function isExpanded(
  expansion: Pick<ResolvedTreeLayoutOptions, 'expanded' | 'collapsed' | 'depth'>,
  node: EvaluatedNode,
  depth: number,
): boolean {
  if (!node.children?.length) return false;
  // (size first: two set lookups per card were a tenth of a 5,000-card layout)
  if (expansion.collapsed.size && expansion.collapsed.has(node.id)) return false;
  if (expansion.expanded.size && expansion.expanded.has(node.id)) return true;
  return depth < expansion.depth;
}

/**
 * Returns a new expansion with `ids` forced open (`open` true) or closed: the element's
 * toggle, and how search results are opened (`setExpanded(state, result.expand, true)`).
 */
export function setExpanded(expansion: TreeExpansion, ids: Iterable<string>, open: boolean): TreeExpansion {
  const expanded = new Set(expansion.expanded ?? []);
  const collapsed = new Set(expansion.collapsed ?? []);
  for (const id of ids) {
    (open ? expanded : collapsed).add(id);
    (open ? collapsed : expanded).delete(id);
  }
  return { ...expansion, expanded, collapsed };
}

/**
 * Lays out the visible part of the tree under `root` (the document root or the node picked by
 * `node="..."`). O(visible nodes). Re-run only on structure change; see `refreshTreeValues`
 * for new values on the same structure (what-if, refresh).
 */
export function layoutTree(root: EvaluatedNode, options: TreeLayoutOptions = {}): TreeLayout {
  const o = resolveTreeLayoutOptions(options);
  const horizontal = o.orientation !== 'vertical';
  // Breadth: across the depth axis (y when horizontal).
  const breadthSize = horizontal ? o.nodeHeight : o.nodeWidth;
  const depthSize = horizontal ? o.nodeWidth : o.nodeHeight;
  const breadthStep = breadthSize + o.siblingGap;
  const t = tidyTree(root, o, (breadthStep + o.groupGap) / breadthStep);
  const count = t.data.length;
  const levelStep = depthSize + o.levelGap;

  const nodes: TreeLayoutNode[] = new Array(count);
  const byId = new Map<string, TreeLayoutNode>();
  const levels: TreeLayoutNode[][] = [];
  const place = new Placer(t, nodes, o, horizontal, breadthStep, levelStep);
  for (let i = 0; i < count; i++) {
    const n = place.node(i);
    nodes[i] = n;
    byId.set(n.id, n);
    (levels[n.depth] ??= []).push(n);
  }
  const { x0, y0, x1, y1 } = place;
  const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  return new Layout(nodes, bounds, byId, levels, o, t.parent);
}

/** Makes one card per call (a method, so V8 optimises it across layouts; see `Tidy`) and keeps the bounds. */
class Placer {
  x0 = Infinity;
  y0 = Infinity;
  x1 = -Infinity;
  y1 = -Infinity;

  constructor(
    readonly t: TidyTree,
    readonly nodes: TreeLayoutNode[],
    readonly o: ResolvedTreeLayoutOptions,
    readonly horizontal: boolean,
    readonly breadthStep: number,
    readonly levelStep: number,
  ) {}

  node(i: number): TreeLayoutNode {
    const { t, o } = this;
    const data = t.data[i]!;
    const depth = t.depth[i]!;
    const p = t.parent[i]!;
    // the same arithmetic as d3-hierarchy's tree().nodeSize(): x in separation units times the step
    const breadth = t.x[i]! * this.breadthStep;
    const along = depth * this.levelStep;
    const cx = this.horizontal ? along : breadth;
    const cy = this.horizontal ? breadth : along;
    const x = cx - o.nodeWidth / 2;
    const y = cy - o.nodeHeight / 2;
    if (x < this.x0) this.x0 = x;
    if (y < this.y0) this.y0 = y;
    if (x + o.nodeWidth > this.x1) this.x1 = x + o.nodeWidth;
    if (y + o.nodeHeight > this.y1) this.y1 = y + o.nodeHeight;
    return {
      id: data.id,
      node: data,
      x,
      y,
      width: o.nodeWidth,
      height: o.nodeHeight,
      cx,
      cy,
      depth,
      hasChildren: !!data.children?.length,
      expanded: t.firstChild[i]! >= 0,
      parentId: p >= 0 ? this.nodes[p]!.id : null,
      index: i,
      posInSet: t.sibIndex[i]! + 1,
      setSize: p >= 0 ? t.sibIndex[t.lastChild[p]!]! + 1 : 1,
    };
  }
}

/**
 * A layout whose links and children lists are made on first read: collapse and expand re-lay out
 * every visible card, but culling reads only the links in view and the keyboard the children of
 * a few cards (on 5,000 cards that is 10,000 objects and map entries fewer per toggle).
 */
class Layout implements TreeLayout {
  readonly orientation: TreeOrientation;
  #parent: Int32Array;
  #linkAt: (LayoutLink | undefined)[];
  #links: LayoutLink[] | undefined;
  #linkLevels: LayoutLink[][] | undefined;
  #childrenOf: Map<string, TreeLayoutNode[]> | undefined;

  constructor(
    readonly nodes: TreeLayoutNode[],
    readonly bounds: TreeBounds,
    readonly byId: Map<string, TreeLayoutNode>,
    readonly levels: TreeLayoutNode[][],
    readonly options: ResolvedTreeLayoutOptions,
    /** The visible parent's index per card (-1 for the root). */
    parent: Int32Array,
    linkAt: (LayoutLink | undefined)[] = [],
  ) {
    this.orientation = options.orientation === 'vertical' ? 'vertical' : 'horizontal';
    this.#parent = parent;
    this.#linkAt = linkAt;
  }

  get links(): LayoutLink[] {
    return (this.#links ??= this.nodes.slice(1).map((n) => this.linkInto(n)!));
  }

  get linkLevels(): LayoutLink[][] {
    return (this.#linkLevels ??= this.levels.map((level, depth) => (depth ? level.map((n) => this.linkInto(n)!) : [])));
  }

  get childrenOf(): Map<string, TreeLayoutNode[]> {
    if (this.#childrenOf) return this.#childrenOf;
    const map = new Map<string, TreeLayoutNode[]>();
    for (const n of this.nodes) map.set(n.id, []);
    for (const n of this.nodes) if (n.parentId !== null) map.get(n.parentId)!.push(n);
    return (this.#childrenOf = map);
  }

  /** The link into card `n` of this layout (made once, then the same object); undefined for the root. */
  linkInto(n: TreeLayoutNode): LayoutLink | undefined {
    const i = n.index;
    if (i <= 0) return undefined;
    const cached = this.#linkAt[i];
    if (cached) return cached;
    const parent = this.nodes[this.#parent[i]!]!;
    const horizontal = this.orientation === 'horizontal';
    const ew = n.node.effectiveWeight;
    // From the parent's far edge to the child's near edge, through the middle of the cards.
    const link = new LayoutLink(
      parent.id,
      n.id,
      i - 1,
      linkWidth(ew, this.options, this.nodes[0]!.node.effectiveWeight),
      ew,
      n.node.status === 'missing',
      horizontal ? parent.x + parent.width : parent.cx,
      horizontal ? parent.cy : parent.y + parent.height,
      horizontal ? n.x : n.cx,
      horizontal ? n.cy : n.y,
      this.orientation,
    );
    return (this.#linkAt[i] = link);
  }

  /** The same positions with other engine nodes (what-if): links already made keep their path. */
  withNodes(nodes: TreeLayoutNode[]): Layout {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const levels = this.levels.map((level) => level.map((n) => nodes[n.index]!));
    const next = new Layout(nodes, this.bounds, byId, levels, this.options, this.#parent);
    const rootWeight = nodes[0]!.node.effectiveWeight;
    this.#linkAt.forEach((l, i) => {
      if (!l) return;
      const node = nodes[i]!.node;
      const width = linkWidth(node.effectiveWeight, this.options, rootWeight);
      next.#linkAt[i] = l.withValues(node.effectiveWeight, width, node.status === 'missing');
    });
    return next;
  }
}

/** The link into card `n` (the layout's own object); undefined for the root. */
export function linkInto(layout: TreeLayout, n: TreeLayoutNode): TreeLayoutLink | undefined {
  return layout instanceof Layout ? layout.linkInto(n) : layout.links[n.index - 1];
}

interface TidyTree {
  /** The visible nodes in depth-first (pre-)order; every array below is indexed like it. */
  data: EvaluatedNode[];
  parent: Int32Array;
  depth: Int32Array;
  firstChild: Int32Array;
  lastChild: Int32Array;
  /** Position among its siblings (0-based). */
  sibIndex: Int32Array;
  /** Breadth position in separation units (1 = one sibling step). */
  x: Float64Array;
}

/**
 * The Reingold-Tilford tidy tree in Buchheim, Jünger and Leipert's linear-time form: d3-hierarchy's
 * `tree()` (same steps, same floating-point results) on flat typed arrays instead of two wrapper
 * objects per node, because collapse and expand re-run it on every toggle (5,000 nodes: ~10x faster,
 * far less garbage). `separation` is the gap between neighbours with different parents.
 */
function tidyTree(root: EvaluatedNode, o: ResolvedTreeLayoutOptions, separation: number): TidyTree {
  const rootDepth = root.depth ?? 0;
  // Pre-order of the visible nodes, with parent and sibling links.
  const data: EvaluatedNode[] = [];
  const par: number[] = [];
  const stack: EvaluatedNode[] = [root];
  const stackParent: number[] = [-1];
  while (stack.length) {
    const d = stack.pop()!;
    const i = data.length;
    data.push(d);
    par.push(stackParent.pop()!);
    if (isExpanded(o, d, (d.depth ?? 0) - rootDepth)) pushChildren(d.children!, i, stack, stackParent);
  }
  const t = new Tidy(data, Int32Array.from(par), separation);
  const n = data.length;
  for (let i = 1; i < n; i++) t.link(i);
  // First walk in post-order, children left to right (d3's eachAfter order).
  const post = t.postOrder();
  for (let j = n - 1; j >= 0; j--) t.firstWalk(post[j]!);
  return t.secondWalk();
}

// The per-node steps are methods called once per node, not loop bodies inside one long call: V8
// optimises a function after a few calls with what it has seen, while a loop inside a function
// that runs once per layout is optimised mid-call (on-stack) and thrown away on the next layout
// (its start had run before V8 kept type feedback). That made the second layout of a page, the
// first collapse, run unoptimised: ~20 ms instead of ~4 for 5,000 cards.
function pushChildren(kids: EvaluatedNode[], i: number, stack: EvaluatedNode[], stackParent: number[]): void {
  for (let k = kids.length - 1; k >= 0; k--) (stack.push(kids[k]!), stackParent.push(i));
}

/** Buchheim's per-node fields as typed arrays, and the walks over them. */
class Tidy {
  readonly n: number;
  readonly depth: Int32Array;
  readonly firstChild: Int32Array;
  readonly lastChild: Int32Array;
  readonly prevSib: Int32Array;
  readonly nextSib: Int32Array;
  readonly sibIndex: Int32Array;
  // prelim (z), mod (m), change (c), shift (s), thread (th), ancestor (a), and per parent the
  // default ancestor (A) of its children
  readonly z: Float64Array;
  readonly m: Float64Array;
  readonly c: Float64Array;
  readonly s: Float64Array;
  readonly th: Int32Array;
  readonly a: Int32Array;
  readonly A: Int32Array;

  constructor(
    readonly data: EvaluatedNode[],
    readonly parent: Int32Array,
    /** The gap between neighbours with different parents. */
    readonly separation: number,
  ) {
    const n = (this.n = data.length);
    this.depth = new Int32Array(n);
    this.firstChild = new Int32Array(n).fill(-1);
    this.lastChild = new Int32Array(n).fill(-1);
    this.prevSib = new Int32Array(n).fill(-1);
    this.nextSib = new Int32Array(n).fill(-1);
    this.sibIndex = new Int32Array(n);
    this.z = new Float64Array(n);
    this.m = new Float64Array(n);
    this.c = new Float64Array(n);
    this.s = new Float64Array(n);
    this.th = new Int32Array(n).fill(-1);
    this.a = new Int32Array(n);
    for (let i = 0; i < n; i++) this.a[i] = i;
    this.A = new Int32Array(n).fill(-1);
  }

  /** Hooks node i (> 0, pre-order) under its parent. */
  link(i: number): void {
    const p = this.parent[i]!;
    this.depth[i] = this.depth[p]! + 1;
    const last = this.lastChild[p]!;
    if (last < 0) this.firstChild[p] = i;
    else ((this.prevSib[i] = last), (this.nextSib[last] = i), (this.sibIndex[i] = this.sibIndex[last]! + 1));
    this.lastChild[p] = i;
  }

  postOrder(): number[] {
    const post: number[] = [];
    const todo: number[] = [0];
    while (todo.length) {
      const v = todo.pop()!;
      post.push(v);
      for (let k = this.firstChild[v]!; k >= 0; k = this.nextSib[k]!) todo.push(k);
    }
    return post;
  }

  sep(u: number, v: number): number {
    return this.parent[u] === this.parent[v] ? 1 : this.separation;
  }

  nextLeft(v: number): number {
    return this.firstChild[v]! >= 0 ? this.firstChild[v]! : this.th[v]!;
  }

  nextRight(v: number): number {
    return this.lastChild[v]! >= 0 ? this.lastChild[v]! : this.th[v]!;
  }

  firstWalk(v: number): void {
    const { z, m, s, c, firstChild, lastChild, prevSib } = this;
    const w = prevSib[v]!;
    if (firstChild[v]! >= 0) {
      // execute the shifts prepared by apportion, right to left
      let shift = 0;
      let change = 0;
      for (let k = lastChild[v]!; k >= 0; k = prevSib[k]!) {
        z[k] += shift;
        m[k] += shift;
        shift += s[k]! + (change += c[k]!);
      }
      const midpoint = (z[firstChild[v]!]! + z[lastChild[v]!]!) / 2;
      if (w >= 0) {
        z[v] = z[w]! + this.sep(v, w);
        m[v] = z[v]! - midpoint;
      } else z[v] = midpoint;
    } else if (w >= 0) z[v] = z[w]! + this.sep(v, w);
    const p = this.parent[v]!;
    const A = this.A;
    if (p >= 0 && w >= 0) A[p] = this.apportion(v, w, A[p]! >= 0 ? A[p]! : firstChild[p]!);
  }

  apportion(v: number, w: number, ancestor: number): number {
    const { z, m, c, s, a, th, parent, sibIndex } = this;
    let vip = v;
    let vop = v;
    let vim = w;
    let vom = this.firstChild[parent[v]!]!;
    let sip = m[vip]!;
    let sop = m[vop]!;
    let sim = m[vim]!;
    let som = m[vom]!;
    for (;;) {
      vim = this.nextRight(vim);
      vip = this.nextLeft(vip);
      if (vim < 0 || vip < 0) break;
      vom = this.nextLeft(vom);
      vop = this.nextRight(vop);
      a[vop] = v;
      const shift = z[vim]! + sim - z[vip]! - sip + this.sep(vim, vip);
      if (shift > 0) {
        // move the subtree at v right by shift; the subtrees between share it (executeShifts)
        const wm = parent[a[vim]!] === parent[v] ? a[vim]! : ancestor;
        const change = shift / (sibIndex[v]! - sibIndex[wm]!);
        c[v] -= change;
        s[v] += shift;
        c[wm] += change;
        z[v] += shift;
        m[v] += shift;
        sip += shift;
        sop += shift;
      }
      sim += m[vim]!;
      sip += m[vip]!;
      som += m[vom]!;
      sop += m[vop]!;
    }
    if (vim >= 0 && this.nextRight(vop) < 0) {
      th[vop] = vim;
      m[vop] += sim - sop;
    }
    if (vip >= 0 && this.nextLeft(vom) < 0) {
      th[vom] = vip;
      m[vom] += sip - som;
      ancestor = v;
    }
    return ancestor;
  }

  /** Second walk in pre-order: sum the modifiers (the root's virtual parent has m = -z(root)). */
  secondWalk(): TidyTree {
    const { n, z, m, parent } = this;
    const x = new Float64Array(n);
    const rootMod = -z[0]!;
    x[0] = z[0]! + rootMod;
    m[0] += rootMod;
    for (let i = 1; i < n; i++) {
      const p = parent[i]!;
      x[i] = z[i]! + m[p]!;
      m[i] += m[p]!;
    }
    return this.tidy(x);
  }

  tidy(x: Float64Array): TidyTree {
    const { data, parent, depth, firstChild, lastChild, sibIndex } = this;
    return { data, parent, depth, firstChild, lastChild, sibIndex, x };
  }
}

/**
 * Stroke width for a link into a child with this effective weight, under a layout root whose
 * effective weight is `rootWeight` (1 for the document root; a root with weight 0 counts as 1).
 */
export function linkWidth(
  effectiveWeight: number,
  o: Pick<TreeLayoutOptions, 'minLinkWidth' | 'maxLinkWidth'> = {},
  rootWeight = 1,
): number {
  const min = o.minLinkWidth ?? TREE_LAYOUT_DEFAULTS.minLinkWidth;
  const max = o.maxLinkWidth ?? TREE_LAYOUT_DEFAULTS.maxLinkWidth;
  const base = rootWeight > 0 && Number.isFinite(rootWeight) ? rootWeight : 1;
  const w = ((Number.isFinite(effectiveWeight) ? effectiveWeight : 0) / base) * max;
  return Math.min(max, Math.max(min, w));
}

/**
 * d3-shape's linkHorizontal/linkVertical curve, written out (same path text): the module and
 * d3-path cost 1.5 kB gzip for one cubic Bézier.
 */
function linkPath(o: TreeOrientation, x1: number, y1: number, x2: number, y2: number): string {
  if (o === 'horizontal') {
    const mx = (x1 + x2) / 2;
    return `M${x1},${y1}C${mx},${y1},${mx},${y2},${x2},${y2}`;
  }
  const my = (y1 + y2) / 2;
  return `M${x1},${y1}C${x1},${my},${x2},${my},${x2},${y2}`;
}

// A plain record but for the lazy `d` (a private field, so spreads and deep equality ignore it).
class LayoutLink implements TreeLayoutLink {
  #d: string | undefined;
  constructor(
    public sourceId: string,
    public targetId: string,
    public index: number,
    public strokeWidth: number,
    public effectiveWeight: number,
    public missing: boolean,
    public x1: number,
    public y1: number,
    public x2: number,
    public y2: number,
    public orientation: TreeOrientation,
    d?: string,
  ) {
    this.#d = d;
  }
  get d(): string {
    return (this.#d ??= linkPath(this.orientation, this.x1, this.y1, this.x2, this.y2));
  }
  /** The same link with new values (what-if), keeping the path if it was already computed. */
  withValues(effectiveWeight: number, strokeWidth: number, missing: boolean): LayoutLink {
    const l = this;
    return new LayoutLink(
      l.sourceId,
      l.targetId,
      l.index,
      strokeWidth,
      effectiveWeight,
      missing,
      l.x1,
      l.y1,
      l.x2,
      l.y2,
      l.orientation,
      l.#d,
    );
  }
}

/**
 * New values on the same structure (what-if re-evaluation, a refresh): swaps the node refs and
 * recomputes link widths and `missing`, keeping every position. Falls back to a full
 * `layoutTree` when the visible structure differs (a node gone, children changed).
 */
export function refreshTreeValues(layout: TreeLayout, root: EvaluatedNode): TreeLayout {
  const fresh = new Map<string, EvaluatedNode>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    fresh.set(n.id, n);
    if (n.children) for (const c of n.children) stack.push(c);
  }
  const same =
    layout.nodes[0]?.id === root.id &&
    layout.nodes.every((ln) => {
      const n = fresh.get(ln.id);
      if (!n || !!n.children?.length !== ln.hasChildren) return false;
      if (!ln.expanded) return true;
      const kids = layout.childrenOf.get(ln.id)!;
      return n.children!.length === kids.length && kids.every((k, i) => k.id === n.children![i]!.id);
    });
  // (a layout made elsewhere than layoutTree: laying it out again gives the same positions)
  if (!same || !(layout instanceof Layout)) return layoutTree(root, layout.options);
  return layout.withNodes(layout.nodes.map((ln) => ({ ...ln, node: fresh.get(ln.id)! })));
}

export interface TreeSearchResult {
  /** Ids whose label contains the query (case-insensitive), in depth-first order. */
  matches: string[];
  /** Ancestors of the matches (not the matches themselves): open these to show every match. */
  expand: Set<string>;
}

/**
 * Finds nodes by label in the whole tree under `root`, collapsed parts included. The query is
 * trimmed; an empty query matches nothing.
 */
export function searchTree(root: EvaluatedNode, query: string): TreeSearchResult {
  const needle = query.trim().toLocaleLowerCase();
  const matches: string[] = [];
  const expand = new Set<string>();
  if (!needle) return { matches, expand };
  const path: EvaluatedNode[] = [];
  const visit = (n: EvaluatedNode): void => {
    if (n.label.toLocaleLowerCase().includes(needle)) {
      matches.push(n.id);
      for (let i = path.length - 1; i >= 0 && !expand.has(path[i]!.id); i--) expand.add(path[i]!.id);
    }
    if (n.children) {
      path.push(n);
      for (const c of n.children) visit(c);
      path.pop();
    }
  };
  // Depth is at most 64 (the engine rejects deeper documents), so recursion is safe.
  visit(root);
  return { matches, expand };
}

/** A top lever: its rank among the improve steps (1 = the biggest gain) and the gain in root points. */
export interface TreeLever {
  rank: number;
  gain: number;
}

/**
 * The top `count` levers from the engine's `nextSteps` (already ordered by gain, ties by id):
 * improve steps with a positive gain only, since "+0 pts" tells nothing. The element formats
 * "#1 +2.8 pts". `within` limits them to ids present there (e.g. the subtree shown), ranks
 * then counting only those.
 */
export function topLevers(
  nextSteps: readonly NextStep[],
  count = 3,
  within?: { has(id: string): boolean },
): Map<string, TreeLever> {
  const levers = new Map<string, TreeLever>();
  for (const step of nextSteps) {
    if (levers.size >= count) break;
    if (step.kind !== 'improve' || step.gain === null || !(step.gain > 0)) continue;
    if (within && !within.has(step.id)) continue;
    levers.set(step.id, { rank: levers.size + 1, gain: step.gain });
  }
  return levers;
}

/**
 * A card's score bar, `width` long: the filled length (score 0..100, clamped; 0 when not
 * measured) and the target tick's offset (null without a target score).
 */
export function cardBar(node: EvaluatedNode, width: number): { fill: number; target: number | null } {
  const at = (s: number | null | undefined) =>
    typeof s === 'number' && Number.isFinite(s) ? (Math.min(100, Math.max(0, s)) / 100) * width : null;
  return { fill: at(node.score) ?? 0, target: at(node.targetScore) };
}
