// Vue 3 with a template (the full build compiles it at run time, as an SFC would at build time):
// the tags are declared custom elements, `:data` binds the property, `@ocmf-ready` listens.
import type {} from 'ocmf-widgets/vue';
import { createApp, ref } from 'vue/dist/vue.esm-bundler.js';
import type { Seen } from './react-app.js';

export function mountVueTemplate(host: HTMLElement, docs: unknown[]): { seen: Seen; next: () => void } {
  const seen: Seen = { scores: [], selected: [] };
  const i = ref(0);
  const app = createApp({
    setup: () => ({
      i,
      docs,
      onReady: (e: HTMLElementEventMap['ocmf-ready']) => seen.scores.push(e.detail.root?.score),
      onSelect: (e: HTMLElementEventMap['ocmf-select']) => seen.selected.push(e.detail),
    }),
    template: `<ocmf-composite-gauge class="kpi" lens="manager" :data="docs[i]"
      @ocmf-ready="onReady" @ocmf-select="onSelect"></ocmf-composite-gauge>`,
  });
  app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('ocmf-');
  app.mount(host);
  return { seen, next: () => i.value++ };
}
