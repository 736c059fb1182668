// Registers <ocmf-ttcv-timeline> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import { OcmfTtcvTimeline } from './ttcv-timeline.js';

export { OcmfTtcvTimeline };
defineElement('ocmf-ttcv-timeline', OcmfTtcvTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-ttcv-timeline': OcmfTtcvTimeline;
  }
}
