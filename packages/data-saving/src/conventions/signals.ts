/**
 * Closing a file cleanly when the process is asked to stop (SIGINT from Ctrl-C, SIGTERM from a
 * service manager). Without a listener Node ends the process at once on these signals, skipping
 * `finally` blocks and `exit` listeners: the points saved since the last flush and the deferred
 * `shape` attributes are lost. When the guard is the only listener of the signal, it closes the
 * file (deferred attributes written, a final flush), removes its listeners and raises the signal
 * again, so the process ends as it would have (status 128 + signal number, 130 for Ctrl-C) with a
 * complete file. When the application listens to the signal too, the application is in charge:
 * it stops its own loop and closes the file on its way out (`finally`, `using`, or the process
 * `exit`, where open files are closed), and the guard does nothing.
 *
 * Node runs signal listeners between two turns of the event loop: a loop that never yields (a
 * synchronous scan) receives the signal only when it ends. Long acquisitions yield between
 * points (an `await` per point or per line) so that Ctrl-C is handled while they run.
 */
import { InvalidValueError } from "../errors.js";

/** The signals guarded by default. */
export const CLOSE_SIGNALS: readonly NodeJS.Signals[] = Object.freeze(["SIGINT", "SIGTERM"]);

/** What the guard needs of a file: its close. */
export interface Closable {
  closeFile(): void;
}

/** The listeners installed for one file; `dispose()` removes them (idempotent). */
export class SignalGuard implements Disposable {
  private readonly listeners = new Map<NodeJS.Signals, () => void>();

  /**
   * @param target the file to close
   * @param signals the signals to guard (default SIGINT and SIGTERM)
   * @throws InvalidValueError for an empty list or a name that is not a signal Node can listen to
   */
  constructor(target: Closable, signals: readonly NodeJS.Signals[] = CLOSE_SIGNALS) {
    if (!Array.isArray(signals) || signals.length === 0) throw new InvalidValueError("closeOnSignals: give at least one signal");
    for (const signal of signals) {
      if (typeof signal !== "string" || !/^SIG[A-Z0-9]+$/.test(signal) || signal === "SIGKILL" || signal === "SIGSTOP") {
        throw new InvalidValueError(`closeOnSignals: ${String(signal)} cannot be handled`);
      }
    }
    for (const signal of new Set(signals)) {
      const listener = (): void => {
        // Another listener: the application stops on this signal itself and closes on its way out.
        if (process.listenerCount(signal) > 1) return;
        this.dispose();
        try {
          target.closeFile();
        } catch (e) {
          // The process is stopping: no caller is left to throw to, so say what happened.
          process.stderr.write(`data-saving: closing on ${signal} failed: ${String(e)}\n`);
        }
        process.kill(process.pid, signal);
      };
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /** True while the listeners are installed. */
  get active(): boolean {
    return this.listeners.size > 0;
  }

  /** Removes the listeners: the signals have their previous effect again. */
  dispose(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
    this.listeners.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
