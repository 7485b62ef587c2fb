/**
 * Next-index counters (file-format.md §3.1, Q9; STYLE habit 7). The index of a new `Data`/`Axis`/`Bkg`/...
 * node in group G is the number of nodes of that `data_type` in G's whole subtree. The counts of
 * a group are computed once, from one walk, the first time they are needed; afterwards every
 * node created through the saver increments the counts of its group and of every ancestor whose
 * counts are known. No walk per write.
 */
import { ATTR } from "./layout.js";
import { parentPathOf } from "./nodes/node.js";
import type { GROUP } from "./nodes/group.js";
import { walkNodes } from "./walk.js";

export class NodeCounters {
  private readonly counts = new Map<string, Map<string, number>>();
  private removalsSeen = 0;

  /** Number of nodes whose `data_type` is `dataTypeName` in `group`'s subtree. */
  count(group: GROUP, dataTypeName: string): number {
    if (group.session.removals !== this.removalsSeen) {
      // nodes were removed since the counts were taken: count again
      this.counts.clear();
      this.removalsSeen = group.session.removals;
    }
    let c = this.counts.get(group.path);
    if (c === undefined) {
      c = new Map();
      for (const node of walkNodes(group)) {
        if (!node.attrs.has(ATTR.data_type)) continue;
        const t = node.attrs.get(ATTR.data_type);
        if (typeof t === "string") c.set(t, (c.get(t) ?? 0) + 1);
      }
      this.counts.set(group.path, c);
    }
    return c.get(dataTypeName) ?? 0;
  }

  /** Records a new node of `dataTypeName` created in the group at `groupPath`. */
  increment(groupPath: string, dataTypeName: string): void {
    for (let p: string | null = groupPath; p !== null; p = parentPathOf(p)) {
      const c = this.counts.get(p);
      if (c !== undefined) c.set(dataTypeName, (c.get(dataTypeName) ?? 0) + 1);
    }
  }

  /** Forgets every count (after removals or writes that bypassed the saver). */
  reset(): void {
    this.counts.clear();
  }
}
