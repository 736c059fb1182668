// Registers <ocmf-scorecard> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import type { OcmfEventMap } from '../../shared/events.js';
import { OcmfScorecard, type OcmfSortDetail, type OcmfToggleDetail } from './scorecard.js';

export { OcmfScorecard };
export type { OcmfSortDetail, OcmfToggleDetail };
defineElement('ocmf-scorecard', OcmfScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-scorecard': OcmfScorecard;
  }
  // extends: keeps events.d.ts (ocmf-ready/error/select) in a consumer's program
  interface HTMLElementEventMap extends OcmfEventMap {
    'ocmf-sort': CustomEvent<OcmfSortDetail>;
    'ocmf-toggle': CustomEvent<OcmfToggleDetail>;
  }
}
