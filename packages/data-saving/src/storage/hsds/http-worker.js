// @ts-check
/**
 * The HTTP side of the synchronous bridge (sync-http.ts), run in a worker thread: performs one
 * request per message with node:http(s) (a unix socket through `socketPath`), posts the answer on
 * the port, then wakes the blocked main thread through the shared flag. Plain JavaScript so that
 * the same file runs from the sources and from dist. It never interprets what it carries.
 */
import http from "node:http";
import https from "node:https";
import { Buffer } from "node:buffer";
import { workerData } from "node:worker_threads";

/** @type {{ port: import("node:worker_threads").MessagePort, flag: Int32Array, address: { protocol: string, host: string, port: number, socketPath: string | null } }} */
const { port, flag, address } = workerData;
const agent = new (address.protocol === "https:" ? https : http).Agent({ keepAlive: true, maxSockets: 1 });

/** @param {unknown} answer */
function reply(answer) {
  port.postMessage(answer);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on("message", (/** @type {{ method: string, path: string, headers: Record<string, string>, body: Uint8Array | null, timeoutMs: number }} */ req) => {
  const lib = address.protocol === "https:" ? https : http;
  const options = {
    method: req.method,
    path: req.path,
    headers: req.headers,
    agent,
    ...(address.socketPath === null ? { host: address.host, port: address.port } : { socketPath: address.socketPath }),
  };
  let done = false;
  /** @param {unknown} answer */
  const finish = (answer) => {
    if (done) return;
    done = true;
    reply(answer);
  };
  const r = lib.request(options, (res) => {
    /** @type {Buffer[]} */
    const parts = [];
    res.on("data", (c) => parts.push(c));
    res.on("end", () => {
      const body = Buffer.concat(parts);
      finish({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
    });
    res.on("error", (e) => finish({ status: 0, error: `${e.name}: ${e.message}` }));
  });
  r.setTimeout(req.timeoutMs, () => r.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
  r.on("error", (e) => finish({ status: 0, error: `${/** @type {NodeJS.ErrnoException} */ (e).code ?? e.name}: ${e.message}` }));
  r.end(req.body === null ? undefined : Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength));
});
