// <ocmf-composite-gauge> in Chromium: reads the shadow DOM and compares what a person sees with
// the engine's numbers for the same document.
import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import '../../src/elements/composite-gauge/define.js';
import { box, mount, $, $$, txt, clean, loadExample, failSrc } from './_mount.js';
import type { OcmfCompositeGauge } from '../../src/elements/composite-gauge/composite-gauge.js';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import { liveResources } from '../../src/shared/base-element.js';
import { formatDelta, formatPoints, formatScore, formatShare } from '../../src/shared/format.js';

const gauge = (setup: (el: OcmfCompositeGauge) => void, attrs: Record<string, string> = {}, width = 320) =>
  mount<OcmfCompositeGauge>('ocmf-composite-gauge', setup, attrs, { width: `${width}px` });

const engine = (doc: unknown) => evaluate(doc) as Evaluation;

describe('<ocmf-composite-gauge>: attribute-only', () => {
  it('renders value, label and target with no JSON, through the engine', async () => {
    const { el, ev } = await gauge(() => {}, {
      value: '72',
      label: 'Customer Composite',
      target: '80',
      locale: 'en-US',
    });
    expect(ev.type).to.equal('ocmf-ready');
    expect(txt(el, '[part~="value"]')).to.equal('72');
    expect(txt(el, '[part~="label"]')).to.equal('Customer Composite');
    expect(txt(el, '[part~="status"]')).to.equal('✓ Good');
    const meter = $(el, '[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('72');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(meter.getAttribute('aria-valuetext')).to.equal('72 of 100, Good, target 80');
    expect($(el, '[part~="target"]')).to.exist;
    expect(txt(el, '[part~="target-text"]')).to.contain('Target 80');
    await expect(el).to.be.accessible();
  });

  it('updates when the value attribute changes, with a new ocmf-ready', async () => {
    const { el } = await gauge(() => {}, { value: '72', label: 'C' });
    const ready = oneEvent(el, 'ocmf-ready');
    el.setAttribute('value', '35');
    const ev = await ready;
    expect(ev.detail.root!.score).to.equal(35);
    expect(txt(el, '[part~="value"]')).to.equal('35');
    expect(txt(el, '[part~="status"]')).to.equal('✕ Act');
  });

  it('takes a value attribute set while its first src still loads', async () => {
    const el = document.createElement('ocmf-composite-gauge');
    el.src = '/__test/doc?status=500&delay=300';
    box().append(el);
    await el.updateComplete;
    const ready = oneEvent(el, 'ocmf-ready');
    el.setAttribute('value', '40');
    expect((await ready).detail.root!.score).to.equal(40);
    expect(txt(el, '[part~="value"]')).to.equal('40');
    await oneEvent(el, 'ocmf-error'); // src fails: the attributes' gauge stays, marked stale
    await el.updateComplete;
    expect(el.stale).to.equal(true);
    expect(txt(el, '[part~="value"]')).to.equal('40');
  });

  it('shows a missing value as "–" and "Not measured", never 0', async () => {
    const { el } = await gauge(() => {}, { value: '', label: 'C' });
    expect(txt(el, '[part~="value"]')).to.equal('–');
    expect(txt(el, '.facts')).to.contain('Not measured');
    expect($(el, '[role="meter"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

it('with data in force, label only renames (no new evaluation, no ocmf-ready) and value waits', async () => {
  const doc = { version: 1, root: { id: 'r', label: 'From data', value: 64 } };
  const { el } = await gauge((g) => (g.data = doc));
  let readies = 0;
  el.addEventListener('ocmf-ready', () => readies++);
  const before = el.evaluation;
  el.label = 'Renamed';
  el.setAttribute('value', '12');
  await el.updateComplete;
  await aTimeout(20);
  expect(txt(el, '[part~="label"]')).to.equal('Renamed');
  expect(txt(el, '[part~="value"]')).to.equal('64');
  expect(el.evaluation).to.equal(before);
  expect(readies).to.equal(0);
  // the data goes: the attributes are the document again, with the value set meanwhile
  const ready = oneEvent(el, 'ocmf-ready');
  el.data = null;
  expect((await ready).detail.root!.score).to.equal(12);
  expect(txt(el, '[part~="value"]')).to.equal('12');
  expect(txt(el, '[part~="label"]')).to.equal('Renamed');
});

describe('<ocmf-composite-gauge>: the meter', () => {
  it('writes aria-valuenow as a plain decimal, even for a score of 1e-7 (found by the axe fuzz)', async () => {
    // before: aria-valuenow="1e-7", which ARIA does not read as a number (axe: aria-valid-attr-value)
    for (const [value, now] of [
      [1e-7, '0'],
      [67.456, '67.46'],
      [100, '100'],
    ] as const) {
      const { el } = await gauge((g) => (g.data = { version: 1, root: { id: 'r', label: 'R', value } }));
      expect($(el, '[role="meter"]')!.getAttribute('aria-valuenow'), String(value)).to.equal(now);
      expect(txt(el, '[part~="value"]'), String(value)).to.equal(formatScore(value, 'en-US'));
    }
  });
});

describe('<ocmf-composite-gauge>: a host too short for its content', () => {
  it('shrinks only the dial, and nothing is drawn over anything else', async () => {
    // the sample's label, four fact lines, table button and attribution do not fit in 240 x 180
    const doc = await loadExample('ocmf-sample.json');
    const { el } = await mount<OcmfCompositeGauge>(
      'ocmf-composite-gauge',
      (g) => (g.data = doc),
      {},
      { width: '240px', height: '180px' },
    );
    const boxes = [
      '[part~="label"]',
      '[part~="dial"]',
      '[part~="facts"]',
      '[part~="table-toggle"]',
      '[part~="attribution"]',
    ].map((sel) => $(el, sel)!.getBoundingClientRect());
    // in order, top to bottom, each below the one before (1 px for rounding)
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).to.be.at.least(boxes[i - 1]!.bottom - 1);
    const dial = boxes[1]!;
    expect(dial.height).to.be.within(47, 120);
    // the dial kept its shape: the drawing is as wide as its box allows at the gauge's aspect ratio
    const svg = $(el, 'svg')!.getBoundingClientRect();
    expect(svg.height).to.be.closeTo(dial.height, 1);
  });
});

describe('<ocmf-composite-gauge>: first frame at the real width', () => {
  for (const width of [160, 500]) {
    it(`draws for ${width} px from the first ocmf-ready when data comes before the host is laid out`, async () => {
      // data set before the element is connected: no ResizeObserver report has arrived yet
      const { el } = await gauge(() => {}, { value: '72', label: 'C' }, width);
      expect($(el, 'svg')!.getAttribute('viewBox')!.split(' ')[2]).to.equal(String(width));
    });
  }

  it('draws each of several gauges given data in one task at its own width (one batched read)', async () => {
    // the first gauge to render reads every unmeasured host at once: each must get its own width
    const widths = [150, 260, 410, 333];
    const host = box();
    const els = widths.map((w, i) => {
      const el = document.createElement('ocmf-composite-gauge');
      el.style.cssText = `display:inline-block;width:${w}px`;
      el.data = { version: 1, root: { id: `g${i}`, label: `G${i}`, value: 10 * (i + 1) } };
      host.append(el);
      return el;
    });
    await Promise.all(els.map((el) => oneEvent(el, 'ocmf-ready')));
    expect(els.map((el) => $(el, 'svg')!.getAttribute('viewBox')!.split(' ')[2])).to.deep.equal(widths.map(String));
    expect(els.map((el) => txt(el, '[part~="value"]'))).to.deep.equal(['10', '20', '30', '40']);
  });

  for (const width of [120, 160, 320, 600]) {
    it(`holds the final gauge's height while loading, at ${width} px (the page does not jump)`, async () => {
      // minimal.json: a label, the dial, two facts (coverage, lever) and the table button
      const el = document.createElement('ocmf-composite-gauge');
      el.style.cssText = `display:block;width:${width}px`;
      el.src = '/__test/doc?delay=400&name=minimal.json';
      const ready = oneEvent(el, 'ocmf-ready');
      box().append(el);
      await el.updateComplete;
      expect(el.viewState).to.equal('loading');
      // the skeleton's first frame is drawn at the host's width, not at a guess
      const loading = el.getBoundingClientRect().height;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await el.updateComplete;
      expect(el.getBoundingClientRect().height).to.equal(loading);
      await ready;
      expect($$(el, '.facts li')).to.have.length(2);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 1);
    });
  }

  it('keeps the skeleton inside a host too short for it: the dial shrinks, as the real one does', async () => {
    const el = document.createElement('ocmf-composite-gauge');
    el.style.cssText = 'display:block;width:320px;height:200px';
    el.src = '/__test/doc?delay=300&name=minimal.json';
    const ready = oneEvent(el, 'ocmf-ready');
    box().append(el);
    await el.updateComplete;
    expect(el.viewState).to.equal('loading');
    const bottom = (sel: string) => $(el, sel)!.getBoundingClientRect().bottom;
    const host = el.getBoundingClientRect();
    const dial = $(el, '[part~="skeleton"] > :nth-child(2)')!.getBoundingClientRect().height;
    expect(dial, 'the dial gave way').to.be.lessThan(263 - 100);
    expect(bottom('[part~="skeleton"] > :last-child')).to.be.at.most(host.bottom + 1);
    await ready;
    // the loaded gauge is laid out the same way: its dial as tall as the skeleton's
    expect($(el, '[part~="dial"]')!.getBoundingClientRect().height).to.be.closeTo(dial, 1);
    expect(bottom('[part~="table-toggle"]')).to.be.at.most(host.bottom + 1);
  });
});

describe('<ocmf-composite-gauge>: the engine’s numbers', () => {
  it('shows the minimal example as the engine computes it', async () => {
    const doc = await loadExample('minimal.json');
    const e = engine(doc);
    const { el } = await gauge((g) => (g.src = '/examples/minimal.json'), { locale: 'en-US' });
    expect(txt(el, '[part~="value"]')).to.equal(formatScore(e.root!.score, 'en-US'));
    expect(txt(el, '[part~="coverage"]')).to.equal(`${formatShare(e.root!.coverage, 'en-US')} of the weight measured`);
    // NPS: gain 17 (hand: 0.5·(100 − 66)); the biggest lever
    expect(txt(el, '[part~="lever"]')).to.equal(`Biggest lever: NPS, ${formatPoints(e.nodes['nps']!.gain, 'en-US')}`);
    expect(txt(el, '[part~="lever"]')).to.equal('Biggest lever: NPS, +17.0 pts');
    const segs = $$(el, '[part~="segment"]');
    expect(segs.map((s) => s.getAttribute('data-id'))).to.deep.equal(['nps', 'csat']);
    expect(segs[0]!.getAttribute('aria-label')).to.equal('NPS: 33.0 pts of 77, score 66, Watch');
  });

  it('shows the sample document’s root and a sub-node as the engine does', async () => {
    const doc = await loadExample('ocmf-sample.json');
    const e = engine(doc);
    const { el } = await gauge((g) => (g.data = doc), {}, 420);
    const loc = e.meta.locale;
    expect(txt(el, '[part~="value"]')).to.equal(formatScore(e.root!.score, loc));
    // the engine's score to 2 decimals, as a plain decimal (ARIA numbers take no exponent)
    const now = $(el, '[role="meter"]')!.getAttribute('aria-valuenow')!;
    expect(now).to.match(/^\d+(\.\d{1,2})?$/);
    expect(Number(now)).to.be.closeTo(e.root!.score!, 0.005);
    for (const id of ['customer', 'employee']) {
      const n = e.nodes[id]!;
      el.node = id;
      await el.updateComplete;
      expect(txt(el, '[part~="value"]')).to.equal(formatScore(n.score, loc));
      expect(txt(el, '[part~="label"]')).to.equal(n.label);
      if (n.delta !== null) expect(txt(el, '[part~="delta"]')).to.contain(formatDelta(n.delta, loc).text);
      const ids = $$(el, '[part~="segment"]').map((s) => s.getAttribute('data-id'));
      expect(ids).to.deep.equal(n.children!.filter((c) => (c.contribution ?? 0) > 0).map((c) => c.id));
    }
    await expect(el).to.be.accessible();
  });

  it('credits the document’s attribution under the dial, centred like the facts', async () => {
    const doc = (await loadExample('ocmf-sample.json')) as { attribution: string };
    const { el } = await gauge((g) => (g.data = doc), {}, 420);
    const credit = $(el, '[part~="attribution"]')!;
    expect(clean(credit.textContent)).to.equal(doc.attribution);
    expect(getComputedStyle(credit).textAlign).to.equal('center');
  });

  it('marks a small survey sample', async () => {
    const doc = {
      minSample: 30,
      root: {
        id: 'r',
        label: 'R',
        children: [{ id: 'nps', label: 'NPS', responses: { kind: 'nps', scores: [10, 9, 3] } }],
      },
    };
    const { el } = await gauge((g) => (g.data = doc));
    expect(txt(el, '[part~="small-sample"]')).to.contain('NPS (3 responses)');
  });

  it('shows the contributions as a table on request', async () => {
    const e = engine(await loadExample('minimal.json'));
    const { el } = await gauge((g) => (g.src = '/examples/minimal.json'), { locale: 'en-US' });
    const toggle = $(el, '[part~="table-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '.table-wrap'), 'no table DOM while closed').to.equal(null);
    expect(toggle.hasAttribute('aria-controls')).to.equal(false);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, `#${toggle.getAttribute('aria-controls')}`)!.tagName).to.equal('TABLE');
    const rows = $$(el, 'tbody tr');
    expect(rows.map((r) => r.getAttribute('data-id'))).to.deep.equal(['nps', 'csat', 'self-service']);
    const cells = (i: number) =>
      [...rows[i]!.querySelectorAll('td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells(0)[3]).to.equal(formatPoints(e.nodes['nps']!.contribution, 'en-US', false));
    expect(cells(2)[0]).to.equal('– Not measured');
    expect(cells(2)[3]).to.equal('–');
    expect(cells(2)[4]).to.equal('○ Not measured');
    await expect(el).to.be.accessible();
  });
});

describe('<ocmf-composite-gauge>: interaction and safety', () => {
  it('fires ocmf-select on click and on Enter, not on programmatic changes', async () => {
    const picks: string[] = [];
    const { el } = await gauge((g) => (g.src = '/examples/minimal.json'));
    el.addEventListener('ocmf-select', (e) => picks.push(e.detail));
    el.node = 'csat';
    await el.updateComplete;
    el.node = null;
    await el.updateComplete;
    const [nps, csat] = $$(el, '[part~="segment"]') as SVGPathElement[];
    nps!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    csat!.focus();
    expect(el.shadowRoot!.activeElement).to.equal(csat);
    csat!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true, cancelable: true });
    nps!.dispatchEvent(space);
    expect(space.defaultPrevented, 'Space does not scroll the page').to.equal(true);
    // other keys and clicks on the dial outside a segment select nothing
    csat!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    $(el, '[part~="track"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(picks).to.deep.equal(['nps', 'csat', 'nps']);
  });

  it('renders a label such as <img src=x onerror=alert(1)> as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { el } = await gauge(
      (g) => (g.data = { root: { id: 'r', label: evil, children: [{ id: 'a', label: evil, value: 50 }] } }),
    );
    expect(txt(el, '[part~="label"]')).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect($$(el, '[part~="segment"]')[0]!.getAttribute('aria-label')).to.contain(evil);
  });

  it('passes axe in the loading, empty, error, stale and dark states', async () => {
    const loading = document.createElement('ocmf-composite-gauge');
    loading.src = '/__test/doc?delay=3000&name=minimal.json';
    box().append(loading);
    await loading.updateComplete;
    expect(loading.viewState).to.equal('loading');
    expect($(loading, '[part~="skeleton"]')).to.exist;
    await expect(loading).to.be.accessible();

    const { el: empty } = await gauge((g) => {
      g.node = 'nope';
      g.src = '/examples/minimal.json';
    });
    expect(empty.viewState).to.equal('empty');
    await expect(empty).to.be.accessible();

    const { el: error } = await gauge((g) => (g.src = '/__test/doc?name=invalid/many-problems.json'));
    expect(error.viewState).to.equal('error');
    expect(txt(error, '[part~="error"]')).to.contain('root.children[0].value');
    await expect(error).to.be.accessible();

    const { el: stale } = await gauge((g) => (g.src = '/examples/minimal.json'));
    await failSrc(stale);
    expect(stale.stale).to.equal(true);
    expect(txt(stale, '[part~="value"]')).to.equal('77');
    await expect(stale).to.be.accessible();

    const { el: dark } = await gauge((g) => (g.src = '/examples/minimal.json'), { theme: 'dark' });
    ($(dark, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await dark.updateComplete;
    await expect(dark).to.be.accessible();
  });

  it('leaves no listeners, observers or timers after 500 gauges come and go', async () => {
    const before = liveResources();
    const container = box();
    for (let i = 0; i < 500; i++) {
      const el = document.createElement('ocmf-composite-gauge');
      el.setAttribute('refresh', '30');
      if (i % 3 === 0) el.src = `/examples/minimal.json?i=${i % 4}`;
      else el.setAttribute('value', String(i % 101));
      container.append(el);
      if (i % 25 === 0) await el.updateComplete;
      el.remove();
    }
    await aTimeout(50);
    expect(liveResources()).to.deep.equal(before);
  });
});

describe('<ocmf-composite-gauge>: embedding (built bundle: npm run build)', () => {
  async function framePage(url: string): Promise<Window & { __violations?: string[]; __errors?: string[] }> {
    const frame = document.createElement('iframe');
    frame.style.width = '400px';
    frame.style.height = '400px';
    const loaded = oneEvent(frame, 'load');
    frame.src = url;
    box().append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { __violations?: string[]; __errors?: string[] };
    // wait for the gauge to render its number (module scripts run after load)
    for (let i = 0; i < 200; i++) {
      const g = win.document.getElementById('g');
      if (g?.shadowRoot?.querySelector('[part~="value"]')) break;
      await aTimeout(50);
    }
    return win;
  }

  it('renders from src under a strict CSP with Trusted Types, with no violation', async () => {
    const win = await framePage('/__test/csp-page?src=/examples/minimal.json');
    const g = win.document.getElementById('g')!;
    expect(g.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('77');
    await aTimeout(100);
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    // styles applied under style-src 'self' (constructable stylesheets): the track has its colour
    const track = g.shadowRoot!.querySelector('[part~="track"]')!;
    expect(win.getComputedStyle(track).fill).to.not.equal('rgb(0, 0, 0)');
  });

  it('throws nothing when the bundle is loaded twice', async () => {
    const win = await framePage('/__test/twice-page');
    await aTimeout(200);
    expect(win.__errors).to.deep.equal([]);
    const g = win.document.getElementById('g')!;
    expect(g.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('72');
  });
});
