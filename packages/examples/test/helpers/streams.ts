/** In-memory writable streams for tests: they record what was written and can pretend to be a terminal. */
import { Writable } from "node:stream";

export class CaptureStream extends Writable {
  readonly chunks: string[] = [];
  isTTY: boolean;
  columns = 120;

  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    done();
  }

  get text(): string {
    return this.chunks.join("");
  }
}
