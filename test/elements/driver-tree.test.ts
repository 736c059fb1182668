// <ocmf-driver-tree> in Chromium: reads the shadow DOM and compares what a person sees with the
// engine's numbers for the same document; interaction by real events.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/elements/driver-tree/define.js';
import type { OcmfDriverTree } from '../../src/elements/driver-tree/driver-tree.js';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import { formatPoints, formatScore, formatShare, formatValue } from '../../src/shared/format.js';

const boxes: HTMLElement[] = [];
/** A connected container (not fixture(): it waits for rAF, which a background page never runs). */
function box(): HTMLDivElement {
  const div = document.createElement('div');
  document.body.append(div);
  boxes.push(div);
  return div;
}
afterEach(() => boxes.splice(0).forEach((b) => b.remove()));

async function tree(setup: (el: OcmfDriverTree) => void, attrs: Record<string, string> = {}, w = 900, h = 600) {
  const el = document.createElement('ocmf-driver-tree');
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  setup(el);
  const first = Promise.race([oneEvent(el, 'ocmf-ready'), oneEvent(el, 'ocmf-error')]);
  box().append(el);
  const ev = await first;
  await el.updateComplete;
  return { el, ev };
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? null;
const item = (el: Element, id: string) => $(el, `[role="treeitem"][data-id="${id}"]`) as SVGGElement | null;
const itemIds = (el: Element) => $$(el, '[role="treeitem"]').map((i) => i.getAttribute('data-id'));
const card = (el: Element, id: string) => $(el, `[data-card="${id}"]`);
const cardText = (el: Element, id: string, cls: string) => clean(card(el, id)?.querySelector(`.${cls}`)?.textContent);
const key = async (el: OcmfDriverTree, target: Element, k: string) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
  await el.updateComplete;
};
const focused = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('data-id') ?? null;

const loadExample = async (name: string) => (await (await fetch(`/examples/${name}`)).json()) as unknown;
const engine = (doc: unknown, overrides?: Record<string, number>) =>
  evaluate(doc, overrides ? { overrides } : {}) as Evaluation;

/** Shaped like the peer benchmark's tree: exactly n nodes, breadth-first, 3..7 children each. */
function bigDoc(n: number) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  type Node = { id: string; label: string; value?: number; children?: Node[] };
  const root: Node = { id: 'n0', label: 'Customer value' };
  const queue = [root];
  let count = 1;
  while (count < n) {
    const parent = queue.shift()!;
    const k = 3 + Math.floor(rnd() * 5);
    parent.children = [];
    for (let c = 0; c < k && count < n; c++) {
      const node: Node = { id: `n${count}`, label: `Driver ${count}` };
      parent.children.push(node);
      queue.push(node);
      count++;
    }
  }
  const fill = (d: Node) => (d.children ? d.children.forEach(fill) : (d.value = Math.round(rnd() * 1000) / 10));
  fill(root);
  return { root };
}

describe('<ocmf-driver-tree>: the engine’s numbers', () => {
  it('shows every card of the minimal example as the engine computes it', async () => {
    const doc = await loadExample('minimal.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { locale: 'en-US' });
    expect(itemIds(el)).to.deep.equal(['customer-composite', 'nps', 'csat', 'self-service']);
    const root = e.root!;
    expect(cardText(el, 'customer-composite', 'value')).to.equal(formatScore(root.score, 'en-US'));
    expect(cardText(el, 'customer-composite', 'facts')).to.equal(`${formatShare(root.coverage, 'en-US')} measured`);
    const nps = e.nodes['nps']!;
    // NPS 32 -> score 66 (hand: (32 + 100) / 2); share 2/4 = 50% (the unmeasured weight is redistributed); contribution 0.5 * 66 = 33.0 (missing redistributed)
    expect(cardText(el, 'nps', 'value')).to.equal(`+32 NPS · score ${formatScore(nps.score, 'en-US')}`);
    expect(cardText(el, 'nps', 'value')).to.equal('+32 NPS · score 66');
    expect(cardText(el, 'nps', 'facts')).to.equal(
      `${formatShare(nps.share, 'en-US')} weight · ${formatPoints(nps.contribution, 'en-US', false)}`,
    );
    expect(cardText(el, 'nps', 'facts')).to.equal('50% weight · 33.0 pts');
    expect(cardText(el, 'csat', 'value')).to.equal(`${formatValue(88, 'percent', 'en-US')} · score 88`);
    expect(cardText(el, 'csat', 'status')).to.equal('✓ Good');
    expect(cardText(el, 'nps', 'status')).to.equal('! Watch');
    // not measured: dashed, says so, no number
    expect(cardText(el, 'self-service', 'value')).to.equal('– Not measured');
    expect(card(el, 'self-service')!.getAttribute('part')).to.contain('card-missing');
    const dash = getComputedStyle(card(el, 'self-service')!.querySelector('.box')!).strokeDasharray;
    expect(dash).to.not.equal('none');
    // score bar: 66% of the 180-unit bar
    expect(Number(card(el, 'nps')!.querySelector('.bar')!.getAttribute('width'))).to.be.closeTo(0.66 * 180, 1e-9);
    // treeitem semantics
    const nItem = item(el, 'nps')!;
    expect(nItem.getAttribute('aria-level')).to.equal('2');
    expect(nItem.getAttribute('aria-posinset')).to.equal('1');
    expect(nItem.getAttribute('aria-setsize')).to.equal('3');
    expect(nItem.hasAttribute('aria-expanded')).to.equal(false);
    expect(item(el, 'customer-composite')!.getAttribute('aria-expanded')).to.equal('true');
    expect(nItem.getAttribute('aria-label')).to.contain('NPS, +32 NPS, score 66 of 100, Watch');
    expect($(el, '[role="tree"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('marks the top levers with rank and gain, links as thick as the effective weight', async () => {
    const doc = await loadExample('minimal.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { locale: 'en-US' });
    const improve = e.nextSteps.filter((s) => s.kind === 'improve' && (s.gain ?? 0) > 0);
    expect(clean(card(el, improve[0]!.id)!.querySelector('.lever')!.textContent)).to.equal(
      `#1 ${formatPoints(improve[0]!.gain, 'en-US')}`,
    );
    // NPS: gain 0.5 * (100 - 66) = 17 (hand)
    expect(clean(card(el, 'nps')!.querySelector('.lever')!.textContent)).to.equal('#1 +17.0 pts');
    const widths = $$(el, '.link').map((l) => Number(l.getAttribute('stroke-width')));
    // ew(nps) = ew(csat) = 0.5 -> 6 px; self-service not measured -> the 1.5 px floor, dashed
    expect(widths).to.deep.equal([6, 6, 1.5]);
    expect($$(el, '.link')[2]!.getAttribute('part')).to.contain('link-missing');
  });

  it('shows the sample document’s cards with the engine’s numbers when all is open', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 1200, 800);
    expect(itemIds(el).length).to.equal(Object.keys(e.nodes).length);
    const loc = e.meta.locale;
    for (const n of Object.values(e.nodes)) {
      if (n.children) expect(cardText(el, n.id, 'value')).to.equal(formatScore(n.score, loc));
      if (n.score === null) expect(cardText(el, n.id, 'value')).to.equal('– Not measured');
      else if (n.id !== e.root!.id)
        expect(cardText(el, n.id, 'facts')).to.equal(
          `${formatShare(n.share, loc)} weight · ${formatPoints(n.contribution, loc, false)}`,
        );
    }
    await expect(el).to.be.accessible();
  });
});

describe('<ocmf-driver-tree>: collapse, expand, keyboard', () => {
  it('opens depth levels first and toggles by click, Enter and Space', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { depth: '1' });
    expect(itemIds(el)).to.deep.equal([e.root!.id, ...e.root!.children!.map((c) => c.id)]);
    const customer = item(el, 'customer')!;
    expect(customer.getAttribute('aria-expanded')).to.equal('false');
    const selected = oneEvent(el, 'ocmf-select');
    customer.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await selected).detail).to.deep.equal({ id: 'customer', kind: 'node' });
    await el.updateComplete;
    expect(item(el, 'customer')!.getAttribute('aria-expanded')).to.equal('true');
    expect(item(el, 'customer')!.getAttribute('aria-selected')).to.equal('true');
    expect(itemIds(el)).to.include.members(e.nodes['customer']!.children!.map((c) => c.id));
    await key(el, item(el, 'customer')!, 'Enter');
    expect(item(el, 'customer')!.getAttribute('aria-expanded')).to.equal('false');
    expect(itemIds(el)).to.not.include('nps');
    await key(el, item(el, 'customer')!, ' ');
    expect(item(el, 'customer')!.getAttribute('aria-expanded')).to.equal('true');
    // public API too
    el.collapse('customer');
    await el.updateComplete;
    expect(itemIds(el)).to.not.include('nps');
  });

  it('moves focus by arrows, Home and End with one tab stop (WAI-ARIA tree)', async () => {
    const doc = await loadExample('minimal.json');
    const { el } = await tree((t) => (t.data = doc));
    const tabStops = () => $$(el, '[role="treeitem"][tabindex="0"]').map((i) => i.getAttribute('data-id'));
    expect(tabStops()).to.deep.equal(['customer-composite']);
    item(el, 'customer-composite')!.focus();
    await key(el, item(el, 'customer-composite')!, 'ArrowDown');
    expect(focused(el)).to.equal('nps');
    expect(tabStops()).to.deep.equal(['nps']);
    await key(el, item(el, 'nps')!, 'End');
    expect(focused(el)).to.equal('self-service');
    await key(el, item(el, 'self-service')!, 'ArrowUp');
    expect(focused(el)).to.equal('csat');
    await key(el, item(el, 'csat')!, 'ArrowLeft');
    expect(focused(el)).to.equal('customer-composite');
    await key(el, item(el, 'customer-composite')!, 'ArrowLeft'); // closes the open root
    expect(item(el, 'customer-composite')!.getAttribute('aria-expanded')).to.equal('false');
    expect(itemIds(el)).to.deep.equal(['customer-composite']);
    await key(el, item(el, 'customer-composite')!, 'ArrowRight'); // opens it
    expect(itemIds(el).length).to.equal(4);
    await key(el, item(el, 'customer-composite')!, 'ArrowRight'); // to the first child
    expect(focused(el)).to.equal('nps');
    await key(el, item(el, 'nps')!, 'Home');
    expect(focused(el)).to.equal('customer-composite');
    await key(el, item(el, 'customer-composite')!, 's'); // type-ahead
    expect(focused(el)).to.equal('self-service');
  });
});

describe('<ocmf-driver-tree>: search, what-if, export', () => {
  it('highlights search matches and opens their ancestors', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await tree((t) => (t.data = doc), { depth: '0' });
    expect(itemIds(el)).to.deep.equal(['ocmf']);
    const input = $(el, '[part~="search"]') as HTMLInputElement;
    input.value = 'net promoter';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(itemIds(el)).to.include('nps');
    expect(card(el, 'nps')!.getAttribute('part')).to.contain('match');
    expect(item(el, 'customer')!.getAttribute('aria-expanded')).to.equal('true');
    expect(clean($(el, '.count')!.textContent)).to.equal('1 match');
    expect($$(el, '[part~="match"]').length).to.equal(1);
    input.value = 'time';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    // Time to competency, Time to publish, TTCV median? (labels decide): every match shown and marked
    const e = engine(doc);
    const want = Object.values(e.nodes)
      .filter((n) => n.label.toLowerCase().includes('time'))
      .map((n) => n.id);
    expect($$(el, '[part~="match"]').map((m) => m.getAttribute('data-card'))).to.have.members(want);
  });

  it('re-evaluates with a what-if value, shows the change, fires ocmf-whatif and resets', async () => {
    const doc = await loadExample('minimal.json');
    const { el } = await tree((t) => (t.data = doc), { whatif: '', locale: 'en-US' });
    expect(clean($(el, '.whatif .hint')!.textContent)).to.contain('Select a measure');
    item(el, 'nps')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    const input = $(el, '[part~="whatif-input"]') as HTMLInputElement;
    expect(input.value).to.equal('32');
    const fired = oneEvent(el, 'ocmf-whatif');
    input.value = '50';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const { detail } = await fired;
    const actual = engine(doc);
    const tried = engine(doc, { nps: 50 });
    expect(detail.overrides).to.deep.equal({ nps: 50 });
    expect(detail.score).to.equal(tried.root!.score);
    // NPS 50 -> score 75; root (75 + 88) / 2 = 81.5 against (66 + 88) / 2 = 77: +4.5 (hand)
    expect(tried.root!.score! - actual.root!.score!).to.be.closeTo(4.5, 1e-9);
    await el.updateComplete;
    expect(cardText(el, 'customer-composite', 'value')).to.equal(formatScore(tried.root!.score, 'en-US'));
    expect(cardText(el, 'nps', 'value')).to.contain('+50 NPS · score 75');
    expect(clean($(el, '[part~="whatif-delta"]')!.textContent)).to.equal('+4.5 pts against actual');
    const reset = oneEvent(el, 'ocmf-whatif');
    ($(el, '[part~="whatif-reset"]') as HTMLButtonElement).click();
    expect((await reset).detail).to.deep.equal({ overrides: {}, score: actual.root!.score });
    await el.updateComplete;
    expect(cardText(el, 'customer-composite', 'value')).to.equal(formatScore(actual.root!.score, 'en-US'));
    expect($(el, '[part~="whatif-delta"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('exports valid SVG with resolved styles, and a PNG', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await tree((t) => (t.data = doc), { depth: '64' });
    const text = el.exportSVG();
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).to.equal(null);
    const svgEl = parsed.documentElement;
    expect(svgEl.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(svgEl.getAttribute('viewBox')).to.match(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
    expect(text).to.not.contain('var(');
    expect(text).to.contain('Net Promoter Score');
    // every card is there (not only those in view), with its colours resolved
    expect(svgEl.querySelectorAll('text').length).to.be.greaterThan(27 * 4);
    const box0 = svgEl.querySelector('rect:not(:first-child)') ?? svgEl.querySelector('rect')!;
    expect(box0.getAttribute('fill')).to.match(/^rgb/);
    const png = await el.exportPNG(1);
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(1000);
  });
});

describe('<ocmf-driver-tree>: scale, view, safety', () => {
  it('keeps the DOM small on a 5,000-node tree (culling) and pans by a transform only', async () => {
    const doc = bigDoc(5000);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 1200, 800);
    expect(el.layout!.nodes.length).to.equal(5000);
    const cards = $$(el, '[role="treeitem"]').length;
    expect(cards).to.be.greaterThan(0);
    expect(cards).to.be.lessThan(400);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(6000);
    const layout = el.layout;
    const before = el.transform;
    const stage = $(el, '.stage')!;
    stage.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 9, clientX: 300, clientY: 300, bubbles: true }));
    stage.dispatchEvent(new PointerEvent('pointermove', { pointerId: 9, clientX: 300, clientY: 0, bubbles: true }));
    stage.dispatchEvent(new PointerEvent('pointerup', { pointerId: 9, clientX: 300, clientY: 0, bubbles: true }));
    await el.updateComplete;
    expect(el.transform).to.deep.equal({ ...before, y: before.y - 300 });
    expect(el.layout === layout, 'the layout did not re-run').to.equal(true);
    expect($$(el, '[role="treeitem"]').length).to.be.lessThan(400);
    // the zoom buttons change only the scale around the centre
    ($(el, '[part~="zoom-in"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.transform.k).to.be.closeTo(before.k * 1.25, 1e-9);
    expect(el.layout === layout).to.equal(true);
  });

  it('moves only the transform while panning near the view, and re-culls once the view leaves the drawn area', async () => {
    const doc = bigDoc(5000);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 1200, 800);
    const stage = $(el, '.stage')!;
    const scene = $(el, '.scene')!;
    const cardsBefore = $$(el, '[data-card]');
    const seen: string[] = [];
    const mo = new MutationObserver((list) =>
      list.forEach((m) => seen.push(m.type === 'attributes' ? `${m.attributeName}` : m.type)),
    );
    mo.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const drag = (x0: number, y0: number, steps: [number, number][]) => {
      stage.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 3, clientX: x0, clientY: y0, bubbles: true }));
      for (const [x, y] of steps)
        stage.dispatchEvent(new PointerEvent('pointermove', { pointerId: 3, clientX: x, clientY: y, bubbles: true }));
      stage.dispatchEvent(new PointerEvent('pointerup', { pointerId: 3, clientX: 0, clientY: 0, bubbles: true }));
    };
    const start = el.transform;
    drag(600, 400, [
      [600, 390],
      [600, 350],
      [600, 310],
    ]);
    await el.updateComplete;
    mo.takeRecords().forEach((m) => seen.push(m.type === 'attributes' ? `${m.attributeName}` : m.type));
    // three pointermoves, 90 px in all: three transform writes on the scene and nothing else
    expect(seen).to.deep.equal(['transform', 'transform', 'transform']);
    expect(el.transform).to.deep.equal({ ...start, y: start.y - 90 });
    expect(scene.getAttribute('transform')).to.equal(`translate(${start.x},${start.y - 90}) scale(${start.k})`);
    expect($$(el, '[data-card]')).to.deep.equal(cardsBefore);
    mo.disconnect();

    // Far away (five views down): every card that meets the view is drawn, and the DOM stays small.
    drag(600, 700, [[600, -3300]]);
    await el.updateComplete;
    const t = el.transform;
    expect(t.y).to.equal(start.y - 90 - 4000);
    const inView = el.layout!.nodes.filter(
      (n) =>
        (n.x + n.width) * t.k + t.x >= 0 &&
        n.x * t.k + t.x <= 1200 &&
        (n.y + n.height) * t.k + t.y >= 0 &&
        n.y * t.k + t.y <= 800,
    );
    expect(inView.length).to.be.greaterThan(5);
    const drawn = new Set($$(el, '[data-card]').map((c) => c.getAttribute('data-card')));
    for (const n of inView) expect(drawn.has(n.id), n.id).to.equal(true);
    expect(drawn.size).to.be.lessThan(400);
  });

  it('fits a small tree into the view', async () => {
    const doc = await loadExample('minimal.json');
    const { el } = await tree((t) => (t.data = doc), {}, 900, 600);
    const stage = $(el, '.stage')!.getBoundingClientRect();
    for (const i of $$(el, '[part~="card"] .box')) {
      const r = i.getBoundingClientRect();
      expect(r.left).to.be.at.least(stage.left - 0.5);
      expect(r.right).to.be.at.most(stage.right + 0.5);
      expect(r.top).to.be.at.least(stage.top - 0.5);
      expect(r.bottom).to.be.at.most(stage.bottom + 0.5);
    }
  });

  it('renders a label such as <img src=x onerror=alert(1)> as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { el } = await tree((t) => (t.data = { root: { id: 'r', label: evil, value: 50 } }));
    expect($(el, 'img')).to.equal(null);
    expect(cardText(el, 'r', 'label')).to.equal(evil.slice(0, 23) + '…');
    expect(item(el, 'r')!.getAttribute('aria-label')).to.contain(evil);
  });

  it('passes axe in the loading, empty, error and dark states', async () => {
    const loading = document.createElement('ocmf-driver-tree');
    loading.src = '/__test/doc?delay=3000&name=minimal.json';
    box().append(loading);
    await loading.updateComplete;
    expect(loading.viewState).to.equal('loading');
    await expect(loading).to.be.accessible();

    const { el: empty } = await tree((t) => ((t.node = 'nope'), (t.src = '/examples/minimal.json')));
    expect(empty.viewState).to.equal('empty');
    await expect(empty).to.be.accessible();

    const { el: error } = await tree((t) => (t.src = '/__test/doc?name=invalid/many-problems.json'));
    expect(error.viewState).to.equal('error');
    await expect(error).to.be.accessible();

    const { el: dark } = await tree((t) => (t.src = '/examples/ocmf-sample.json'), { theme: 'dark', whatif: '' });
    await expect(dark).to.be.accessible();
  });
});
