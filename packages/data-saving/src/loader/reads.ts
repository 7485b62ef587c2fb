/**
 * Deciding what a load reads, apart from reading it. The load functions ask a `LoadReads` for
 * each array they need and get a getter back; they build their result from the getters once
 * the reads are done. `readNow` reads each array when asked (the synchronous loads; within a
 * `sharingReads` scope, an array read whole by an earlier load of the scope is a copy of it); a
 * `ReadBatch` collects the reads and runs them off the main thread before the result is built
 * (the asynchronous loads). Both read a navigation window only when one is given, and charge
 * each array to the load's memory budget before it is allocated.
 */
import { shapeSize, type AnyTypedArray, type Axis, type Dtype, type NDArray } from "@pymodaq-ts/data-model";
import type { CARRAY } from "../conventions/nodes/arrays.js";
import type { Node } from "../conventions/nodes/node.js";
import type { StorageAsyncOptions } from "../storage/types.js";
import { arrayNodeOf } from "./nodes.js";
import type { NavWindow } from "./nav-window.js";
import { LoadBudget } from "./budget.js";
import type { ReadMemo } from "./read-memo.js";

/** An array a load asked for, valid once the reads ran. */
export type ArrayGetter = () => NDArray;

export interface LoadReads {
  /**
   * Asks for the content of an array node: its block in the navigation window, if any, unless
   * `whole` (axes are read whole, then cut by `axis`).
   * @throws NodeError naming the path when the node is a group.
   */
  array(node: Node, whole?: boolean): ArrayGetter;
  /** The axis as the load keeps it: cut to the navigation window, if any. */
  axis(axis: Axis): Axis;
}

/**
 * Reads every array at once, on the calling thread.
 * @param memo whole arrays shared with the other loads of a `sharingReads` scope
 */
export function readNow(window: NavWindow | null = null, budget = new LoadBudget(), memo: ReadMemo | null = null): LoadReads {
  return {
    array(node, whole = false) {
      const carray = arrayNodeOf(node);
      const block = whole ? undefined : window?.blockOf(carray);
      budget.charge(carray.path, carray.dtype, block?.count ?? carray.shape);
      const array = block === undefined ? wholeOf(carray, memo) : carray.readSlice(block.start, block.count);
      return () => array;
    },
    axis: (axis) => window?.cutAxis(axis) ?? axis,
  };
}

/** The whole content of `carray`: the memo's copy, or read (and kept by the memo). */
function wholeOf(carray: CARRAY, memo: ReadMemo | null): NDArray {
  const kept = memo?.get(carray.path);
  if (kept !== undefined) return kept;
  const array = carray.read();
  memo?.keep(carray.path, array);
  return array;
}

/**
 * Where the block reads of a batch land: the array for its k-th block read, of `dtype` and
 * `elements` elements, from buffers the caller keeps from load to load (`navSlabs` with `reuse`).
 */
export type ReadTargets = (k: number, dtype: Dtype, elements: number) => AnyTypedArray;

/**
 * What the loads of one stream (`navSlabs`) share: the arrays read whole (the axes, the same for
 * every slab) are read by the first load and taken from `wholes` by the next ones, as they are
 * when `shared` (the stream reuses its memory) or as copies; the block reads land in `targets`
 * when given.
 */
export interface StreamReads {
  readonly wholes: Map<string, NDArray>;
  readonly shared: boolean;
  readonly targets: ReadTargets | null;
}

interface PlannedRead {
  readonly run: (options: StorageAsyncOptions) => Promise<NDArray>;
  /** The node path of a whole read (kept for the stream's next loads), null for a block read. */
  readonly whole: string | null;
  result: NDArray | null;
}

/** Reads collected while a load is planned, then run together off the main thread. */
export class ReadBatch implements LoadReads {
  constructor(
    private readonly window: NavWindow | null = null,
    private readonly budget = new LoadBudget(),
    private readonly stream: StreamReads | null = null,
    private readonly reads: PlannedRead[] = [],
  ) {}

  /** The same batch, reading the arrays asked through it in `window` (a load of several nodes, each its own window). */
  within(window: NavWindow | null): ReadBatch {
    return new ReadBatch(window, this.budget, this.stream, this.reads);
  }

  array(node: Node, whole = false): ArrayGetter {
    const carray = arrayNodeOf(node);
    const block = whole ? undefined : this.window?.blockOf(carray);
    this.budget.charge(carray.path, carray.dtype, block?.count ?? carray.shape);
    const known = block === undefined ? this.stream?.wholes.get(carray.path) : undefined;
    if (known !== undefined) {
      const array = this.stream!.shared ? known : known.copy();
      return () => array;
    }
    const targets = this.stream?.targets;
    const target = block === undefined || !targets ? undefined
      : targets(this.reads.filter((r) => r.whole === null).length, carray.dtype, shapeSize(block.count));
    const read: PlannedRead = {
      run: (options) => carray.readAsync(block, target === undefined ? options : { ...options, target }),
      whole: block === undefined ? carray.path : null,
      result: null,
    };
    this.reads.push(read);
    return () => {
      if (read.result === null) throw new Error(`${node.path}: read before ReadBatch.run`);
      return read.result;
    };
  }

  axis(axis: Axis): Axis {
    return this.window?.cutAxis(axis) ?? axis;
  }

  /**
   * Plans a load with `plan` (which asks this batch for its arrays), then runs the reads. When
   * the planning fails, the reads asked for before the failure run first, unless `signal` has
   * aborted: the synchronous loads read each array as they plan it, so a read that fails among
   * those is the error they throw, and the asynchronous load throws the same.
   */
  async afterPlanning<T>(plan: () => T | Promise<T>, signal?: AbortSignal): Promise<T> {
    let planned: T;
    try {
      planned = await plan();
    } catch (e) {
      if (signal?.aborted !== true) await this.run(signal);
      throw e;
    }
    await this.run(signal);
    return planned;
  }

  /**
   * Runs the reads (in the file's queue, one at a time on the libuv pool).
   * @param signal cancels the reads not yet started (the call rejects with an AbortError)
   */
  async run(signal?: AbortSignal): Promise<void> {
    const options = signal === undefined ? {} : { signal };
    const results = await Promise.all(this.reads.map((r) => r.run(options)));
    results.forEach((array, i) => {
      const read = this.reads[i]!;
      read.result = array;
      if (read.whole !== null) this.stream?.wholes.set(read.whole, this.stream.shared ? array : array.copy());
    });
  }
}
