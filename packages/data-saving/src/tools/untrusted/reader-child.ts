/**
 * The untrusted-file reader: a child process (`dist/untrusted-reader.js`) started by
 * `read-untrusted.ts` that takes one request over IPC, reads the file in-process, answers with
 * the result (or the error's fields) and exits. If libhdf5 crashes, loops or blows up on the
 * file, only this process dies; the parent reports it as a `ReaderDiedError`.
 */
import { DataToExport } from "@pymodaq-ts/data-model";
import { encodeValue } from "../../background/codec.js";
import { DataLoader } from "../../loader/data-loader.js";
import { inspectFile } from "../canonical/inspect.js";
import { docToWire, errorFields, type ReaderReply, type ReaderRequest } from "./protocol.js";

function answer(request: ReaderRequest): ReaderReply {
  const options = request.maxLoadBytes === undefined ? {} : { maxLoadBytes: request.maxLoadBytes };
  if (request.op === "inspect") return { ok: true, doc: docToWire(inspectFile(request.file, options)) };
  using loader = new DataLoader(request.file, options);
  const withBkg = request.withBkg ?? false;
  const value = request.op === "loadData"
    ? loader.loadData(request.where, { withBkg, loadAll: request.loadAll ?? false })
    : loader.loadAll(request.where, new DataToExport("All"), { withBkg });
  return { ok: true, value: encodeValue(value) };
}

process.once("message", (request: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    reply = answer(request);
  } catch (e) {
    reply = { ok: false, error: errorFields(e) };
  }
  process.send!(reply, undefined, {}, () => process.disconnect());
});
