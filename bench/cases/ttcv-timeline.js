// <ocmf-ttcv-timeline>: journeys like the peer bench's makeTimeline (shared/bench/data.mjs), mapped
// as its ocmf-kit adapter does (value before the sale negative), in the default duration view.
// render: from setting data to the painted frame. scroll: the work of one scroll step (scroll
// handler, re-render of the row window, style and layout), median of 20 jumps of ~27 rows;
// paint is left out because a frame's wait for vsync is not our cost. scrollCpu: the main thread's
// CPU time (CDP TaskDuration) of the step and its frame (paint included), as the other cases'
// …Cpu; "a scroll frame within 16 ms" is judged on it.
import { ready, rng, measured } from './_util.js';

export const goals = {
  timeline100: { render: 100 },
  timeline2000: { render: 100, scrollCpu: 16 },
  timeline2000Calendar: { render: 100, scrollCpu: 16 },
};

export function doc(n) {
  const r = rng(20260106);
  const segments = ['Enterprise', 'Mid-market', 'SMB'];
  return {
    version: 1,
    journeys: Array.from({ length: n }, (_, i) => {
      const start = Math.floor(r() * 300);
      const [pre, post, smile] = [5 + Math.floor(r() * 60), 10 + Math.floor(r() * 90), 1 + Math.floor(r() * 30)];
      const day = (d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
      // every 2nd journey by dated events (the calendar has something to draw), the rest by durations
      return i % 2
        ? {
            id: `j${i}`,
            label: `Customer ${String(i + 1).padStart(4, '0')}`,
            segment: segments[i % 3],
            events: [
              { type: 'engaged', at: day(start) },
              { type: 'value-before-sale', at: day(start + 2) },
              { type: 'sale', at: day(start + 2 + pre) },
              { type: 'value-after-sale', at: day(start + 2 + pre + post) },
              { type: 'interruption', at: day(start + 4 + pre + post), id: 'x' },
              { type: 'smile', at: day(start + 4 + pre + post + smile), ref: 'x' },
            ],
          }
        : {
            id: `j${i}`,
            label: `Customer ${String(i + 1).padStart(4, '0')}`,
            segment: segments[i % 3],
            beforeSale: -pre,
            afterSale: post,
            toSmile: smile,
          };
    }),
    asOf: '2026-01-01',
  };
}

async function run(stage, n, view, scroll) {
  const el = document.createElement('ocmf-ttcv-timeline');
  el.style.display = 'block';
  el.style.width = '1200px';
  el.style.height = '800px';
  if (view) el.setAttribute('view', view);
  const data = doc(n);
  const r = await measured(async () => {
    const done = ready(el);
    el.data = data;
    stage.append(el);
    await done;
  });
  const out = { render: r.ms, renderCpu: r.cpu };
  if (scroll) {
    const scroller = el.shadowRoot.querySelector('[part~="rows"]');
    const steps = [];
    const cpus = [];
    for (let i = 1; i <= 20; i++) {
      let ms = 0;
      const { cpu } = await measured(async () => {
        const t = performance.now();
        scroller.scrollTop = i * 700;
        scroller.dispatchEvent(new Event('scroll'));
        await el.updateComplete;
        void scroller.querySelector('[part~="row"]').getBoundingClientRect().top; // style + layout
        ms = performance.now() - t;
      });
      steps.push(ms);
      cpus.push(cpu);
    }
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    out.scroll = median(steps);
    out.scrollCpu = median(cpus);
  }
  el.remove();
  return out;
}

export const cases = {
  timeline100: ({ stage }) => run(stage, 100, null, false),
  timeline2000: ({ stage }) => run(stage, 2000, null, true),
  timeline2000Calendar: ({ stage }) => run(stage, 2000, 'calendar', true),
};
