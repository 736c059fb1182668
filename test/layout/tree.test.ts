// The driver tree's layout, view and keyboard model. Expected numbers are worked out by hand from
// the defaults (cards 200 x 72, sibling gap 16, level gap 64, links up to 12 px) or come
// from the engine; brute-force scans check the culling index.
import { expect } from '@open-wc/testing';
import { hierarchy, tree as d3Tree } from 'd3-hierarchy';
import { evaluate } from '../../src/engine/index.js';
import type { EvaluatedNode, Evaluation } from '../../src/engine/types.js';
import {
  layoutTree,
  linkInto,
  linkWidth,
  refreshTreeValues,
  searchTree,
  setExpanded,
  topLevers,
  type TreeLayout,
  type TreeLayoutOptions,
} from '../../src/layout/tree.js';
import {
  firstChildItem,
  firstItem,
  lastItem,
  nextItem,
  parentItem,
  previousItem,
  treeKeyAction,
  typeaheadItem,
} from '../../src/layout/tree-keys.js';
import {
  cullTree,
  fitTransform,
  panIntoView,
  pinch,
  readableFit,
  viewRect,
  wheelZoomFactor,
  zoomAt,
  zoomLimits,
} from '../../src/layout/tree-view.js';
import { compareSnapshot, roundNumbers, treeLayoutSvg } from './snapshot.js';
import { bigDoc } from '../fixtures/big-tree.js';

function evaluated(doc: unknown, overrides?: Record<string, number | null>): Evaluation {
  const result = evaluate(doc, overrides ? { overrides } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}
const rootOf = (doc: unknown, overrides?: Record<string, number | null>): EvaluatedNode =>
  evaluated(doc, overrides).root!;

// R = 0.75 * A + 0.25 * B. A2 is not measured, so A1 carries all of A: ew(A1) = 0.75, ew(A2) = 0.
const TWO = {
  root: {
    id: 'R',
    label: 'Root',
    children: [
      { id: 'A', label: 'Alpha', weight: 3, value: 80 },
      { id: 'B', label: 'Beta', weight: 1, value: 20 },
    ],
  },
};
const NESTED = {
  root: {
    id: 'R',
    label: 'Root',
    children: [
      {
        id: 'A',
        label: 'Alpha',
        weight: 3,
        children: [
          { id: 'A1', label: 'Alpha one', value: 80 },
          { id: 'A2', label: 'Alpha two', value: null },
        ],
      },
      { id: 'B', label: 'Beta', weight: 1, value: 20 },
    ],
  },
};

const ids = (layout: TreeLayout) => layout.nodes.map((n) => n.id);
const at = (layout: TreeLayout, id: string) => layout.byId.get(id)!;
const linkTo = (layout: TreeLayout, id: string) => layout.links.find((l) => l.targetId === id)!;

describe('layoutTree: positions', () => {
  it('places a root and two children by hand-checked numbers (horizontal)', () => {
    const layout = layoutTree(rootOf(TWO));
    expect(ids(layout)).to.deep.equal(['R', 'A', 'B']);
    // Root centred on the origin; children one level step (200 + 64) to the right,
    // one breadth step (72 + 16 = 88) apart, symmetric around the root.
    expect(at(layout, 'R')).to.include({ x: -100, y: -36, width: 200, height: 72, cx: 0, cy: 0, depth: 0 });
    expect(at(layout, 'A')).to.include({ x: 164, y: -80, cx: 264, cy: -44, depth: 1 });
    expect(at(layout, 'B')).to.include({ x: 164, y: 8, cx: 264, cy: 44, depth: 1 });
    expect(layout.bounds).to.deep.equal({ x: -100, y: -80, width: 464, height: 160 });
    // From the root's right edge (100, 0) to the child's left edge (164, -44), bending half way.
    expect(linkTo(layout, 'A').d).to.equal('M100,0C132,0,132,-44,164,-44');
    expect(linkTo(layout, 'A')).to.include({ sourceId: 'R', x1: 100, y1: 0, x2: 164, y2: -44 });
  });

  it('swaps the axes in vertical orientation', () => {
    const layout = layoutTree(rootOf(TWO), { orientation: 'vertical' });
    expect(layout.orientation).to.equal('vertical');
    // Breadth step is now the card width: 200 + 16 = 216; level step 72 + 64 = 136.
    expect(at(layout, 'A')).to.include({ cx: -108, cy: 136, x: -208, y: 100 });
    expect(at(layout, 'B')).to.include({ cx: 108, cy: 136, x: 8, y: 100 });
    expect(layout.bounds).to.deep.equal({ x: -208, y: -36, width: 416, height: 208 });
    expect(linkTo(layout, 'A').d).to.equal('M0,36C0,68,-108,68,-108,100');
  });

  it('honours card size and gaps', () => {
    const layout = layoutTree(rootOf(TWO), { nodeWidth: 100, nodeHeight: 40, siblingGap: 10, levelGap: 20 });
    // breadth step 50, level step 120
    expect(at(layout, 'A')).to.include({ cx: 120, cy: -25, x: 70, y: -45, width: 100, height: 40 });
    expect(at(layout, 'B')).to.include({ cx: 120, cy: 25 });
  });

  it('packs a nested tree tidily: A over its children, B beside A', () => {
    const layout = layoutTree(rootOf(NESTED));
    expect(ids(layout)).to.deep.equal(['R', 'A', 'A1', 'A2', 'B']);
    // A1 and A2 are 88 apart around A; B only needs 88 from A (no grandchildren to clear).
    expect(at(layout, 'A').cy).to.equal(-44);
    expect(at(layout, 'B').cy).to.equal(44);
    expect(at(layout, 'A1')).to.include({ cy: -88, cx: 528, depth: 2 });
    expect(at(layout, 'A2')).to.include({ cy: 0, cx: 528, depth: 2 });
    expect(at(layout, 'A')).to.include({ posInSet: 1, setSize: 2, parentId: 'R', hasChildren: true, expanded: true });
    expect(at(layout, 'B')).to.include({ posInSet: 2, setSize: 2, hasChildren: false, expanded: false });
    expect(at(layout, 'R').parentId).to.equal(null);
    expect(layout.nodes.map((n) => n.index)).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('keeps the picked node at the origin and depths relative to it (node="A")', () => {
    const a = rootOf(NESTED).children![0]!;
    const layout = layoutTree(a, { depth: 1 });
    expect(ids(layout)).to.deep.equal(['A', 'A1', 'A2']);
    expect(at(layout, 'A')).to.include({ cx: 0, cy: 0, depth: 0, parentId: null });
    expect(at(layout, 'A1').depth).to.equal(1);
    // A1 carries all of A (ew 0.75 of 0.75): a full-width link under node="A"
    expect(linkTo(layout, 'A1')).to.include({ effectiveWeight: 0.75, strokeWidth: 12 });
  });
});

describe('layoutTree: expansion', () => {
  it('opens everything by default', () => {
    expect(ids(layoutTree(rootOf(NESTED)))).to.deep.equal(['R', 'A', 'A1', 'A2', 'B']);
  });

  it('depth sets how many levels open first', () => {
    const d0 = layoutTree(rootOf(NESTED), { depth: 0 });
    expect(ids(d0)).to.deep.equal(['R']);
    expect(at(d0, 'R')).to.include({ hasChildren: true, expanded: false });
    const d1 = layoutTree(rootOf(NESTED), { depth: 1 });
    expect(ids(d1)).to.deep.equal(['R', 'A', 'B']);
    expect(at(d1, 'A')).to.include({ hasChildren: true, expanded: false });
    expect(d1.links.map((l) => l.targetId)).to.deep.equal(['A', 'B']);
    expect(ids(layoutTree(rootOf(NESTED), { depth: 2 }))).to.deep.equal(['R', 'A', 'A1', 'A2', 'B']);
  });

  it('collapsing hides every descendant; collapsed wins over expanded and depth', () => {
    const root = rootOf(NESTED);
    expect(ids(layoutTree(root, { collapsed: ['A'] }))).to.deep.equal(['R', 'A', 'B']);
    expect(ids(layoutTree(root, { collapsed: ['R'] }))).to.deep.equal(['R']);
    expect(ids(layoutTree(root, { collapsed: new Set(['A']), expanded: new Set(['A']) }))).to.deep.equal([
      'R',
      'A',
      'B',
    ]);
    expect(ids(layoutTree(root, { depth: 1, expanded: ['A'] }))).to.deep.equal(['R', 'A', 'A1', 'A2', 'B']);
    // expanding below a closed parent shows nothing until the parent opens
    expect(ids(layoutTree(root, { depth: 0, expanded: ['A'] }))).to.deep.equal(['R']);
  });

  it('collapsing moves the neighbours back together', () => {
    const open = layoutTree(rootOf(NESTED));
    const closed = layoutTree(rootOf(NESTED), { collapsed: ['A'] });
    expect(at(open, 'B').cy).to.equal(44);
    expect(at(closed, 'A').cy).to.equal(-44);
    expect(at(closed, 'B').cy).to.equal(44);
    expect(closed.bounds.width).to.equal(464); // two levels again
  });

  it('places every card where d3-hierarchy’s tree() does, on irregular trees with collapsed parts', () => {
    // The layout runs Buchheim's algorithm on flat arrays; d3's own tree() is the reference.
    let seed = 11;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    type N = { id: string; label: string; value?: number; children?: N[] };
    for (let round = 0; round < 12; round++) {
      let count = 0;
      const grow = (depth: number): N => {
        const node: N = { id: `x${count++}`, label: 'x' };
        // fan-out 0..6 with many single children and leaves, deeper on some branches
        const k = depth < 7 && rnd() < 0.8 - depth * 0.08 ? Math.floor(rnd() * 7) : 0;
        if (k) node.children = Array.from({ length: k }, () => grow(depth + 1));
        else node.value = 50;
        return node;
      };
      const root = rootOf({ root: grow(0) });
      const collapsed = new Set<string>();
      for (let i = 0; i < count; i++) if (rnd() < 0.08) collapsed.add(`x${i}`);
      for (const orientation of ['horizontal', 'vertical'] as const) {
        const options = { orientation, collapsed, groupGap: round % 3 === 0 ? 0 : 16 * round };
        const layout = layoutTree(root, options);
        const step = (orientation === 'horizontal' ? 72 : 200) + 16;
        const groupSep = (step + options.groupGap) / step;
        const h = hierarchy(root, (d) => (d.children?.length && !collapsed.has(d.id) ? d.children : undefined));
        const p = d3Tree<EvaluatedNode>()
          .nodeSize([step, (orientation === 'horizontal' ? 200 : 72) + 64])
          .separation((a, b) => (a.parent === b.parent ? 1 : groupSep))(h);
        const want = p.descendants().map((d) => ({
          id: d.data.id,
          cx: orientation === 'horizontal' ? d.y : d.x,
          cy: orientation === 'horizontal' ? d.x : d.y,
        }));
        expect(layout.nodes.length).to.equal(want.length);
        for (const w of want) expect(at(layout, w.id), w.id).to.include(w);
      }
    }
  });

  it('setExpanded toggles ids without touching the input', () => {
    const start = { depth: 1, collapsed: new Set(['A']) };
    const opened = setExpanded(start, ['A'], true);
    expect([...opened.expanded!]).to.deep.equal(['A']);
    expect([...opened.collapsed!]).to.deep.equal([]);
    expect(opened.depth).to.equal(1);
    expect([...start.collapsed]).to.deep.equal(['A']);
    const closed = setExpanded(opened, ['A'], false);
    expect([...closed.collapsed!]).to.deep.equal(['A']);
    expect([...closed.expanded!]).to.deep.equal([]);
  });
});

describe('layoutTree: links', () => {
  it('link widths follow effective weights (12 px at weight 1, never below 1.5)', () => {
    const layout = layoutTree(rootOf(NESTED));
    expect(linkTo(layout, 'A')).to.include({ effectiveWeight: 0.75, strokeWidth: 9, missing: false });
    expect(linkTo(layout, 'B')).to.include({ effectiveWeight: 0.25, strokeWidth: 3, missing: false });
    expect(linkTo(layout, 'A1')).to.include({ effectiveWeight: 0.75, strokeWidth: 9 });
    expect(linkTo(layout, 'A2')).to.include({ effectiveWeight: 0, strokeWidth: 1.5, missing: true });
    expect(linkWidth(1)).to.equal(12);
    expect(linkWidth(0.01)).to.equal(1.5);
    expect(linkWidth(2, { maxLinkWidth: 8 })).to.equal(8);
    expect(linkWidth(Number.NaN)).to.equal(1.5);
    expect(linkWidth(0.1, {}, 0.2)).to.equal(6);
    expect(linkWidth(0.1, {}, 0)).to.equal(1.5);
  });

  it('orders link widths like the engine effective weights on the sample', async () => {
    const doc = await (await fetch('/examples/ocmf-sample.json')).json();
    const ev = evaluated(doc);
    const layout = layoutTree(ev.root!, { minLinkWidth: 0, maxLinkWidth: 1000 });
    expect(layout.links.length).to.equal(layout.nodes.length - 1);
    for (const l of layout.links) expect(l.effectiveWeight).to.equal(ev.nodes[l.targetId]!.effectiveWeight);
    const byWeight = [...layout.links].sort((a, b) => a.effectiveWeight - b.effectiveWeight);
    for (let i = 1; i < byWeight.length; i++) {
      expect(byWeight[i]!.strokeWidth).to.be.at.least(byWeight[i - 1]!.strokeWidth);
    }
  });

  it('marks unmeasured children on minimal.json', async () => {
    const doc = await (await fetch('/examples/minimal.json')).json();
    const layout = layoutTree(rootOf(doc));
    // NPS and CSAT share 2 : 2 of the measured weight; self-service is not measured.
    expect(linkTo(layout, 'nps')).to.include({ strokeWidth: 6, missing: false });
    expect(linkTo(layout, 'csat')).to.include({ strokeWidth: 6, missing: false });
    expect(linkTo(layout, 'self-service')).to.include({ strokeWidth: 1.5, missing: true });
  });
});

describe('refreshTreeValues', () => {
  it('takes new values (what-if) and keeps every position', () => {
    const layout = layoutTree(rootOf(NESTED));
    const next = refreshTreeValues(layout, rootOf(NESTED, { A2: 60 }));
    expect(ids(next)).to.deep.equal(ids(layout));
    for (const n of next.nodes) expect([n.x, n.y]).to.deep.equal([at(layout, n.id).x, at(layout, n.id).y]);
    // A2 measured now: A1 and A2 share A's 0.75 equally.
    expect(at(next, 'A2').node.value).to.equal(60);
    expect(linkTo(next, 'A2')).to.include({ effectiveWeight: 0.375, strokeWidth: 4.5, missing: false });
    expect(next.byId.get('A2')).to.equal(next.nodes[3]);
    expect(next.childrenOf.get('A')![1]).to.equal(next.nodes[3]);
    expect(next.levels[2]![1]).to.equal(next.nodes[3]);
    expect(next.linkLevels[2]![1]).to.equal(linkTo(next, 'A2'));
    // the old layout is untouched; the path stays
    expect(linkTo(layout, 'A2').missing).to.equal(true);
    expect(linkTo(next, 'A2').d).to.equal(linkTo(layout, 'A2').d);
    expect(next.links.map((l) => l.index)).to.deep.equal([0, 1, 2, 3]);
  });

  it('re-lays out when the structure changed', () => {
    const layout = layoutTree(rootOf(TWO));
    const next = refreshTreeValues(layout, rootOf(NESTED));
    expect(ids(next)).to.deep.equal(['R', 'A', 'A1', 'A2', 'B']);
  });
});

describe('view: fit and zoom', () => {
  it('fit shows every card inside the padded viewport, centred', () => {
    const layout = layoutTree(rootOf(NESTED));
    // bounds: x -100..628 (728 wide), y -124..80 (204 high)
    expect(layout.bounds).to.deep.equal({ x: -100, y: -124, width: 728, height: 204 });
    const t = fitTransform(layout.bounds, { width: 400, height: 300 }, { padding: 24 });
    expect(t.k).to.be.closeTo(352 / 728, 1e-12);
    for (const n of layout.nodes) {
      expect(n.x * t.k + t.x).to.be.at.least(24 - 1e-9);
      expect((n.x + n.width) * t.k + t.x).to.be.at.most(376 + 1e-9);
      expect(n.y * t.k + t.y).to.be.at.least(24 - 1e-9);
      expect((n.y + n.height) * t.k + t.y).to.be.at.most(276 + 1e-9);
    }
    const b = layout.bounds;
    expect((b.x + b.width / 2) * t.k + t.x).to.be.closeTo(200, 1e-9);
    expect((b.y + b.height / 2) * t.k + t.y).to.be.closeTo(150, 1e-9);
  });

  it('fit does not enlarge a small tree past maxK, and survives a hidden viewport', () => {
    const bounds = { x: -100, y: -80, width: 464, height: 160 };
    expect(fitTransform(bounds, { width: 2000, height: 1000 })).to.deep.equal({ x: 868, y: 500, k: 1 });
    // available 1952 x 952: the width limits, 1952 / 464
    expect(fitTransform(bounds, { width: 2000, height: 1000 }, { maxK: 10 }).k).to.be.closeTo(1952 / 464, 1e-12);
    expect(fitTransform(bounds, { width: 2000, height: 1000 }, { maxK: 2 }).k).to.equal(2);
    expect(fitTransform(bounds, { width: 0, height: 0 }).k).to.equal(1);
    expect(fitTransform(bounds, { width: 400, height: 300 }, { minK: 0.9 }).k).to.equal(0.9);
  });

  it('zoomAt keeps the point under the pointer and clamps k', () => {
    expect(zoomAt({ x: 10, y: 20, k: 1 }, 2, { x: 110, y: 120 })).to.deep.equal({ x: -90, y: -80, k: 2 });
    const capped = zoomAt({ x: 0, y: 0, k: 2 }, 100, { x: 50, y: 50 }, { minK: 0.5, maxK: 4 });
    expect(capped).to.deep.equal({ x: -50, y: -50, k: 4 });
    expect(zoomAt({ x: 0, y: 0, k: 0.5 }, 0.1, { x: 0, y: 0 }, { minK: 0.5, maxK: 4 }).k).to.equal(0.5);
    expect(zoomLimits({ x: 0, y: 0, k: 0.002 })).to.deep.equal({ minK: 0.002, maxK: 4 });
    expect(zoomLimits({ x: 0, y: 0, k: 1 })).to.deep.equal({ minK: 0.1, maxK: 4 });
  });

  it('viewRect and panIntoView', () => {
    expect(viewRect({ x: 100, y: 50, k: 2 }, { width: 400, height: 300 }, 10)).to.deep.equal({
      x: -55,
      y: -30,
      width: 210,
      height: 160,
    });
    const view = { width: 400, height: 300 };
    // right of the view: its padded right edge (500 + 200 + 16 = 716) comes to 400; top padded edge (-6) to 0
    expect(panIntoView({ x: 0, y: 0, k: 1 }, view, { x: 500, y: 10, width: 200, height: 72 })).to.deep.equal({
      x: -316,
      y: 6,
      k: 1,
    });
    const inside = { x: 0, y: 0, k: 1 };
    expect(panIntoView(inside, view, { x: 100, y: 100, width: 50, height: 50 })).to.deep.equal(inside);
  });
});

describe('view: pinch, wheel, opening view', () => {
  it('pinch scales by the fingers’ spread and carries the point between them', () => {
    const t = { x: 0, y: 0, k: 1 };
    const p = (x: number, y: number) => ({ x, y });
    // spread 100 -> 200 while the midpoint moves from (50, 0) to (100, 0): world x 50 ends under 100
    expect(pinch(t, p(0, 0), p(100, 0), p(0, 0), p(200, 0))).to.deep.equal({ x: 0, y: 0, k: 2 });
    // both fingers move together: a pan only
    expect(pinch(t, p(0, 0), p(100, 0), p(30, 40), p(130, 40))).to.deep.equal({ x: 30, y: 40, k: 1 });
    // clamped at maxK 1.5: world x 50 still ends under the new midpoint (50 * 1.5 + 25 = 100)
    const capped = pinch(t, p(0, 0), p(100, 0), p(0, 0), p(200, 0), { minK: 0.1, maxK: 1.5 });
    expect(capped).to.deep.equal({ x: 25, y: 0, k: 1.5 });
    // fingers on one spot: no zoom, no NaN
    expect(pinch(t, p(5, 5), p(5, 5), p(5, 5), p(9, 5))).to.deep.equal({ x: 2, y: 0, k: 1 });
  });

  it('wheel zoom factors follow d3-zoom (pixels, lines, pages; a ctrl pinch x 10)', () => {
    expect(wheelZoomFactor(100)).to.be.closeTo(Math.exp(-0.2), 1e-12);
    expect(wheelZoomFactor(-3, 1)).to.be.closeTo(Math.exp(0.15), 1e-12);
    expect(wheelZoomFactor(1, 2)).to.be.closeTo(Math.exp(-1), 1e-12);
    expect(wheelZoomFactor(-20, 0, true)).to.be.closeTo(Math.exp(0.4), 1e-12);
  });

  it('readableFit: the whole tree when it fits at 0.8 or more, else 0.8 on the root', () => {
    const layout = layoutTree(rootOf(NESTED)); // 728 x 204, root card at x -100..100, centre y 0
    // big view: the plain fit (k capped at 1), moved below the inset
    const whole = fitTransform(layout.bounds, { width: 1200, height: 756 });
    expect(readableFit(layout, { width: 1200, height: 800 }, 0.8, 44)).to.deep.equal({ ...whole, y: whole.y + 44 });
    // 400 x 300: the fit would be 352 / 728 = 0.48; at 0.8 the depth (582 px) does not fit across,
    // so the root card starts 24 px from the left; down, the root's middle is centred under the inset
    expect(readableFit(layout, { width: 400, height: 300 }, 0.8, 44)).to.deep.equal({ x: 104, y: 44 + 128, k: 0.8 });
    // vertical, 416 x 344 (root card y -36..36) in 300 x 300: at 0.8 the three levels (275 px) do
    // not fit in the 208 px left under the inset and padding, so the root card's top is 24 px
    // below the inset, centred across on the root
    const v = layoutTree(rootOf(NESTED), { orientation: 'vertical' });
    const tv = readableFit(v, { width: 300, height: 300 }, 0.8, 44);
    expect(tv.k).to.equal(0.8);
    expect(tv.x).to.equal(150);
    expect(tv.y).to.be.closeTo(44 + 24 + 36 * 0.8, 1e-9);
  });
});

describe('view: culling on 5,000 nodes', () => {
  let layout: TreeLayout;
  before(() => {
    layout = layoutTree(rootOf(bigDoc(5000)));
  });

  const bruteForce = (
    layout: TreeLayout,
    t: { x: number; y: number; k: number },
    view: { width: number; height: number },
    margin: number,
  ) => {
    const r = viewRect(t, view, margin);
    const meets = (x0: number, y0: number, x1: number, y1: number) =>
      x1 >= r.x && x0 <= r.x + r.width && y1 >= r.y && y0 <= r.y + r.height;
    return {
      nodes: layout.nodes.filter((n) => meets(n.x, n.y, n.x + n.width, n.y + n.height)).map((n) => n.id),
      links: layout.links
        .filter((l) => meets(Math.min(l.x1, l.x2), Math.min(l.y1, l.y2), Math.max(l.x1, l.x2), Math.max(l.y1, l.y2)))
        .map((l) => l.targetId),
    };
  };

  it('lays out all 5,000 without overlap on a level', () => {
    expect(layout.nodes.length).to.equal(5000);
    for (const level of layout.levels) {
      for (let i = 1; i < level.length; i++) expect(level[i]!.cy - level[i - 1]!.cy).to.be.at.least(88 - 1e-6);
    }
  });

  it('returns everything when fitted', () => {
    const view = { width: 1200, height: 800 };
    const t = fitTransform(layout.bounds, view);
    const culled = cullTree(layout, t, view, { margin: 0 });
    expect(culled.nodes.length).to.equal(5000);
    expect(culled.links.length).to.equal(4999);
    expect(culled.nodes.map((n) => n.index)).to.deep.equal(layout.nodes.map((n) => n.index));
  });

  for (const orientation of ['horizontal', 'vertical'] as const) {
    it(`returns a small subset, the same as a full scan, when zoomed in (${orientation})`, () => {
      const l = orientation === 'horizontal' ? layout : layoutTree(layout.nodes[0]!.node, { orientation });
      const view = { width: 1200, height: 800 };
      const target = l.byId.get('n2500')!;
      // k = 1, that card in the middle of the view
      const t = { x: 600 - target.cx, y: 400 - target.cy, k: 1 };
      for (const margin of [0, 100]) {
        const culled = cullTree(l, t, view, { margin });
        expect(culled.nodes.length).to.be.within(1, 200);
        expect(culled.nodes.map((n) => n.id)).to.include('n2500');
        const brute = bruteForce(l, t, view, margin);
        expect(culled.nodes.map((n) => n.id)).to.deep.equal(brute.nodes);
        expect(culled.links.map((x) => x.targetId)).to.deep.equal(brute.links);
      }
      // panning to the root's neighbourhood at a mid zoom
      const t2 = { x: 300, y: 400, k: 0.25 };
      const culled2 = cullTree(l, t2, view, { margin: 50 });
      expect(culled2.nodes.map((n) => n.id)).to.deep.equal(bruteForce(l, t2, view, 50).nodes);
      expect(culled2.links.map((x) => x.targetId)).to.deep.equal(bruteForce(l, t2, view, 50).links);
    });
  }

  it('culled links are the layout’s own link objects (made on first read, then the same)', () => {
    const t = { x: 600, y: 400, k: 0.5 };
    const culled = cullTree(layout, t, { width: 1200, height: 800 });
    expect(culled.links.length).to.be.greaterThan(0);
    for (const l of culled.links) expect(linkInto(layout, layout.nodes[l.index + 1]!)).to.equal(l);
    expect(culled.links[0]).to.equal(layout.links[culled.links[0]!.index]);
    expect(linkInto(layout, layout.nodes[0]!)).to.equal(undefined);
  });

  it('keeps the focused card even out of view', () => {
    const view = { width: 1200, height: 800 };
    const target = layout.byId.get('n2500')!;
    const t = { x: 600 - target.cx, y: 400 - target.cy, k: 1 };
    const culled = cullTree(layout, t, view, { keep: ['n0', 'missing-id'] });
    expect(culled.nodes[0]!.id).to.equal('n0');
    expect(culled.nodes.map((n) => n.id)).to.include('n2500');
  });

  it('returns nothing for a view beside the tree', () => {
    const b = layout.bounds;
    const culled = cullTree(layout, { x: -(b.x + b.width + 5000), y: 0, k: 1 }, { width: 1200, height: 800 });
    expect(culled.nodes).to.deep.equal([]);
    expect(culled.links).to.deep.equal([]);
  });
});

describe('searchTree', () => {
  const root = rootOf(NESTED);
  it('matches labels case-insensitively and lists the ancestors to open', () => {
    const alpha = searchTree(root, 'ALPHA');
    expect(alpha.matches).to.deep.equal(['A', 'A1', 'A2']);
    expect([...alpha.expand].sort()).to.deep.equal(['A', 'R']);
    const one = searchTree(root, ' one ');
    expect(one.matches).to.deep.equal(['A1']);
    expect([...one.expand].sort()).to.deep.equal(['A', 'R']);
    const beta = searchTree(root, 'bet');
    expect(beta.matches).to.deep.equal(['B']);
    expect([...beta.expand]).to.deep.equal(['R']);
    expect(searchTree(root, 'root').expand.size).to.equal(0);
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(searchTree(root, '  ').matches).to.deep.equal([]);
    expect(searchTree(root, 'gamma')).to.deep.equal({ matches: [], expand: new Set() });
  });

  it('opening the ancestors makes every match visible', () => {
    const result = searchTree(root, 'two');
    const layout = layoutTree(root, setExpanded({ depth: 0 }, result.expand, true));
    expect(ids(layout)).to.include('A2');
  });
});

describe('topLevers', () => {
  it('ranks the improve steps by gain from the engine', () => {
    const ev = evaluated(NESTED);
    // gain = ew * (100 - score): B 0.25 * 80 = 20, A1 0.75 * 20 = 15; A2 is "start measuring".
    const levers = topLevers(ev.nextSteps);
    expect([...levers.keys()]).to.deep.equal(['B', 'A1']);
    expect(levers.get('B')!.rank).to.equal(1);
    expect(levers.get('B')!.gain).to.be.closeTo(20, 1e-9);
    expect(levers.get('A1')!.rank).to.equal(2);
    expect(levers.get('A1')!.gain).to.be.closeTo(15, 1e-9);
    expect([...topLevers(ev.nextSteps, 1).keys()]).to.deep.equal(['B']);
    expect([...topLevers(ev.nextSteps, 3, new Set(['A1'])).entries()]).to.deep.equal([
      ['A1', { rank: 1, gain: levers.get('A1')!.gain }],
    ]);
  });

  it('skips steps with no gain', () => {
    const levers = topLevers([
      { id: 'x', kind: 'improve', gain: 0 },
      { id: 'y', kind: 'measure', gain: null },
      { id: 'z', kind: 'improve', gain: 2.8 },
    ]);
    expect([...levers.entries()]).to.deep.equal([['z', { rank: 1, gain: 2.8 }]]);
  });
});

describe('keyboard model (WAI-ARIA tree)', () => {
  const full = layoutTree(rootOf(NESTED));
  const shallow = layoutTree(rootOf(NESTED), { depth: 1 });

  it('moves through the visible order', () => {
    expect(nextItem(full, 'A2')).to.equal('B');
    expect(nextItem(full, 'B')).to.equal(null);
    expect(nextItem(shallow, 'A')).to.equal('B');
    expect(previousItem(full, 'A1')).to.equal('A');
    expect(previousItem(full, 'B')).to.equal('A2');
    expect(previousItem(full, 'R')).to.equal(null);
    expect(parentItem(full, 'A1')).to.equal('A');
    expect(parentItem(full, 'R')).to.equal(null);
    expect(firstChildItem(full, 'A')).to.equal('A1');
    expect(firstChildItem(shallow, 'A')).to.equal(null);
    expect(firstChildItem(full, 'B')).to.equal(null);
    expect(firstItem(full)).to.equal('R');
    expect(lastItem(full)).to.equal('B');
    expect(lastItem(shallow)).to.equal('B');
    expect(nextItem(full, 'nope')).to.equal(null);
  });

  it('maps keys to actions', () => {
    expect(treeKeyAction(full, 'A', 'ArrowDown')).to.deep.equal({ type: 'focus', id: 'A1' });
    expect(treeKeyAction(full, 'A1', 'ArrowUp')).to.deep.equal({ type: 'focus', id: 'A' });
    expect(treeKeyAction(full, 'B', 'ArrowDown')).to.equal(null);
    expect(treeKeyAction(full, 'A', 'ArrowRight')).to.deep.equal({ type: 'focus', id: 'A1' });
    expect(treeKeyAction(shallow, 'A', 'ArrowRight')).to.deep.equal({ type: 'expand', id: 'A' });
    expect(treeKeyAction(full, 'B', 'ArrowRight')).to.equal(null);
    expect(treeKeyAction(full, 'A', 'ArrowLeft')).to.deep.equal({ type: 'collapse', id: 'A' });
    expect(treeKeyAction(full, 'A1', 'ArrowLeft')).to.deep.equal({ type: 'focus', id: 'A' });
    expect(treeKeyAction(shallow, 'A', 'ArrowLeft')).to.deep.equal({ type: 'focus', id: 'R' });
    expect(treeKeyAction(layoutTree(rootOf(NESTED), { depth: 0 }), 'R', 'ArrowLeft')).to.equal(null);
    expect(treeKeyAction(full, 'A2', 'Home')).to.deep.equal({ type: 'focus', id: 'R' });
    expect(treeKeyAction(full, 'A', 'End')).to.deep.equal({ type: 'focus', id: 'B' });
    expect(treeKeyAction(full, 'A', 'Enter')).to.deep.equal({ type: 'collapse', id: 'A' });
    expect(treeKeyAction(shallow, 'A', ' ')).to.deep.equal({ type: 'expand', id: 'A' });
    expect(treeKeyAction(full, 'B', 'Enter')).to.equal(null);
    expect(treeKeyAction(shallow, 'B', '*')).to.deep.equal({ type: 'expand-all', ids: ['A'] });
    expect(treeKeyAction(full, 'B', '*')).to.equal(null);
    expect(treeKeyAction(full, 'A', 'x')).to.equal(null);
    expect(treeKeyAction(full, 'gone', 'ArrowDown')).to.deep.equal({ type: 'focus', id: 'R' });
  });

  it('type-ahead finds the next label starting with the text, wrapping', () => {
    expect(typeaheadItem(full, 'R', 'a')).to.equal('A');
    expect(typeaheadItem(full, 'A', 'a')).to.equal('A1');
    expect(typeaheadItem(full, 'A2', 'a')).to.equal('A');
    expect(typeaheadItem(full, 'A', 'alpha t')).to.equal('A2');
    expect(typeaheadItem(full, 'A', 'z')).to.equal(null);
  });
});

describe('layout snapshots (normalised SVG)', () => {
  it('rounds numbers to 3 decimals', () => {
    expect(roundNumbers('M1.23456,-0.0001C2,3e-7 10.5')).to.equal('M1.235,0C2,0 10.5');
  });

  const cases: [string, () => Promise<unknown>, TreeLayoutOptions][] = [
    ['tree-nested-horizontal', async () => NESTED, {}],
    ['tree-nested-vertical', async () => NESTED, { orientation: 'vertical' }],
    ['tree-minimal', async () => (await fetch('/examples/minimal.json')).json(), {}],
    ['tree-sample-depth1', async () => (await fetch('/examples/ocmf-sample.json')).json(), { depth: 1 }],
    [
      'tree-sample-vertical',
      async () => (await fetch('/examples/ocmf-sample.json')).json(),
      { orientation: 'vertical', collapsed: ['employee', 'knowledge-collaboration'] },
    ],
  ];
  for (const [name, load, options] of cases) {
    it(name, async () => {
      const svg = treeLayoutSvg(layoutTree(rootOf(await load()), options));
      const problem = await compareSnapshot(name, svg);
      expect(problem, problem ?? '').to.equal(null);
    });
  }
});
