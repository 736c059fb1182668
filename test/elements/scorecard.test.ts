// <ocmf-scorecard> in Chromium: reads the shadow DOM and compares what a person sees with the
// engine's numbers for the same document; sorting, expanding, lens, CSV, cards, accessibility.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/elements/scorecard/define.js';
import { box, mount, $, $$ } from './_mount.js';
import type { OcmfScorecard } from '../../src/elements/scorecard/scorecard.js';
import { evaluate } from '../../src/engine/index.js';
import type { EvaluatedNode, Evaluation } from '../../src/engine/types.js';
import { formatDelta, formatNodeValue, formatScore, formatShare, formatValue } from '../../src/shared/format.js';
import { STATUS_TEXT } from '../../src/shared/status.js';

async function card(setup: (el: OcmfScorecard) => void, attrs: Record<string, string> = {}, width = 1000) {
  const { el } = await mount<OcmfScorecard>('ocmf-scorecard', setup, attrs, { width: `${width}px` });
  // the first size observation re-renders (wide/narrow)
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
  return el;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rowIds = (el: Element) => $$(el, '[part~="row"]').map((r) => r.getAttribute('data-id'));
/** A row's cells by column class. */
const cell = (el: Element, id: string, col: string) => clean($(el, `[data-id="${id}"] .col-${col}`)?.textContent);

let sample: unknown;
let e: Evaluation;
const L = 'en-US';
before(async () => {
  sample = await (await fetch('/examples/ocmf-sample.json')).json();
  e = evaluate(sample) as Evaluation;
});
const load = (el: OcmfScorecard) => (el.data = sample);

describe('<ocmf-scorecard>: the engine’s numbers', () => {
  it('shows a real table with header cells, title, period and attribution', async () => {
    const el = await card(load);
    expect($(el, 'table')).to.exist;
    const heads = $$(el, 'thead th[scope="col"]').map((t) => clean(t.textContent).replace(/[↕▲▼]/g, '').trim());
    expect(heads).to.deep.equal([
      'Metric',
      'Value',
      'Target',
      'Score',
      'Status',
      'Change',
      'Trend',
      'Weight',
      'Coverage',
    ]);
    expect($$(el, 'tbody th[scope="row"]').length).to.equal(e.root!.children!.length);
    expect(clean($(el, '[part~="title"]')!.textContent)).to.equal('Support scorecard - Example Co.');
    expect(clean($(el, '[part~="period"]')!.textContent)).to.equal('2026-Q3 (2026-07-01 – 2026-09-30)');
    expect(clean($(el, '[part~="attribution"]')!.textContent)).to.contain('Open Customer Metrics Framework');
    expect(rowIds(el)).to.deep.equal(e.root!.children!.map((c) => c.id));
    // names wrap in a short table: no hover title repeating them
    expect($$(el, 'tbody [part~="name"]').every((b) => !b.hasAttribute('title'))).to.equal(true);
  });

  it('shows every metric’s value, target, score, status, change, weight and coverage as the engine computed', async () => {
    const el = await card(load, { 'expand-depth': '9' });
    const all = Object.values(e.nodes).filter((n) => n.parentId !== undefined);
    expect(rowIds(el).sort()).to.deep.equal(all.map((n) => n.id).sort());
    for (const n of all) {
      const value = n.value === null ? '– Not measured' : formatNodeValue(n, L);
      expect(cell(el, n.id, 'value'), n.id).to.equal(value);
      expect(cell(el, n.id, 'target'), n.id).to.equal(
        typeof n.target === 'number' ? formatValue(n.target, n.unit, L, n.currency) : '',
      );
      expect(cell(el, n.id, 'score'), n.id).to.equal(formatScore(n.score, L));
      expect(cell(el, n.id, 'status'), n.id).to.equal(STATUS_TEXT[n.status]);
      const d = formatDelta(n.delta, L);
      expect(cell(el, n.id, 'delta'), n.id).to.equal(`${d.text}${d.spoken}`);
      // a missing metric's weight goes to the measured ones: "–", never "0%"
      expect(cell(el, n.id, 'share'), n.id).to.equal(n.score === null ? '–' : formatShare(n.share, L));
      expect(cell(el, n.id, 'coverage'), n.id).to.equal(n.children ? formatShare(n.coverage, L) : '');
      const bar = $(el, `[data-id="${n.id}"] [part~="bar"]`)!;
      expect(bar.getAttribute('aria-label')).to.contain(
        n.score === null ? 'Not measured' : `Score ${formatScore(n.score, L)} of 100`,
      );
      // the status has a shape and a colour class besides the word
      expect($(el, `[data-id="${n.id}"] [part~="status"]`)!.classList.contains(`status-${n.status}`)).to.equal(true);
      expect($(el, `[data-id="${n.id}"] [part~="status"] .status-icon`)).to.exist;
    }
    // by hand: the sample's CSAT is 87% of 4-5 ratings and a Good status
    expect(cell(el, 'csat', 'value')).to.equal('87%');
    expect(cell(el, 'csat', 'status')).to.equal('Good');
  });

  it('draws the score bar with the target marked where the engine puts it, and a distinct shape per status', async () => {
    const el = await card(load, { 'expand-depth': '9' });
    const all = Object.values(e.nodes).filter((n) => n.parentId !== undefined);
    const withTarget = all.filter((n) => n.targetScore != null);
    expect(withTarget.length).to.be.greaterThan(0);
    // the target is the bar's top background layer: a 2px stripe centred at targetScore % of the bar
    const layers = (bar: Element) => {
      // the computed background-image's layers (commas at depth 0)
      const out: string[] = [];
      let depth = 0;
      let from = 0;
      const v = getComputedStyle(bar).backgroundImage;
      for (let i = 0; i < v.length; i++) {
        if (v[i] === '(') depth++;
        else if (v[i] === ')') depth--;
        else if (v[i] === ',' && depth === 0) (out.push(v.slice(from, i).trim()), (from = i + 1));
      }
      out.push(v.slice(from).trim());
      return out;
    };
    for (const n of withTarget) {
      const bar = $(el, `[data-id="${n.id}"] [part~="bar"]`)!;
      const want = Math.min(100, Math.max(0, n.targetScore!));
      const stripe = layers(bar)[0]!;
      expect(stripe, n.id).to.match(/^linear-gradient\(90deg/);
      // from 1px before to 1px after the target's position
      const edges = [...stripe.matchAll(/calc\(([\d.]+)% ([+-]) 1px\)/g)];
      expect(
        edges.map((m) => m[2]),
        n.id,
      ).to.deep.equal(['-', '+']);
      for (const m of edges) expect(Math.abs(Number(m[1]) - want), n.id).to.be.lessThan(0.01);
    }
    for (const n of all.filter((m) => m.targetScore == null)) {
      const bar = $(el, `[data-id="${n.id}"] [part~="bar"]`)!;
      expect(layers(bar)[0], n.id).to.equal('none');
    }
    // one shape per status, drawn (not an empty box), never told by colour alone
    const shapes = new Map<string, string>();
    for (const n of all) {
      const icon = $(el, `[data-id="${n.id}"] [part~="status"] .status-icon`)!;
      const r = icon.getBoundingClientRect();
      expect(r.width, n.id).to.be.greaterThan(8);
      expect(r.height, n.id).to.be.greaterThan(8);
      const cs = getComputedStyle(icon);
      // drawn by backgrounds or a border, never a clip (a clipped box is a paint layer per row)
      expect(cs.clipPath, n.id).to.equal('none');
      expect(cs.backgroundImage !== 'none' || cs.borderTopStyle !== 'none', n.id).to.equal(true);
      shapes.set(n.status, `${cs.backgroundImage} ${cs.borderTopStyle} ${cs.borderRadius}`);
    }
    expect(new Set(shapes.values()).size).to.equal(shapes.size);
    expect(shapes.size).to.be.greaterThan(2);
  });

  it('shows a missing metric as "Not measured", never 0', async () => {
    const el = await card(load, { 'expand-depth': '1' });
    expect(e.nodes['onboarding-effectiveness']!.value).to.equal(null);
    expect(cell(el, 'onboarding-effectiveness', 'value')).to.equal('– Not measured');
    expect(cell(el, 'onboarding-effectiveness', 'score')).to.equal('–');
    expect(cell(el, 'onboarding-effectiveness', 'status')).to.equal('Not measured');
    expect($(el, '[data-id="onboarding-effectiveness"] .fill')).to.equal(null);
    const text = clean($(el, '[data-id="onboarding-effectiveness"]')!.textContent);
    expect(text).to.not.match(/(^|\s)0(\s|$)/);
  });

  it('gives each sparkline a text alternative computed from the score history', async () => {
    const doc = {
      period: { label: 'Q4' },
      root: {
        id: 'r',
        label: 'R',
        children: [
          {
            id: 'a',
            label: 'A',
            value: 64.2,
            history: [
              { period: 'Q1', value: 60 },
              { period: 'Q2', value: 61 },
              { period: 'Q3', value: 63 },
            ],
          },
          { id: 'b', label: 'B', value: 50 },
        ],
      },
    };
    const el = await card((s) => (s.data = doc), { locale: 'en-US' });
    // by hand: 64.2 − 60 = 4.2 over Q1→Q4, three steps
    expect($(el, '[data-id="a"] [part~="sparkline"]')!.getAttribute('aria-label')).to.equal(
      'up 4.2 pts over 3 periods',
    );
    expect($(el, '[data-id="a"] [part~="sparkline"]')!.getAttribute('role')).to.equal('img');
    expect($(el, '[data-id="b"] [part~="sparkline"]')!.getAttribute('aria-label')).to.equal('no trend yet');
    // by hand: 72 px wide, 2 px padding: the line runs from x 2 (Q1) to x 70 (Q4), where the end dot
    // (radius 1, in the same path) reaches to 71
    const line = $(el, '[data-id="a"] [part~="sparkline"] path') as SVGPathElement;
    const bb = line.getBBox();
    expect(bb.x).to.be.closeTo(2, 0.05);
    expect(bb.x + bb.width).to.be.closeTo(71, 0.05);
  });
});

describe('<ocmf-scorecard>: sorting, expanding, lens', () => {
  const sortBtn = (el: Element, col: string) => $(el, `button[data-col="${col}"]`) as HTMLButtonElement;
  const ariaSort = (el: Element, col: string) => sortBtn(el, col).closest('th')!.getAttribute('aria-sort');
  const byKey = (nodes: EvaluatedNode[], key: (n: EvaluatedNode) => number | string | null, dir: 1 | -1) =>
    nodes
      .map((n, i) => ({ n, i, k: key(n) }))
      .sort((a, b) => {
        if (a.k === null) return b.k === null ? a.i - b.i : 1;
        if (b.k === null) return -1;
        const c = typeof a.k === 'string' ? a.k.localeCompare(b.k as string) : a.k - (b.k as number);
        return dir * c || a.i - b.i;
      })
      .map((x) => x.n.id);

  it('sorts by each column on click, toggles direction, and sets aria-sort', async () => {
    const el = await card((s) => (s.data = sample), { node: 'business' });
    const kids = e.nodes['business']!.children!;
    const rank = { act: 0, watch: 1, good: 2, missing: null } as const;
    const keys: Record<string, (n: EvaluatedNode) => number | string | null> = {
      label: (n) => n.label,
      value: (n) => n.value,
      score: (n) => n.score,
      status: (n) => rank[n.status],
      delta: (n) => n.delta,
      share: (n) => n.share,
      target: (n) => n.target ?? null,
      // the sparkline's change: the last score minus the first, earlier periods then the current one
      trend: (n) => {
        const s = [...n.history.filter((h) => h.period !== e.meta.period?.label).map((h) => h.score), n.score];
        const known = s.filter((x): x is number => x !== null);
        return known.length > 1 ? known.at(-1)! - known[0]! : null;
      },
      coverage: (n) => n.coverage,
    };
    // every column header is a sort button
    expect($$(el, 'thead th[scope="col"]').length).to.equal($$(el, 'thead th[scope="col"] button[data-col]').length);
    expect(ariaSort(el, 'score')).to.equal('none');
    for (const [col, key] of Object.entries(keys)) {
      const first = col === 'label' || col === 'status' ? 1 : -1;
      sortBtn(el, col).click();
      await el.updateComplete;
      expect(rowIds(el), `${col} first`).to.deep.equal(byKey(kids, key, first));
      expect(ariaSort(el, col)).to.equal(first === 1 ? 'ascending' : 'descending');
      sortBtn(el, col).click();
      await el.updateComplete;
      expect(rowIds(el), `${col} second`).to.deep.equal(byKey(kids, key, first === 1 ? -1 : 1));
      expect(ariaSort(el, col)).to.equal(first === 1 ? 'descending' : 'ascending');
      expect($$(el, 'th[aria-sort="ascending"], th[aria-sort="descending"]').length).to.equal(1);
    }
    // the missing metric (cs-net-revenue) sorts last by score in both directions
    for (let i = 0; i < 2; i++) {
      sortBtn(el, 'score').click();
      await el.updateComplete;
      expect(rowIds(el).at(-1)).to.equal('cs-net-revenue');
    }
  });

  it('sorts with the keyboard (Enter and Space) and fires ocmf-sort', async () => {
    const el = await card(load);
    const got: string[] = [];
    el.addEventListener('ocmf-sort', (ev) => got.push(`${ev.detail.column}:${ev.detail.direction}`));
    const btn = sortBtn(el, 'score');
    btn.focus();
    expect(el.shadowRoot!.activeElement).to.equal(btn);
    btn.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    const kids = e.root!.children!;
    expect(rowIds(el)).to.deep.equal(byKey(kids, (n) => n.score, -1));
    sortBtn(el, 'score').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(byKey(kids, (n) => n.score, 1));
    expect(got).to.deep.equal(['score:desc', 'score:asc']);
  });

  it('expands and collapses to any depth with aria-expanded, children sorted under their parent', async () => {
    const doc = {
      root: {
        id: 'r',
        label: 'R',
        children: [
          {
            id: 'a',
            label: 'A',
            children: [
              {
                id: 'a1',
                label: 'A1',
                children: [
                  { id: 'a1x', label: 'A1x', value: 10 },
                  { id: 'a1y', label: 'A1y', value: 90 },
                ],
              },
              { id: 'a2', label: 'A2', value: 80 },
            ],
          },
          { id: 'b', label: 'B', value: 20 },
        ],
      },
    };
    const el = await card((s) => (s.data = doc));
    const toggles: string[] = [];
    el.addEventListener('ocmf-toggle', (ev) => toggles.push(`${ev.detail.id}:${ev.detail.expanded}`));
    expect(rowIds(el)).to.deep.equal(['a', 'b']);
    const tog = (id: string) => $(el, `[data-id="${id}"] [part~="toggle"]`) as HTMLButtonElement;
    expect(tog('b')).to.equal(null);
    expect(tog('a').getAttribute('aria-expanded')).to.equal('false');
    tog('a').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a', 'a1', 'a2', 'b']);
    expect(tog('a').getAttribute('aria-expanded')).to.equal('true');
    tog('a1').focus();
    tog('a1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a', 'a1', 'a1x', 'a1y', 'a2', 'b']);
    expect($(el, '[data-id="a1x"]')!.getAttribute('part')).to.equal('row row-3');
    // sorting keeps children under their parents
    ($(el, 'button[data-col="score"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a', 'a2', 'a1', 'a1y', 'a1x', 'b']);
    tog('a').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a', 'b']);
    expect(toggles).to.deep.equal(['a:true', 'a1:true', 'a:false']);
    // expand all / collapse all
    ($(el, '[part~="expand-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(6);
    expect(clean($(el, '[part~="expand-all"]')!.textContent)).to.equal('Collapse all');
  });

  it('shows only the nodes tagged for the lens, with scores computed on the whole tree', async () => {
    const el = await card(load, { lens: 'frontline', 'expand-depth': '9' });
    const ids = rowIds(el) as string[];
    const leaves = ids.filter((id) => !e.nodes[id]!.children);
    const want = Object.values(e.nodes)
      .filter((n) => !n.children && n.lens.includes('frontline'))
      .map((n) => n.id);
    expect(leaves.sort()).to.deep.equal(want.sort());
    expect(ids).to.not.include('nps');
    // the category's score stays the whole tree's
    expect(cell(el, 'customer', 'score')).to.equal(formatScore(e.nodes['customer']!.score, L));
    // next steps follow the lens too
    const steps = $$(el, '[part~="next-steps"] li').map((li) => li.getAttribute('data-id')!);
    for (const id of steps) expect(e.nodes[id]!.lens).to.include('frontline');
  });
});

describe('<ocmf-scorecard>: next steps, display, CSV, cards', () => {
  it('lists the top three levers and the metrics to start measuring, in the engine’s order', async () => {
    const el = await card(load);
    const improve = e.nextSteps.filter((s) => s.kind === 'improve' && (s.gain ?? 0) > 0).slice(0, 3);
    const measure = e.nextSteps.filter((s) => s.kind === 'measure').slice(0, 3);
    const items = $$(el, '[part~="next-steps"] li').map((li) => clean(li.textContent));
    expect(items).to.deep.equal([
      ...improve.map((s) => `↗ Improve ${e.nodes[s.id]!.label}: +${s.gain!.toFixed(1)} pts`),
      ...measure.map((s) => `○ Start measuring ${e.nodes[s.id]!.label}`),
    ]);
    expect(items).to.include('○ Start measuring Onboarding effectiveness');
  });

  it('display="guide" puts changes and next steps first and mutes the traffic lights', async () => {
    const el = await card(load, { display: 'guide' });
    const heads = $$(el, 'thead th').map((t) => clean(t.textContent).replace(/[↕▲▼]/g, '').trim());
    expect(heads.slice(0, 3)).to.deep.equal(['Metric', 'Change', 'Trend']);
    // every row's cells follow the header's columns, in both displays
    const cols = (tr: Element) => [...tr.children].map((c) => c.className);
    const headCols = () => cols($(el, 'thead tr')!);
    for (const tr of $$(el, 'tbody tr[data-id]')) expect(cols(tr)).to.deep.equal(headCols());
    const kids = [...q('.card')!.children].map((c) => c.getAttribute('part') ?? c.className);
    expect(kids.indexOf('next-steps')).to.be.lessThan(kids.indexOf('table-wrap'));
    const status = $(el, '[part~="status"]')!;
    const muted = getComputedStyle(status).color;
    el.display = 'grade';
    await el.updateComplete;
    const full = getComputedStyle($(el, '[part~="status"]')!).color;
    for (const tr of $$(el, 'tbody tr[data-id]')) expect(cols(tr)).to.deep.equal(headCols());
    expect(headCols()[1]).to.equal('col-value');
    expect(muted).to.not.equal(full);
    const kids2 = [...q('.card')!.children].map((c) => c.getAttribute('part') ?? c.className);
    expect(kids2.indexOf('next-steps')).to.be.greaterThan(kids2.indexOf('table-wrap'));
    function q(s: string) {
      return el.shadowRoot!.querySelector(s);
    }
  });

  it('exports the rows as shown to CSV: formatted cells and raw numbers, through a download', async () => {
    const el = await card(load, { lens: 'executive' });
    ($(el, 'button[data-col="score"]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '[data-id="employee"] [part~="toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const csv = el.toCsv();
    const lines = csv.trimEnd().split('\r\n');
    expect(
      lines[0]!.startsWith(
        'ID,Level,Parent ID,Metric,Unit,Value,Target,Score,Status,Change,Share,Coverage,value (raw)',
      ),
    ).to.equal(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(rowIds(el));
    const turnover = lines.find((l) => l.startsWith('turnover,'))!.split(',');
    const n = e.nodes['turnover']!;
    expect(turnover.slice(1, 4)).to.deep.equal(['2', 'employee', 'Annual turnover']);
    expect(turnover[5]).to.equal('17.2%');
    expect(turnover[7]).to.equal(formatScore(n.score, L));
    expect(turnover[8]).to.equal(STATUS_TEXT[n.status]);
    expect(turnover[12]).to.equal(String(n.value));
    expect(turnover[14]).to.equal(String(n.score));
    // a missing metric says so in the CSV too
    ($(el, '[part~="expand-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const missing = el
      .toCsv()
      .split('\r\n')
      .find((l) => l.startsWith('cs-net-revenue,'))!
      .split(',');
    expect(missing[5]).to.equal('Not measured');
    expect(missing[12]).to.equal('');

    // the button downloads a Blob with the same text
    const clicks: HTMLAnchorElement[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this);
    };
    const origCreate = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), origCreate.call(URL, b));
    try {
      ($(el, '[part~="export"]') as HTMLButtonElement).click();
    } finally {
      HTMLAnchorElement.prototype.click = orig;
      URL.createObjectURL = origCreate;
    }
    expect(clicks).to.have.length(1);
    expect(clicks[0]!.download).to.equal('support-scorecard-example-co-2026-q3.csv');
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    expect((await blob!.text()).replace(/^\ufeff/, '')).to.equal(el.toCsv());
  });

  it('becomes a list of cards with the same content below 480 px', async () => {
    const el = await card(load, { 'expand-depth': '1' }, 360);
    expect($(el, 'table')).to.equal(null);
    expect($(el, '[part~="cards"]')).to.exist;
    const ids = rowIds(el);
    expect(ids.length).to.equal(Object.keys(e.nodes).length - 1);
    const n = e.nodes['csat']!;
    const facts = Object.fromEntries(
      $$(el, '[data-id="csat"] .fact').map((f) => [
        clean(f.querySelector('dt')!.textContent),
        clean(f.querySelector('dd')!.textContent),
      ]),
    );
    expect(facts['Value']).to.equal('87%');
    expect(facts['Score']).to.equal(formatScore(n.score, L));
    expect(facts['Weight']).to.equal(formatShare(n.share, L));
    expect(clean($(el, '[data-id="csat"] [part~="status"]')!.textContent)).to.equal(STATUS_TEXT[n.status]);
    // sort in card view
    const select = $(el, '.sort-select') as HTMLSelectElement;
    select.value = 'label';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const top = rowIds(el).filter((id) => e.nodes[id!]!.parentId === 'ocmf');
    expect(top).to.deep.equal(
      [...e.root!.children!]
        .map((c) => c.label)
        .sort((a, b) => a.localeCompare(b))
        .map((l) => e.root!.children!.find((c) => c.label === l)!.id),
    );
    await expect(el).to.be.accessible();
    // and back to the table when wider
    el.style.width = '900px';
    // a resize re-renders two frames later (observer, then rAF): poll, a loaded machine has slow frames
    for (let i = 0; i < 50 && !$(el, 'table'); i++) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect($(el, 'table')).to.exist;
  });
});

describe('<ocmf-scorecard>: long words', () => {
  it('wraps a node name of one long word under the title, inside the element (found by the axe fuzz)', async () => {
    const word = 'x'.repeat(200);
    const doc = {
      version: 1,
      title: 'Scorecard',
      root: {
        id: 'r',
        label: 'R',
        children: [{ id: 'n', label: word, children: [{ id: 'a', label: 'A', value: 50 }] }],
      },
    };
    for (const width of [320, 700]) {
      const el = await card((s) => (s.data = doc), { node: 'n' }, width);
      const sub = $(el, '.sub')!;
      expect(clean(sub.textContent)).to.equal(word);
      // before: the subtitle did not wrap, and ran past the element's right edge onto the page
      expect(sub.getBoundingClientRect().right, String(width)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });
});

describe('<ocmf-scorecard>: layout at medium widths', () => {
  /** The left edge of an element's text (a Range: where the glyphs start, not the box). */
  const textLeft = (n: Element) => {
    const r = document.createRange();
    r.selectNodeContents(n);
    return r.getBoundingClientRect().left;
  };

  for (const width of [800, 600, 500]) {
    it(`fits the table in ${width} px: no sideways scroll, every header cell inside the table`, async () => {
      const el = await card(load, { 'expand-depth': '9' }, width);
      const wrap = $(el, '.table-wrap') as HTMLElement;
      expect(wrap, 'a table, not cards').to.exist;
      expect($$(el, 'thead th[scope="col"][aria-sort]').length, 'sortable header cells').to.be.above(5);
      expect(wrap.scrollWidth, 'scrollWidth').to.be.at.most(wrap.clientWidth);
      const box = wrap.getBoundingClientRect();
      const shown = ($$(el, 'thead th') as HTMLElement[]).filter((th) => th.getClientRects().length);
      // below 640 px Weight and Coverage step out (the CSV keeps them)
      const heads = shown.map((th) => clean(th.textContent).replace(/[↕▲▼]/g, '').trim());
      expect(heads.includes('Weight'), 'Weight').to.equal(width >= 640);
      expect(heads.includes('Coverage'), 'Coverage').to.equal(width >= 640);
      if (width < 640) expect(el.toCsv().split('\r\n')[0]).to.contain('Share,Coverage');
      for (const th of shown) {
        const r = th.getBoundingClientRect();
        const name = clean(th.textContent);
        expect(r.left, name).to.be.at.least(box.left - 0.5);
        expect(r.right, name).to.be.at.most(box.right + 0.5);
        // and its text is not clipped inside the cell
        expect(th.scrollWidth, name).to.be.at.most(th.clientWidth);
      }
      // descriptions may be shortened on screen but keep their full text (screen readers, hover)
      const n = Object.values(e.nodes).find((x) => x.description && x.parentId !== undefined)!;
      const desc = $(el, `[data-id="${n.id}"] .desc`)!;
      expect(clean(desc.textContent)).to.equal(n.description);
      expect(desc.getAttribute('title')).to.equal(n.description);
    });
  }

  // (740 and 960 px scrolled sideways once: the cells of long tables never wrapped there)
  for (const width of [500, 740, 960]) {
    it(`fits a long (windowed) table in ${width} px: rows of one height, no sideways scroll`, async () => {
      const doc = {
        root: {
          id: 'r',
          label: 'R',
          children: Array.from({ length: 120 }, (_, i) => ({
            id: `k${i}`,
            label: `Key performance indicator number ${i}`,
            unit: 'percent',
            target: 80,
            value: i % 5 === 1 ? null : (i * 37) % 100,
            history: [{ period: 'p1', value: 50 }],
          })),
        },
      };
      const el = await card((s) => (s.data = doc), {}, width);
      el.style.height = '600px';
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      const wrap = $(el, '.table-wrap') as HTMLElement;
      expect($(el, 'table.windowed'), 'windowed').to.exist;
      expect(wrap.scrollWidth, 'scrollWidth').to.be.at.most(wrap.clientWidth);
      const heights = new Set(($$(el, 'tbody tr[data-id]') as HTMLElement[]).map((tr) => Math.round(tr.offsetHeight)));
      // "Not measured" (k1, k6, …) takes two lines like the score cell: every row the same height
      expect([...heights].length, [...heights].join(',')).to.equal(1);
      // a name may end in an ellipsis: its full text is the hover title
      const k3 = $(el, '[data-id="k3"] [part~="name"]')!;
      expect(k3.getAttribute('title')).to.equal('Key performance indicator number 3');
      await expect(el).to.be.accessible();
    });
  }

  it('aligns every header like its column’s cells', async () => {
    for (const width of [1000, 700]) {
      const el = await card(load, {}, width);
      for (const th of $$(el, 'thead th') as HTMLElement[]) {
        const col = [...th.classList].find((c) => c.startsWith('col-'))!;
        const td = $(el, `tbody tr[data-id] .${col}`) as HTMLElement;
        expect(getComputedStyle(th).textAlign, `${col} at ${width}`).to.equal(getComputedStyle(td).textAlign);
      }
    }
  });

  it('in cards, starts scores at the same edge as their label and the other values', async () => {
    const el = await card(load, { 'expand-depth': '1' }, 360);
    for (const id of ['customer', 'csat']) {
      const score = $(el, `[data-id="${id}"] .fact.col-score`)!;
      const label = textLeft(score.querySelector('dt')!);
      expect(Math.abs(textLeft(score.querySelector('.score-num')!) - label), id).to.be.below(1);
    }
  });
});

describe('<ocmf-scorecard>: long tables', () => {
  it('draws only the rows near the view past 80 rows, with aria-rowcount, and follows the scroll', async () => {
    const kids = Array.from({ length: 300 }, (_, i) => ({ id: `k${i}`, label: `KPI ${i}`, value: i % 100 }));
    const el = await card((s) => (s.data = { root: { id: 'r', label: 'R', children: kids } }));
    el.style.height = '600px';
    expect(el.rows).to.have.length(300);
    const drawn = rowIds(el);
    expect(drawn.length).to.be.lessThan(100);
    expect(drawn[0]).to.equal('k0');
    expect($(el, 'table')!.getAttribute('aria-rowcount')).to.equal('301');
    expect($(el, '[data-id="k5"]')!.getAttribute('aria-rowindex')).to.equal('7');
    const wrap = $(el, '.table-wrap') as HTMLElement;
    wrap.scrollTop = wrap.scrollHeight;
    wrap.dispatchEvent(new Event('scroll'));
    for (let i = 0; i < 50 && !rowIds(el).includes('k299'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(rowIds(el)).to.include('k299');
    expect(rowIds(el)).to.not.include('k0');
    // the CSV has every row, not only the drawn ones
    expect(el.toCsv().trimEnd().split('\r\n')).to.have.length(301);
    await expect(el).to.be.accessible();
  });

  // 300 metrics, every 7th not measured, k2 the best (100); the rest 0..99, so a sort reshuffles the window
  const long = () => ({
    root: {
      id: 'r',
      label: 'R',
      children: Array.from({ length: 300 }, (_, i) => ({
        id: `k${i}`,
        label: `KPI ${i}`,
        value: i === 2 ? 100 : i % 7 === 3 ? null : (i * 37) % 100,
      })),
    },
  });
  const frames = (n: number) =>
    new Promise<void>((r) => {
      const step = () => (n-- <= 0 ? r() : requestAnimationFrame(step));
      step();
    });

  it('after a sort every drawn row shows its own metric, in the rows already drawn', async () => {
    const doc = long();
    const ev = evaluate(doc) as Evaluation;
    const el = await card((s) => (s.data = doc));
    el.style.height = '600px';
    await frames(2);
    const before = $$(el, 'tbody tr[data-id]');
    expect(before.length).to.be.lessThan(60);
    for (const col of ['score', 'score', 'value', 'label']) {
      ($(el, `button[data-col="${col}"]`) as HTMLButtonElement).click();
      await el.updateComplete;
      const drawn = $$(el, 'tbody tr[data-id]');
      // the same row elements, refilled (no row built for a sort)
      expect(drawn.every((tr) => before.includes(tr))).to.equal(true);
      expect(drawn.map((tr) => tr.getAttribute('data-id'))).to.deep.equal(
        el.rows.slice(0, drawn.length).map((r) => r.id),
      );
      drawn.forEach((tr, i) => {
        const id = tr.getAttribute('data-id')!;
        const n = ev.nodes[id]!;
        expect(tr.getAttribute('aria-rowindex'), id).to.equal(String(i + 2));
        expect(cell(el, id, 'label'), id).to.equal(n.label);
        // a windowed name may end in an ellipsis: the full name is its hover title
        expect(tr.querySelector('[part~="name"]')!.getAttribute('title'), id).to.equal(n.label);
        expect(cell(el, id, 'value'), id).to.equal(n.value === null ? '– Not measured' : formatNodeValue(n, L));
        expect(cell(el, id, 'score'), id).to.equal(formatScore(n.score, L));
        expect(cell(el, id, 'status'), id).to.equal(STATUS_TEXT[n.status]);
        expect(tr.className, id).to.contain(`status-row-${n.status}`);
        // a score bar is filled only when measured
        expect(tr.querySelector('.fill') === null, id).to.equal(n.score === null);
      });
    }
  });

  it('keeps focus on its metric: a focused row that stays drawn keeps its element, one that leaves is not refilled', async () => {
    const el = await card((s) => (s.data = long()));
    el.style.height = '600px';
    await frames(2);
    const name = (id: string) => $(el, `[data-id="${id}"] [part~="name"]`) as HTMLButtonElement | null;
    // k2 (value 100) is drawn first, and is first by score descending
    const top = name('k2')!;
    top.focus();
    ($(el, 'button[data-col="score"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.rows[0]!.id).to.equal('k2');
    // (compared as booleans: chai's diff of two elements can hang the page)
    expect(name('k2') === top, 'same element').to.equal(true);
    expect(el.shadowRoot!.activeElement === top, 'still focused').to.equal(true);
    // ascending: k2 leaves the window; its focused button must not show another metric
    ($(el, 'button[data-col="score"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(name('k2') === null, 'k2 not drawn').to.equal(true);
    const active = el.shadowRoot!.activeElement;
    if (active) expect(active.closest('tr[data-id]')?.getAttribute('data-id') ?? 'k2').to.equal('k2');
    expect(top.isConnected).to.equal(false);
  });

  it('draws rows to the bottom of the scroller and not many more, measured after the first frame', async () => {
    const el = await card((s) => (s.data = long()));
    el.style.height = '500px';
    await frames(3);
    const wrap = $(el, '.table-wrap') as HTMLElement;
    const drawn = $$(el, 'tbody tr[data-id]');
    const rowH = drawn[0]!.getBoundingClientRect().height;
    const visible = Math.ceil(wrap.clientHeight / rowH);
    expect(drawn.at(-1)!.getBoundingClientRect().bottom).to.be.at.least(wrap.getBoundingClientRect().bottom);
    expect(drawn.length).to.be.at.most(visible + 10);
    // scrolled to the middle: rows above and below the view, and the view covered
    wrap.scrollTop = 150 * rowH;
    wrap.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const mid = $$(el, 'tbody tr[data-id]');
    const box = wrap.getBoundingClientRect();
    expect(mid[0]!.getBoundingClientRect().top).to.be.at.most(box.top);
    expect(mid.at(-1)!.getBoundingClientRect().bottom).to.be.at.least(box.bottom);
  });
});

describe('<ocmf-scorecard>: safety and accessibility', () => {
  it('renders labels such as <img src=x onerror=alert(1)> as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const el = await card(
      (s) =>
        (s.data = {
          title: evil,
          root: { id: 'r', label: evil, children: [{ id: 'a', label: evil, description: evil, value: 50 }] },
        }),
    );
    expect(clean($(el, '[part~="title"]')!.textContent)).to.equal(evil);
    expect(clean($(el, '[data-id="a"] [part~="name"]')!.textContent)).to.equal(evil);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.toCsv()).to.contain(evil);
  });

  it('fires ocmf-select on a person’s click and Enter on a name', async () => {
    const el = await card(load);
    const picks: string[] = [];
    el.addEventListener('ocmf-select', (ev) => picks.push(ev.detail));
    ($(el, '[data-id="customer"] [part~="name"]') as HTMLButtonElement).click();
    $(el, '[data-id="employee"] [part~="name"]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    expect(picks).to.deep.equal(['customer', 'employee']);
  });

  it('passes axe when ready, expanded, empty, error, loading and dark', async () => {
    const ready = await card(load, { 'expand-depth': '9' });
    await expect(ready).to.be.accessible();
    const guide = await card(load, { display: 'guide', theme: 'dark', 'expand-depth': '1' });
    await expect(guide).to.be.accessible();
    const dark = await card(load, { theme: 'dark' }, 360);
    await expect(dark).to.be.accessible();
    const empty = await card(load, { node: 'nope' });
    expect(empty.viewState).to.equal('empty');
    await expect(empty).to.be.accessible();
    const lensEmpty = await card(
      (s) =>
        (s.data = { root: { id: 'r', label: 'R', children: [{ id: 'a', label: 'A', value: 1, lens: ['manager'] }] } }),
      { lens: 'frontline' },
    );
    expect(clean($(lensEmpty, '[part~="empty"]')!.textContent)).to.equal(
      'No metric under R is tagged for the frontline lens.',
    );
    await expect(lensEmpty).to.be.accessible();
    const error = await card((s) => (s.src = '/__test/doc?name=invalid/many-problems.json'));
    expect(error.viewState).to.equal('error');
    await expect(error).to.be.accessible();
    const loading = document.createElement('ocmf-scorecard');
    loading.src = '/__test/doc?delay=3000&name=minimal.json';
    box().append(loading);
    await loading.updateComplete;
    expect(loading.viewState).to.equal('loading');
    await expect(loading).to.be.accessible();
  });

  it('keeps sort and expansion across a new evaluation of the same tree', async () => {
    const el = await card(load);
    ($(el, 'button[data-col="label"]') as HTMLButtonElement).click();
    ($(el, '[data-id="customer"] [part~="toggle"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const before = rowIds(el);
    const again = oneEvent(el, 'ocmf-ready');
    el.data = structuredClone(sample);
    await again;
    expect(rowIds(el)).to.deep.equal(before);
  });
});
