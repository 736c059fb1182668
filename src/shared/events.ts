// Typed ocmf-* events: one map, so `el.addEventListener('ocmf-ready', e => e.detail.root)` type-checks
// in a host page without casts.
import type { Evaluation, Issue } from '../engine/types.js';

export interface OcmfErrorDetail {
  issues: Issue[];
}
export interface OcmfSelectDetail {
  /** The id of the node or journey a person picked. */
  id: string;
  /** Which id space `id` belongs to: a node of `root`, or a journey. */
  kind: 'node' | 'journey';
}

export type OcmfReadyEvent = CustomEvent<Evaluation>;
export type OcmfErrorEvent = CustomEvent<OcmfErrorDetail>;
export type OcmfSelectEvent = CustomEvent<OcmfSelectDetail>;

export interface OcmfEventMap {
  'ocmf-ready': OcmfReadyEvent;
  'ocmf-error': OcmfErrorEvent;
  'ocmf-select': OcmfSelectEvent;
}

declare global {
  interface HTMLElementEventMap extends OcmfEventMap {}
}

/** Dispatch a bubbling, composed ocmf-* event (crosses shadow roots so a page-level listener hears it). */
export function emit<K extends keyof OcmfEventMap>(
  target: EventTarget,
  type: K,
  detail: OcmfEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
