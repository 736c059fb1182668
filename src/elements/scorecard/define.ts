// Registers <ocmf-scorecard> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import { OcmfScorecard, type OcmfSortDetail, type OcmfToggleDetail } from './scorecard.js';

export { OcmfScorecard };
export type { OcmfSortDetail, OcmfToggleDetail };
defineElement('ocmf-scorecard', OcmfScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-scorecard': OcmfScorecard;
  }
  interface HTMLElementEventMap {
    'ocmf-sort': CustomEvent<OcmfSortDetail>;
    'ocmf-toggle': CustomEvent<OcmfToggleDetail>;
  }
}
