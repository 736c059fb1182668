// Registers <ocmf-composite-gauge> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import type { OcmfEventMap } from '../../shared/events.js';
import { OcmfCompositeGauge } from './composite-gauge.js';

export { OcmfCompositeGauge };
defineElement('ocmf-composite-gauge', OcmfCompositeGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-composite-gauge': OcmfCompositeGauge;
  }
  // keeps events.d.ts (ocmf-ready/error/select) in a consumer's program
  interface HTMLElementEventMap extends OcmfEventMap {}
}
