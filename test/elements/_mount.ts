// What every element test needs, written once: a connected container removed after each test,
// mounting an element with its data and waiting for its first ocmf-ready (or ocmf-error), and
// shadow-DOM queries. Not open-wc's fixture(): it waits for rAF, which a background page never runs.
import { oneEvent } from '@open-wc/testing';

const boxes: HTMLElement[] = [];
afterEach(() => boxes.splice(0).forEach((b) => b.remove()));

/** A connected container, removed after the test. */
export function box(attrs: Record<string, string> = {}): HTMLDivElement {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  document.body.append(div);
  boxes.push(div);
  return div;
}

/**
 * Creates `tag` with a CSS size and attributes, lets `setup` give it data (before it is connected,
 * as a page would), connects it and resolves with its first ocmf-ready or ocmf-error event.
 */
export async function mount<E extends HTMLElement & { updateComplete: Promise<boolean> }>(
  tag: string,
  setup: (el: E) => void,
  attrs: Record<string, string>,
  size: { width?: string; height?: string },
): Promise<{ el: E; ev: CustomEvent }> {
  const el = document.createElement(tag) as E;
  if (size.width) el.style.width = size.width;
  if (size.height) el.style.height = size.height;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  setup(el);
  const first = Promise.race([oneEvent(el, 'ocmf-ready'), oneEvent(el, 'ocmf-error')]) as Promise<CustomEvent>;
  box().append(el);
  const ev = await first;
  await el.updateComplete;
  return { el, ev };
}

export const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel);
export const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];
/** Text with whitespace runs folded, as a person reads it. */
export const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? null;
export const txt = (el: Element, sel: string) => clean($(el, sel)?.textContent);
export const loadExample = async (name: string) => (await (await fetch(`/examples/${name}`)).json()) as unknown;

/** Points a loaded widget's src at an answer that fails (500); resolves once the stale view is drawn. */
export async function failSrc(el: HTMLElement & { src: string | null; updateComplete: Promise<boolean> }) {
  const failed = oneEvent(el, 'ocmf-error');
  el.src = '/__test/doc?status=500';
  await failed;
  await el.updateComplete;
}

/**
 * Collects what is thrown into the page (error and unhandledrejection events: the error or the
 * rejection's reason) until `stop()`; a widget must never add to it.
 */
export function watchPageErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    },
  };
}
