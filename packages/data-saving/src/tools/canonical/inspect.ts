/**
 * The canonical inspector: the canonical load JSON (`pymodaq-canonical-load`, version 1,
 * fixtures/pymodaq/README.md) of any PyMoDAQ file: its tree, the loads of every data node
 * (`load`, `load_all`, and with backgrounds when there are some), and `load_all('/RawData')`.
 * A failing load is recorded as `{"error": "IndexError: ..."}`, as the reference does.
 *
 * @example
 * const doc = inspectFile("scan.h5");
 * stringifyCanonical(doc);   // the text `pymodaq-h5 inspect --json` prints
 */
import { basename } from "node:path";
import { captureWarnings, DataToExport } from "@pymodaq-ts/data-model";
import { FileStateError, pythonErrorText } from "../../errors.js";
import { DEFAULT_RAW_GROUP_NAME } from "../../conventions/layout.js";
import { canonicalDte, canonicalDwa } from "./dwa.js";
import { canonicalTreeOf, type CanonicalTree, type Json } from "./tree.js";
import { DataLoader, type DataLoaderOptions } from "../../loader/data-loader.js";
import { readMemoOf, sharingReads } from "../../loader/read-memo.js";

/** The canonical load JSON document. */
export interface CanonicalDocument {
  format: "pymodaq-canonical-load";
  format_version: 1;
  file: string;
  loader_backend: string;
  generator: Json;
  tree: CanonicalTree;
  nodes: Record<string, Record<string, Json>>;
  load_all_root?: Json;
  load_all_root_bkg?: Json;
  fatal_error?: string;
  /** Objects of the tree that could not be read (each names its path). */
  file_errors?: string[];
}

/** Runs one load: its JSON (with the model warnings it emitted as diagnostics) or `{error}`. */
function attempt(fn: () => Json): Json {
  let warnings: string[] = [];
  try {
    const captured = captureWarnings(fn);
    warnings = captured.warnings.map((w) => w.toString());
    const out = captured.result;
    if (warnings.length > 0 && out !== null && typeof out === "object" && !Array.isArray(out)) {
      return { ...out, diagnostics: { warnings } };
    }
    return out;
  } catch (e) {
    return { error: pythonErrorText(e) };
  }
}

function parentPath(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** The groups that hold, strictly under them, a dataset with `data_type == 'bkg'`. */
function groupsWithBkg(tree: CanonicalTree): Set<string> {
  const out = new Set<string>();
  for (const [path, entry] of Object.entries(tree)) {
    if (entry.kind !== "dataset" || entry.attrs["data_type"] !== "bkg") continue;
    for (let p = parentPath(path); !out.has(p); p = parentPath(p)) {
      out.add(p);
      if (p === "/") break;
    }
  }
  return out;
}

/**
 * The loads of one data node. A `loadAll` load depends only on the node's parent group, its
 * data_type and withBkg (the metadata comes from the group's first node), so it runs once per
 * group and is shared by the group's nodes (`loadAlls`): the inspector's work stays linear in the
 * number of nodes.
 */
function nodeLoads(loader: DataLoader, path: string, dataType: Json, withBkgGroups: Set<string>, loadAlls: Map<string, Json>): Record<string, Json> {
  const withTimestamp = dataType !== "axis";
  const out: Record<string, Json> = { data_type: dataType };
  const loadAll = (withBkg: boolean): Json => {
    const key = JSON.stringify([parentPath(path), dataType, withBkg]);
    let result = loadAlls.get(key);
    if (result === undefined) {
      result = attempt(() => canonicalDwa(loader.loadData(path, { withBkg, loadAll: true }), { withTimestamp }));
      loadAlls.set(key, result);
    }
    return result;
  };
  out["load"] = attempt(() => canonicalDwa(loader.loadData(path), { withTimestamp }));
  out["load_all"] = loadAll(false);
  if ((dataType === "data" || dataType === "data_enlargeable") && withBkgGroups.has(parentPath(path))) {
    out["load_bkg"] = attempt(() => canonicalDwa(loader.loadData(path, { withBkg: true }), { withTimestamp }));
    out["load_all_bkg"] = loadAll(true);
  }
  return out;
}

function rootLoad(loader: DataLoader, tree: CanonicalTree, withBkg: boolean): Json {
  const raw = `/${DEFAULT_RAW_GROUP_NAME}`;
  if (tree[raw]?.kind !== "group") return { error: `NodeError: ${raw}: expected a group` };
  return attempt(() => canonicalDte(loader.loadAll(raw, new DataToExport("All"), { withBkg })));
}

/** Builds the document from an open loader (the tree, then every load). */
export function inspectLoader(loader: DataLoader, fileName: string): CanonicalDocument {
  const file = loader.h5saver.h5File;
  if (file === null) throw new FileStateError("inspect: the loader's file is not open");
  const build = (): CanonicalDocument => {
    const fileErrors: string[] = [];
    const memo = readMemoOf(loader);
    const tree = canonicalTreeOf(file.root, fileErrors, loader.maxLoadBytes, memo === null ? undefined : (path, array) => memo.keep(path, array));
    const doc: CanonicalDocument = {
      format: "pymodaq-canonical-load",
      format_version: 1,
      file: fileName,
      loader_backend: "pymodaq-ts",
      generator: { tool: "pymodaq-h5 inspect" },
      tree,
      nodes: {},
    };
    if (fileErrors.length > 0) doc.file_errors = fileErrors;
    const withBkgGroups = groupsWithBkg(tree);
    const loadAlls = new Map<string, Json>();
    for (const [path, entry] of Object.entries(tree)) {
      const dataType = entry.attrs["data_type"];
      if (entry.kind !== "dataset" || dataType === undefined || dataType === "strings") continue;
      doc.nodes[path] = nodeLoads(loader, path, dataType, withBkgGroups, loadAlls);
    }
    doc.load_all_root = rootLoad(loader, tree, false);
    if (withBkgGroups.has(`/${DEFAULT_RAW_GROUP_NAME}`)) doc.load_all_root_bkg = rootLoad(loader, tree, true);
    return doc;
  };
  // The tree reads every array and the loads read each several ways. On a remote storage (HSDS,
  // a request per read) each is read once, up to one load's budget kept in memory; local files
  // are read again from the page cache, which costs no more than copying what was kept.
  return loader.h5saver.storage.remote === true ? sharingReads(loader, loader.maxLoadBytes, build) : build();
}

/**
 * The canonical load JSON of the PyMoDAQ file at `path`, opened read-only. A file that cannot
 * be opened gives a document with `fatal_error` and an empty tree.
 * @param options the loader's options (`maxLoadBytes`: the memory budget of each load and of each
 *   dataset the tree reads)
 */
export function inspectFile(path: string, options: DataLoaderOptions = {}): CanonicalDocument {
  let loader: DataLoader;
  try {
    loader = new DataLoader(path, options);
  } catch (e) {
    return {
      format: "pymodaq-canonical-load", format_version: 1, file: basename(path), loader_backend: "pymodaq-ts",
      generator: { tool: "pymodaq-h5 inspect" }, tree: {}, nodes: {}, fatal_error: pythonErrorText(e),
    };
  }
  try {
    return inspectLoader(loader, basename(path));
  } finally {
    loader.closeFile();
  }
}
