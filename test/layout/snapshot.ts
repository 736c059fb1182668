// Normalised SVG snapshots of layout output, after Observable Plot's test/plot-snapshot.js:
// numbers rounded to 3 decimals, compared as text with a committed file under __snapshots__/;
// on a mismatch a `<name>-changed.svg` is written beside it (look at both, then copy it over the
// expected file if the change is right). A missing expected file is written and reported.
import { readFile, removeFile, writeFile } from '@web/test-runner-commands';
import type { TreeLayout } from '../../src/layout/tree.js';

/** Rounds every number in `text` to 3 decimals (-0 becomes 0). */
export function roundNumbers(text: string): string {
  return text.replace(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, (m) => {
    const n = Math.round(Number(m) * 1000) / 1000;
    return String(Object.is(n, -0) ? 0 : n);
  });
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain SVG drawing of a tree layout (cards as rects, links as paths), normalised. */
export function treeLayoutSvg(layout: TreeLayout): string {
  const b = layout.bounds;
  const r = (n: number) => roundNumbers(String(n));
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(b.x)} ${r(b.y)} ${r(b.width)} ${r(b.height)}" width="${r(b.width)}" height="${r(b.height)}" data-orientation="${layout.orientation}">`,
    '  <g fill="none" stroke="#888">',
    ...layout.links.map(
      (l) =>
        `    <path data-source="${escape(l.sourceId)}" data-target="${escape(l.targetId)}" stroke-width="${r(l.strokeWidth)}"${l.missing ? ' stroke-dasharray="4 3"' : ''} d="${roundNumbers(l.d)}"/>`,
    ),
    '  </g>',
    ...layout.nodes.map((n) =>
      [
        `  <g data-id="${escape(n.id)}" data-depth="${n.depth}" data-pos="${n.posInSet}/${n.setSize}"${n.hasChildren ? ` data-expanded="${n.expanded}"` : ''} transform="translate(${r(n.x)},${r(n.y)})">`,
        `    <rect width="${r(n.width)}" height="${r(n.height)}" rx="6" fill="#fff" stroke="#444"/>`,
        `    <text x="8" y="20" font-size="12">${escape(n.node.label)}</text>`,
        '  </g>',
      ].join('\n'),
    ),
    '</svg>',
    '',
  ];
  return lines.join('\n');
}

// The file plugin answers `undefined` for a missing file, which the runner reports as an
// "Unknown command read-file" error; a real absence of the plugin still fails on writeFile.
async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile({ path });
  } catch {
    return undefined;
  }
}

/** Compares `actual` with `__snapshots__/<name>.svg` beside the test file; returns null when equal, else a message. */
export async function compareSnapshot(name: string, actual: string): Promise<string | null> {
  const expectedPath = `__snapshots__/${name}.svg`;
  const changedPath = `__snapshots__/${name}-changed.svg`;
  const expected = await readIfExists(expectedPath);
  if (expected === undefined) {
    await writeFile({ path: expectedPath, content: actual });
    console.warn(`snapshot ${expectedPath} was missing and has been written: check it by eye and commit it`);
    return null;
  }
  if (expected === actual) {
    // A stale -changed file from an earlier failing run would mislead.
    if ((await readIfExists(changedPath)) !== undefined) await removeFile({ path: changedPath });
    return null;
  }
  await writeFile({ path: changedPath, content: actual });
  return `snapshot ${expectedPath} differs; the new output is in ${changedPath}`;
}
