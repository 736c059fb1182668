// A Vite plugin for the minified bundles: Lit's css`` literals ship as written (indentation,
// comments), which minifiers leave alone since they are strings. This folds them: comments gone,
// whitespace runs to one space, none around { } ; , and after a colon. Interpolations (${…}) are
// kept as they are. Selectors keep their descendant spaces (".a :hover" stays as written).
export function minifyCssLiterals() {
  const fold = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'ocmf-minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g, (_, body) => {
        // fold the CSS between interpolations, never inside them
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((p, i) => (i % 2 ? p : fold(p))).join('')}\``;
      });
      return { code: out, map: null };
    },
  };
}
