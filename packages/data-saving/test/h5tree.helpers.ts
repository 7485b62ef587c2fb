/**
 * A whole HDF5 file as one comparable value, read with h5-lowlevel (not through the code under
 * test): every group and dataset in name order, every attribute raw (type, dataspace and stored
 * value), every dataset's dtype, shape, layout, chunks, filters and full content.
 */
import { H5File, type H5GroupLike } from "@pymodaq-ts/h5-lowlevel";

type Tree = Record<string, unknown>;

function attrsOf(node: { attrs: { names(): string[]; getRaw(name: string): unknown } }): Record<string, unknown> {
  return Object.fromEntries(node.attrs.names().map((n) => [n, node.attrs.getRaw(n)]));
}

function walk(group: H5GroupLike, out: Tree): void {
  out[group.path] = { kind: "group", attrs: attrsOf(group) };
  for (const child of group.children()) {
    if (child.kind === "group") {
      walk(group.openGroup(child.name), out);
      continue;
    }
    const ds = group.openDataset(child.name);
    const common = { kind: ds.kind, shape: ds.shape(), maxshape: ds.maxshape(), chunks: ds.chunks(), layout: ds.layout(), filters: ds.filters(), attrs: attrsOf(ds) };
    const data = ds.kind === "vlen-uint8" ? group.openVlen(child.name).read() : ds.read();
    out[ds.path] = { ...common, data };
  }
}

/** The tree of the file at `path`. */
export function fileTree(path: string): Tree {
  const file = H5File.open(path, { mode: "r" });
  try {
    const out: Tree = {};
    walk(file.root, out);
    return out;
  } finally {
    file.close();
  }
}
