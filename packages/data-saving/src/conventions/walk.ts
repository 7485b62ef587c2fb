/**
 * Tree walks in PyTables order (spec §7.5, fixture fact 24). `walkGroups` yields the group,
 * then all its child groups (by name), then continues from the last pushed group (PyTables'
 * `_f_walk_groups` stack). `walkNodes` yields the start node, then the children of every group
 * of `walkGroups`, each group's children in load order (sub-groups, then arrays, by name).
 */
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
    for (const child of listChildren(g)) {
      if (child instanceof GROUP) {
        stack.push(child);
        yield child;
      }
    }
  }
}

/** `where`, then every node below it, in PyTables walk order; each group is listed once. */
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
