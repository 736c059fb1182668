// The shared base (src/shared/base-element.ts) through a minimal test element: data in three
// ways and their precedence, src loading against the test server, states, events, safety, leaks.
import { aTimeout, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import { liveResources } from '../../src/shared/base-element.js';
import { formatScore } from '../../src/shared/format.js';
import { failSrc, watchPageErrors } from '../elements/_mount.js';
import './test-widget.js';
import type { OcmfTestWidget } from './test-widget.js';

const minimal = {
  root: {
    id: 'customer-composite',
    label: 'Customer Composite Score',
    children: [
      { id: 'nps', label: 'NPS', unit: 'nps', value: 32, weight: 2 },
      { id: 'csat', label: 'CSAT', unit: 'percent', value: 88, weight: 2 },
      { id: 'self-service', label: 'Self-service success', unit: 'percent', value: null, weight: 1 },
    ],
  },
};
// by hand: NPS 32 -> (32+100)/200*100 = 66; CSAT 88; both weight 2 -> (66+88)/2 = 77
const MINIMAL_SCORE = '77';
const leaf = (value: number, label = 'Leaf') => ({ root: { id: 'leaf', label, value } });

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.trim() ?? null;
let seq = 0;
const uniq = () => `k${Date.now()}-${seq++}`;
const count = async (key: string) =>
  ((await (await fetch(`/__test/count?key=${key}`)).json()) as { count: number }).count;

/** Create, configure and connect a widget; resolves the first ocmf-ready/ocmf-error after connect. */
async function mount(setup: (el: OcmfTestWidget) => void, inner = ''): Promise<{ el: OcmfTestWidget; first: Event }> {
  const el = document.createElement('ocmf-test-widget');
  el.innerHTML = inner;
  setup(el);
  const first = Promise.race([oneEvent(el, 'ocmf-ready'), oneEvent(el, 'ocmf-error')]);
  box().append(el);
  return { el, first: await first };
}

/** A widget refreshing minimal.json every 0.15 s; its requests are counted under `key`. */
async function polling(): Promise<{ el: OcmfTestWidget; key: string }> {
  const key = uniq();
  const { el } = await mount((e) => {
    e.refresh = 0.15;
    e.src = `/__test/doc?name=minimal.json&key=${key}`;
  });
  return { el, key };
}

const boxes: HTMLElement[] = [];
/** A connected container; not fixture(), which waits for a frame (rAF), and rAF never runs in a
 * background page when web-test-runner runs two files at once. */
function box(attrs: Record<string, string> = {}): HTMLDivElement {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  document.body.append(div);
  boxes.push(div);
  return div;
}
afterEach(() => {
  fixtureCleanup();
  for (const b of boxes.splice(0)) b.remove();
});

describe('OcmfElement: data in', () => {
  it('takes the data property as an object and shows the engine numbers', async () => {
    const { el, first } = await mount((e) => (e.data = minimal));
    expect(first.type).to.equal('ocmf-ready');
    const expected = evaluate(minimal) as Evaluation;
    expect((first as CustomEvent<Evaluation>).detail.root!.score).to.equal(expected.root!.score);
    expect(text(el, 'score')).to.equal(formatScore(expected.root!.score, 'en'));
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    expect(el.viewState).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('takes the data property as a JSON string', async () => {
    const { el } = await mount((e) => (e.data = JSON.stringify(leaf(42))));
    expect(text(el, 'score')).to.equal('42');
  });

  it('reports an invalid JSON string as an error', async () => {
    const { el, first } = await mount((e) => (e.data = '{"root": '));
    expect(first.type).to.equal('ocmf-error');
    expect(el.viewState).to.equal('error');
    expect(text(el, 'error')).to.contain('not valid JSON');
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const { el } = await mount(() => {}, `<script type="application/json">${JSON.stringify(leaf(55))}</script>`);
    expect(text(el, 'score')).to.equal('55');
  });

  it('lets src win over inline JSON, and data win over both', async () => {
    const { el } = await mount(
      (e) => {
        e.src = '/__test/doc?name=minimal.json';
        e.data = leaf(11);
      },
      `<script type="application/json">${JSON.stringify(leaf(33))}</script>`,
    );
    expect(text(el, 'score')).to.equal('11');
    let ready = oneEvent(el, 'ocmf-ready');
    el.data = null; // data gone: src is next
    // inline may show first while src loads; wait for src's value
    while (text(el, 'score') !== MINIMAL_SCORE)
      (await Promise.race([ready, aTimeout(50)]), (ready = oneEvent(el, 'ocmf-ready')));
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    el.src = null;
    el.reload(); // src gone: inline is next
    ready = oneEvent(el, 'ocmf-ready');
    el.data = undefined;
    await ready;
    expect(text(el, 'score')).to.equal('33');
  });

  it('falls back to the inline JSON when src is removed, and to the empty state without it', async () => {
    const { el } = await mount(
      (e) => (e.src = '/__test/doc?name=minimal.json'),
      `<script type="application/json">${JSON.stringify(leaf(33))}</script>`,
    );
    if (text(el, 'score') !== MINIMAL_SCORE) await oneEvent(el, 'ocmf-ready');
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    const ready = oneEvent(el, 'ocmf-ready');
    el.src = null;
    await ready;
    expect(text(el, 'score')).to.equal('33');
    // set as an attribute this time, and removed
    const { el: alone } = await mount((e) => e.setAttribute('src', '/__test/doc?name=minimal.json'));
    expect(text(alone, 'score')).to.equal(MINIMAL_SCORE);
    alone.removeAttribute('src');
    await alone.updateComplete;
    expect(alone.viewState).to.equal('empty');
    expect(alone.evaluation).to.equal(null);
    expect(text(alone, 'empty')).to.contain('No metrics yet');
  });

  it('drops a src request in flight when data is set: one ocmf-ready, for the data', async () => {
    const key = uniq();
    const el = document.createElement('ocmf-test-widget');
    el.src = `/__test/doc?name=minimal.json&delay=300&key=${key}`;
    box().append(el);
    await el.updateComplete;
    expect(liveResources().inflight).to.equal(1);
    const scores: (number | null)[] = [];
    el.addEventListener('ocmf-ready', (e) => scores.push(e.detail.root!.score));
    el.data = leaf(11);
    await el.updateComplete;
    expect(liveResources().inflight).to.equal(0);
    await aTimeout(500); // the src's answer would have arrived by now
    expect(scores).to.deep.equal([11]);
    expect(text(el, 'score')).to.equal('11');
  });

  it('fires ocmf-ready for every data set, after the new value is rendered', async () => {
    const { el } = await mount((e) => (e.data = leaf(10)));
    const seen: string[] = [];
    el.addEventListener('ocmf-ready', () => seen.push(text(el, 'score')!));
    for (const v of [20, 30, 30]) {
      const ready = oneEvent(el, 'ocmf-ready');
      el.data = leaf(v);
      await ready;
    }
    expect(seen).to.deep.equal(['20', '30', '30']);
  });
});

describe('OcmfElement: src', () => {
  it('shows a 404 as a readable error and fires ocmf-error', async () => {
    const { el, first } = await mount((e) => (e.src = '/__test/doc?status=404'));
    expect(first.type).to.equal('ocmf-error');
    expect((first as CustomEvent).detail[0].message).to.contain('404');
    expect(text(el, 'error')).to.contain('server answered 404');
    await expect(el).to.be.accessible();
  });

  it('shows a 500 as an error', async () => {
    const { el } = await mount((e) => (e.src = '/__test/doc?status=500'));
    expect(text(el, 'error')).to.contain('server answered 500');
  });

  it('shows invalid JSON as an error', async () => {
    const { el } = await mount((e) => (e.src = '/__test/doc?body=' + encodeURIComponent('{"root": [')));
    expect(text(el, 'error')).to.contain('not valid JSON');
  });

  it('lists an invalid document with its paths', async () => {
    const { el, first } = await mount((e) => (e.src = '/__test/doc?name=invalid/negative-weight.json'));
    expect(first.type).to.equal('ocmf-error');
    expect(text(el, 'error')).to.contain('root.children[0].weight');
  });

  it('shows the first ten issues and "and N more"', async () => {
    const children = Array.from({ length: 13 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, value: 1, weight: -1 }));
    const { el, first } = await mount((e) => (e.data = { root: { id: 'r', label: 'R', children } }));
    const issues = (first as CustomEvent).detail as unknown[];
    expect(issues).to.be.an('array');
    expect(issues.length).to.be.greaterThan(10);
    const items = [...part(el, 'error')!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.have.length(11);
    expect(items[10]).to.equal(`and ${issues.length - 10} more`);
  });

  it('gives up after the timeout with a clear error', async () => {
    const { el, first } = await mount((e) => {
      e.timeout = 0.3;
      e.src = '/__test/doc?delay=3000&name=minimal.json';
    });
    expect(first.type).to.equal('ocmf-error');
    expect(text(el, 'error')).to.contain('timed out after 0.3 s');
  });

  it('shows a skeleton while loading', async () => {
    const container = box();
    const el = document.createElement('ocmf-test-widget');
    el.src = '/__test/doc?delay=800&name=minimal.json';
    container.append(el);
    await el.updateComplete;
    expect(el.viewState).to.equal('loading');
    expect(part(el, 'skeleton')).to.exist;
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('keeps the last src set when answers come out of order', async () => {
    const container = box();
    const el = document.createElement('ocmf-test-widget');
    el.src = '/__test/doc?delay=600&body=' + encodeURIComponent(JSON.stringify(leaf(1)));
    container.append(el);
    await el.updateComplete;
    const ready = oneEvent(el, 'ocmf-ready');
    el.src = '/__test/doc?delay=50&body=' + encodeURIComponent(JSON.stringify(leaf(2)));
    await ready;
    expect(text(el, 'score')).to.equal('2');
    await aTimeout(800); // the first answer would have arrived by now
    expect(text(el, 'score')).to.equal('2');
  });

  it('keeps the last good data, marked stale, when a refresh fails, and retries', async () => {
    const key = uniq();
    const { el, first } = await mount((e) => {
      e.refresh = 0.2;
      e.src = `/__test/doc?name=minimal.json&key=${key}&okFor=1`;
    });
    expect(first.type).to.equal('ocmf-ready');
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    const err = await oneEvent(el, 'ocmf-error');
    expect(err.detail[0]!.message).to.contain('500');
    await el.updateComplete;
    expect(el.stale).to.equal(true);
    expect(el.viewState).to.equal('ready');
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    expect(text(el, 'stale')).to.match(/Not updated since/);
    await expect(el).to.be.accessible();
    // the server recovers: Retry brings fresh data and drops the badge
    await fetch(`/__test/reset?key=${key}`);
    el.refresh = 0;
    const ready = oneEvent(el, 'ocmf-ready');
    (part(el, 'retry') as HTMLButtonElement).click();
    await ready;
    expect(el.stale).to.equal(false);
    expect(part(el, 'stale')).to.equal(null);
  });

  it('while stale, re-evaluates the last good data with new options, and tells the failure once', async () => {
    const { el } = await mount((e) => (e.src = '/__test/doc?name=minimal.json'));
    let ready = oneEvent(el, 'ocmf-ready');
    el.setOverrides({ csat: 20 }); // (66 + 20) / 2 = 43
    await ready;
    expect(text(el, 'score')).to.equal('43');
    const errors: unknown[] = [];
    el.addEventListener('ocmf-error', (e) => errors.push(e.detail));
    await failSrc(el);
    expect(el.stale).to.equal(true);
    expect(text(el, 'score')).to.equal('43');
    // what-if values dropped while stale: the last good document as it is, still marked stale
    el.setOverrides({});
    await el.updateComplete;
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    expect(el.evaluation!.root!.score).to.equal(77);
    el.setOverrides({ csat: 100 }); // (66 + 100) / 2 = 83
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('83');
    expect(el.stale).to.equal(true);
    expect(text(el, 'stale')).to.match(/Not updated since/);
    await aTimeout(50);
    expect(errors.length).to.equal(1);
    // an invalid document from src is a failed src too: stale, told once
    ready = oneEvent(el, 'ocmf-error');
    el.src = '/__test/doc?body=' + encodeURIComponent(JSON.stringify({ root: { id: 'x', label: 'X', value: 'no' } }));
    await ready;
    el.setOverrides({});
    await el.updateComplete;
    await aTimeout(50);
    expect(errors.length).to.equal(2);
    expect(el.stale).to.equal(true);
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
  });

  it('keeps refreshing after data is set and dropped again', async () => {
    const { el, key } = await polling();
    el.data = leaf(11);
    await el.updateComplete;
    expect(liveResources().timers).to.equal(0); // data in force: no polling
    el.data = null;
    await el.updateComplete;
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    const before = await count(key);
    await aTimeout(700);
    expect(await count(key)).to.be.greaterThan(before);
  });

  it('while a new src loads or after it failed, shows the last src document, not the inline JSON', async () => {
    const { el } = await mount(
      (e) => (e.src = '/__test/doc?name=minimal.json'),
      `<script type="application/json">${JSON.stringify(leaf(33))}</script>`,
    );
    if (text(el, 'score') !== MINIMAL_SCORE) await oneEvent(el, 'ocmf-ready');
    const seen: string[] = [];
    el.addEventListener('ocmf-ready', () => seen.push(text(el, 'score')!));
    el.addEventListener('ocmf-error', () => seen.push('error'));
    const failed = oneEvent(el, 'ocmf-error');
    el.src = '/__test/doc?status=500&delay=200';
    await el.updateComplete;
    el.setOverrides({}); // a re-evaluation while it loads
    await el.updateComplete;
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    await failed;
    await el.updateComplete;
    expect(el.stale).to.equal(true);
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    expect(seen).to.deep.equal(['error']);
    // data comes and goes meanwhile: the stale src document is back, not the data
    el.data = leaf(11);
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('11');
    el.data = null;
    await el.updateComplete;
    expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
    expect(el.stale).to.equal(true);
  });

  it('removing src while data is in force changes nothing (no new ocmf-ready)', async () => {
    const { el } = await mount((e) => {
      e.src = '/__test/doc?name=minimal.json';
      e.data = leaf(11);
    });
    let readies = 0;
    el.addEventListener('ocmf-ready', () => readies++);
    el.src = null;
    await el.updateComplete;
    await aTimeout(50);
    expect(readies).to.equal(0);
    expect(text(el, 'score')).to.equal('11');
  });

  it('shares one request between widgets with the same src', async () => {
    const key = uniq();
    const src = `/__test/doc?name=minimal.json&delay=100&key=${key}`;
    const container = box();
    const els = [0, 1, 2].map(() => {
      const el = document.createElement('ocmf-test-widget');
      el.src = src;
      return el;
    });
    const readies = els.map((el) => oneEvent(el, 'ocmf-ready'));
    container.append(...els);
    await Promise.all(readies);
    expect(await count(key)).to.equal(1);
    for (const el of els) expect(text(el, 'score')).to.equal(MINIMAL_SCORE);
  });

  it('a widget changing its src does not abort the request another widget shares', async () => {
    const key = uniq();
    const src = `/__test/doc?name=minimal.json&delay=200&key=${key}`;
    const container = box();
    const a = document.createElement('ocmf-test-widget');
    const b = document.createElement('ocmf-test-widget');
    a.src = b.src = src;
    const ready = oneEvent(b, 'ocmf-ready');
    container.append(a, b);
    await b.updateComplete;
    a.src = '/__test/doc?body=' + encodeURIComponent(JSON.stringify(leaf(5)));
    await ready;
    expect(text(b, 'score')).to.equal(MINIMAL_SCORE);
  });

  it('stops polling once removed', async () => {
    const { el, key } = await polling();
    await oneEvent(el, 'ocmf-ready'); // one refresh happened
    el.remove();
    const after = await count(key);
    await aTimeout(600);
    expect(await count(key)).to.equal(after);
  });
});

describe('OcmfElement: data sources in any order (fast-check)', () => {
  // Random runs of what a host does (set or drop data, point src at a good, slow or failing answer,
  // remove src), sometimes without waiting between steps. Once everything has settled, the view
  // follows SPEC §6: data over src over inline; a failed src keeps the last src document (stale),
  // else the inline JSON, else what was shown; nothing throws into the page, nothing is left running.
  type Op =
    | { op: 'data'; v: number }
    | { op: 'noData' }
    | { op: 'src'; v: number; delay: number }
    | { op: 'badSrc'; delay: number }
    | { op: 'noSrc' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('data' as const), v: fc.integer({ min: 1, max: 99 }) }),
    fc.record({ op: fc.constant('noData' as const) }),
    fc.record({ op: fc.constant('src' as const), v: fc.integer({ min: 1, max: 99 }), delay: fc.constantFrom(0, 40) }),
    fc.record({ op: fc.constant('badSrc' as const), delay: fc.constantFrom(0, 40) }),
    fc.record({ op: fc.constant('noSrc' as const) }),
  );
  const settle = async (el: OcmfTestWidget) => {
    await el.updateComplete; // (a src set starts loading in the update)
    for (let i = 0; i < 100 && liveResources().inflight > 0; i++) await aTimeout(10);
    await el.updateComplete;
    await el.updateComplete;
  };

  it('shows data, else src, else the inline JSON, after any sequence; a failed src keeps the view', async function () {
    this.timeout(120_000);
    const { errors, stop } = watchPageErrors();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 6 }),
          async (inline, ops) => {
            const el = document.createElement('ocmf-test-widget');
            if (inline) el.innerHTML = `<script type="application/json">${JSON.stringify(leaf(100))}</script>`;
            box().append(el);
            await el.updateComplete;
            let data: number | null = null;
            let src: { v: number | null } | null = null; // v null: the src fails
            let srcGood: number | null = null; // the last src document shown since src was last removed
            let shown: string | null = inline ? '100' : null;
            for (const [o, wait] of ops) {
              if (o.op === 'data') ((el.data = leaf(o.v)), (data = o.v));
              else if (o.op === 'noData') ((el.data = null), (data = null));
              else if (o.op === 'noSrc') ((el.src = null), (src = null), (srcGood = null));
              else {
                const body = o.op === 'src' ? `&body=${encodeURIComponent(JSON.stringify(leaf(o.v)))}` : '&status=500';
                el.src = `/__test/doc?delay=${o.delay}${body}&n=${uniq()}`;
                src = { v: o.op === 'src' ? o.v : null };
              }
              if (!wait && o !== ops[ops.length - 1]![0]) continue;
              await settle(el);
              if (data !== null) shown = String(data);
              else if (src?.v != null) shown = String((srcGood = src.v));
              else if (src) shown = srcGood !== null ? String(srcGood) : inline ? '100' : shown;
              else shown = inline ? '100' : null;
              const what = JSON.stringify({ inline, ops, shown });
              expect(text(el, 'score'), what).to.equal(shown);
              if (shown === null) expect(el.viewState, what).to.equal(src ? 'error' : 'empty');
              expect(el.stale, what).to.equal(data === null && src?.v === null && shown !== null);
            }
            el.remove();
            expect(liveResources().inflight).to.equal(0);
            expect(liveResources().timers).to.equal(0);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      stop();
    }
    expect(errors).to.deep.equal([]);
  });
});

describe('OcmfElement: states and safety', () => {
  it('says what is missing when the document has no root', async () => {
    const { el, first } = await mount(
      (e) => (e.data = { journeys: [{ id: 'j1', beforeSale: -3, afterSale: 5, toSmile: 0 }] }),
    );
    expect(first.type).to.equal('ocmf-ready');
    expect(el.viewState).to.equal('empty');
    expect(text(el, 'empty')).to.contain('no "root"');
    await expect(el).to.be.accessible();
  });

  it('says so when node names no node, and shows the named node otherwise', async () => {
    const { el } = await mount((e) => {
      e.node = 'nope';
      e.data = minimal;
    });
    expect(text(el, 'empty')).to.contain('"nope"');
    el.node = 'csat';
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('88');
  });

  it('says how to give data when there is none', async () => {
    const el = await fixture<OcmfTestWidget>(html`<ocmf-test-widget></ocmf-test-widget>`);
    expect(el.viewState).to.equal('empty');
    expect(text(el, 'empty')).to.contain('src');
    // the sentence as written, nothing around it (a host may read textContent as it is)
    expect(part(el, 'empty')!.textContent).to.match(/^No metrics yet: give the test widget a src, .*inside it\.$/);
  });

  it('renders a label as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { el } = await mount((e) => (e.data = leaf(50, evil)));
    expect(text(el, 'label')).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('turns a throwing render into the error state without throwing into the page', async () => {
    const { errors, stop } = watchPageErrors();
    try {
      const { el, first } = await mount((e) => (e.data = leaf(50, 'THROW')));
      expect(first.type).to.equal('ocmf-error');
      expect(text(el, 'error')).to.contain('boom');
      await aTimeout(50);
      expect(errors).to.deep.equal([]);
    } finally {
      stop();
    }
  });

  it('fires ocmf-select, bubbling and composed, on a person’s pick only', async () => {
    const { el } = await mount((e) => (e.data = minimal));
    const picks: string[] = [];
    const listener = (e: Event) => picks.push((e as CustomEvent).detail);
    document.addEventListener('ocmf-select', listener);
    el.node = 'nps'; // programmatic: no event
    await el.updateComplete;
    (part(el, 'pick') as HTMLButtonElement).click();
    document.removeEventListener('ocmf-select', listener);
    expect(picks).to.deep.equal(['nps']);
  });

  it('takes its locale from the attribute, the document, then the nearest lang', async () => {
    const container = box({ lang: 'de-DE' });
    const el = document.createElement('ocmf-test-widget');
    el.data = leaf(67.5);
    container.append(el);
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('67,5');
    el.data = { ...leaf(67.5), locale: 'en-US' };
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('67.5');
    el.locale = 'fr-FR';
    await el.updateComplete;
    expect(text(el, 'score')).to.equal('67,5');
  });

  it('reads each parent’s color-scheme once per task, and anew in a later task', async () => {
    const bg = (el: Element) => getComputedStyle(el).getPropertyValue('--_bg').trim();
    const dark = box({ style: 'color-scheme: dark' });
    const light = box({ style: 'color-scheme: light' });
    const make = (parent: Element) => {
      const el = document.createElement('ocmf-test-widget');
      el.data = leaf(50);
      parent.append(el);
      return el;
    };
    // connected in one task: two share the dark parent, one has its own light parent
    const [a, b, c] = [make(dark), make(dark), make(light)];
    await Promise.all([a, b, c].map((el) => el.updateComplete));
    expect([a, b, c].map(bg)).to.deep.equal(['#15181d', '#15181d', '#ffffff']);
    // the page switches the parent to light: a widget connected later follows the new value
    dark.style.colorScheme = 'light';
    await Promise.resolve();
    const d = make(dark);
    await d.updateComplete;
    expect(bg(d)).to.equal('#ffffff');
  });

  it('forces dark and light with theme, and follows the page color-scheme', async () => {
    const container = box();
    const el = document.createElement('ocmf-test-widget');
    el.data = leaf(50);
    el.theme = 'dark';
    container.append(el);
    await el.updateComplete;
    const bg = () => getComputedStyle(el).getPropertyValue('--_bg').trim();
    expect(bg()).to.equal('#15181d');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    expect(bg()).to.equal('#ffffff');
    // the page says dark: a widget without theme follows it
    const dark = box({ style: 'color-scheme: dark' });
    const el2 = document.createElement('ocmf-test-widget');
    el2.data = leaf(50);
    dark.append(el2);
    await el2.updateComplete;
    expect(getComputedStyle(el2).getPropertyValue('--_bg').trim()).to.equal('#15181d');
    // a public token overrides the default
    el2.style.setProperty('--ocmf-bg', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el2).getPropertyValue('--_bg').trim()).to.equal('rgb(1, 2, 3)');
  });
});

describe('OcmfElement: resources', () => {
  it('leaves no listeners, observers, timers or requests after 500 create/remove cycles', async () => {
    await aTimeout(0);
    const before = liveResources();
    const container = box();
    for (let i = 0; i < 500; i++) {
      const el = document.createElement('ocmf-test-widget');
      el.refresh = 60;
      if (i % 2) el.src = `/__test/doc?name=minimal.json&delay=2000&i=${i % 5}`;
      else el.data = leaf(i % 100);
      container.append(el);
      if (i % 50 === 0) await el.updateComplete;
      el.remove();
    }
    await aTimeout(50);
    expect(liveResources()).to.deep.equal(before);
  });
});
