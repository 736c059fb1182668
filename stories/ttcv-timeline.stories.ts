import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/ttcv-timeline/define.js';
import { sample, standardStories } from './_shared.js';

const meta: Meta = { title: 'Elements/TTCV timeline', component: 'ocmf-ttcv-timeline', tags: ['autodocs'] };
export default meta;
type Story = StoryObj;

const s = standardStories('ocmf-ttcv-timeline', { height: 480, attrs: {} });

export const Playground: Story = {
  render: () =>
    html`<div style="width:900px;height:480px"><ocmf-ttcv-timeline .data=${sample}></ocmf-ttcv-timeline></div>`,
};
export const Ready = s.ready;
export const StateLoading = s.loading;
export const StateEmpty = s.empty;
export const StateError = s.error;
export const StateMissingData = s.missing;
export const StateSmallSample = s.smallSample;
export const ThemeDark = s.dark;
export const ThemeBrand = s.brand;
export const Locales = s.locales;
export const Sizes = s.sizes;
