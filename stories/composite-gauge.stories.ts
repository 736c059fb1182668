import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/composite-gauge/define.js';
import { brandTheme, invalid, minimal, NEVER_SRC, sample, smallSample, withMissing } from './_shared.js';

const meta: Meta = {
  title: 'Elements/Composite gauge',
  component: 'ocmf-composite-gauge',
  tags: ['autodocs'],
  args: { value: 72, label: 'Customer Composite', target: 80 },
};
export default meta;
type Story = StoryObj;

const box = (width: number, content: unknown) => html`<div style="width:${width}px">${content}</div>`;

export const Playground: Story = {
  render: (a) =>
    html`<ocmf-composite-gauge value=${a.value} label=${a.label} target=${a.target}></ocmf-composite-gauge>`,
};

export const FromTheSample: Story = {
  tags: ['overview'],
  render: () => box(360, html`<ocmf-composite-gauge .data=${sample}></ocmf-composite-gauge>`),
};

export const CustomerNode: Story = {
  render: () => box(360, html`<ocmf-composite-gauge .data=${sample} node="customer"></ocmf-composite-gauge>`),
};

export const StateLoading: Story = {
  tags: ['states'],
  render: () => box(320, html`<ocmf-composite-gauge src=${NEVER_SRC} timeout="3600"></ocmf-composite-gauge>`),
};
export const StateEmpty: Story = {
  tags: ['states'],
  render: () => box(320, html`<ocmf-composite-gauge .data=${{ journeys: [] }}></ocmf-composite-gauge>`),
};
export const StateError: Story = {
  tags: ['states'],
  render: () => box(360, html`<ocmf-composite-gauge .data=${invalid}></ocmf-composite-gauge>`),
};
export const StateMissingData: Story = {
  tags: ['states'],
  render: () => box(360, html`<ocmf-composite-gauge .data=${withMissing('customer')}></ocmf-composite-gauge>`),
};
export const StateSmallSample: Story = {
  tags: ['states'],
  render: () => box(320, html`<ocmf-composite-gauge .data=${smallSample}></ocmf-composite-gauge>`),
};

export const ThemeDark: Story = {
  tags: ['themes'],
  render: () =>
    html`<div style="background:#15181d;padding:12px;width:360px">
      <ocmf-composite-gauge theme="dark" .data=${minimal}></ocmf-composite-gauge>
    </div>`,
};
export const ThemeBrand: Story = {
  tags: ['themes'],
  render: () =>
    html`<div style="${brandTheme};width:360px"><ocmf-composite-gauge .data=${minimal}></ocmf-composite-gauge></div>`,
};

export const Locales: Story = {
  tags: ['locales'],
  render: () =>
    html`<div style="display:flex;flex-wrap:wrap;gap:16px">
      ${['en-US', 'de-DE', 'ja-JP', 'ar'].map(
        (l) =>
          html`<div lang=${l} dir=${l === 'ar' ? 'rtl' : 'ltr'} style="width:260px">
            <ocmf-composite-gauge locale=${l} .data=${sample}></ocmf-composite-gauge>
          </div>`,
      )}
    </div>`,
};

export const Sizes: Story = {
  tags: ['sizes'],
  render: () =>
    html`<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">
      ${[120, 200, 320, 600].map((w) => box(w, html`<ocmf-composite-gauge .data=${minimal}></ocmf-composite-gauge>`))}
    </div>`,
};

/** Hosts too short for their content: only the dial shrinks, its number and status word with it. */
export const ShortHost: Story = {
  render: () =>
    html`<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">
      <ocmf-composite-gauge style="width:240px;height:180px" .data=${sample}></ocmf-composite-gauge>
      <ocmf-composite-gauge style="width:400px;height:300px" .data=${sample}></ocmf-composite-gauge>
    </div>`,
};
