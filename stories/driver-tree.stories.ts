import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/driver-tree/define.js';
import { sample, standardStories } from './_shared.js';

const meta: Meta = { title: 'Elements/Driver tree', component: 'ocmf-driver-tree', tags: ['autodocs'] };
export default meta;
type Story = StoryObj;

const s = standardStories('ocmf-driver-tree', { height: 560, attrs: { depth: '2', whatif: '' } });

export const Playground: Story = {
  render: () => html`<div style="width:900px;height:560px"><ocmf-driver-tree .data=${sample}></ocmf-driver-tree></div>`,
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
