// custom-elements.json from the JSDoc on each element class (the single source of the API docs).
export default {
  globs: ['src/elements/*/*.ts', 'src/shared/base-element.ts'],
  exclude: ['src/elements/*/*.styles.ts', 'src/elements/*/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
