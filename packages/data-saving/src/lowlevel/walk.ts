/**
 * Tree walks in PyTables order (spec §7.5, fixture fact 24). `walkGroups` yields the group,
 * then all its child groups (by name), then continues from the last pushed group (PyTables'
 * `_f_walk_groups` stack). `walkNodes` yields the start node, then the children of every group
 * of `walkGroups`, each group's children in load order (sub-groups, then arrays, by name).
 */
import { GROUP } from "../nodes/group.js";
import type { Node } from "../nodes/node.js";

/** Groups under (and including) `where`; nothing when `where` is not a group. */
export function* walkGroups(where: Node): Generator<GROUP> {
  if (!(where instanceof GROUP)) return;
  const stack: GROUP[] = [where];
  yield where;
  while (stack.length > 0) {
    const g = stack.pop() as GROUP;
    for (const child of g.children()) {
      if (child instanceof GROUP) {
        stack.push(child);
        yield child;
      }
    }
  }
}

/** `where`, then every node below it, in PyTables walk order. */
export function* walkNodes(where: Node): Generator<Node> {
  yield where;
  for (const g of walkGroups(where)) yield* g.children();
}
