// custom-elements.json from the JSDoc on each element class (the single source of the API docs).
export default {
  globs: ['src/elements/*/*.ts', 'src/shared/base-element.ts'],
  exclude: ['src/elements/*/*.styles.ts', 'src/elements/*/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropInternalState(), sortModules()],
};

// Lit's `static properties` lists internal state (`_name: { state: true }`) next to the public
// properties; the analyzer documents those as public fields with attributes, over their @internal
// tag. They are not API: left out, as they were with the @state() decorator.
function dropInternalState() {
  const internal = (x) => x.name?.startsWith('_');
  return {
    name: 'ocmf-drop-internal-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter((m) => !internal(m) || m.privacy === 'private');
          // and it says "public" of the properties it reads there, which the decorators left implicit
          for (const m of decl.members ?? []) if (m.privacy === 'public') delete m.privacy;
          if (decl.attributes)
            decl.attributes = decl.attributes.filter((a) => !internal(a) && !internal({ name: a.fieldName }));
        }
      }
    },
  };
}

// The analyzer's module order follows which file it finished first, which varies from run to run
// (the manifest test saw scorecard and timeline swap places): sorted by path, the output is stable.
function sortModules() {
  return {
    name: 'ocmf-sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}
