/**
 * The background saver's worker runs at a lower priority than the threads that call it. On a
 * machine whose cores are all taken (the worker, V8's collector threads, the acquisition), the
 * kernel then runs the caller's thread first and the writes wait, instead of the caller waiting
 * for a core behind the writes it queued. A worker that falls behind is held to the queue's
 * bound in bytes, and the caller then waits for room: no point is lost.
 *
 * Linux only: there a thread has a nice value of its own (`setpriority` on its thread id), found
 * as `/proc/thread-self`. Elsewhere `os.setPriority` acts on whole processes, so nothing is done.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The highest nice value: the lowest priority. */
export const MAX_NICE = 19;

/**
 * Raises the calling thread's nice value by `increment` (capped at MAX_NICE). A scheduling hint:
 * where threads have no nice value of their own, or the system refuses, nothing changes.
 * @returns the thread's nice value now, or null when it was not set
 */
export function lowerThreadPriority(increment: number): number | null {
  if (process.platform !== "linux" || increment <= 0) return null;
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (!Number.isSafeInteger(tid) || tid <= 0) return null;
    const nice = Math.min(MAX_NICE, getPriority(tid) + increment);
    setPriority(tid, nice);
    return nice;
  } catch {
    return null;
  }
}
