/**
 * `pymodaq-h5 recover FILE.h5`: checks a file left by a process that died while writing it.
 *
 * Files written by these savers need no repair step: a writable file keeps libhdf5's metadata in
 * memory between flushes, so the file on disk is always the last flushed state, and the PyTables
 * profile (superblock version 0) records no "open for writing" flag that `h5clear` would have to
 * clear. `recover` therefore changes nothing: it opens the file read-only, walks every node,
 * reads every array in full and compares each `shape` attribute with its dataset, then reports
 * what it found (how many points a scan holds is for the loaders; this says whether every byte
 * the file references can be read).
 */
import { existsSync } from "node:fs";
import { PyTuple } from "@pymodaq-ts/data-model";
import { H5SaverLowLevel } from "../conventions/h5-saver-lowlevel.js";
import { CARRAY } from "../conventions/nodes/arrays.js";
import { GROUP } from "../conventions/nodes/group.js";
import { VLARRAY } from "../conventions/nodes/vlarray.js";
import { walkNodes } from "../conventions/walk.js";
import type { CliIO } from "./run.js";

/** What `recover` found in a file. */
export interface RecoverReport {
  readonly file: string;
  /** The error met when opening the file, if it could not be opened. */
  readonly openError: string | null;
  readonly groups: number;
  readonly arrays: number;
  /** Elements read back from every array (VLARRAY rows count one each). */
  readonly elementsRead: number;
  /** Scan groups and their `scan_done` attribute (false: the scan was interrupted). */
  readonly scans: readonly { path: string; done: boolean | null }[];
  /** Nodes that could not be read, or whose `shape` attribute differs from their dataset. */
  readonly problems: readonly string[];
}

/** Rows read at once from a large array (keeps the memory of the check bounded). */
const BLOCK_ELEMENTS = 1 << 20;

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function shapeAttr(node: CARRAY | VLARRAY): number[] | null {
  if (!node.attrs.has("shape")) return null;
  const v = node.attrs.get("shape");
  return v instanceof PyTuple ? v.items.map((x) => Number(x)) : null;
}

/** Reads every element of an array, a block of leading rows at a time; returns the element count. */
function readAll(node: CARRAY): number {
  const shape = node.shape;
  if (shape.length === 0) return node.read().size;
  const rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_ELEMENTS / Math.max(1, rowSize)));
  let read = 0;
  for (let start = 0; start < (shape[0] ?? 0); start += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, (shape[0] ?? 0) - start);
    read += node.readSlice([start, ...shape.slice(1).map(() => 0)], [count, ...shape.slice(1)]).size;
  }
  return read;
}

/**
 * Checks `file` (see the module comment): never writes it.
 * @param file the path of an HDF5 file
 * @returns the report; failures are in `openError` and `problems`, never thrown
 */
export function checkWrittenFile(file: string): RecoverReport {
  const problems: string[] = [];
  const scans: { path: string; done: boolean | null }[] = [];
  let groups = 0;
  let arrays = 0;
  let elementsRead = 0;
  let h5: H5SaverLowLevel;
  try {
    h5 = H5SaverLowLevel.openReadOnly(file);
  } catch (e) {
    return { file, openError: message(e), groups, arrays, elementsRead, scans, problems };
  }
  try {
    for (const node of walkNodes(h5.root())) {
      try {
        if (node instanceof GROUP) {
          groups++;
          if (/^Scan\d{3,}$/.test(node.name) && node.attrs.has("scan_done")) {
            const done = node.attrs.get("scan_done");
            scans.push({ path: node.path, done: typeof done === "boolean" ? done : null });
          }
        } else if (node instanceof CARRAY || node instanceof VLARRAY) {
          arrays++;
          const recorded = shapeAttr(node);
          if (recorded !== null && JSON.stringify(recorded) !== JSON.stringify(node.shape)) {
            problems.push(`${node.path}: shape attribute (${recorded.join(", ")}) but the dataset holds (${node.shape.join(", ")})`);
          }
          elementsRead += node instanceof CARRAY ? readAll(node) : node.readRows().length;
        }
      } catch (e) {
        problems.push(`${node.path}: ${message(e)}`);
      }
    }
  } catch (e) {
    problems.push(`walk: ${message(e)}`);
  } finally {
    h5.closeFile();
  }
  return { file, openError: null, groups, arrays, elementsRead, scans, problems };
}

/** Text of a report, one fact per line. */
export function renderRecoverReport(r: RecoverReport): string {
  if (r.openError !== null) return `${r.file}: cannot be opened: ${r.openError}\n`;
  const lines = [
    `${r.file}: opens as it is; no repair step is needed (the file on disk is its last flushed state)`,
    `  ${r.groups} groups, ${r.arrays} arrays, ${r.elementsRead} elements read back`,
  ];
  for (const s of r.scans) lines.push(`  ${s.path}: ${s.done === true ? "scan done" : "scan not done (interrupted: holds the points flushed before)"}`);
  lines.push(r.problems.length === 0 ? "  every node reads back and every shape attribute matches its dataset" : `  ${r.problems.length} problem(s):`);
  for (const p of r.problems) lines.push(`    ${p}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `pymodaq-h5 recover FILE.h5 [--json]`.
 * @returns 0 when the file opens and every node reads back, 1 otherwise.
 */
export function runRecover(file: string, json: boolean, io: CliIO): number {
  if (!existsSync(file)) {
    io.err(`pymodaq-h5: no such file: ${file}\n`);
    return 1;
  }
  const report = checkWrittenFile(file);
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : renderRecoverReport(report));
  return report.openError === null && report.problems.length === 0 ? 0 : 1;
}
