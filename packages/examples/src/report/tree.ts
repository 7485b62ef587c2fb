/**
 * A PyMoDAQ file's tree as text: one line per node, indented by depth, with what a person needs
 * to find the data (class, dtype, shape, TITLE, `type` of groups, `data_type` of arrays).
 *
 * @example
 * using loader = new DataLoader("scan.h5");
 * for (const line of treeLines(loader)) console.log(line);
 * //   Scan000/  "scan2d"  type=scan
 * //     Detector000/  "spectrometer"  type=detector
 */
import { CARRAY, GROUP, VLARRAY, type DataLoader, type Node } from "@pymodaq-ts/data-saving";

/** The `data_type` values of nodes {@link dataNodePaths} lists (axes and error bars go with their data). */
export const DATA_NODE_TYPES: readonly string[] = ["data", "data_enlargeable", "bkg"];

/** An attribute as text, or undefined when absent or not decodable. */
function attrText(node: Node, name: string): string | undefined {
  try {
    if (!node.attrs.has(name)) return undefined;
    const v = node.attrs.get(name);
    return typeof v === "string" ? v : String(v);
  } catch {
    return undefined; // an attribute this reader cannot decode is left out of a summary line
  }
}

/** One line describing `node` (without indentation). */
export function nodeLine(node: Node): string {
  const title = attrText(node, "TITLE");
  const parts: string[] = [];
  if (node.nodeClass === "GROUP") {
    parts.push(node.path === "/" ? "/" : `${node.name}/`);
  } else if (node instanceof CARRAY || node instanceof VLARRAY) {
    parts.push(node.name, `${node.nodeClass} ${node.dtype} (${node.shape.join(", ")}${node.shape.length === 1 ? "," : ""})`);
  } else {
    parts.push(node.name, node.nodeClass);
  }
  if (title !== undefined && title !== "") parts.push(JSON.stringify(title));
  for (const key of ["type", "data_type"]) {
    const v = attrText(node, key);
    if (v !== undefined && v !== "") parts.push(`${key}=${v}`);
  }
  return parts.join("  ");
}

/**
 * The tree under `where`, depth first (each group followed by its children in load order:
 * sub-groups, then arrays, as `GROUP.children` lists them), indented two spaces per level.
 * @param loader an open loader
 * @param where the starting node (default the root)
 * @throws the loader's NodeError when `where` does not exist
 */
export function treeLines(loader: DataLoader, where = "/"): string[] {
  return [...depthFirst(loader.getNode(where), 0)].map(({ node, level }) => `${"  ".repeat(level)}${nodeLine(node)}`);
}

/**
 * Every node under `node` (itself first), each group followed by its children, with its depth.
 * A group met again inside itself (a hard-link cycle in a crafted file) is listed, not entered.
 */
function* depthFirst(node: Node, level: number, inside: ReadonlySet<string> = new Set()): Generator<{ node: Node; level: number }> {
  yield { node, level };
  if (!(node instanceof GROUP)) return;
  const id = node.objectId();
  if (id !== null && inside.has(id)) return;
  const path = id === null ? inside : new Set([...inside, id]);
  for (const child of node.children()) yield* depthFirst(child, level + 1, path);
}

/**
 * The paths of the data nodes under `where` (those whose `data_type` is in {@link DATA_NODE_TYPES}),
 * in the order of {@link treeLines}.
 * @param loader an open loader
 * @param where the starting node (default the root)
 * @throws the loader's NodeError when `where` does not exist
 */
export function dataNodePaths(loader: DataLoader, where = "/"): string[] {
  return [...depthFirst(loader.getNode(where), 0)]
    .filter(({ node }) => node.nodeClass !== "GROUP" && DATA_NODE_TYPES.includes(attrText(node, "data_type") ?? ""))
    .map(({ node }) => node.path);
}
