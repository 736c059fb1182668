// What every story file uses: the sample documents and small builders, written once.
import sample from '../examples/ocmf-sample.json';
import minimal from '../examples/minimal.json';
import template from '../examples/ocmf-v1-template.json';

export { sample, minimal, template };

/** A copy of the sample with one node's value removed, to show missing data honestly. */
export function withMissing(id: string): unknown {
  const doc = structuredClone(sample) as { root: unknown };
  const walk = (n: { id: string; value?: unknown; responses?: unknown; children?: unknown[] }) => {
    if (n.id === id) {
      delete n.responses;
      n.value = null;
    }
    n.children?.forEach((c) => walk(c as typeof n));
  };
  walk(doc.root as Parameters<typeof walk>[0]);
  return doc;
}

/** A document with a survey of only a few responses (a small sample). */
export const smallSample = {
  title: 'Small sample',
  root: {
    id: 'customer',
    label: 'Customer',
    children: [
      { id: 'csat', label: 'CSAT', responses: { kind: 'csat', scores: [5, 4, 4, 2, 5, 3, 5] } },
      { id: 'nps', label: 'NPS', unit: 'nps', value: 31 },
    ],
  },
};

/** An invalid document: the error state lists every issue with its path. */
export const invalid = {
  root: {
    id: 'bad id!',
    label: '',
    children: [
      { id: 'a', label: 'A', value: 'high' },
      { id: 'b', label: 'B', weight: -1, value: 3 },
    ],
  },
};

/** A brand theme made only of --ocmf-* tokens. */
export const brandTheme =
  '--ocmf-accent:#6d28d9;--ocmf-focus:#6d28d9;--ocmf-font-family:Georgia,serif;--ocmf-radius:2px;--ocmf-series-1:#6d28d9;--ocmf-series-2:#0e7490;--ocmf-surface:#faf7ff;--ocmf-border:#d8ccf0';

/**
 * A `src` that never answers, to show the loading state in a static Storybook: fetches of
 * NEVER_SRC stay pending until aborted (a new src or the element's removal aborts them).
 */
export const NEVER_SRC = '/__never__/metrics.json';
const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.includes(NEVER_SRC)) return realFetch(input, init);
  return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
};

import { html, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

type Story = { render: () => TemplateResult; tags?: string[] };

/**
 * The stories every element has (states, themes, locales, sizes), written once. `attrs` are
 * attributes on every instance (our own constants, so static markup is safe), `widths` the sizes.
 */
export function standardStories(
  tag: string,
  opts: { doc?: unknown; widths?: number[]; height?: number; attrs?: Record<string, string> } = {},
) {
  const t = unsafeStatic(tag);
  const doc = opts.doc ?? sample;
  const h = opts.height ? `height:${opts.height}px;` : '';
  const el = (data: unknown, more: Record<string, string> = {}, src?: string) => {
    const attrs = Object.entries({ ...opts.attrs, ...more, ...(src ? { src, timeout: '3600' } : {}) })
      .map(([k, v]) => `${k}="${v}"`)
      .join(' ');
    return staticHtml`<${t} ${unsafeStatic(attrs)} .data=${data}></${t}>`;
  };
  const box = (width: number, content: unknown, style = '') =>
    html`<div style="width:${width}px;${h}${style}">${content}</div>`;
  const story = (render: () => TemplateResult, tags: string[]): Story => ({ render, tags });
  return {
    ready: story(() => box(900, el(doc)), ['overview']),
    loading: story(() => box(600, el(undefined, {}, NEVER_SRC)), ['states']),
    empty: story(
      () =>
        box(
          600,
          el({ title: 'Nothing measured yet', journeys: [], root: { id: 'r', label: 'Nothing yet', value: null } }),
        ),
      ['states'],
    ),
    error: story(() => box(600, el(invalid)), ['states']),
    missing: story(() => box(900, el(withMissing('customer'))), ['states']),
    smallSample: story(() => box(600, el(smallSample)), ['states']),
    dark: story(() => box(900, el(doc, { theme: 'dark' }), 'background:#15181d;padding:8px'), ['themes']),
    brand: story(() => box(900, el(doc), brandTheme), ['themes']),
    locales: story(
      () =>
        html`${['en-US', 'de-DE', 'ja-JP', 'ar'].map(
          (l) =>
            html`<div lang=${l} dir=${l === 'ar' ? 'rtl' : 'ltr'} style="width:700px;${h}margin-bottom:16px">
              ${el(doc, { locale: l })}
            </div>`,
        )}`,
      ['locales'],
    ),
    sizes: story(
      () => html`${(opts.widths ?? [360, 800, 1280]).map((w) => box(w, el(doc), 'margin-bottom:16px'))}`,
      ['sizes'],
    ),
  };
}
