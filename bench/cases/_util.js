// Helpers for bench cases, run in the page.

/** Resolves after the next frame has been produced (style, layout and paint of it done). */
export const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Waits for an element's next `ocmf-ready` (fired after the new values are rendered). */
export const ready = (el) =>
  new Promise((resolve, reject) => {
    const off = () => {
      el.removeEventListener('ocmf-ready', ok);
      el.removeEventListener('ocmf-error', bad);
    };
    const ok = () => (off(), resolve());
    const bad = (e) => (off(), reject(new Error(JSON.stringify(e.detail).slice(0, 300))));
    el.addEventListener('ocmf-ready', ok);
    el.addEventListener('ocmf-error', bad);
  });

/** ms from `start` until the next painted frame after `work` settles. */
export async function timed(work) {
  const t = performance.now();
  await work();
  await frame();
  return performance.now() - t;
}

/**
 * Like `timed`, plus `cpu`: main-thread CPU time spent meanwhile (CDP TaskDuration in thread ticks,
 * exposed by bench/elements.mjs as window.__taskMs), which the 60 Hz frame does not quantise and
 * a busy machine inflates less. "Paints within one frame" means cpu < 16.7 ms. Outside the bench
 * runner (no __taskMs) cpu is NaN.
 */
export async function measured(work) {
  const cpu0 = window.__taskMs ? await window.__taskMs() : NaN;
  const t = performance.now();
  await work();
  await frame();
  const ms = performance.now() - t;
  const cpu1 = window.__taskMs ? await window.__taskMs() : NaN;
  return { ms, cpu: cpu1 - cpu0 };
}

/** { a: {ms, cpu} } -> { a: ms, aCpu: cpu }: a case's result with both numbers per metric. */
export const flat = (m) =>
  Object.fromEntries(
    Object.entries(m).flatMap(([k, v]) => [
      [k, v.ms],
      [`${k}Cpu`, v.cpu],
    ]),
  );

/** A seeded random generator (mulberry32), so every run measures the same data. */
export function rng(seed = 1) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
