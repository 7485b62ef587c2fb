// Validation before reading, run in a child per file (plain JavaScript: no TypeScript loader to
// start for each of thousands of files). Opens FILE read-only through h5-lowlevel and walks it:
// every group (depth and node count bounded, since h5-lowlevel exposes no object identity to
// detect hard-link cycles), every attribute read, every dataset's type and shape. Prints
// "invalid: ..." and exits 1 on the first failure.
import process from "node:process";
import { H5File } from "@pymodaq-ts/h5-lowlevel";

const MAX_DEPTH = 32;
const MAX_NODES = 100_000;
const file = process.argv[2];
let nodes = 0;

function visitAttrs(node) {
  for (const name of node.attrs.names()) node.attrs.getRaw(name);
}

function visit(group, depth) {
  if (depth > MAX_DEPTH) throw new Error(`groups nested deeper than ${MAX_DEPTH} (a hard-link cycle?) at ${group.path}`);
  visitAttrs(group);
  for (const child of group.children()) {
    if (++nodes > MAX_NODES) throw new Error(`more than ${MAX_NODES} nodes`);
    if (child.kind === "group") visit(group.openGroup(child.name), depth + 1);
    else if (child.kind === "dataset") {
      const ds = group.openDataset(child.name);
      ds.shape();
      visitAttrs(ds);
    }
  }
}

try {
  const f = H5File.open(file);
  visit(f.root, 0);
  f.close();
} catch (e) {
  process.stderr.write(`invalid: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
