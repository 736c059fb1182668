// Registers <ocmf-ttcv-timeline> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import type { OcmfEventMap } from '../../shared/events.js';
import { OcmfTtcvTimeline } from './ttcv-timeline.js';

export { OcmfTtcvTimeline };
defineElement('ocmf-ttcv-timeline', OcmfTtcvTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-ttcv-timeline': OcmfTtcvTimeline;
  }
  // keeps events.d.ts (ocmf-ready/error/select) in a consumer's program
  interface HTMLElementEventMap extends OcmfEventMap {}
}
