/**
 * `FileFollower`: reads a PyMoDAQ file while another process writes it, seeing each state the
 * writer flushed and never a file caught in the middle of a flush.
 *
 * The writers of the default storage keep the file on disk at the state of their last flush
 * between flushes (Durability in the README) and announce every flush: a session number, the
 * count of completed flushes and whether the file is changing now (`StorageFollow.flushState`).
 * A read looks at that state, runs on a handle opened without the file's lock at that state, and
 * looks again: the result is returned only when both looks show the same flush at rest, so no
 * flush began in between; otherwise the handle is dropped and the read runs again on the newer
 * flush. A file no process writes is opened with its lock for the time of one read (a writer
 * cannot start meanwhile), then closed, so that the follower never keeps a writer out.
 *
 * @example
 * using follower = new FileFollower("scan.h5");
 * for await (const { start, stop, data } of follower.rows("/RawData/EnlData00", { signal })) {
 *   plot(start, stop, data);             // rows start..stop-1, as flushed; ends when the writer closes
 * }
 * const n = await follower.read((loader) => loader.getNode("/RawData/EnlData00").attrs.get("shape"));
 */
import { Slice, type DataWithAxes } from "@pymodaq-ts/data-model";
import { FileStateError, InvalidTypeError, InvalidValueError, isNodeError } from "../errors.js";
import { checkOptions } from "../options.js";
import { libhdf5Storage } from "../storage/libhdf5.js";
import type { Storage, StorageFlushState, StorageFollow } from "../storage/types.js";
import { checkBudget } from "./budget.js";
import { DataLoader } from "./data-loader.js";
import { NavWindow } from "./nav-window.js";
import { arrayNodeOf } from "./nodes.js";

/** Options of the `FileFollower` constructor. */
export interface FileFollowerOptions {
  /**
   * How long one read may wait for a state it can read (ms, default 10,000): while the file is
   * changing (before the writer's first flush ends, during a flush), or while a process that
   * does not announce its flushes has it open for writing. Past it the read throws.
   */
  timeoutMs?: number;
  /** The pause between two looks while waiting (ms, default 5). */
  retryMs?: number;
  /** The memory budget of each load (bytes), as `DataLoader`'s. */
  maxLoadBytes?: number;
  /** The storage (default libhdf5); it must offer `follow`. */
  storage?: Storage;
}

/** Options of `FileFollower.rows`. */
export interface FollowRowsOptions {
  /** The pause between two looks for a new flush (ms, default 100). */
  intervalMs?: number;
  /** Ends the iteration (it then returns without error). */
  signal?: AbortSignal;
}

/** New rows of a followed data node: navigation indexes `start` to `stop` (excluded). */
export interface FollowedRows {
  readonly start: number;
  readonly stop: number;
  /**
   * `loadData(where).inav.get(Slice.of(start, stop))` at the flush the rows were read from (a
   * batch of one row has no navigation dimension: `inav` squeezes a length-1 slice).
   */
  readonly data: DataWithAxes;
  /** That flush (null: the file had no writer). */
  readonly flush: StorageFlushState | null;
}

const OPTION_KEYS = ["timeoutMs", "retryMs", "maxLoadBytes", "storage"] as const;
const ROWS_KEYS = ["intervalMs", "signal"] as const;

function checkMs(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InvalidValueError(`FileFollower: ${name} must be a non-negative number of milliseconds, got ${String(value)}`);
  }
  return value;
}

/** What one attempt of `FileFollower.read` came to. */
type Attempt<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly waitingFor: string };
const STALE: Attempt<never> = { done: false, waitingFor: "a read that no flush of its writer overlaps" };
const WAIT_FLUSH: Attempt<never> = { done: false, waitingFor: "a flush of its writer to end" };
const WAIT_SILENT_WRITER: Attempt<never> = { done: false, waitingFor: "its writer, which does not announce its flushes, to close it" };

/** One key per readable state: the same key before and after a read means no flush came between. */
function keyOf(state: StorageFlushState | null): string {
  return state === null ? "none" : `${state.session}:${state.flushes}`;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", finish);
      done();
    }
    signal?.addEventListener("abort", finish, { once: true });
  });

/** A storage whose `open` is `openUnlocked` (read-only), for the loaders of announced flushes. */
function unlockedStorage(storage: Storage, follow: StorageFollow): Storage {
  return {
    name: storage.name,
    create(path: string): never {
      throw new FileStateError(`${path}: a follower never creates files`, { path });
    },
    open(path, mode, settings) {
      if (mode !== "r") throw new FileStateError(`${path}: a follower opens files read-only`, { path });
      return follow.openUnlocked(path, settings);
    },
  };
}

export class FileFollower implements Disposable {
  /** The followed file. */
  readonly path: string;
  private readonly follow: StorageFollow;
  private readonly storage: Storage;
  private readonly unlocked: Storage;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private readonly maxLoadBytes: number | undefined;
  /** The open loader and the state it was opened at (its key). */
  private loader: DataLoader | null = null;
  private loaderKey = "";
  private lastState: StorageFlushState | null = null;
  private closed = false;

  /**
   * Opens nothing yet: each read opens the file at the state it finds.
   * @param path the file to follow
   * @throws InvalidTypeError for unknown options or a path that is not a string;
   *   InvalidValueError for a bad duration or budget, or a storage that cannot follow files
   */
  constructor(path: string, options: FileFollowerOptions = {}) {
    const o = checkOptions(options, OPTION_KEYS, "FileFollower");
    if (typeof path !== "string") throw new InvalidTypeError("FileFollower: path must be a string");
    this.path = path;
    this.storage = o.storage ?? libhdf5Storage;
    if (this.storage.follow === undefined) {
      throw new InvalidValueError(`FileFollower: the storage ${this.storage.name} cannot follow a file being written`);
    }
    this.follow = this.storage.follow;
    this.unlocked = unlockedStorage(this.storage, this.follow);
    this.timeoutMs = checkMs(o.timeoutMs, "timeoutMs", 10_000);
    this.retryMs = checkMs(o.retryMs, "retryMs", 5);
    this.maxLoadBytes = o.maxLoadBytes === undefined ? undefined : checkBudget(o.maxLoadBytes, "maxLoadBytes");
  }

  /** The writer's flush state at the last successful read (null: no writer, or no read yet). */
  get flushState(): StorageFlushState | null {
    return this.lastState;
  }

  /** The writer's flush state now (null when no process announces one); reads nothing of the file. */
  currentFlushState(): StorageFlushState | null {
    return this.follow.flushState(this.path);
  }

  /**
   * Runs `read` on a loader of the file as the writer last flushed it, and returns its result
   * only when no flush began while it ran; otherwise runs it again on the newer state. Errors
   * thrown by `read` on a state that stayed the same are the caller's (rethrown as they are).
   * `read` should only read: it may run several times.
   * @throws FileStateError when no readable state came within `timeoutMs` (the file kept
   *   changing, a flush overlapped every attempt, or a process that does not announce its
   *   flushes has it open for writing), or
   *   once the follower is closed; the storage's error when the file cannot be opened
   */
  async read<T>(read: (loader: DataLoader) => T | Promise<T>): Promise<T> {
    const deadline = performance.now() + this.timeoutMs;
    for (;;) {
      if (this.closed) throw new FileStateError(`${this.path}: the follower is closed`, { path: this.path });
      const before = this.follow.flushState(this.path);
      const attempt = before?.changing ? WAIT_FLUSH : await this.attempt(keyOf(before), read);
      if (attempt.done) {
        this.lastState = before;
        return attempt.value;
      }
      if (performance.now() >= deadline) {
        throw new FileStateError(`${this.path}: no readable state within ${this.timeoutMs} ms (waiting for ${attempt.waitingFor})`, { path: this.path });
      }
      // After a stale attempt (a flush began meanwhile) the newer state is read at once.
      if (attempt !== STALE) await sleep(this.retryMs);
    }
  }

  /**
   * The rows a writer appends to the data node `where` (navigation dimension 0, as the
   * enlargeable savers grow it), as they are flushed: each item holds the rows added since the
   * previous one. Looks for a new flush every `intervalMs`; a node that does not exist yet counts
   * as empty while a writer has the file. Ends (after the last rows) once no process writes the
   * file, or when `signal` aborts.
   * @throws what `read` throws; LoadError when the node has no navigation dimension;
   *   FileStateError when the node has fewer rows than already handed (another writer truncated
   *   and rewrote the file meanwhile)
   */
  async *rows(where: string, options: FollowRowsOptions = {}): AsyncGenerator<FollowedRows> {
    const o = checkOptions(options, ROWS_KEYS, "FileFollower.rows");
    const intervalMs = checkMs(o.intervalMs, "intervalMs", 100);
    const { signal } = o;
    let seen = 0;
    let lastKey: string | null = null;
    while (!signal?.aborted) {
      const now = this.follow.flushState(this.path);
      if (now?.changing || keyOf(now) === lastKey) {
        await sleep(intervalMs, signal);
        continue;
      }
      const found = await this.read((loader) => {
        const size = this.sizeOf(loader, where);
        if (size < seen) {
          throw new FileStateError(`${this.path}: ${where} has ${size} rows, fewer than the ${seen} already handed: the file was written anew`, { path: where });
        }
        if (size === seen) return null;
        const data = loader.loadData(where, { nav: [Slice.of(seen, size)] });
        return { start: seen, stop: size, data };
      });
      const state = this.lastState;
      lastKey = keyOf(state);
      if (found !== null) {
        seen = found.stop;
        yield { ...found, flush: state };
      }
      if (state === null) return; // the file has no writer: nothing more will come
    }
  }

  /** Closes the open handle; later reads throw. Idempotent. */
  close(): void {
    this.closed = true;
    this.drop();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** Navigation size of `where` in the loader's state; 0 for a node not created yet while a writer runs. */
  private sizeOf(loader: DataLoader, where: string): number {
    try {
      return NavWindow.navExtent(arrayNodeOf(loader.getNode(where)), 0).size;
    } catch (e) {
      if (isNodeError(e) && this.loaderKey !== "none") return 0;
      throw e;
    }
  }

  /**
   * The loader of the state `key`: the open one when it was opened at that state, else a new
   * one (unlocked at an announced flush, locked when no process announces one). Null when the
   * file is held by a writer that announces nothing.
   */
  private loaderAt(key: string): DataLoader | null {
    if (this.loader !== null && this.loaderKey === key) return this.loader;
    this.drop();
    const budget = this.maxLoadBytes === undefined ? {} : { maxLoadBytes: this.maxLoadBytes };
    try {
      this.loader = new DataLoader(this.path, { ...budget, storage: key === "none" ? this.storage : this.unlocked });
    } catch (e) {
      if (key === "none" && this.follow.isInUse(e)) return null;
      throw e;
    }
    this.loaderKey = key;
    return this.loader;
  }

  /**
   * Opens (or reuses) the loader of state `key` and runs `read` on it. Whatever went wrong (the
   * open or the read failing, or neither) counts only when the writer is still at that state
   * afterwards: otherwise the state moved under the reader, whose result is dropped (STALE).
   */
  private async attempt<T>(key: string, read: (loader: DataLoader) => T | Promise<T>): Promise<Attempt<T>> {
    let result: Attempt<T>;
    try {
      const loader = this.loaderAt(key);
      result = loader === null ? WAIT_SILENT_WRITER : { done: true, value: await read(loader) };
    } catch (e) {
      if (this.sameState(key)) {
        if (key === "none") this.drop();
        throw e;
      }
      this.drop();
      return STALE;
    }
    if (!result.done) return result;
    const same = this.sameState(key);
    // A handle holding the file's lock is not kept: it would keep writers out.
    if (!same || key === "none") this.drop();
    return same ? result : STALE;
  }

  /** Whether the writer is still at the state `key`, at rest. */
  private sameState(key: string): boolean {
    const after = this.follow.flushState(this.path);
    return after?.changing !== true && keyOf(after) === key;
  }

  private drop(): void {
    const loader = this.loader;
    this.loader = null;
    this.loaderKey = "";
    loader?.closeFile();
  }
}
