/**
 * Tree walks as PyMoDAQ's backend does them on PyTables (file-format.md §7.5). `walkGroups` is PyTables'
 * `walk_groups`: the group, then all its child groups sorted by name (Python's `sorted`, code
 * point order, whatever the file's own order), then it continues from the last pushed group (a
 * stack). `walkNodes` is PyMoDAQ's `walk_nodes`: the start node, then for every group of
 * `walkGroups` its children in load order (`GROUP.children`: sub-groups, then arrays, each in
 * the group's native order). Links are not followed (`GROUP.children` leaves them out), and a
 * group hard-linked under its own descendant, on which PyTables' walk never ends, is a NodeError.
 */
import { compareNodeNames } from "./layout.js";
import { NodeError } from "../errors.js";
import { GROUP } from "./nodes/group.js";
import type { Node } from "./nodes/node.js";

/**
 * Groups under (and including) `where`; nothing when `where` is not a group.
 * @param listChildren how a group's children are listed (walkNodes passes a memo)
 */
export function* walkGroups(where: Node, listChildren = (g: GROUP): Node[] => g.children()): Generator<GROUP> {
  if (!(where instanceof GROUP)) return;
  const stack: { group: GROUP; ancestors: Ancestors }[] = [{ group: where, ancestors: descend(null, where) }];
  yield where;
  while (stack.length > 0) {
    const { group, ancestors } = stack.pop()!;
    const groups = listChildren(group).filter((c): c is GROUP => c instanceof GROUP);
    for (const child of groups.sort((a, b) => compareNodeNames(a.name, b.name))) {
      stack.push({ group: child, ancestors: descend(ancestors, child) });
      yield child;
    }
  }
}

/** The groups from a walk's start down to a group: object identity and path, innermost first. */
export interface Ancestors {
  /** The storage's object identity (null when it has none: no hard-link cycles there). */
  readonly id: string | null;
  readonly path: string;
  readonly parent: Ancestors | null;
}

/** The path of the group among `ancestors` that is the object `id` again, or null. */
export function repeatedAncestor(ancestors: Ancestors | null, id: string | null): string | null {
  if (id === null) return null;
  for (let a = ancestors; a !== null; a = a.parent) if (a.id === id) return a.path;
  return null;
}

/**
 * The chain of `group` below `ancestors`.
 * @throws NodeError when `group` is one of its ancestors reached again through a hard link (a
 *   walk into it would never end)
 */
export function descend(ancestors: Ancestors | null, group: GROUP): Ancestors {
  const id = group.objectId();
  const again = repeatedAncestor(ancestors, id);
  if (again !== null) {
    throw new NodeError(group.path, "a group that is not one of its own ancestors", {
      detail: `it is ${again} again (a hard-link cycle): the walk stops here rather than loop`,
    });
  }
  return { id, path: group.path, parent: ancestors };
}

/** `where`, then every node below it, in PyMoDAQ's walk order; each group is listed once. */
export function* walkNodes(where: Node): Generator<Node> {
  yield where;
  // walkGroups lists a group when it pops it, after its children were yielded here: share the list
  const listed = new Map<GROUP, Node[]>();
  const listChildren = (g: GROUP): Node[] => {
    let children = listed.get(g);
    if (children === undefined) listed.set(g, (children = g.children()));
    return children;
  };
  for (const g of walkGroups(where, listChildren)) yield* listChildren(g);
}
