import { measured, frame } from './_util.js';
export const cases = {
  floor: async () => {
    const first = await measured(async () => {});
    const xs = [];
    for (let i = 0; i < 15; i++) xs.push((await measured(async () => {})).cpu);
    xs.sort((a, b) => a - b);
    const el = document.createElement('div'); el.textContent='x'; document.body.append(el);
    const touch = await measured(async () => { el.textContent = 'y'; });
    return { firstCpu: first.cpu, medCpu: xs[7], minCpu: xs[0], maxCpu: xs[14], touchCpu: touch.cpu };
  },
};
