/**
 * Child processes of the harness: each runs under a wall-clock and a resident-memory limit
 * (`runLimited`, the supervisor data-saving exports for reading untrusted files), a few at a time.
 */
export { runLimited, type ChildLimits, type ChildRun } from "@pymodaq-ts/data-saving/tools";

/** Runs `jobs` with at most `parallel` at a time, keeping their order in the result. */
export async function mapLimited<T, R>(items: readonly T[], parallel: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}
