// The asynchronous loads of a file against the synchronous ones, run in a child per file (plain
// JavaScript, as validate-child.mjs). The file is opened twice, by `DataLoader.open` (on the
// libuv pool) and by the constructor; for every data node, `loadDataAsync` is compared with
// `loadData`, and each slab of a `navSlabs` stream over its first navigation dimension (with
// `reuse`, reading ahead) with `loadData` of that window; then `loadAllAsync('/RawData')` with
// `loadAll`. Each result is compared as its canonical JSON (the inspector's: shapes, values by
// hash), each failure as its error's text. A difference exits with status 2 and
// "async and sync differ: ..."; typed errors (data-saving's or data-model's) the two paths
// agree on end the run with "cannot read FILE: ..." and exit status 1, once every load has run.
// Anything else (another exception, a rejection nobody handled, a promise that never settles:
// Node's exit 13 on an unsettled top-level await) reaches stderr with its stack: an untyped error.
import process from "node:process";
import { isDataModelError, Slice } from "@pymodaq-ts/data-model";
import { DataLoader, isDataSavingError, pythonErrorText } from "@pymodaq-ts/data-saving";
import { canonicalDte, canonicalDwa, canonicalTreeOf, stringifyCanonical } from "@pymodaq-ts/data-saving/tools";

const file = process.argv[2];
/** Slabs streamed per node at the most: enough to pass the reads ahead and reuse their buffers. */
const MAX_SLABS = 8;
const RAW = "/RawData";

process.on("unhandledRejection", (e) => {
  process.stderr.write(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});

/** The typed errors of a load: data-saving's, and data-model's (an empty axis is an IndexError, as in PyMoDAQ). */
const isTyped = (e) => isDataSavingError(e) || isDataModelError(e);

/** An axis node's load is stamped with the time of the load (as PyMoDAQ's): its timestamp is left out. */
const dwaText = (withTimestamp) => (dwa) => stringifyCanonical(canonicalDwa(dwa, { withTimestamp }));
const dteText = (dte) => stringifyCanonical(canonicalDte(dte));

/** What a load gave: `{ value, text }`, text being the result's canonical JSON or the typed error's text. */
async function settle(load, text) {
  try {
    const value = await load();
    return { value, text: text(value) };
  } catch (e) {
    if (!isTyped(e)) throw e;
    // A storage error names the storage call that failed: `readAsync` on the asynchronous path.
    return { value: null, text: `error ${pythonErrorText(e).replace(": readAsync failed: ", ": read failed: ")}` };
  }
}

const failures = [];

/** Exits (status 2) when the two paths disagree on `what`; a failure they agree on is kept for the report. */
function check(what, syncText, asyncText) {
  if (syncText !== asyncText) {
    process.stderr.write(`async and sync differ: ${what} of ${file}\n  sync:  ${syncText.slice(0, 400)}\n  async: ${asyncText.slice(0, 400)}\n`);
    process.exit(2);
  }
  if (syncText.startsWith("error ")) failures.push(`${what}: ${syncText.slice("error ".length)}`);
}

/** Runs both loads one after the other and checks that they agree; the synchronous result, or null. */
async function agree(what, sync, async, text) {
  const a = await settle(sync, text);
  const b = await settle(async, text);
  check(what, a.text, b.text);
  return a.value;
}

/** Each slab of the stream against the synchronous load of its window. */
async function stream(syncLoader, asyncLoader, path, text) {
  let slabs = 0;
  try {
    for await (const { start, stop, data } of asyncLoader.navSlabs(path, { slabSize: 1, readAhead: 2, reuse: true })) {
      const asyncText = text(data); // before the next slab reuses the buffers
      const sync = await settle(() => syncLoader.loadData(path, { nav: [Slice.of(start, stop)] }), text);
      check(`navSlabs ${path} [${start}, ${stop})`, sync.text, asyncText);
      if (++slabs >= MAX_SLABS) break;
    }
  } catch (e) {
    if (!isTyped(e)) throw e;
    failures.push(`navSlabs ${path}: ${pythonErrorText(e)}`);
  }
}

/**
 * The data nodes (datasets with a `data_type` other than strings) and whether there is a
 * /RawData group, from the inspector's walk of the tree, which lists an object it cannot read
 * and goes on (each such object is a failure).
 */
function dataNodes(loader) {
  const errors = [];
  let tree = {};
  try {
    tree = canonicalTreeOf(loader.h5saver.h5File.root, errors, loader.maxLoadBytes);
  } catch (e) {
    if (!isTyped(e)) throw e;
    errors.push(pythonErrorText(e));
  }
  for (const e of errors) failures.push(`tree: ${e}`);
  const nodes = Object.entries(tree)
    .filter(([, entry]) => entry.kind === "dataset" && entry.attrs.data_type !== undefined && entry.attrs.data_type !== "strings")
    .map(([path, entry]) => ({ path, dataType: entry.attrs.data_type }));
  return { nodes, raw: tree[RAW]?.kind === "group" };
}

async function main() {
  const opened = () => "open";
  const { value: syncLoader, text: syncOpen } = await settle(() => new DataLoader(file), opened);
  const { value: asyncLoader, text: asyncOpen } = await settle(() => DataLoader.open(file), opened);
  if (syncLoader === null || asyncLoader === null) {
    syncLoader?.closeFile();
    await asyncLoader?.closeFileAsync();
    return check("open", syncOpen, asyncOpen);
  }
  try {
    const { nodes, raw } = dataNodes(syncLoader);
    for (const { path, dataType } of nodes) {
      const text = dwaText(dataType !== "axis");
      const dwa = await agree(`loadData ${path}`, () => syncLoader.loadData(path), () => asyncLoader.loadDataAsync(path), text);
      if (dwa !== null && dwa.navIndexes.length > 0) await stream(syncLoader, asyncLoader, path, text);
    }
    if (raw) await agree(`loadAll ${RAW}`, () => syncLoader.loadAll(RAW), () => asyncLoader.loadAllAsync(RAW), dteText);
  } finally {
    syncLoader.closeFile();
    await asyncLoader.closeFileAsync();
  }
}

await main();
if (failures.length > 0) {
  process.stderr.write(`cannot read ${file}: ${failures.length} load(s) failed, the first: ${failures[0]}\n`);
  process.exitCode = 1;
}
