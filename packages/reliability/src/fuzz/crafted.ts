/**
 * Hostile files crafted from a PyMoDAQ file the savers wrote (a seed): each targets one failure
 * seen in the wild: a hard-link cycle, a huge dataset that stores nothing, thousands of data nodes
 * in one group, a variable-length attribute whose global heap is corrupt. Written through the
 * public h5-lowlevel API, then patched at the byte level where the API cannot express the damage.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { H5File, type H5Dataset, type H5Group } from "@pymodaq-ts/h5-lowlevel";

export interface CraftedFile {
  name: string;
  path: string;
}

/** The first dataset carrying PyMoDAQ's `data_type` attribute, found breadth-first. */
function findDataNode(group: H5Group): { parent: H5Group; node: H5Dataset } | undefined {
  const queue = [group];
  while (queue.length > 0) {
    const g = queue.shift()!;
    for (const child of g.children()) {
      if (child.kind === "group") queue.push(g.openGroup(child.name));
      else if (child.kind === "dataset") {
        const node = g.openDataset(child.name);
        if (node.attrs.has("data_type")) return { parent: g, node };
      }
    }
  }
  return undefined;
}

function copyAttrs(from: H5Dataset, to: H5Dataset | H5Group): void {
  for (const name of from.attrs.names()) {
    const value = from.attrs.get(name);
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean" || ArrayBuffer.isView(value)) {
      to.attrs.set(name, value as never);
    }
  }
}

/** Copies `seed` to `path` and adds data nodes shaped by `shape` next to its first data node. */
function withDataNodes(seed: string, path: string, count: number, shape: number[], chunks: number[]): void {
  copyFileSync(seed, path);
  using file = H5File.open(path, { mode: "r+" });
  const found = findDataNode(file.root);
  if (!found) throw new Error(`${seed}: no data node to copy`);
  const base = found.node.name;
  for (let i = 0; i < count; i++) {
    const ds = found.parent.createDataset(`${base}_${String(i).padStart(5, "0")}`, { dtype: "float64", shape, maxshape: shape, chunks });
    copyAttrs(found.node, ds);
    ds.attrs.set("shape", `(${shape.join(", ")},)`);
  }
}

const U64 = 8;


/**
 * A copy of `seed` whose new group "/loop" is a hard link to "/". The root group's symbol-table
 * entry in the superblock (v0: object header address, cache type and scratch pad at bytes
 * 64..96; the scratch pad holds the root's B-tree address at 80) is copied over the entry of
 * "loop" in the root's symbol node, the first child of that B-tree (a leaf: its first child
 * address is at byte 32). Symbol-node entries are 40 bytes after an 8-byte header, in name order.
 */
function hardLinkCycle(seed: string, path: string): void {
  copyFileSync(seed, path);
  let index: number;
  {
    using file = H5File.open(path, { mode: "r+" });
    file.root.createGroup("loop").attrs.set("CLASS", "GROUP");
    const names = file.root.childNames().map((n) => Buffer.from(n)).sort(Buffer.compare);
    index = names.findIndex((n) => n.toString() === "loop");
  }
  const bytes = readFileSync(path);
  const btree = Number(bytes.readBigUInt64LE(80));
  if (bytes.toString("latin1", btree, btree + 4) !== "TREE") throw new Error("root group B-tree not found");
  const snod = Number(bytes.readBigUInt64LE(btree + 32));
  if (bytes.toString("latin1", snod, snod + 4) !== "SNOD" || index >= bytes.readUInt16LE(snod + 6)) throw new Error("root symbol node not found");
  bytes.copy(bytes, snod + 8 + 40 * index + U64, 64, 96);
  writeFileSync(path, bytes);
}

/** A vlen string attribute, then its global heap collection (GCOL) damaged in one of three ways. */
function corruptGlobalHeap(seed: string, path: string, damage: "collection-size" | "object-size" | "object-index"): void {
  copyFileSync(seed, path);
  {
    using file = H5File.open(path, { mode: "r+" });
    const found = findDataNode(file.root);
    (found?.node ?? file.root).attrs.set("label", "a variable-length label", { storage: "vlen" });
  }
  const bytes = readFileSync(path);
  const gcol = bytes.indexOf("GCOL", 0, "latin1");
  if (gcol < 0) throw new Error("no global heap in the crafted file");
  const firstObject = gcol + 16;
  if (damage === "collection-size") bytes.writeBigUInt64LE(0xfffffffffff0n, gcol + 8);
  else if (damage === "object-size") bytes.writeBigUInt64LE(0x7ffffffffff0n, firstObject + 8);
  else bytes.writeUInt16LE(0xfffe, firstObject);
  writeFileSync(path, bytes);
}

/**
 * Writes every crafted case into `dir`.
 * @param seed a PyMoDAQ file written by the savers (see seeds.ts)
 * @param manyNodes how many data nodes the crowded group gets (2,000 in the full run)
 */
export function writeCrafted(seed: string, dir: string, manyNodes = 2000): CraftedFile[] {
  const out: CraftedFile[] = [];
  const add = (name: string, write: (path: string) => void): void => {
    const path = join(dir, `crafted-${name}.h5`);
    write(path);
    out.push({ name, path });
  };
  add("hard-link-cycle", (p) => hardLinkCycle(seed, p));
  add("huge-empty-dataset", (p) => withDataNodes(seed, p, 1, [2 ** 27], [2 ** 16]));
  add(`crowded-group-${manyNodes}`, (p) => withDataNodes(seed, p, manyNodes, [4], [4]));
  for (const damage of ["collection-size", "object-size", "object-index"] as const) {
    add(`vlen-attr-gheap-${damage}`, (p) => corruptGlobalHeap(seed, p, damage));
  }
  return out;
}
