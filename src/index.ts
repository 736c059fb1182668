// The entry of the single-file bundle and of the package root: registers all four elements.
import './elements/composite-gauge/define.js';
import './elements/scorecard/define.js';
import './elements/driver-tree/define.js';
import './elements/ttcv-timeline/define.js';

export * from './engine/index.js';
export { VERSION } from './version.js';
