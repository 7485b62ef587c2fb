/**
 * HTTP for the HSDS storage, through a worker thread (http-worker.js) that performs the requests
 * with node:http(s) on one kept-alive socket, in the order they are sent:
 * - `request`, for the synchronous storage interface: the calling thread blocks in `Atomics.wait`
 *   on a shared flag, then takes the answer off the channel with `receiveMessageOnPort`. The cost
 *   over a plain asynchronous request is two thread hand-offs (tens of microseconds), small beside
 *   an HSDS round trip (milliseconds).
 * - `requestAsync`, for the asynchronous reads: the answer comes back as a message, and the event
 *   loop runs meanwhile. A synchronous request sent while asynchronous ones are under way waits
 *   for them (one socket, in order).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { HsdsAddress } from "./endpoint.js";

export interface HttpRequest {
  readonly method: "GET" | "PUT" | "POST" | "DELETE";
  /** Path and query, already encoded. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

/** An HTTP answer, or `status: 0` and `error` when none came (connection refused, reset, timeout). */
export interface HttpResponse {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: Uint8Array;
  readonly error?: string;
}

/** What crosses to the worker: a request, its id, and whether the sender blocks for its answer. */
export interface BridgeMessage {
  readonly id: number;
  readonly sync: boolean;
  readonly request: HttpRequest & { readonly timeoutMs: number };
}

/** What comes back: the answer to the request `id`. */
export interface BridgeAnswer {
  readonly id: number;
  readonly response: HttpResponse;
}

/** The worker's file: beside this module in the sources, at the root of dist once bundled. */
const WORKER_URL = new URL("./http-worker.js", import.meta.url);

interface Started {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Asynchronous requests sent to this worker and not answered, by id. */
  readonly waiting: Map<number, (response: HttpResponse) => void>;
}

/** Gives the asynchronous request `id` its answer (once), letting the process end when none is left. */
function settle(started: Started, id: number, response: HttpResponse): void {
  const resolve = started.waiting.get(id);
  if (resolve === undefined) return;
  started.waiting.delete(id);
  if (started.waiting.size === 0) started.port.unref();
  resolve(response);
}

/** Answers every asynchronous request of `started` with `status: 0` and `error`. */
function settleAll(started: Started, error: string): void {
  for (const id of [...started.waiting.keys()]) settle(started, id, { status: 0, error });
}

export class HttpBridge {
  private started: Started | null = null;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;

  /** @param timeoutMs time after which a request without an answer fails */
  constructor(
    private readonly address: HsdsAddress,
    private readonly timeoutMs: number,
  ) {}

  private start(): Started {
    if (this.started !== null) return this.started;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, {
      workerData: { port: port2, flag: this.flag, address: { protocol: this.address.protocol, host: this.address.host, port: this.address.port, socketPath: this.address.socketPath } },
      transferList: [port2],
    });
    const started: Started = { worker, port: port1, waiting: new Map() };
    port1.on("message", ({ id, response }: BridgeAnswer) => settle(started, id, response));
    worker.on("exit", () => settleAll(started, "the HTTP worker ended before answering"));
    // Neither the idle worker nor its port keep the process alive; an asynchronous request under
    // way does (`requestAsync`).
    worker.unref();
    port1.unref();
    this.started = started;
    return started;
  }

  /** Sends one request and blocks until its answer (or the timeout). */
  request(req: HttpRequest): HttpResponse {
    const started = this.start();
    const id = this.nextId++;
    Atomics.store(this.flag, 0, 0);
    started.port.postMessage({ id, sync: true, request: { ...req, timeoutMs: this.timeoutMs } } satisfies BridgeMessage);
    // The worker enforces the timeout; the margin covers a worker that died without answering.
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs + 5_000);
    // Answers to asynchronous requests sent before this one may come first: they are settled here.
    for (let msg = receiveMessageOnPort(started.port); msg !== undefined; msg = receiveMessageOnPort(started.port)) {
      const answer = msg.message as BridgeAnswer;
      if (answer.id === id) return answer.response;
      settle(started, answer.id, answer.response);
    }
    return { status: 0, error: waited === "timed-out" ? "the HTTP worker did not answer" : "the HTTP worker answered nothing" };
  }

  /** Sends one request; resolves with its answer (or the timeout's `status: 0`), never rejects. */
  requestAsync(req: HttpRequest): Promise<HttpResponse> {
    const started = this.start();
    const id = this.nextId++;
    const answered = new Promise<HttpResponse>((resolve) => started.waiting.set(id, resolve));
    if (started.waiting.size === 1) started.port.ref();
    started.port.postMessage({ id, sync: false, request: { ...req, timeoutMs: this.timeoutMs } } satisfies BridgeMessage);
    return answered;
  }

  /** Stops the worker (a later request starts a new one); asynchronous requests under way get `status: 0`. */
  close(): void {
    const started = this.started;
    if (started === null) return;
    this.started = null;
    settleAll(started, "the HTTP bridge was closed before the answer came");
    void started.worker.terminate();
    started.port.close();
  }
}

/** Blocks the calling thread for `ms` (retry backoff in a synchronous API). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
