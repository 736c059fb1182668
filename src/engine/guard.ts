// Checks that must run before anything recurses into the input (SPEC §2.1): a cyclic object,
// nesting deeper than 64 levels, more than 100,000 nodes. Everything here is iterative, with an
// explicit stack, so 10,000 levels of nesting give an issue, not a RangeError.
import { issue, isRecord, type Path } from './issues.js';
import type { Issue } from './types.js';

export const MAX_NODE_DEPTH = 64;
export const MAX_NODES = 100_000;
/** Any JSON nesting beyond this is refused too (a 64-level tree needs about 2·64 + 10). */
export const MAX_JSON_DEPTH = 2 * MAX_NODE_DEPTH + 16;

interface Frame {
  value: object;
  key: string | number;
  parent: Frame | null;
  depth: number;
  exit: boolean;
}

function pathOf(frame: Frame | null): Path {
  const path: Path = [];
  for (let f = frame; f && f.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

/** Returns the issues that make the input unsafe to walk recursively; [] when it is safe. */
export function guardInput(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null) return [];
  const onPath = new Set<object>();
  const stack: Frame[] = [{ value: input, key: '', parent: null, depth: 0, exit: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      onPath.delete(f.value);
      continue;
    }
    if (f.depth > MAX_JSON_DEPTH) {
      return [issue(pathOf(f), 'too_deep', `nesting is deeper than ${MAX_NODE_DEPTH} levels; flatten the tree`)];
    }
    onPath.add(f.value);
    f.exit = true;
    stack.push(f);
    const v = f.value as Record<string, unknown> | unknown[];
    if (Array.isArray(v)) {
      // Long arrays of numbers (survey scores) hold nothing to walk: skip them quickly.
      for (let i = v.length - 1; i >= 0; i--) {
        const c = v[i];
        if (typeof c === 'object' && c !== null) {
          if (onPath.has(c)) return [cyclic(f, i)];
          stack.push({ value: c, key: i, parent: f, depth: f.depth + 1, exit: false });
        }
      }
    } else {
      for (const k in v) {
        const c = v[k];
        if (typeof c === 'object' && c !== null) {
          if (onPath.has(c)) return [cyclic(f, k)];
          stack.push({ value: c, key: k, parent: f, depth: f.depth + 1, exit: false });
        }
      }
    }
  }
  return guardTree(input);
}

function cyclic(f: Frame, key: string | number): Issue {
  return issue(
    [...pathOf(f), key],
    'cyclic',
    'the document refers back to itself (a cyclic object); it must be a tree',
  );
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
