// <ocmf-driver-tree> in Chromium: reads the shadow DOM and compares what a person sees with the
// engine's numbers for the same document; interaction by real events.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/elements/driver-tree/define.js';
import { bigDoc } from '../fixtures/big-tree.js';
import { box, mount, $, $$, clean, loadExample, failSrc } from './_mount.js';
import type { OcmfDriverTree } from '../../src/elements/driver-tree/driver-tree.js';
import { evaluate } from '../../src/engine/index.js';
import { layoutTree } from '../../src/layout/tree.js';
import type { Evaluation } from '../../src/engine/types.js';
import { formatPoints, formatScore, formatShare, formatValue } from '../../src/shared/format.js';

const tree = (setup: (el: OcmfDriverTree) => void, attrs: Record<string, string> = {}, w = 900, h = 600) =>
  mount<OcmfDriverTree>('ocmf-driver-tree', setup, attrs, { width: `${w}px`, height: `${h}px` });

const item = (el: Element, id: string) => $(el, `[role="treeitem"][data-id="${id}"]`) as SVGGElement | null;
const itemIds = (el: Element) => $$(el, '[role="treeitem"]').map((i) => i.getAttribute('data-id'));
const card = (el: Element, id: string) => $(el, `[data-card="${id}"]`);
const cardText = (el: Element, id: string, cls: string) => clean(card(el, id)?.querySelector(`.${cls}`)?.textContent);
const key = async (el: OcmfDriverTree, target: Element, k: string) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
  await el.updateComplete;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const focused = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('data-id') ?? null;

const engine = (doc: unknown, overrides?: Record<string, number>) =>
  evaluate(doc, overrides ? { overrides } : {}) as Evaluation;

describe('<ocmf-driver-tree>: the engine’s numbers', () => {
  it('writes each unit once, in the locale’s words (hours, days in German)', async () => {
    const doc = {
      version: 1,
      root: {
        id: 'r',
        label: 'Root',
        children: [
          { id: 'h', label: 'H', unit: 'hours', value: 3.2, scoring: { type: 'linear', worst: 10, best: 0 } },
          { id: 'd', label: 'D', unit: 'days', value: 4.5, scoring: { type: 'linear', worst: 10, best: 0 } },
        ],
      },
    };
    const en = (await tree((t) => (t.data = doc), { locale: 'en-US' })).el;
    expect(cardText(en, 'h', 'value')).to.match(/^3\.2 hr( ·|$)/);
    expect(cardText(en, 'd', 'value')).to.match(/^4\.5 days( ·|$)/);
    const de = (await tree((t) => (t.data = doc), { locale: 'de-DE' })).el;
    expect(cardText(de, 'd', 'value')).to.match(/^4,5 Tage( ·|$)/);
  });

  it('never draws the value over the status or the label past the card (long values, long labels)', async () => {
    const doc = {
      version: 1,
      root: {
        id: 'r',
        label: 'Root',
        children: [
          {
            id: 'long',
            label: 'Onboarding effectiveness',
            unit: 'count',
            value: 123456789,
            scoring: { type: 'linear', worst: 0, best: 200000000 },
          },
          { id: 'nps', label: 'Employee NPS', responses: { kind: 'nps', counts: [0, 0, 0, 0, 0, 0, 4, 3, 2, 2, 7] } },
          { id: 'short', label: 'Short', value: 55 },
        ],
      },
    };
    const { el } = await tree((t) => (t.data = doc), { locale: 'en-US' });
    for (const id of ['long', 'nps', 'short']) {
      const c = card(el, id)!;
      const value = c.querySelector('.value')!.getBoundingClientRect();
      const status = c.querySelector('.status')!.getBoundingClientRect();
      const label = c.querySelector('.label')!.getBoundingClientRect();
      const box = c.querySelector('.box')!.getBoundingClientRect();
      expect(value.right, `${id}: value ends before the status`).to.be.below(status.left);
      expect(label.right, `${id}: label inside the card`).to.be.at.most(box.right - 4);
    }
    // the short one keeps its score on the card
    expect(cardText(el, 'short', 'value')).to.equal('55 · score 55');
  });

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
    // its weight went to the measured ones: "–", never "0%"; nor "0%" spoken
    expect(cardText(el, 'self-service', 'facts')).to.equal('– weight · –');
    expect(item(el, 'self-service')!.getAttribute('aria-label')).to.not.contain('0%');
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
    expect((await selected).detail).to.equal('customer');
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

describe('<ocmf-driver-tree>: ocmf-ready once per evaluation', () => {
  it('not for another node or a src the data property overrides; again when what-if values are dropped', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 1200, 800);
    let ready = 0;
    el.addEventListener('ocmf-ready', () => ready++);
    const settle = async () => {
      await el.updateComplete;
      await sleep(20); // ocmf-ready follows updateComplete
    };
    const under = (root: string) => {
      const ids = new Set<string>();
      const stack = [e.nodes[root]!];
      while (stack.length) {
        const n = stack.pop()!;
        ids.add(n.id);
        stack.push(...(n.children ?? []));
      }
      return ids;
    };
    const levers = () =>
      $$(el, '[data-card]')
        .filter((c) => c.querySelector('.lever'))
        .map((c) => c.getAttribute('data-card')!);
    el.node = 'business';
    await settle();
    expect(ready, 'node').to.equal(0);
    expect(itemIds(el)[0]).to.equal('business');
    // the lever badges follow the shown node without a new evaluation
    expect(levers().length).to.be.above(0);
    for (const id of levers()) expect(under('business').has(id), id).to.equal(true);
    el.src = '/examples/minimal.json'; // data wins over src
    await settle();
    expect(ready, 'src under data').to.equal(0);
    el.setOverride('renewal-rate', 99);
    await settle();
    expect(ready, 'what-if').to.equal(1);
    el.node = 'customer'; // drops the what-if values: a new evaluation
    await settle();
    expect(ready, 'node with what-if').to.equal(2);
    expect(levers().length).to.be.above(0);
    for (const id of levers()) expect(under('customer').has(id), id).to.equal(true);
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

  it('after a what-if, a failed src change keeps the actual data (stale), and what-if still works on it', async () => {
    const { el } = await tree((t) => (t.src = '/examples/minimal.json'), { whatif: '', locale: 'en-US' });
    const actual = engine(await loadExample('minimal.json'));
    let whatif = oneEvent(el, 'ocmf-whatif');
    el.setOverride('csat', 20);
    await whatif;
    await el.updateComplete;
    expect(cardText(el, 'customer-composite', 'value')).to.equal('43'); // (66 + 20) / 2
    const errors: unknown[] = [];
    el.addEventListener('ocmf-error', (e) => errors.push(e.detail));
    await failSrc(el);
    // the what-if values belonged to the old src and are gone: what stays is the actual data
    expect(el.stale).to.equal(true);
    expect(el.overrides).to.deep.equal({});
    expect(el.evaluation!.root!.score).to.equal(actual.root!.score);
    expect(cardText(el, 'customer-composite', 'value')).to.equal('77');
    expect($(el, '[part~="whatif-delta"]')).to.equal(null);
    // what-if on the stale data is against that data, and tells no new failure
    whatif = oneEvent(el, 'ocmf-whatif');
    el.setOverride('csat', 100);
    expect((await whatif).detail.score).to.equal(engine(await loadExample('minimal.json'), { csat: 100 }).root!.score);
    await el.updateComplete;
    expect(cardText(el, 'customer-composite', 'value')).to.equal('83'); // (66 + 100) / 2
    expect(clean($(el, '[part~="whatif-delta"]')!.textContent)).to.equal('+6.0 pts against actual');
    whatif = oneEvent(el, 'ocmf-whatif');
    el.resetWhatif();
    await whatif;
    await el.updateComplete;
    expect(cardText(el, 'customer-composite', 'value')).to.equal('77');
    expect(errors.length).to.equal(1);
    expect(el.stale).to.equal(true);
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
    // each card's box keeps the live card's look (not the default black of a lost class rule)
    const liveBox = getComputedStyle(card(el, 'customer')!.querySelector('.box')!);
    const boxes = [...svgEl.querySelectorAll('g[transform^="translate"] > g > rect:first-child')];
    expect(boxes.length).to.equal(itemIds(el).length);
    expect(boxes[1]!.getAttribute('fill')).to.equal(liveBox.fill);
    expect(boxes[1]!.getAttribute('stroke')).to.equal(liveBox.stroke);
    const png = await el.exportPNG(1);
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(1000);
  });
});

describe('<ocmf-driver-tree>: PNG button, vertical orientation, pinch, opening scale', () => {
  it('the PNG button downloads driver-tree.png: a PNG of the whole tree at twice its size', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await tree((t) => (t.data = doc), { depth: '64' });
    const b = el.layout!.bounds;
    // capture the download the button starts (an <a download> clicked off-document)
    const click = HTMLAnchorElement.prototype.click;
    const downloaded = new Promise<{ name: string; blob: Blob }>((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const name = this.download;
        void fetch(this.href)
          .then((r) => r.blob())
          .then((blob) => resolve({ name, blob }));
      };
    });
    try {
      ($(el, '[part~="export-png"]') as HTMLButtonElement).click();
      const { name, blob } = await downloaded;
      expect(name).to.equal('driver-tree.png');
      expect(blob.type).to.equal('image/png');
      const bytes = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
      expect([...bytes]).to.deep.equal([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // the PNG signature
      const image = await createImageBitmap(blob);
      // the layout's bounds plus 16 px on each side, at scale 2 (small enough for no canvas limit)
      expect(image.width).to.equal(Math.round((b.width + 32) * 2));
      expect(image.height).to.equal(Math.round((b.height + 32) * 2));
      // not blank: the root card's box is drawn where the layout put it (its fill is the surface colour)
      const root = el.layout!.nodes[0]!;
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const px = (x: number, y: number) => [...ctx.getImageData((x - b.x + 16) * 2, (y - b.y + 16) * 2, 1, 1).data];
      const inCard = px(root.x + root.width - 30, root.y + root.height - 8);
      const outside = px(b.x - 8, b.y - 8);
      expect(inCard[3]).to.equal(255);
      expect(inCard).to.not.deep.equal(outside);
      const surface = getComputedStyle(card(el, root.id)!.querySelector('.box')!).fill;
      expect(`rgb(${inCard.slice(0, 3).join(', ')})`).to.equal(surface);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('orientation="vertical" puts the root on top: depth grows down, siblings left to right, as the layout says', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const e = engine(doc);
    const { el } = await tree((t) => (t.data = doc), { depth: '2', orientation: 'vertical' }, 1200, 800);
    expect(el.getAttribute('orientation')).to.equal('vertical');
    const want = layoutTree(e.root!, { orientation: 'vertical', depth: 2 });
    expect(itemIds(el)).to.deep.equal(want.nodes.map((n) => n.id));
    for (const n of want.nodes) expect(card(el, n.id)!.getAttribute('transform')).to.equal(`translate(${n.x},${n.y})`);
    // on screen: each level 136 world units (72 + 64) below its parent, scaled by the view
    const k = el.transform.k;
    const top = (id: string) => card(el, id)!.querySelector('.box')!.getBoundingClientRect();
    for (const n of want.nodes.filter((n) => n.parentId !== null)) {
      expect(top(n.id).top - top(n.parentId!).top).to.be.closeTo(136 * k, 0.5);
    }
    const kids = e.root!.children!.map((c) => top(c.id).left);
    expect(kids).to.deep.equal([...kids].sort((a, b) => a - b));
    expect(new Set(e.root!.children!.map((c) => Math.round(top(c.id).top))).size).to.equal(1);
    // the toggle sits under the card, at its middle
    expect(card(el, e.root!.id)!.querySelector('.toggle')!.getAttribute('transform')).to.equal('translate(100,72)');
    // links run down: from the parent's bottom edge to the child's top edge
    const first = e.root!.children![0]!.id;
    const d = $$(el, '.link')[0]!.getAttribute('d')!;
    const root = want.byId.get(e.root!.id)!;
    const child = want.byId.get(first)!;
    expect(d.startsWith(`M${root.cx},${root.y + 72}C`)).to.equal(true);
    expect(d.endsWith(`${child.cx},${child.y}`)).to.equal(true);
  });

  /** The world point under screen point p (stage coordinates). */
  const world = (t: { x: number; y: number; k: number }, p: { x: number; y: number }) => ({
    x: (p.x - t.x) / t.k,
    y: (p.y - t.y) / t.k,
  });

  it('zooms by a two-finger pinch: scale by the fingers’ spread, the point between them follows them', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 900, 600);
    const stage = $(el, '.stage')!;
    const r = stage.getBoundingClientRect();
    const layout = el.layout;
    const t0 = el.transform;
    const at = (id: number, x: number, y: number, type = 'pointermove') =>
      stage.dispatchEvent(
        new PointerEvent(type, {
          pointerId: id,
          pointerType: 'touch',
          clientX: r.left + x,
          clientY: r.top + y,
          bubbles: true,
        }),
      );
    // fingers at (300, 300) and (500, 300): the midpoint (400, 300) is on this world point
    const w = world(t0, { x: 400, y: 300 });
    at(1, 300, 300, 'pointerdown');
    at(2, 500, 300, 'pointerdown');
    // the second finger moves to (700, 400): spread 200 -> sqrt(400² + 100²), midpoint -> (500, 350)
    at(2, 600, 350);
    at(2, 700, 400);
    at(1, 300, 300, 'pointerup');
    at(2, 700, 400, 'pointerup');
    await el.updateComplete;
    const t1 = el.transform;
    expect(t1.k / t0.k).to.be.closeTo(Math.hypot(400, 100) / 200, 1e-9);
    const screen = { x: w.x * t1.k + t1.x, y: w.y * t1.k + t1.y };
    expect(screen.x).to.be.closeTo(500, 1e-6);
    expect(screen.y).to.be.closeTo(350, 1e-6);
    expect($(el, '.scene')!.getAttribute('transform')).to.equal(
      `translate(${Math.round(t1.x * 100) / 100},${Math.round(t1.y * 100) / 100}) scale(${t1.k})`,
    );
    expect(el.layout === layout, 'the layout did not re-run').to.equal(true);
  });

  it('zooms by a trackpad pinch (a wheel event with ctrlKey) around the pointer, and the page does not zoom', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 900, 600);
    const stage = $(el, '.stage')!;
    const r = stage.getBoundingClientRect();
    const t0 = el.transform;
    const p = { x: 250, y: 200 };
    const w = world(t0, p);
    const wheel = new WheelEvent('wheel', {
      deltaY: -20,
      ctrlKey: true,
      clientX: r.left + p.x,
      clientY: r.top + p.y,
      bubbles: true,
      cancelable: true,
    });
    stage.dispatchEvent(wheel);
    await el.updateComplete;
    expect(wheel.defaultPrevented).to.equal(true);
    const t1 = el.transform;
    // d3-zoom's pinch rate: exp(20 * 0.002 * 10) = e^0.4 ≈ 1.49
    expect(t1.k / t0.k).to.be.closeTo(Math.exp(0.4), 1e-9);
    expect(w.x * t1.k + t1.x).to.be.closeTo(p.x, 1e-6);
    expect(w.y * t1.k + t1.y).to.be.closeTo(p.y, 1e-6);
    // a plain wheel notch (no ctrl) zooms out by exp(-100 * 0.002)
    stage.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: 100,
        clientX: r.left + p.x,
        clientY: r.top + p.y,
        bubbles: true,
        cancelable: true,
      }),
    );
    await el.updateComplete;
    expect(el.transform.k / t1.k).to.be.closeTo(Math.exp(-0.2), 1e-9);
  });

  it('opens a big tree (more cards than it draws whole) readable: the root in view at 0.8, not shrunk to dots', async () => {
    const doc = bigDoc(1000, 7);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 900, 600);
    expect(el.layout!.nodes.length).to.equal(1000);
    const k = el.transform.k;
    // everything would fit only far below 0.8 (at 0.8 the tree is many views tall)
    expect(el.layout!.bounds.height * 0.8).to.be.greaterThan(5 * 600);
    expect(k).to.be.closeTo(0.8, 1e-9);
    // what a person sees: card labels (13 px in the world) at least 10 px tall on screen
    const label = card(el, 'n0')!.querySelector('.label')!.getBoundingClientRect();
    expect(label.height).to.be.at.least(10);
    const stage = $(el, '.stage')!.getBoundingClientRect();
    const toolbar = $(el, '[part~="toolbar"]')!.getBoundingClientRect();
    const inView = (id: string) => {
      const b = card(el, id)?.querySelector('.box')?.getBoundingClientRect(); // culled: not drawn
      return (
        !!b && b.left >= stage.left && b.right <= stage.right && b.top >= toolbar.bottom && b.bottom <= stage.bottom
      );
    };
    expect(inView('n0'), 'the root card').to.equal(true);
    expect($$(el, '[data-card]').length, 'culled').to.be.lessThan(150);
    // its children are far apart at this depth: the links toward them are drawn
    expect($$(el, '.link').length).to.be.greaterThan(0);
    // the levels do not fit across at 0.8: the root sits 24 px from the left edge; down, the view
    // is centred on the root (below the 44 px toolbar)
    expect(el.layout!.bounds.width * 0.8).to.be.greaterThan(900);
    const box = card(el, 'n0')!.querySelector('.box')!.getBoundingClientRect();
    expect(box.left - stage.left).to.be.closeTo(24, 1);
    expect((box.top + box.bottom) / 2 - stage.top).to.be.closeTo(44 + (stage.height - 44) / 2, 1);
  });
});

describe('<ocmf-driver-tree>: scale, view, safety', () => {
  it('culls a 1,000-node tree too: only the cards in view are in the DOM', async () => {
    const { el } = await tree((t) => (t.data = bigDoc(1000, 7)), { depth: '64' }, 1200, 800);
    expect(el.layout!.nodes.length).to.equal(1000);
    const cards = $$(el, '[role="treeitem"]').length;
    expect(cards).to.be.greaterThan(0);
    expect(cards).to.be.lessThan(300);
  });

  it('keeps the DOM small on a 5,000-node tree (culling) and pans by a transform only', async () => {
    const doc = bigDoc(5000, 7);
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
    const doc = bigDoc(5000, 7);
    const { el } = await tree((t) => (t.data = doc), { depth: '64' }, 1200, 800);
    const stage = $(el, '.stage')!;
    // let the first ResizeObserver report (a frame after the first render) land before watching
    await Promise.race([new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), sleep(300)]);
    await el.updateComplete;
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

  for (const [name, w, h] of [
    ['minimal.json', 900, 600],
    ['ocmf-sample.json', 800, 480],
  ] as const) {
    it(`fits ${name} into a ${w}×${h} view on load, on resize and on Fit`, async () => {
      const doc = await loadExample(name);
      const { el } = await tree((t) => (t.data = doc), {}, w, h);
      const allInView = () => {
        const stage = $(el, '.stage')!.getBoundingClientRect();
        const toolbar = $(el, '[part~="toolbar"]')!.getBoundingClientRect();
        const boxes = $$(el, '[part~="card"] .box').map((b) => b.getBoundingClientRect());
        expect(boxes.length).to.equal(el.layout!.nodes.length);
        for (const r of boxes) {
          expect(r.left).to.be.at.least(stage.left - 0.5);
          expect(r.right).to.be.at.most(stage.right + 0.5);
          expect(r.top).to.be.at.least(toolbar.bottom - 0.5);
          expect(r.bottom).to.be.at.most(stage.bottom + 0.5);
        }
      };
      allInView();
      // a person zooms in, then the container shrinks: the tree fits again
      el.zoomBy(2);
      await el.updateComplete;
      el.style.width = `${w - 200}px`;
      el.style.height = `${h - 100}px`;
      // the stage's ResizeObserver reports with the next frame (a frame, or 300 ms in a background tab)
      const frames = (n: number) => new Promise((r) => (n ? requestAnimationFrame(() => r(frames(n - 1))) : r(0)));
      await Promise.race([frames(2), sleep(300)]);
      await el.updateComplete;
      allInView();
      el.zoomBy(2);
      await el.updateComplete;
      ($(el, '[part~="fit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      allInView();
    });
  }

  it('renders a label such as <img src=x onerror=alert(1)> as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { el } = await tree((t) => (t.data = { root: { id: 'r', label: evil, value: 50 } }));
    expect($(el, 'img')).to.equal(null);
    expect(cardText(el, 'r', 'label')).to.equal(evil.slice(0, 22) + '…');
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
