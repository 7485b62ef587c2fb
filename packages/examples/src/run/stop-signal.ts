/**
 * A clean stop on Ctrl-C (SIGINT) or SIGTERM for loops that wait between steps: while installed,
 * the signals no longer kill the process; they set `received` and cut the current `sleep` short,
 * so the loop ends, and the caller flushes and closes its file.
 *
 * @example
 * using stop = new StopSignal();
 * while (stop.received === undefined) { acquire(); await stop.sleep(100); }
 * h5.closeFile();
 */

/** The signals that stop a run. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignalName = (typeof STOP_SIGNALS)[number];

export class StopSignal {
  /** The first stop signal received, if any. */
  received: StopSignalName | undefined;
  private wake: (() => void) | undefined;
  private readonly handlers = new Map<StopSignalName, () => void>();

  /** Installs the handlers (removed by {@link dispose}). */
  constructor() {
    for (const name of STOP_SIGNALS) {
      const handler = (): void => {
        this.received ??= name;
        this.wake?.();
      };
      this.handlers.set(name, handler);
      process.on(name, handler);
    }
  }

  /**
   * Waits `ms` milliseconds, or less when a stop signal arrives (then resolves at once).
   * @param ms a non-negative duration
   */
  sleep(ms: number): Promise<void> {
    if (this.received !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.wake = done;
    });
  }

  /** Removes the handlers: the signals have their default effect again. Idempotent. */
  dispose(): void {
    for (const [name, handler] of this.handlers) process.off(name, handler);
    this.handlers.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
