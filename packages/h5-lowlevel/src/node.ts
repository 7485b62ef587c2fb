/** What groups, datasets and vlen datasets share: their file, path, attributes and handle. */
import { checkSignal, queueOf } from "./async.js";
import { H5AttributeSet } from "./attributes.js";
import type { NativeNode } from "./native.js";
import { baseName } from "./paths.js";
import type { AsyncOptions, H5FileLike, H5Node } from "./types.js";

export abstract class H5NodeBase implements H5Node {
  readonly attrs: H5AttributeSet;
  readonly name: string;

  /** @internal nodes are created by H5File and H5Group, never directly. */
  constructor(
    readonly file: H5FileLike,
    protected readonly handle: NativeNode,
    readonly path: string,
  ) {
    this.attrs = new H5AttributeSet(handle);
    this.name = baseName(path);
  }

  /** The object's identity in its file, the same through every hard link (see H5Node.objectId). */
  objectId(): string {
    return this.handle.objectId();
  }

  get isOpen(): boolean {
    return this.handle.isOpen();
  }

  /** Releases the libhdf5 handle; idempotent. The file's close() also closes it. */
  close(): void {
    this.handle.close();
  }

  /**
   * `close` once the file's earlier asynchronous operations have settled. libhdf5 runs one call
   * at a time process-wide: a `close` issued while a read of the same file runs on the pool
   * waits, on the calling thread, for that read to end; queued, it runs when none does.
   * Idempotent.
   * @param options.signal cancels the close while it waits (rejects with H5AbortError)
   */
  async closeAsync(options?: AsyncOptions): Promise<void> {
    const signal = checkSignal(options);
    return queueOf(this.file).run(async () => this.handle.close(), signal);
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
