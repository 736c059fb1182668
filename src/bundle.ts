// The single-file bundle (dist/ocmf-widgets.bundle.js): registers the four elements and nothing
// else. The engine API is not re-exported here, so the JSON Schema generator (only needed by
// `toJsonSchema`) stays out of the bundle; apps that want the engine import `ocmf-widgets/engine`.
import './elements/composite-gauge/define.js';
import './elements/scorecard/define.js';
import './elements/driver-tree/define.js';
import './elements/ttcv-timeline/define.js';

export { VERSION } from './version.js';
