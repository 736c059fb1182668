// Checks that must run before anything recurses into the input (SPEC §2.1): a cyclic object,
// nesting deeper than 64 levels, more than 100,000 nodes. Nothing here recurses deeper than
// MAX_JSON_DEPTH, so 10,000 levels of nesting give an issue, not a RangeError.
import { issue, isRecord, type Path } from './issues.js';
import type { Issue } from './types.js';

export const MAX_NODE_DEPTH = 64;
export const MAX_NODES = 100_000;
/** Any JSON nesting beyond this is refused too (a 64-level tree needs about 2·64 + 10). */
export const MAX_JSON_DEPTH = 2 * MAX_NODE_DEPTH + 16;

/** Returns the issues that make the input unsafe to walk recursively; [] when it is safe. */
export function guardInput(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null) return [];
  const w: Walk = { ancestors: [], keys: [] };
  const found = walk(w, input, 0);
  return found ? [found] : guardTree(input);
}

interface Walk {
  /** The objects from the input down to the one being walked (index = depth). */
  ancestors: object[];
  /** The key that leads to the object at each depth (index 0 unused). */
  keys: (string | number)[];
}

// Recursive, but never deeper than MAX_JSON_DEPTH + 1 frames: the depth is checked on entry.
// The ancestors are an array, not a Set: a document is shallow (a scan of ~10 entries per object
// beat hashing every object into a Set and out again, profiled on 100,000 nodes).
function walk(w: Walk, v: object, depth: number): Issue | null {
  if (depth > MAX_JSON_DEPTH) {
    return issue(pathTo(w, depth), 'too_deep', `nesting is deeper than ${MAX_NODE_DEPTH} levels; flatten the tree`);
  }
  w.ancestors[depth] = v;
  if (Array.isArray(v)) {
    // Long arrays of numbers (survey scores) hold nothing to walk: skip them quickly.
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c === 'object' && c !== null) {
        const found = child(w, c, i, depth);
        if (found) return found;
      }
    }
  } else {
    for (const k in v) {
      const c: unknown = (v as Record<string, unknown>)[k];
      if (typeof c === 'object' && c !== null) {
        const found = child(w, c, k, depth);
        if (found) return found;
      }
    }
  }
  return null;
}

function child(w: Walk, c: object, key: string | number, depth: number): Issue | null {
  w.keys[depth + 1] = key;
  for (let d = 0; d <= depth; d++) {
    if (w.ancestors[d] === c) {
      return issue(
        pathTo(w, depth + 1),
        'cyclic',
        'the document refers back to itself (a cyclic object); it must be a tree',
      );
    }
  }
  return walk(w, c, depth + 1);
}

function pathTo(w: Walk, depth: number): Path {
  return w.keys.slice(1, depth + 1);
}

/** Node depth and count along root -> children (the only unbounded recursion in the contract). */
function guardTree(input: object): Issue[] {
  if (!isRecord(input) || !isRecord(input.root)) return [];
  interface At {
    node: Record<string, unknown>;
    index: number;
    up: At | null;
    depth: number;
  }
  // paths are parent links, turned into arrays only for an issue
  const pathTo = (at: At): Path => {
    const path: Path = [];
    for (let a: At | null = at; a && a.up; a = a.up) path.push(a.index, 'children');
    path.push('root');
    return path.reverse();
  };
  let count = 0;
  const stack: At[] = [{ node: input.root, index: 0, up: null, depth: 1 }];
  while (stack.length) {
    const at = stack.pop()!;
    if (++count > MAX_NODES) {
      return [issue([], 'too_many_nodes', `the tree has more than ${MAX_NODES.toLocaleString('en-US')} nodes`)];
    }
    if (at.depth > MAX_NODE_DEPTH) {
      return [issue(pathTo(at), 'too_deep', `nesting is deeper than ${MAX_NODE_DEPTH} levels; flatten the tree`)];
    }
    const children = at.node.children;
    if (Array.isArray(children)) {
      for (let i = children.length - 1; i >= 0; i--) {
        const c: unknown = children[i];
        if (isRecord(c)) stack.push({ node: c, index: i, up: at, depth: at.depth + 1 });
      }
    }
  }
  return [];
}
