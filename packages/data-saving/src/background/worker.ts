/**
 * The background saver's worker thread (built as `background-worker.js`): it owns the HDF5 file
 * and runs the requests of the main thread in order (worker-host.ts), one batch at a time,
 * answering each batch with one message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { libraryVersion } from "@pymodaq-ts/h5-lowlevel";
import type { Ready, Reply, Request, WorkerSetup } from "./protocol.js";
import { SaverHost } from "./worker-host.js";

const port = parentPort;
if (port === null) throw new Error("background-worker.js runs as a worker thread of BackgroundSaver");
const host = new SaverHost(workerData as WorkerSetup);
// libhdf5 is loaded on first use: load it now, as part of the start-up that `ready()` waits for.
libraryVersion();
port.postMessage({ ready: true } satisfies Ready);
port.on("message", (batch: readonly Request[]) => {
  const replies: Reply[] = batch.map((request) => host.handle(request));
  port.postMessage(replies);
  // The file is closed: nothing keeps the thread, it ends once the replies are sent.
  if (batch.some((request) => request.op === "close")) port.close();
});
