/**
 * The background saver's worker thread (built as `background-worker.js`): it owns the HDF5 file
 * and runs the requests of the main thread in order (worker-host.ts), one batch at a time,
 * answering each batch with one message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { libraryVersion } from "@pymodaq-ts/h5-lowlevel";
import type { Answer, Batch, Ready, WorkerSetup } from "./protocol.js";
import { SaverHost } from "./worker-host.js";
import { lowerThreadPriority } from "./thread-priority.js";

const port = parentPort;
if (port === null) throw new Error("background-worker.js runs as a worker thread of BackgroundSaver");
const setup = workerData as WorkerSetup;
// First, so that the start-up too runs behind the caller's threads.
lowerThreadPriority(setup.workerNice);
const host = new SaverHost(setup);
// libhdf5 is loaded on first use: load it now, as part of the start-up that `ready()` waits for.
libraryVersion();
port.postMessage({ ready: true } satisfies Ready);
/** The arenas of the main thread, by index (sent once each, with the first batch using them). */
const arenas: SharedArrayBuffer[] = [];
port.on("message", ({ requests, arena, fresh }: Batch) => {
  arenas.push(...fresh);
  const memory = arena === null ? null : arenas[arena] ?? null;
  const replies = requests.map((request) => host.handle(request, memory));
  // Written: nothing of the batch holds its arrays any more (the savers and storages copy
  // what they keep), and its arena is free to be filled again.
  port.postMessage({ replies, arena } satisfies Answer);
  // The file is closed: nothing keeps the thread, it ends once the replies are sent.
  if (requests.some((request) => request.op === "close")) port.close();
});
