// <ocmf-driver-tree>: a 5,000-node tree shaped like the peer benchmark's (shared/bench/data.mjs:
// breadth-first, 3..7 children a node, leaves carry the scores), all open (depth="64").
import { ready, measured, frame, rng, flat } from './_util.js';

// render/collapse/expand: ms to the painted frame; pan: the median frame's CPU (a pan moves a
// transform; "within 16 ms" is the work, not the wait for vsync). *Cpu: main-thread CPU.
export const goals = { tree5000: { render: 300, expand: 50, collapse: 50, panCpu: 16 } };

function makeDoc(n, seed) {
  const r = rng(seed);
  const root = { id: 'n0', label: 'Customer value' };
  const queue = [root];
  let count = 1;
  while (count < n) {
    const parent = queue.shift();
    const k = 3 + Math.floor(r() * 5);
    parent.children = [];
    for (let c = 0; c < k && count < n; c++) {
      const node = { id: `n${count}`, label: `Driver ${count}` };
      parent.children.push(node);
      queue.push(node);
      count++;
    }
  }
  const fill = (d) =>
    d.children ? d.children.forEach(fill) : ((d.value = Math.round(r() * 1000) / 10), (d.target = 70));
  fill(root);
  return { version: 1, root };
}

export const cases = {
  tree5000: async ({ stage }) => {
    const doc = makeDoc(5000, 20260104);
    const el = document.createElement('ocmf-driver-tree');
    el.style.width = '1200px';
    el.style.height = '800px';
    el.setAttribute('depth', '64');
    const render = await measured(async () => {
      const done = ready(el);
      el.data = doc;
      stage.append(el);
      await done;
    });
    await frame();
    const id = doc.root.children[0].id;
    const collapse = await measured(async () => {
      el.collapse(id);
      await el.updateComplete;
    });
    const expand = await measured(async () => {
      el.expand(id);
      await el.updateComplete;
    });
    // a drag frame: one pointermove of 40 px
    const s = el.shadowRoot.querySelector('.stage');
    s.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientX: 600, clientY: 400, bubbles: true }));
    s.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 600, clientY: 390, bubbles: true }));
    await el.updateComplete;
    await frame();
    let y = 390;
    const pans = [];
    for (let i = 0; i < 10; i++) {
      y -= 40;
      pans.push(
        await measured(async () => {
          s.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 600, clientY: y, bubbles: true }));
          await el.updateComplete;
        }),
      );
    }
    s.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 600, clientY: y, bubbles: true }));
    const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    el.remove();
    return flat({
      render,
      collapse,
      expand,
      pan: { ms: mid(pans.map((p) => p.ms)), cpu: mid(pans.map((p) => p.cpu)) },
    });
  },
};
