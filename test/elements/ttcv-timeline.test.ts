// <ocmf-ttcv-timeline> in Chromium: reads the shadow DOM and compares what a person sees with the
// engine's numbers for the same document; geometry checked against hand-made journeys.
import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import '../../src/elements/ttcv-timeline/define.js';
import { box, mount, $, $$, txt, clean } from './_mount.js';
import type { OcmfTtcvTimeline } from '../../src/elements/ttcv-timeline/ttcv-timeline.js';
import { evaluate } from '../../src/engine/index.js';
import type { Evaluation } from '../../src/engine/types.js';
import { journeyText, lawText, medianLaw, orderJourneys } from '../../src/layout/timeline.js';
import { liveResources } from '../../src/shared/base-element.js';
import { formatDays, formatShare } from '../../src/shared/format.js';

const timeline = (setup: (el: OcmfTtcvTimeline) => void, attrs: Record<string, string> = {}, height = 600) =>
  mount<OcmfTtcvTimeline>('ocmf-ttcv-timeline', setup, attrs, { width: '900px', height: `${height}px` });

const rows = (el: Element) => $$(el, '[part~="row"]') as HTMLElement[];
/** A row's option: its label, focusable, named by the spoken summary. */
const opt = (row: Element) => row.querySelector('[role="option"]') as HTMLElement;
const num = (e: Element | null | undefined, attr: string) => Number(e!.getAttribute(attr));
const key = (target: Element, k: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
/** The same number text the element writes: en-US, ≤ 1 decimal, minus as U+2212. */
const fmt = (n: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n).replace('-', '\u2212');

const loadSample = async () => (await (await fetch('/examples/ocmf-sample.json')).json()) as Record<string, unknown>;
const engine = (doc: unknown) => evaluate(doc) as Evaluation;
async function setSelect(el: OcmfTtcvTimeline, part: string, value: string) {
  const select = $(el, `[part~="${part}"]`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Journeys like /work/shared/bench/data.mjs makeTimeline (seeded), as the benchmark adapter maps them. */
function benchJourneys(n: number) {
  let a = 20260106 >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => {
    r(); // start (unused by the duration view)
    return {
      id: `j${i}`,
      label: `Customer ${String(i + 1).padStart(4, '0')}`,
      segment: ['A', 'B', 'C'][i % 3],
      beforeSale: -(5 + Math.floor(r() * 60)),
      afterSale: 10 + Math.floor(r() * 90),
      toSmile: 1 + Math.floor(r() * 30),
    };
  });
}

describe('<ocmf-ttcv-timeline>: the engine’s numbers on the sample', () => {
  it('writes the median as Klever’s Law with p90, the share at or below zero and the counts', async () => {
    const doc = await loadSample();
    const t = engine(doc).ttcv!;
    const { el } = await timeline((e) => (e.data = doc));
    const law = medianLaw(t.journeys)!;
    expect(law.total).to.equal(t.overall.total.median);
    expect(txt(el, '[part~="law"]')).to.equal(lawText(law, fmt));
    // and by hand: the parts of the sentence add up to its total
    const m = /^Median (\S+) days = (\S+) before sale ([+−]) (\S+) after sale ([+−]) (\S+) to smile$/.exec(
      txt(el, '[part~="law"]')!,
    )!;
    const n = (s: string) => Number(s.replace('\u2212', '-'));
    const sign = (s: string) => (s === '+' ? 1 : -1);
    expect(n(m[2]!) + sign(m[3]!) * n(m[4]!) + sign(m[5]!) * n(m[6]!)).to.equal(n(m[1]!));
    expect(txt(el, '[data-fact="p90"]')).to.equal(`p90 ${formatDays(t.overall.total.p90, 'en-US')}`);
    expect(txt(el, '[data-fact="share"]')).to.contain(
      `${formatShare(t.overall.atOrBelowZero, 'en-US')} at or below zero`,
    );
    expect(txt(el, '[data-fact="counts"]')).to.equal(
      `${t.overall.n} journeys, ${t.overall.complete} complete, ${t.overall.open} open`,
    );
    for (const [name, agg] of Object.entries(t.bySegment)) {
      expect(txt(el, `[data-segment="${name}"]`)).to.equal(
        `${name}: median ${formatDays(agg.total.median, 'en-US')} (${agg.n})`,
      );
    }
  });

  it('shows one row per journey in the engine’s order, each with the total and a spoken summary', async () => {
    const doc = await loadSample();
    const t = engine(doc).ttcv!;
    const { el } = await timeline((e) => (e.data = doc));
    const order = orderJourneys(t.journeys, { locale: 'en-US' });
    const shown = rows(el);
    expect(shown.length).to.be.greaterThan(10);
    shown.forEach((row, i) => {
      const j = order[i]!;
      expect(row.dataset['id']).to.equal(j.id);
      expect(opt(row).getAttribute('aria-label')).to.equal(journeyText(j, fmt));
      expect(row.querySelector('[part~="label"]')!.textContent).to.equal(j.label);
      expect(row.querySelector('[part~="row-total"]')!.textContent!.trim()).to.equal(
        j.total === null ? '–' : fmt(j.total),
      );
      expect(opt(row).getAttribute('aria-posinset')).to.equal(String(i + 1));
      expect(opt(row).getAttribute('aria-setsize')).to.equal(String(t.journeys.length));
    });
    // the partial journey of the sample (j-d02: no time to smile) says what is missing
    const el2 = (await timeline((e) => (e.data = doc), { sort: 'total', direction: 'desc' })).el;
    const partial = rows(el2).find((r) => r.dataset['id'] === 'j-d02')!;
    expect(partial.querySelector('[part~="note"]')!.textContent).to.equal('Not measured: to smile');
  });

  it('shows the journeys and the aggregates as tables', async () => {
    const doc = await loadSample();
    const t = engine(doc).ttcv!;
    const { el } = await timeline((e) => (e.data = doc));
    const toggle = $(el, '[part~="table-toggle"]') as HTMLButtonElement;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const body = $$(el, '[part~="table"] tbody tr');
    expect(body.length).to.equal(t.journeys.length);
    const cells = (tr: Element) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    const first = orderJourneys(t.journeys, { locale: 'en-US' })[0]!;
    expect(cells(body[0]!)).to.deep.equal([
      first.label,
      first.segment!,
      fmt(first.beforeSale!),
      fmt(first.afterSale!),
      fmt(first.toSmile!),
      fmt(first.total!),
      'complete',
    ]);
    const all = cells($$(el, '[part~="aggregates"] tbody tr')[0]!);
    const o = t.overall;
    expect(all).to.deep.equal([
      'All journeys',
      String(o.n),
      String(o.complete),
      String(o.open),
      fmt(o.total.median!),
      fmt(o.total.p90!),
      formatShare(o.atOrBelowZero, 'en-US'),
      fmt(o.beforeSale.median!),
      fmt(o.afterSale.median!),
      fmt(o.toSmile.median!),
    ]);
    expect($$(el, '[part~="aggregates"] tbody tr').length).to.equal(1 + Object.keys(t.bySegment).length);
    await expect(el).to.be.accessible();
  });
});

describe('<ocmf-ttcv-timeline>: bars from zero', () => {
  const hand = {
    journeys: [
      { id: 'a', label: 'A', segment: 'S', beforeSale: -10, afterSale: 20, toSmile: 5 },
      { id: 'b', label: 'B', segment: 'T', beforeSale: 0, afterSale: 30, toSmile: 0 },
      { id: 'p', label: 'P', segment: 'T', afterSale: 8, toSmile: 2 },
      {
        id: 'o',
        label: 'O',
        segment: 'S',
        events: [
          { type: 'sale', at: '2026-01-01' },
          { type: 'value-after-sale', at: '2026-01-05' },
          { type: 'interruption', at: '2026-01-10', id: 'x' },
        ],
      },
    ],
    asOf: '2026-01-20',
  };

  it('draws negative parts left of zero and the rest to the right, with the total marked', async () => {
    const { el } = await timeline((e) => (e.data = hand));
    const row = rows(el).find((r) => r.dataset['id'] === 'a')!;
    // one zero line for all rows (part="zero"): where it is drawn, in the row's plot coordinates
    const rule = $(el, '[part~="zero"]')!.getBoundingClientRect();
    const plot = row.querySelector('svg')!.getBoundingClientRect();
    const zero = rule.left + rule.width / 2 - plot.left;
    expect(rule.width).to.be.above(0);
    expect(rule.top).to.be.at.most(row.getBoundingClientRect().top);
    expect(rule.bottom).to.be.at.least(row.getBoundingClientRect().bottom);
    const part = (k: string) => row.querySelector(`[data-part="${k}"]`)!;
    // a part is a thick line from x1 to x2 (left to right)
    const x = (k: string) => num(part(k), 'x1');
    const w = (k: string) => num(part(k), 'x2') - num(part(k), 'x1');
    // days -> px: 20 + 5 days to the right take (25 / 10) the width of the 10 days to the left
    expect(x('beforeSale') + w('beforeSale')).to.be.closeTo(zero, 0.05);
    expect(x('beforeSale')).to.be.below(zero);
    expect(x('afterSale')).to.be.closeTo(zero, 0.05);
    expect(x('toSmile')).to.be.closeTo(x('afterSale') + w('afterSale'), 1e-6);
    expect(w('afterSale') / w('beforeSale')).to.be.closeTo(2, 1e-9);
    expect(w('toSmile') / w('beforeSale')).to.be.closeTo(0.5, 1e-9);
    // total 15 days: one and a half times the before-sale width right of zero
    // the marker is a 2.5 px bar centred on the total
    const marker = (row.querySelector('[part~="total"]') as SVGGraphicsElement).getBBox();
    expect(marker.width).to.be.closeTo(2.5, 1e-6);
    const total = marker.x + marker.width / 2;
    expect(total - zero).to.be.closeTo(1.5 * w('beforeSale'), 0.05);
    expect(row.querySelector('[part~="row-total"]')!.textContent!.trim()).to.equal('15');
    expect(opt(row).getAttribute('aria-label')).to.equal('A: 15 days = −10 before sale + 20 after sale + 5 to smile');
  });

  it('ends an open journey in a "still waiting" mark and says what a partial one misses', async () => {
    const ev = engine(hand).ttcv!;
    expect(ev.journeys.find((j) => j.id === 'o')!.open).to.equal(true);
    const { el } = await timeline((e) => (e.data = hand));
    const open = rows(el).find((r) => r.dataset['id'] === 'o')!;
    expect(open.querySelector('[part~="waiting"]')).to.exist;
    expect(open.querySelector('[part~="note"]')!.textContent).to.equal('still waiting');
    // the note (HTML over the plot) sits just after the "still waiting" mark or just before the
    // bar (when the bar reaches far right), within the row
    const noteBox = open.querySelector('[part~="note"]')!.getBoundingClientRect();
    const waitBox = open.querySelector('[part~="waiting"]')!.getBoundingClientRect();
    const barLeft = Math.min(...[...open.querySelectorAll('[data-part]')].map((p) => p.getBoundingClientRect().left));
    const rowBox = open.getBoundingClientRect();
    const after = noteBox.left >= waitBox.right && noteBox.left <= waitBox.right + 12;
    const before = noteBox.right <= barLeft && noteBox.right >= barLeft - 12;
    expect(after || before, `note ${noteBox.left}..${noteBox.right}, bar from ${barLeft}`).to.equal(true);
    expect(noteBox.top).to.be.at.least(rowBox.top);
    expect(noteBox.bottom).to.be.at.most(rowBox.bottom);
    expect(opt(open).getAttribute('aria-label')).to.equal(
      'O: 14 days = 0 before sale + 4 after sale + 10 to smile, still waiting',
    );
    const partial = rows(el).find((r) => r.dataset['id'] === 'p')!;
    expect(partial.querySelector('[part~="waiting"]')).to.equal(null);
    expect(partial.querySelector('[part~="note"]')!.textContent).to.equal('Not measured: before sale');
    expect(partial.querySelector('[data-part="beforeSale"]')).to.equal(null);
    expect(
      rows(el)
        .find((r) => r.dataset['id'] === 'a')!
        .querySelector('[part~="note"]'),
    ).to.equal(null);
  });

  it('sorts and filters by segment from its controls, and the summary follows the segment', async () => {
    const t = engine(hand).ttcv!;
    const { el } = await timeline((e) => (e.data = hand));
    const ids = () => rows(el).map((r) => r.dataset['id']);
    // totals: a 15, b 30, p 10 (partial), o 14 -> ascending, by hand
    expect(ids()).to.deep.equal(['p', 'o', 'a', 'b']);
    await setSelect(el, 'sort', 'total-desc');
    expect(ids()).to.deep.equal(['b', 'a', 'o', 'p']);
    expect(el.direction).to.equal('desc');
    await setSelect(el, 'sort', 'label-asc');
    expect(ids()).to.deep.equal(['a', 'b', 'o', 'p']);
    await setSelect(el, 'segment-filter', 'T');
    expect(el.segment).to.equal('T');
    expect(ids()).to.deep.equal(['b', 'p']);
    expect(txt(el, '[data-fact="counts"]')).to.equal(`${t.bySegment['T']!.n} journeys, 1 complete, 0 open`);
    expect(txt(el, '[part~="law"]')).to.equal('T: Median 30 days = 0 before sale + 30 after sale + 0 to smile');
    await setSelect(el, 'segment-filter', '');
    expect(el.segment).to.equal(null);
    expect(ids().length).to.equal(4);
  });

  it('fires ocmf-select with the journey id on click and Enter, and moves between rows with the arrows', async () => {
    const picks: unknown[] = [];
    const { el } = await timeline((e) => (e.data = hand));
    el.addEventListener('ocmf-select', (e) => picks.push(e.detail));
    el.segment = 'S';
    await el.updateComplete;
    expect(picks).to.deep.equal([]); // programmatic: no event
    const [first, second] = rows(el).map(opt);
    expect(first!.tabIndex).to.equal(0);
    expect(second!.tabIndex).to.equal(-1);
    first!.click();
    first!.focus();
    key(first!, 'ArrowDown');
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused).to.equal(opt(rows(el)[1]!));
    expect(focused.tabIndex).to.equal(0);
    key(focused, 'Enter');
    expect(picks).to.deep.equal([rows(el)[0]!.dataset['id'], rows(el)[1]!.dataset['id']]);
    expect(rows(el).map((r) => r.dataset['id'])).to.deep.equal(['o', 'a']); // segment S by total, by hand
  });

  it('switches to the calendar view with the buttons', async () => {
    const { el } = await timeline((e) => (e.data = hand));
    const [, cal] = $$(el, '[part~="view-toggle"] button') as HTMLButtonElement[];
    cal!.click();
    await el.updateComplete;
    expect(el.view).to.equal('calendar');
    expect(el.getAttribute('view')).to.equal('calendar');
    expect(cal!.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part~="as-of"]')).to.exist;
  });
});

describe('<ocmf-ttcv-timeline>: calendar view', () => {
  it('keeps the date labels on the axis and apart (the last one once touched the right edge)', async () => {
    const doc = await loadSample();
    for (const width of [480, 960]) {
      const { el } = await timeline((e) => ((e.style.width = `${width}px`), (e.data = doc)), {
        view: 'calendar',
        locale: 'en-US',
      });
      const plot = $(el, '[part~="axis"] .axis-plot')!.getBoundingClientRect();
      const labels = $$(el, '[part~="axis"] .tick-label').map((l) => l.getBoundingClientRect());
      expect(labels.length, `${width}`).to.be.at.least(2);
      for (const r of labels) {
        expect(r.left, `${width}: label inside on the left`).to.be.at.least(plot.left - 0.5);
        expect(r.right, `${width}: label inside on the right`).to.be.at.most(plot.right + 0.5);
      }
      for (let i = 1; i < labels.length; i++)
        expect(labels[i]!.left, `${width}: label ${i} clear of the one before`).to.be.above(labels[i - 1]!.right);
    }
  });

  it('draws each journey’s events at their UTC dates, interruption spans and the asOf line', async () => {
    const doc = await loadSample();
    const t = engine(doc).ttcv!;
    const { el } = await timeline((e) => (e.data = doc), { view: 'calendar' });
    const shown = rows(el);
    const order = orderJourneys(t.journeys, { locale: 'en-US' });
    expect(shown.length).to.be.greaterThan(10);
    let undated = 0;
    for (const [i, row] of shown.entries()) {
      const j = order[i]!;
      expect(row.dataset['id']).to.equal(j.id);
      const marks = [...row.querySelectorAll('[part~="mark"]')];
      expect(marks.map((m) => m.getAttribute('data-type'))).to.deep.equal(j.events.map((e) => e.type));
      expect(marks.map((m) => Number(m.getAttribute('data-at')))).to.deep.equal(j.events.map((e) => e.at));
      expect(row.querySelectorAll('[part~="span"]').length).to.equal(j.spans.length);
      if (!j.events.length) {
        // the note is text at the start of the lane's plot, inside the row
        const note = row.querySelector('[part~="note"]')!;
        expect(note.textContent).to.contain('no dates');
        const box = note.getBoundingClientRect();
        const plot = row.querySelector('svg')!.getBoundingClientRect();
        const lane = row.getBoundingClientRect();
        expect(box.left).to.be.closeTo(plot.left + 4, 1);
        expect(box.top).to.be.at.least(lane.top - 0.5);
        expect(box.bottom).to.be.at.most(lane.bottom + 0.5);
        expect(box.width).to.be.greaterThan(40);
        undated++;
      }
    }
    expect(undated, 'lanes without dates in view').to.be.greaterThan(0);
    // the legend names every event type and draws it with the shape its marks have
    const legend = new Map(
      $$(el, '[part~="legend"] li').map((li) => [clean(li.textContent), li.querySelector('path.mark')]),
    );
    const types = ['engaged', 'value-before-sale', 'sale', 'value-after-sale', 'interruption', 'smile'];
    for (const type of types) {
      const glyph = legend.get(type.replace(/-/g, ' '));
      expect(glyph, type).to.not.equal(undefined);
      const drawn = shown.flatMap((r) => [...r.querySelectorAll(`[data-type="${type}"]`)]);
      expect(drawn.length, type).to.be.greaterThan(0);
      for (const m of drawn) expect(m.getAttribute('d'), type).to.equal(glyph!.getAttribute('d'));
    }
    // positions: x is linear in time, so equal gaps in days are equal gaps in px
    const withSale = shown.map((r) => [...r.querySelectorAll('[data-type="sale"]')][0]).filter(Boolean) as Element[];
    const xOf = (m: Element) => Number(/translate\(([-\d.]+)/.exec(m.getAttribute('transform')!)![1]);
    const atOf = (m: Element) => Number(m.getAttribute('data-at'));
    const [m1, m2, m3] = withSale;
    const slope = (xOf(m2!) - xOf(m1!)) / (atOf(m2!) - atOf(m1!));
    expect(xOf(m3!) - xOf(m1!)).to.be.closeTo(slope * (atOf(m3!) - atOf(m1!)), 1e-6);
    // the asOf line: t.asOf at the same slope from a sale
    const asOfX = num($(el, '[part~="rows"] [part~="as-of"]'), 'x1');
    expect(asOfX - xOf(m1!)).to.be.closeTo(slope * (t.asOf - atOf(m1!)), 1e-6);
    // one line for all lanes: drawn in the lanes' own x (its svg starts where theirs do), over all of them
    const rule = $(el, '[part~="rows"] [part~="as-of"]')!.getBoundingClientRect();
    const plots = shown.map((r) => r.querySelector('svg')!.getBoundingClientRect());
    expect(rule.left).to.be.closeTo(plots[0]!.left + asOfX, 1.5);
    expect(rule.top).to.be.at.most(plots[0]!.top + 0.5);
    expect(rule.bottom).to.be.at.least(plots[plots.length - 1]!.bottom - 1);
    expect(txt(el, '[part~="axis"]')).to.contain('as of Nov 15, 2026');
    await expect(el).to.be.accessible();
  });

  it('marks an open interruption as a span to asOf', async () => {
    const doc = {
      asOf: '2026-02-01',
      journeys: [
        {
          id: 'x',
          label: 'X',
          events: [
            { type: 'engaged', at: '2026-01-01' },
            { type: 'sale', at: '2026-01-05' },
            { type: 'value-after-sale', at: '2026-01-08' },
            { type: 'interruption', at: '2026-01-20', id: 'i' },
          ],
        },
      ],
    };
    const { el } = await timeline((e) => (e.data = doc), { view: 'calendar' });
    const span = $(el, '[part~="span"]')!;
    expect(span.getAttribute('data-open')).to.equal('true');
    expect(num(span, 'x2')).to.be.closeTo(num($(el, '[part~="rows"] [part~="as-of"]'), 'x1'), 1e-6);
    expect(opt(rows(el)[0]!).getAttribute('aria-label')).to.contain('still waiting');
  });
});

describe('<ocmf-ttcv-timeline>: 2,000 journeys', () => {
  it('keeps only the rows in view in the DOM, in a scroller as tall as all rows', async () => {
    const journeys = benchJourneys(2000);
    const t = engine({ journeys }).ttcv!;
    const order = orderJourneys(t.journeys, { locale: 'en-US' });
    const { el } = await timeline((e) => (e.data = { journeys }), {}, 800);
    const scroller = $(el, '[part~="rows"]') as HTMLElement;
    const spacer = scroller.firstElementChild as HTMLElement;
    const rowH = rows(el)[0]!.getBoundingClientRect().height;
    expect(spacer.getBoundingClientRect().height).to.be.closeTo(2000 * rowH, 1);
    const inView = Math.ceil(scroller.clientHeight / rowH);
    expect(rows(el).length).to.be.within(inView, inView + 14);
    expect(rows(el).length).to.be.below(80);
    expect(scroller.getAttribute('aria-label')).to.contain('2000');

    // scroll to the middle: the rows there are rendered, the first ones are gone
    scroller.scrollTop = 1000 * rowH;
    scroller.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const ids = rows(el).map((r) => r.dataset['id']);
    expect(ids).to.include(order[1000]!.id);
    expect(ids).to.not.include(order[0]!.id);
    expect(rows(el).length).to.be.below(80);
    // the rendered rows sit where the scroller shows them
    const target = rows(el).find((r) => r.dataset['id'] === order[1000]!.id)!;
    expect(target.getBoundingClientRect().top - scroller.getBoundingClientRect().top).to.be.closeTo(0, 1);

    // End by keyboard: the last journey is rendered and focused
    const focusable = rows(el)
      .map(opt)
      .find((o) => o.tabIndex === 0)!;
    focusable.focus();
    key(focusable, 'End');
    await el.updateComplete;
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.closest('[part~="row"]')!.getAttribute('data-id')).to.equal(order[1999]!.id);
    expect(focused.getAttribute('aria-posinset')).to.equal('2000');
  });

  it('refills the DOM rows it has on a scroll, each with its own journey, and a focused row keeps its journey', async () => {
    const journeys = benchJourneys(2000);
    const order = orderJourneys(engine({ journeys }).ttcv!.journeys, { locale: 'en-US' });
    const { el } = await timeline((e) => (e.data = { journeys }), {}, 800);
    const scroller = $(el, '[part~="rows"]') as HTMLElement;
    const rowH = rows(el)[0]!.getBoundingClientRect().height;
    const scrollTo = async (row: number) => {
      scroller.scrollTop = row * rowH;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
    };
    // each rendered row shows the journey at its place in the order: id, name, position, parts
    const shows = () =>
      rows(el).forEach((r) => {
        const o = opt(r);
        const j = order[Number(o.dataset['index'])]!;
        expect(r.dataset['id']).to.equal(j.id);
        expect(o.textContent).to.equal(j.label);
        expect(o.getAttribute('aria-posinset')).to.equal(String(Number(o.dataset['index']) + 1));
        expect(o.getAttribute('aria-label')).to.contain(j.label);
        expect(Number(r.querySelector('[data-part="afterSale"]')!.getAttribute('data-days'))).to.equal(j.afterSale);
      });
    const before = new Set(rows(el));
    await scrollTo(1000);
    shows();
    const indices = rows(el).map((r) => Number(opt(r).dataset['index']));
    expect(indices).to.deep.equal(indices.map((_, k) => indices[0]! + k)); // in order, no gap
    expect(indices).to.include(1000);
    // the same DOM rows, refilled (none cloned anew)
    expect(rows(el).filter((r) => before.has(r)).length).to.equal(Math.min(before.size, rows(el).length));

    // focus on the last row drawn, then a jump that keeps it in the window while most rows change
    const last = rows(el).at(-1)!;
    const focusedIndex = Number(opt(last).dataset['index']);
    opt(last).focus();
    await scrollTo(focusedIndex - 3);
    shows();
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(active === opt(last), 'focus stays on the same row name').to.equal(true);
    expect(active.dataset['index']).to.equal(String(focusedIndex));
    expect(active.textContent).to.equal(order[focusedIndex]!.label);
  });
});

describe('<ocmf-ttcv-timeline>: size', () => {
  it('lays the bars out again for the new width when the host is resized', async () => {
    const doc = await loadSample();
    const { el } = await timeline((e) => (e.data = doc));
    const plot = () => num(rows(el)[0]!.querySelector('svg'), 'width');
    const before = plot();
    el.style.width = '600px';
    // the ResizeObserver reports, the element re-renders on the next frame
    for (let i = 0; i < 50 && plot() === before; i++) await aTimeout(20);
    const scroller = $(el, '[part~="rows"]') as HTMLElement;
    // label column 20% of the rows' width (72..200 px), the row total 52 px, the plot the rest
    const label = Math.round(Math.min(200, Math.max(72, scroller.clientWidth * 0.2)));
    expect(plot()).to.equal(scroller.clientWidth - label - 52);
    expect(plot()).to.be.below(before);
  });
});

describe('<ocmf-ttcv-timeline>: states and safety', () => {
  it('renders labels such as <img src=x onerror=alert(1)> as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { el } = await timeline(
      (e) =>
        (e.data = { journeys: [{ id: 'e', label: evil, segment: evil, beforeSale: -1, afterSale: 2, toSmile: 0 }] }),
    );
    expect(rows(el)[0]!.querySelector('[part~="label"]')!.textContent).to.equal(evil);
    expect(txt(el, '[part~="segments"]')).to.contain(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    ($(el, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('passes axe ready (light and dark), empty and error, and says what is missing', async () => {
    const doc = await loadSample();
    const { el } = await timeline((e) => (e.data = doc), { theme: 'light' });
    await expect(el).to.be.accessible();
    const { el: dark } = await timeline((e) => (e.data = doc), { theme: 'dark' });
    await expect(dark).to.be.accessible();
    const { el: cal } = await timeline((e) => (e.data = doc), { theme: 'dark', view: 'calendar' });
    await expect(cal).to.be.accessible();

    const { el: noJourneys } = await timeline((e) => (e.data = { root: { id: 'r', label: 'R', value: 50 } }));
    expect(noJourneys.viewState).to.equal('empty');
    expect(txt(noJourneys, '[part~="empty"]')).to.contain('"journeys"');
    await expect(noJourneys).to.be.accessible();

    const { el: none } = await timeline((e) => (e.data = { journeys: [] }));
    expect(none.viewState).to.equal('empty');
    await expect(none).to.be.accessible();

    const { el: bad } = await timeline((e) => (e.data = { journeys: [{ label: 'no id' }] }));
    expect(bad.viewState).to.equal('error');
    expect(txt(bad, '[part~="error"]')).to.contain('journeys[0]');
    await expect(bad).to.be.accessible();
  });

  it('says when the segment filter matches no journey, and keeps the controls to clear it', async () => {
    const { el } = await timeline(
      (e) => (e.data = { journeys: [{ id: 'a', beforeSale: -1, afterSale: 1, toSmile: 0 }] }),
      {
        segment: 'Nowhere',
      },
    );
    expect(rows(el).length).to.equal(0);
    expect(txt(el, '.message')).to.contain('Nowhere');
    expect(txt(el, '[part~="law"]')).to.contain('Not measured');
    await setSelect(el, 'segment-filter', '');
    expect(rows(el).length).to.equal(1);
  });
});

describe('<ocmf-ttcv-timeline>: resources and embedding', () => {
  it('writes counts with the locale’s thousands separator', async () => {
    const journeys = benchJourneys(2000);
    const t = engine({ journeys }).ttcv!;
    const group = (n: number, sep: string) => `${Math.floor(n / 1000)}${sep}${String(n % 1000).padStart(3, '0')}`;
    expect(t.overall.complete).to.be.above(999);
    expect(t.overall.open).to.be.below(1000);
    for (const [locale, sep] of [
      ['en-US', ','],
      ['de-DE', '.'],
    ] as const) {
      const { el } = await timeline((e) => (e.data = { journeys }), { locale });
      expect(txt(el, '[data-fact="counts"]'), locale).to.equal(
        `${group(2000, sep)} journeys, ${group(t.overall.complete, sep)} complete, ${t.overall.open} open`,
      );
      ($(el, '[part~="table-toggle"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const cells = [...$(el, '[part~="aggregates"] tbody tr')!.querySelectorAll('td')].map((c) => c.textContent);
      expect(cells.slice(0, 2), locale).to.deep.equal([group(2000, sep), group(t.overall.complete, sep)]);
    }
  });

  it('keeps the day axis within one tick step of the data, narrow and wide', async () => {
    const doc = await loadSample();
    // the data's extent: negative parts stack left of zero, the others right (the layout's rule)
    let lo = 0;
    let hi = 0;
    for (const j of engine(doc).ttcv!.journeys) {
      const parts = [j.beforeSale, j.afterSale, j.toSmile].filter((d): d is number => d !== null);
      lo = Math.min(
        lo,
        parts.filter((d) => d < 0).reduce((a, b) => a + b, 0),
      );
      hi = Math.max(
        hi,
        parts.filter((d) => d >= 0).reduce((a, b) => a + b, 0),
      );
    }
    expect(lo).to.be.below(-10);
    expect(hi).to.be.above(200);
    for (const width of [360, 1200]) {
      const { el } = await timeline((e) => ((e.style.width = `${width}px`), (e.data = doc)), { locale: 'en-US' });
      const svgEl = $(el, '[part~="axis"] svg')!;
      // each tick: its line in the svg, its label (HTML) in the same order
      const labels = $$(el, '[part~="axis"] .tick-label');
      const ticks = [...svgEl.querySelectorAll('line')].map((t, i) => ({
        v: Number(labels[i]!.textContent!.replace('\u2212', '-').replace(/,/g, '')),
        x: num(t, 'x1'),
      }));
      expect(labels.length, `${width}: one label per tick`).to.equal(ticks.length);
      expect(ticks.length, `${width}`).to.be.at.least(3);
      const step = ticks[1]!.v - ticks[0]!.v;
      const perDay = (ticks[1]!.x - ticks[0]!.x) / step;
      // the plot maps the domain onto [10, width - 10] (INSET)
      const d0 = ticks[0]!.v - (ticks[0]!.x - 10) / perDay;
      const d1 = ticks[0]!.v + (num(svgEl, 'width') - 10 - ticks[0]!.x) / perDay;
      expect(d0, `${width}: left end`)
        .to.be.at.most(lo + 1e-6)
        .and.at.least(lo - step - 1e-6);
      expect(d1, `${width}: right end`)
        .to.be.at.least(hi - 1e-6)
        .and.at.most(hi + step + 1e-6);
      // and the data fills most of the axis (at 360 px it once filled half: -200..400 for -20..290)
      expect((hi - lo) / (d1 - d0), `${width}: share of the axis`).to.be.at.least(0.8);
    }
  });

  it('keeps the rows, the asOf line and the footer inside a host of set height (both views)', async () => {
    const doc = await loadSample();
    const order = orderJourneys(engine(doc).ttcv!.journeys, { locale: 'en-US' });
    for (const view of ['duration', 'calendar']) {
      // 560 px is less than summary + controls + legend + axis + 420 px of rows + the attribution
      const { el } = await timeline((e) => (e.data = doc), { view, locale: 'en-US' }, 560);
      const scroller = $(el, '[part~="rows"]') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const host = el.getBoundingClientRect();
      const foot = $(el, '[part~="attribution"]')!.getBoundingClientRect();
      expect(foot.bottom, `${view}: footer inside the host`).to.be.at.most(host.bottom + 0.5);
      const all = rows(el);
      const last = all[all.length - 1]!;
      expect(last.dataset['id'], view).to.equal(order[order.length - 1]!.id);
      expect(last.getBoundingClientRect().bottom, `${view}: last row above the footer`).to.be.at.most(foot.top + 0.5);
      expect(scroller.getBoundingClientRect().bottom, `${view}: rows end above the footer`).to.be.at.most(
        foot.top + 0.5,
      );
      // the lanes' asOf line runs the rendered rows' height inside the scroller, which clips it
      for (const line of $$(el, '[part~="rows"] .as-of')) {
        expect(line.closest('[part~="rows"]'), view).to.equal(scroller);
        expect(getComputedStyle(scroller).overflowY, view).to.equal('auto');
      }
    }
  });

  it('leaves no listeners, observers or timers after 200 timelines come and go', async () => {
    const before = liveResources();
    const container = box();
    const journeys = benchJourneys(300);
    for (let i = 0; i < 200; i++) {
      const el = document.createElement('ocmf-ttcv-timeline');
      el.style.display = 'block';
      el.style.height = '300px';
      el.setAttribute('refresh', '30');
      if (i % 4 === 0) el.src = `/examples/ocmf-sample.json?i=${i % 3}`;
      else el.data = { journeys };
      if (i % 5 === 1) el.setAttribute('view', 'calendar');
      container.append(el);
      if (i % 20 === 0) {
        await el.updateComplete;
        // scroll it: a window of rows comes and goes too
        const scroller = $(el, '[part~="rows"]') as HTMLElement | null;
        if (scroller) {
          scroller.scrollTop = 2000;
          scroller.dispatchEvent(new Event('scroll'));
          await el.updateComplete;
        }
      }
      el.remove();
    }
    await aTimeout(50);
    expect(liveResources()).to.deep.equal(before);
  });

  it('renders under the strict CSP page with Trusted Types (built bundle), with no violation', async () => {
    // the gauge's CSP page (test/server/plugin.mjs); a timeline is added to it from here, so the
    // timeline's templates, styles and row geometry go through that page's CSP and Trusted Types
    const frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    const loaded = oneEvent(frame, 'load');
    frame.src = '/__test/csp-page?src=/examples/minimal.json';
    box().append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { __violations?: string[]; __errors?: string[] };
    for (let i = 0; i < 200 && !win.customElements.get('ocmf-ttcv-timeline'); i++) await aTimeout(50);
    const el = win.document.createElement('ocmf-ttcv-timeline') as OcmfTtcvTimeline;
    el.style.display = 'block';
    el.style.height = '500px';
    el.setAttribute('src', '/examples/ocmf-sample.json');
    const ready = oneEvent(el, 'ocmf-ready');
    win.document.body.append(el);
    await ready;
    await el.updateComplete;
    const t = engine(await loadSample()).ttcv!;
    const first = rows(el)[0]!;
    expect(first.dataset['id']).to.equal(orderJourneys(t.journeys, { locale: 'en' })[0]!.id);
    await aTimeout(100);
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    // the styles and the CSSOM-set sizes apply: rows 26 px, a striped part with its colour
    expect(first.getBoundingClientRect().height).to.be.closeTo(26, 0.5);
    const part = $(el, '.row [data-part="beforeSale"]') ?? $(el, '.row [data-part="afterSale"]')!;
    expect(win.getComputedStyle(part).strokeWidth).to.equal('14px');
    expect(win.getComputedStyle(part).stroke).to.not.equal('none');
    const label = opt(first);
    expect(label.getBoundingClientRect().width).to.be.above(60);
  });
});
