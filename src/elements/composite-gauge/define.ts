// Registers <ocmf-composite-gauge> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import { OcmfCompositeGauge } from './composite-gauge.js';

export { OcmfCompositeGauge };
defineElement('ocmf-composite-gauge', OcmfCompositeGauge);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-composite-gauge': OcmfCompositeGauge;
  }
}
