// @ts-check
/**
 * The HTTP side of the HSDS storage's bridge (http-bridge.ts), run in a worker thread: performs
 * each request it is sent with node:http(s) (a unix socket through `socketPath`), on one
 * kept-alive socket in the order sent, and posts each answer back with the request's id; for a
 * request whose sender blocks, it then wakes that thread through the shared flag. Plain JavaScript
 * so that the same file runs from the sources and from dist. It never interprets what it carries.
 */
import http from "node:http";
import https from "node:https";
import { Buffer } from "node:buffer";
import { workerData } from "node:worker_threads";

/** @type {{ port: import("node:worker_threads").MessagePort, flag: Int32Array, address: { protocol: string, host: string, port: number, socketPath: string | null } }} */
const { port, flag, address } = workerData;
const lib = address.protocol === "https:" ? https : http;
const agent = new lib.Agent({ keepAlive: true, maxSockets: 1 });

port.on("message", (/** @type {{ id: number, sync: boolean, request: { method: string, path: string, headers: Record<string, string>, body: Uint8Array | null, timeoutMs: number } }} */ { id, sync, request: req }) => {
  const options = {
    method: req.method,
    path: req.path,
    headers: req.headers,
    agent,
    ...(address.socketPath === null ? { host: address.host, port: address.port } : { socketPath: address.socketPath }),
  };
  let done = false;
  /** @param {unknown} response */
  const finish = (response) => {
    if (done) return;
    done = true;
    port.postMessage({ id, response });
    if (!sync) return;
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
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
