// Vue 3 with `ocmf-widgets/vue`: the GlobalComponents entries type a template's props and `@ocmf-*`
// listeners (`onOcmfReady` is what `@ocmf-ready` compiles to). Checked here through the components'
// `$props`, which is what Vue's template type-checker reads, and through h().
import type {} from 'ocmf-widgets/vue';
import { h, type GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
declare const doc: unknown;

export const gauge: Props<'ocmf-composite-gauge'> = {
  data: doc,
  lens: 'executive',
  theme: 'light',
  value: 72,
  onOcmfReady: (e) => {
    const score: number | null | undefined = e.detail.root?.score;
    return score;
  },
  onOcmfError: (e) => e.detail.map((i) => i.path),
  onOcmfSelect: (e) => e.detail.toUpperCase(),
};
export const tree: Props<'ocmf-driver-tree'> = {
  whatif: true,
  depth: 3,
  onOcmfWhatif: (e) => e.detail.overrides,
};
export const card: Props<'ocmf-scorecard'> = {
  expandDepth: 1,
  display: 'guide',
  onOcmfSort: (e) => e.detail.column,
  onOcmfToggle: (e) => e.detail.expanded,
};
export const timeline: Props<'ocmf-ttcv-timeline'> = { view: 'calendar', direction: 'desc' };

// @ts-expect-error TS2322 an unknown lens
export const badLens: Props<'ocmf-scorecard'> = { lens: 'execs' };
// @ts-expect-error TS2561 a misspelt property name
export const badName: Props<'ocmf-ttcv-timeline'> = { segmnt: 'smb' };
// @ts-expect-error TS2322 a misspelt theme value
export const badTheme: Props<'ocmf-driver-tree'> = { theme: 'darc' };
export const badDetail: Props<'ocmf-composite-gauge'> = {
  // @ts-expect-error TS2339 the ready detail is an Evaluation: no issues there
  onOcmfReady: (e) => e.detail.issues,
};
export const badWhatif: Props<'ocmf-driver-tree'> = {
  // @ts-expect-error TS2339 the whatif score is a number or null
  onOcmfWhatif: (e) => e.detail.score?.toUpperCase(),
};

// h() with the component type checks known props too.
declare const Scorecard: GlobalComponents['ocmf-scorecard'];
export const vnode = h(Scorecard, { lens: 'manager', onOcmfSort: (e) => e.detail.direction });
// @ts-expect-error TS2769 an unknown lens
export const badVnode = h(Scorecard, { lens: 'execs' });
