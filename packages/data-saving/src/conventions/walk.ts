/**
 * Tree walks as PyMoDAQ's backend does them on PyTables (spec §7.5). `walkGroups` is PyTables'
 * `walk_groups`: the group, then all its child groups sorted by name (Python's `sorted`, code
 * point order, whatever the file's own order), then it continues from the last pushed group (a
 * stack). `walkNodes` is PyMoDAQ's `walk_nodes`: the start node, then for every group of
 * `walkGroups` its children in load order (`GROUP.children`: sub-groups, then arrays, each in
 * the group's native order).
 */
import { compareNodeNames } from "./layout.js";
import { GROUP } from "./nodes/group.js";
import type { Node } from "./nodes/node.js";

/**
 * Groups under (and including) `where`; nothing when `where` is not a group.
 * @param listChildren how a group's children are listed (walkNodes passes a memo)
 */
export function* walkGroups(where: Node, listChildren = (g: GROUP): Node[] => g.children()): Generator<GROUP> {
  if (!(where instanceof GROUP)) return;
  const stack: GROUP[] = [where];
  yield where;
  while (stack.length > 0) {
    const g = stack.pop() as GROUP;
    const groups = listChildren(g).filter((c): c is GROUP => c instanceof GROUP);
    for (const child of groups.sort((a, b) => compareNodeNames(a.name, b.name))) {
      stack.push(child);
      yield child;
    }
  }
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
