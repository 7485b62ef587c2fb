/**
 * The array nodes a saver appends to or writes into at every call (`EnlData00`, `Data01`,
 * `NavAxes/Axis00`...), resolved once per group and kept while the file stays open, so that an
 * append or a scan point costs no look-up by name (STYLE habit 7: no per-write tree work).
 */
import { NodeError } from "../errors.js";
import { pathOf, type Where } from "../conventions/h5-backend.js";
import type { Node } from "../conventions/nodes/node.js";

export class NodeListCache<T extends Node> {
  private readonly byWhere = new Map<string, T[]>();

  /**
   * @param lookUp the node of index `i` in `where` (e.g. `getNodeFromIndex`)
   * @param accept the node class expected (e.g. EARRAY)
   * @param expected what a wrong node should have been, for the NodeError message
   */
  constructor(
    private readonly lookUp: (where: Where, index: number) => Node,
    private readonly accept: new (...args: never[]) => T,
    private readonly expected: string,
  ) {}

  /** The first `count` nodes of `where` when they are already known, else null. */
  cached(where: Where, count: number): T[] | null {
    const hit = this.byWhere.get(pathOf(where));
    if (hit === undefined || hit.length < count) return null;
    return hit.length === 0 || hit[0]?.session.isOpen === true ? hit : null;
  }

  /**
   * The nodes of index 0 to `count - 1` in `where`, looked up (and remembered) when needed.
   * @throws NodeError when one is missing or is not of the expected class
   */
  get(where: Where, count: number): T[] {
    const hit = this.cached(where, count);
    if (hit !== null) return hit;
    const nodes: T[] = [];
    for (let i = 0; i < count; i++) {
      const node = this.lookUp(where, i);
      if (!(node instanceof this.accept)) throw new NodeError(node.path, this.expected);
      nodes.push(node);
    }
    this.byWhere.set(pathOf(where), nodes);
    return nodes;
  }
}
