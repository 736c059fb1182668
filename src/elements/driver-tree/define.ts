// Registers <ocmf-driver-tree> (guarded: a second copy of the kit on the page does nothing).
import { defineElement } from '../../shared/define.js';
import type { OcmfEventMap } from '../../shared/events.js';
import { OcmfDriverTree } from './driver-tree.js';

export { OcmfDriverTree };
defineElement('ocmf-driver-tree', OcmfDriverTree);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-driver-tree': OcmfDriverTree;
  }
  // extends: keeps events.d.ts (ocmf-ready/error/select) in a consumer's program
  interface HTMLElementEventMap extends OcmfEventMap {
    'ocmf-whatif': CustomEvent<import('./driver-tree.js').OcmfWhatifDetail>;
  }
}
