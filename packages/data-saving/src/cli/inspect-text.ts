/**
 * The readable form of `pymodaq-h5 inspect` (without `--json`): an indented tree of the file with
 * each node's kind, shape, dtype, main attributes and a one-line summary of its loads.
 */
import { compareNodeNames } from "../conventions/layout.js";
import type { CanonicalDocument } from "../tools/canonical/inspect.js";
import type { Json, TreeEntry } from "../tools/canonical/tree.js";

/** Attributes worth showing on one line, in this order. */
const MAIN_ATTRS = ["type", "data_type", "data_dimension", "label", "units", "distribution", "nav_indexes", "index", "size"];

function short(value: Json): string {
  if (typeof value === "string") return value.length > 40 ? `${JSON.stringify(value.slice(0, 37))}...` : JSON.stringify(value);
  if (Array.isArray(value)) return `(${value.map(short).join(", ")}${value.length === 1 ? "," : ""})`;
  return JSON.stringify(value);
}

/** A shape as Python prints a tuple: `(4,)`, `(2, 3)`. */
function tupleText(shape: readonly Json[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}

function obj(value: Json | undefined): Record<string, Json> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

function kindLabel(entry: TreeEntry): string {
  if (entry.kind === "group") return "group";
  return typeof entry.CLASS === "string" && entry.CLASS !== "" ? entry.CLASS : entry.kind;
}

function entryLine(name: string, entry: TreeEntry): string {
  const parts = [`${name} [${kindLabel(entry)}]`];
  if (entry.target !== undefined) parts.push(`-> ${entry.file === undefined ? "" : `${entry.file}:`}${entry.target}`);
  if (entry.cycle !== undefined) parts.push(`(hard link to ${entry.cycle}: a cycle, not entered)`);
  if (typeof entry.TITLE === "string" && entry.TITLE !== "") parts.push(JSON.stringify(entry.TITLE));
  if (entry.shape !== undefined) parts.push(`${entry.dtype ?? "?"} ${tupleText(entry.shape)}`);
  for (const a of MAIN_ATTRS) {
    if (a in entry.attrs && !(a === "type" && entry.kind === "dataset" && entry.attrs["data_type"] === "strings")) {
      parts.push(`${a}=${short(entry.attrs[a]!)}`);
    }
  }
  if (entry.strings !== undefined) parts.push(`${entry.strings.length} message(s)`);
  return parts.join("  ");
}

/** One line describing a load result (a DWA summary or the error). */
export function loadSummary(load: Json | undefined): string {
  const o = obj(load);
  if (o === null) return "-";
  if (typeof o["error"] === "string") return `error: ${o["error"]}`;
  const shape = Array.isArray(o["shape"]) ? tupleText(o["shape"] as Json[]) : "?";
  const axes = Array.isArray(o["axes"])
    ? (o["axes"] as Json[]).map((a) => {
        const ax = obj(a);
        const label = typeof ax?.["label"] === "string" && ax["label"] !== "" ? ax["label"] : "''";
        return typeof ax?.["units"] === "string" && ax["units"] !== "" ? `${label}[${ax["units"]}]` : label;
      }).join(", ")
    : "";
  const errors = o["errors"] === null ? "" : ", errors";
  return `${String(o["dim"])} ${String(o["distribution"])} ${shape} x${String(o["length"])} ${o["dtype"] === null ? "" : String(o["dtype"])}` +
    `${axes === "" ? "" : `, axes ${axes}`}${errors}`;
}

function childrenOf(tree: Record<string, TreeEntry>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const path of Object.keys(tree)) {
    if (path === "/") continue;
    const i = path.lastIndexOf("/");
    const parent = i <= 0 ? "/" : path.slice(0, i);
    const list = out.get(parent) ?? [];
    list.push(path);
    out.set(parent, list);
  }
  // Sub-groups first, then datasets, each by name: a display order that does not depend on how
  // the file stores its groups (the loader's order follows the file, see GROUP.children).
  for (const list of out.values()) {
    list.sort((a, b) => {
      const ga = tree[a]!.kind === "group" ? 0 : 1;
      const gb = tree[b]!.kind === "group" ? 0 : 1;
      return ga - gb || compareNodeNames(a, b);
    });
  }
  return out;
}

/**
 * Renders the document as indented text.
 * @param doc the canonical document of a file.
 */
export function renderInspectText(doc: CanonicalDocument): string {
  const lines: string[] = [`${doc.file}`];
  if (doc.fatal_error !== undefined) {
    lines.push(`  cannot read the file: ${doc.fatal_error}`);
    return lines.join("\n");
  }
  const children = childrenOf(doc.tree);
  const visit = (path: string, depth: number): void => {
    const entry = doc.tree[path]!;
    const name = path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1);
    const pad = "  ".repeat(depth);
    lines.push(pad + entryLine(name, entry));
    const loads = doc.nodes[path];
    if (loads !== undefined) {
      for (const key of ["load", "load_all", "load_bkg", "load_all_bkg"]) {
        if (key in loads) lines.push(`${pad}    ${key}: ${loadSummary(loads[key])}`);
      }
    }
    for (const child of children.get(path) ?? []) visit(child, depth + 1);
  };
  if (doc.tree["/"] !== undefined) visit("/", 0);
  for (const key of ["load_all_root", "load_all_root_bkg"] as const) {
    const root = obj(doc[key]);
    if (root === null) continue;
    if (typeof root["error"] === "string") lines.push(`${key}: error: ${root["error"]}`);
    else lines.push(`${key}: ${Array.isArray(root["names"]) ? (root["names"] as Json[]).map((n) => JSON.stringify(n)).join(", ") : ""}`);
  }
  return lines.join("\n");
}
