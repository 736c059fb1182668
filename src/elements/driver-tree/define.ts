// Registers <ocmf-driver-tree> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import { OcmfDriverTree } from './driver-tree.js';

export { OcmfDriverTree };
defineElement('ocmf-driver-tree', OcmfDriverTree);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-driver-tree': OcmfDriverTree;
  }
  interface HTMLElementEventMap {
    'ocmf-whatif': CustomEvent<import('./driver-tree.js').OcmfWhatifDetail>;
  }
}
