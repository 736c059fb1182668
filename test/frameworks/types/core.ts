// The package without a framework opt-in: compiles with no React or Vue types loaded (the test
// checks the file list), the tags typed for the DOM through HTMLElementTagNameMap and HTMLElementEventMap.
import 'ocmf-widgets';
import 'ocmf-widgets/scorecard';
import { evaluate } from 'ocmf-widgets/engine';

const el = document.createElement('ocmf-scorecard');
el.lens = 'manager';
el.addEventListener('ocmf-sort', (e) => e.detail.direction);
el.addEventListener('ocmf-ready', (e) => e.detail.root?.score);
document.querySelector('ocmf-driver-tree')?.addEventListener('ocmf-whatif', (e) => e.detail.score);
export const result = evaluate({ root: { id: 'r', label: 'R', value: 42 } });
// @ts-expect-error an unknown lens
el.lens = 'execs';
