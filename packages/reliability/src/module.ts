/**
 * A reliability module: one family of checks (fuzzing, leaks, second writers, I/O errors, and
 * later kill tests) that `pnpm reliability` runs and reports. New modules implement this and are
 * listed in main.ts.
 */

/** One line of the summary: what was checked, the measured figure, and whether it held. */
export interface Check {
  check: string;
  measured: string;
  ok: boolean;
}

export interface ModuleReport {
  checks: Check[];
  /** Optional detail table (Markdown) printed under the summary. */
  detail?: string;
}

export interface ReliabilityModule<Options> {
  name: string;
  run(options: Options): Promise<ModuleReport>;
}
