/** What groups, datasets and vlen datasets share: their file, path, attributes and handle. */
import { H5AttributeSet } from "./attributes.js";
import type { NativeNode } from "./native.js";
import { baseName } from "./paths.js";
import type { H5FileLike, H5Node } from "./types.js";

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

  [Symbol.dispose](): void {
    this.close();
  }
}
