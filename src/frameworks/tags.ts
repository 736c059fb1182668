// What a framework needs to know about the four tags, written once for ocmf-widgets/react and
// ocmf-widgets/vue: each element's public properties (as set from JSX/templates) and its events.
// Types only, picked from the element classes (a changed type follows by itself; a new property is
// added to a list here, and test/node/frameworks.test.mjs fails until it is).
import type { OcmfCompositeGauge } from '../elements/composite-gauge/define.js';
import type { OcmfDriverTree } from '../elements/driver-tree/define.js';
import type { OcmfWhatifDetail } from '../elements/driver-tree/driver-tree.js';
import type { OcmfScorecard, OcmfSortDetail, OcmfToggleDetail } from '../elements/scorecard/define.js';
import type { OcmfTtcvTimeline } from '../elements/ttcv-timeline/define.js';
import type { OcmfEventMap } from '../shared/events.js';

export type { OcmfEventMap, OcmfWhatifDetail, OcmfSortDetail, OcmfToggleDetail };
export type {
  OcmfErrorDetail,
  OcmfSelectDetail,
  OcmfReadyEvent,
  OcmfErrorEvent,
  OcmfSelectEvent,
} from '../shared/events.js';

/** The properties every element has (OcmfElement). */
type BaseKeys = 'src' | 'refresh' | 'timeout' | 'data' | 'node' | 'lens' | 'locale' | 'theme';

export type OcmfCompositeGaugeProperties = Partial<Pick<OcmfCompositeGauge, BaseKeys | 'value' | 'label' | 'target'>>;
export type OcmfScorecardProperties = Partial<Pick<OcmfScorecard, BaseKeys | 'display' | 'expandDepth' | 'sort'>> & {
  /** The attribute of `expandDepth` (frameworks set unknown dashed names as attributes). */
  'expand-depth'?: number | string;
};
export type OcmfDriverTreeProperties = Partial<
  Pick<OcmfDriverTree, BaseKeys | 'orientation' | 'depth' | 'whatif' | 'levers'>
>;
export type OcmfTtcvTimelineProperties = Partial<
  Pick<OcmfTtcvTimeline, BaseKeys | 'view' | 'segment' | 'sort' | 'direction'>
>;

export interface OcmfScorecardEventMap extends OcmfEventMap {
  'ocmf-sort': CustomEvent<OcmfSortDetail>;
  'ocmf-toggle': CustomEvent<OcmfToggleDetail>;
}
export interface OcmfDriverTreeEventMap extends OcmfEventMap {
  'ocmf-whatif': CustomEvent<OcmfWhatifDetail>;
}

/** Per tag: the element class, its settable properties and its events. */
export interface OcmfTags {
  'ocmf-composite-gauge': {
    element: OcmfCompositeGauge;
    properties: OcmfCompositeGaugeProperties;
    events: OcmfEventMap;
  };
  'ocmf-scorecard': { element: OcmfScorecard; properties: OcmfScorecardProperties; events: OcmfScorecardEventMap };
  'ocmf-driver-tree': { element: OcmfDriverTree; properties: OcmfDriverTreeProperties; events: OcmfDriverTreeEventMap };
  'ocmf-ttcv-timeline': { element: OcmfTtcvTimeline; properties: OcmfTtcvTimelineProperties; events: OcmfEventMap };
}
