// ocmf-widgets/react: the four tags as React 19 JSX intrinsic elements. Opt in with
// `import 'ocmf-widgets/react'` (also registers the four elements) or `import type {} from 'ocmf-widgets/react'`.
// React 19 sets a prop as a property when the element has it (`data={doc}` sets el.data) and adds
// `on<event-name>` functions as event listeners (`onocmf-ready` listens to `ocmf-ready`), so the
// props are the element's properties and the events keep their dashed names.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OcmfTags } from './tags.js';

export * from '../index.js';
export type * from './tags.js';

/** `on<event>` props: React 19 adds them with addEventListener(<event>). */
export type OcmfReactEventProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

/** The JSX props of an ocmf-* tag: React's HTML props, the element's properties, its events, `class`. */
export type OcmfReactProps<T extends keyof OcmfTags> = Omit<
  DetailedHTMLProps<HTMLAttributes<OcmfTags[T]['element']>, OcmfTags[T]['element']>,
  keyof OcmfTags[T]['properties']
> &
  OcmfTags[T]['properties'] &
  OcmfReactEventProps<OcmfTags[T]['events']> & {
    /** On custom elements React 19 sets `class` as the attribute (`className` works too). */
    class?: string;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ocmf-composite-gauge': OcmfReactProps<'ocmf-composite-gauge'>;
      'ocmf-scorecard': OcmfReactProps<'ocmf-scorecard'>;
      'ocmf-driver-tree': OcmfReactProps<'ocmf-driver-tree'>;
      'ocmf-ttcv-timeline': OcmfReactProps<'ocmf-ttcv-timeline'>;
    }
  }
}
