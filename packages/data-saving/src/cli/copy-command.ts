/**
 * `pymodaq-h5 export hsds:/DOMAIN.h5 FILE.h5` and `pymodaq-h5 import FILE.h5 hsds:/DOMAIN.h5`:
 * copy between an HSDS domain and a local file (the destination is replaced).
 */
import { copyBetween } from "./copy.js";
import type { CliIO } from "./run.js";
import { targetOf } from "./targets.js";

/**
 * Copies `from` into `to`.
 * @returns the exit status: 0 on success, 1 when the source is missing.
 * @throws the storage's typed errors (HsdsError with the status and HSDS's message).
 */
export function runCopy(from: string, to: string, io: CliIO): number {
  const source = targetOf(from);
  const dest = targetOf(to);
  if (!source.exists()) {
    io.err(`pymodaq-h5: no such ${source.path === from ? "file" : "domain"}: ${from}\n`);
    return 1;
  }
  const counts = copyBetween(source.storage, source.path, dest.storage, dest.path);
  io.out(`copied ${from} to ${to}: ${counts.groups} groups, ${counts.arrays} arrays, ${counts.vlens} VLARRAYs, ${counts.attributes} attributes\n`);
  return 0;
}
