// Vue 3, runtime-only build with h(): `.data` sets the property (as a template's `:data.prop` or
// `.data` does), `onOcmfReady` is what a template's `@ocmf-ready` compiles to.
import 'ocmf-widgets/vue';
import { createApp, h, ref } from 'vue';
import type { Seen } from './react-app.js';

export function mountVue(host: HTMLElement, docs: unknown[]): { seen: Seen; next: () => void } {
  const seen: Seen = { scores: [], selected: [] };
  const i = ref(0);
  createApp({
    render: () =>
      h('ocmf-composite-gauge', {
        class: 'kpi',
        lens: 'manager',
        '.data': docs[i.value],
        onOcmfReady: (e: CustomEvent<{ root?: { score: number | null } }>) => seen.scores.push(e.detail.root?.score),
        onOcmfSelect: (e: HTMLElementEventMap['ocmf-select']) => seen.selected.push(e.detail),
      }),
  }).mount(host);
  return { seen, next: () => i.value++ };
}
