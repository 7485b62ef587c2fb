/** Reading back what children/writer.mjs wrote: how many rows hold their expected values. */
import { H5File } from "@pymodaq-ts/h5-lowlevel";

export interface RowsRead {
  /** Whether the file opens at all. */
  opens: boolean;
  /** Rows stored with the right values (row i all equal to i), counted from the start. */
  intact: number;
  /** Why it did not open or read, when it did not. */
  error?: string;
}

export function readRows(path: string): RowsRead {
  try {
    using file = H5File.open(path);
    const ds = file.root.openDataset("rows");
    const rows = ds.shape()[0]!;
    const data = ds.read() as Float64Array;
    let intact = 0;
    while (intact < rows && data.subarray(intact * 1024, (intact + 1) * 1024).every((v) => v === intact)) intact++;
    return { opens: true, intact };
  } catch (e) {
    return { opens: false, intact: 0, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The writer's JSON report (its last stdout line). */
export interface WriterReport {
  written: number;
  flushed: number;
  write?: { h5: boolean; name: string; errno?: number; message: string };
  close?: { h5: boolean; name: string; errno?: number; message: string };
}

export function writerReport(stdout: string): WriterReport {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as WriterReport;
}
