// Typed ocmf-* events: one map, so `el.addEventListener('ocmf-ready', e => e.detail.root)` type-checks
// in a host page without casts.
import type { Evaluation, Issue } from '../engine/types.js';

/** `ocmf-error`'s detail: the issues (SPEC §6), each with its path. */
export type OcmfErrorDetail = Issue[];
/**
 * `ocmf-select`'s detail: the id a person picked (SPEC §6). It is a node's id, except from
 * `<ocmf-ttcv-timeline>`, where it is a journey's.
 */
export type OcmfSelectDetail = string;

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
