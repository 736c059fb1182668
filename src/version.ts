declare const __OCMF_VERSION__: string;
/** The kit's version, written in by the build; guarded define compares it when a tag exists. */
export const VERSION: string = typeof __OCMF_VERSION__ === 'string' ? __OCMF_VERSION__ : 'dev';
