/**
 * Synchronous HTTP for a synchronous storage interface: a worker thread (http-worker.js) performs
 * each request while the calling thread blocks in `Atomics.wait` on a shared flag, then takes the
 * answer off a MessageChannel with `receiveMessageOnPort`. One request is in flight at a time.
 * The cost per request over the asynchronous path is two thread hand-offs (tens of microseconds),
 * small beside an HSDS round trip (milliseconds).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { HsdsAddress } from "./endpoint.js";

export interface SyncRequest {
  readonly method: "GET" | "PUT" | "POST" | "DELETE";
  /** Path and query, already encoded. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

/** An HTTP answer, or `status: 0` and `error` when none came (connection refused, reset, timeout). */
export interface SyncResponse {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: Uint8Array;
  readonly error?: string;
}

/** The worker's file: beside this module in the sources, at the root of dist once bundled. */
const WORKER_URL = new URL("./http-worker.js", import.meta.url);

export class SyncHttp {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  /** @param timeoutMs time after which a request without an answer fails */
  constructor(
    private readonly address: HsdsAddress,
    private readonly timeoutMs: number,
  ) {}

  private start(): MessagePort {
    if (this.port !== null) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, {
      workerData: { port: port2, flag: this.flag, address: { protocol: this.address.protocol, host: this.address.host, port: this.address.port, socketPath: this.address.socketPath } },
      transferList: [port2],
    });
    // Neither the idle worker nor its port keeps the process alive.
    worker.unref();
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }

  /** Sends one request and blocks until its answer (or the timeout). */
  request(req: SyncRequest): SyncResponse {
    const port = this.start();
    Atomics.store(this.flag, 0, 0);
    port.postMessage({ ...req, timeoutMs: this.timeoutMs });
    // The worker enforces the timeout; the margin covers a worker that died without answering.
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs + 5_000);
    const msg = receiveMessageOnPort(port);
    if (msg === undefined) return { status: 0, error: waited === "timed-out" ? "the HTTP worker did not answer" : "the HTTP worker answered nothing" };
    return msg.message as SyncResponse;
  }

  /** Stops the worker (a later request starts a new one). */
  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
  }
}

/** Blocks the calling thread for `ms` (retry backoff in a synchronous API). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
