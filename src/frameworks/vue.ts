// ocmf-widgets/vue: the four tags as Vue 3 global components for template and h() type-checking.
// Opt in with `import 'ocmf-widgets/vue'` (also registers the four elements) or
// `import type {} from 'ocmf-widgets/vue'`. Vue sets a bound prop as a property when the element has
// it (`:data="doc"`, or `.data` to force it) and `@ocmf-ready` listens to `ocmf-ready`; the
// template compiler must be told the tags are custom elements (`isCustomElement`).
import type { DefineComponent } from 'vue';
import type { OcmfTags } from './tags.js';

export * from '../index.js';
export type * from './tags.js';

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/** Emits in Vue's form: `ocmf-ready` as `ocmfReady`, so the listener prop is `onOcmfReady` (what `@ocmf-ready` compiles to). */
export type OcmfVueEmits<M> = { [K in keyof M & string as CamelCase<K>]: (event: M[K]) => void };

/** A Vue component type for an ocmf-* tag: its properties as props, its events as emits. */
export type OcmfVueComponent<T extends keyof OcmfTags> = DefineComponent<
  OcmfTags[T]['properties'],
  {},
  {},
  {},
  {},
  {},
  {},
  OcmfVueEmits<OcmfTags[T]['events']>
>;

declare module 'vue' {
  interface GlobalComponents {
    'ocmf-composite-gauge': OcmfVueComponent<'ocmf-composite-gauge'>;
    'ocmf-scorecard': OcmfVueComponent<'ocmf-scorecard'>;
    'ocmf-driver-tree': OcmfVueComponent<'ocmf-driver-tree'>;
    'ocmf-ttcv-timeline': OcmfVueComponent<'ocmf-ttcv-timeline'>;
  }
}
