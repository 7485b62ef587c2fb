/**
 * I/O errors while writing: the disk fills up (a 2 MiB tmpfs, mounted in a private user and
 * mount namespace with `unshare`, so no root is needed) and the file-size limit is reached
 * (`ulimit -f`, RLIMIT_FSIZE; Node ignores SIGXFSZ, so the write fails with EFBIG). A writer in a
 * child appends and flushes until it fails; the checks: a typed error naming the file with the
 * system error, the process running on and exiting without a signal, the close reporting the same
 * cause, and whether the rows flushed before the failure read back.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { WRITER } from "./children.js";
import type { Check, ModuleReport, ReliabilityModule } from "./module.js";
import { readRows, writerReport } from "./rows.js";

export interface IoErrorScenario {
  name: string;
  errno: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The path the writer wrote (inside the tmpfs for disk full). */
  writtenAs: string;
  /** Where the file can be read afterwards. */
  copy: string;
}

const ROWS = "100000";
const FLUSH_EVERY = "10";

/** Disk full: the writer runs on a 2 MiB tmpfs; the file is copied out before the namespace ends. */
export function diskFull(dir: string): IoErrorScenario {
  const copy = join(dir, "disk-full.h5");
  const mount = join(dir, "tmpfs");
  mkdirSync(mount, { recursive: true });
  const writtenAs = join(mount, "scan.h5");
  const script = 'mount -t tmpfs -o size=2m tmpfs "$1" && "$2" "$3" "$4" "$5" "$6"; s=$?; cp "$4" "$7"; exit $s';
  const r = spawnSync("unshare", ["--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", mount, process.execPath, WRITER, writtenAs, ROWS, FLUSH_EVERY, copy], { encoding: "utf8" });
  return { name: "disk full", errno: 28, status: r.status, signal: r.signal, stderr: r.stderr + r.stdout, writtenAs, copy: copy };
}

/** File-size limit of 512 KiB. */
export function fileSizeLimit(dir: string): IoErrorScenario {
  const path = join(dir, "fsize.h5");
  const r = spawnSync("bash", ["-c", 'ulimit -f 512; exec "$0" "$@"', process.execPath, WRITER, path, ROWS, FLUSH_EVERY], { encoding: "utf8" });
  return { name: "file-size limit", errno: 27, status: r.status, signal: r.signal, stderr: r.stderr + r.stdout, writtenAs: path, copy: path };
}

export function scenarioChecks(s: IoErrorScenario): Check[] {
  const exited = s.signal === null && s.status === 0;
  const checks: Check[] = [{ check: `${s.name}: writer exits normally`, measured: exited ? "exit 0" : `status ${s.status}, signal ${s.signal}: ${s.stderr.slice(0, 200)}`, ok: exited }];
  if (!exited) return checks;
  const report = writerReport(s.stderr);
  const w = report.write;
  checks.push({
    check: `${s.name}: typed write error naming the file`,
    measured: w ? `${w.name} errno ${w.errno}: ${w.message.slice(0, 120)}` : "no error",
    ok: !!w && w.h5 && w.errno === s.errno && w.message.includes(s.writtenAs),
  });
  checks.push({
    check: `${s.name}: close error keeps the cause`,
    measured: report.close ? `${report.close.name} errno ${report.close.errno}` : "close succeeded",
    ok: !report.close || (report.close.h5 && report.close.errno === s.errno),
  });
  const read = readRows(s.copy);
  checks.push({
    check: `${s.name}: rows flushed before the error read back`,
    measured: read.opens ? `${read.intact} of ${report.flushed} flushed rows` : `file does not open: ${read.error?.slice(0, 120)}`,
    ok: read.opens && read.intact >= report.flushed,
  });
  return checks;
}

export const ioErrorsModule: ReliabilityModule<{ dir: string }> = {
  name: "io-errors",
  async run({ dir }): Promise<ModuleReport> {
    mkdirSync(dir, { recursive: true });
    return { checks: [...scenarioChecks(diskFull(dir)), ...scenarioChecks(fileSizeLimit(dir))] };
  },
};
