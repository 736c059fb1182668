// The WAI-ARIA tree pattern's keyboard model (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/),
// DOM-free, over the layout's visible depth-first order. The element maps a keydown to
// `treeKeyAction`, applies the action (move focus, or change the expansion and re-lay out),
// and calls preventDefault only when an action came back.
import type { TreeLayout } from './tree.js';

/** The item after `id` in the visible order; null at the end or for an unknown id. */
export function nextItem(layout: TreeLayout, id: string): string | null {
  const n = layout.byId.get(id);
  return (n && layout.nodes[n.index + 1]?.id) ?? null;
}

/** The item before `id` in the visible order; null at the start or for an unknown id. */
export function previousItem(layout: TreeLayout, id: string): string | null {
  const n = layout.byId.get(id);
  return (n && n.index > 0 && layout.nodes[n.index - 1]?.id) || null;
}

/** The parent of `id`; null for the root. */
export function parentItem(layout: TreeLayout, id: string): string | null {
  return layout.byId.get(id)?.parentId ?? null;
}

/** The first visible child of `id`; null when it is collapsed or a leaf. */
export function firstChildItem(layout: TreeLayout, id: string): string | null {
  return layout.childrenOf.get(id)?.[0]?.id ?? null;
}

/** Home: the first item (the root). */
export function firstItem(layout: TreeLayout): string | null {
  return layout.nodes[0]?.id ?? null;
}

/** End: the last visible item. */
export function lastItem(layout: TreeLayout): string | null {
  return layout.nodes[layout.nodes.length - 1]?.id ?? null;
}

/**
 * Type-ahead: the next visible item after `fromId` (wrapping) whose label starts with `text`,
 * case-insensitive; null when none does.
 */
export function typeaheadItem(layout: TreeLayout, fromId: string, text: string): string | null {
  const needle = text.toLocaleLowerCase();
  const count = layout.nodes.length;
  if (!needle || !count) return null;
  const start = layout.byId.get(fromId)?.index ?? -1;
  for (let step = 1; step <= count; step++) {
    const n = layout.nodes[(start + step + count) % count]!;
    if (n.node.label.toLocaleLowerCase().startsWith(needle)) return n.id;
  }
  return null;
}

export type TreeKeyAction =
  | { type: 'focus'; id: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  /** Expand these ids (`*`: every sibling of the focused item that has children). */
  | { type: 'expand-all'; ids: string[] };

/**
 * What a key does on the focused item `id` (KeyboardEvent.key), per the tree pattern:
 * - ArrowDown / ArrowUp: next / previous visible item.
 * - ArrowRight: a closed parent opens; an open parent moves to its first child; a leaf does nothing.
 * - ArrowLeft: an open parent closes; otherwise move to the parent.
 * - Home / End: first / last visible item.
 * - Enter / Space (' '): a parent toggles (the issue asks for both; the pattern allows it).
 * - '*': open every sibling that has children.
 * Returns null when the key does nothing here (let it through; don't preventDefault).
 * The arrows keep their tree meaning in both orientations, as screen-reader users expect.
 */
export function treeKeyAction(layout: TreeLayout, id: string, key: string): TreeKeyAction | null {
  const n = layout.byId.get(id);
  if (!n) {
    const first = firstItem(layout);
    return first ? { type: 'focus', id: first } : null;
  }
  const focus = (target: string | null): TreeKeyAction | null =>
    target && target !== id ? { type: 'focus', id: target } : null;
  switch (key) {
    case 'ArrowDown':
      return focus(nextItem(layout, id));
    case 'ArrowUp':
      return focus(previousItem(layout, id));
    case 'ArrowRight':
      if (!n.hasChildren) return null;
      return n.expanded ? focus(firstChildItem(layout, id)) : { type: 'expand', id };
    case 'ArrowLeft':
      return n.expanded ? { type: 'collapse', id } : focus(n.parentId);
    case 'Home':
      return focus(firstItem(layout));
    case 'End':
      return focus(lastItem(layout));
    case 'Enter':
    case ' ':
      if (!n.hasChildren) return null;
      return n.expanded ? { type: 'collapse', id } : { type: 'expand', id };
    case '*': {
      const siblings = n.parentId === null ? [n] : layout.childrenOf.get(n.parentId)!;
      const ids = siblings.filter((s) => s.hasChildren && !s.expanded).map((s) => s.id);
      return ids.length ? { type: 'expand-all', ids } : null;
    }
    default:
      return null;
  }
}
