/**
 * The worker side of the background saver: one `H5SaverLowLevel` and the wrapped DataToExport
 * saver, driven by requests. After a failed request the file is in an unknown state, so the
 * requests that follow are skipped (answered with that failure) until `close`, which still
 * closes the file.
 */
import type { DataToExport, Axis } from "@pymodaq-ts/data-model";
import { DataSavingError, InvalidTypeError } from "../errors.js";
import { H5SaverLowLevel, type InitFileOptions } from "../conventions/h5-saver-lowlevel.js";
import type { Metadata } from "../conventions/metadata.js";
import { DataToExportSaver, type DataToExportSaverBase } from "../savers/dte-saver.js";
import { DataToExportEnlargeableSaver, DataToExportTimedSaver } from "../savers/dte-enlargeable-saver.js";
import { DataToExportExtendedSaver } from "../savers/dte-extended-saver.js";
import { unpack } from "./arenas.js";
import { decodeValue } from "./codec.js";
import { OPERATIONS, type BackgroundSaverSpec, type Reply, type Request, type WireError, type WorkerSetup } from "./protocol.js";

function makeSaver(h5: H5SaverLowLevel, spec: BackgroundSaverSpec): DataToExportSaverBase {
  switch (spec.kind) {
    case "dte": return new DataToExportSaver(h5, spec.options);
    case "enlargeable": return new DataToExportEnlargeableSaver(h5, spec.options);
    case "timed": return new DataToExportTimedSaver(h5);
    case "extended": return new DataToExportExtendedSaver(h5, spec.extendedShape);
  }
}

/** The error as it crosses to the main thread. */
export function wireError(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    name: err.name, message: err.message, stack: err.stack,
    code: e instanceof DataSavingError ? e.code : undefined,
    pythonName: e instanceof DataSavingError ? e.pythonName : undefined,
    path: e instanceof DataSavingError ? e.path : undefined,
  };
}

type Args = unknown[];
type MetadataArg = Metadata | null | undefined;

export class SaverHost {
  private readonly h5: H5SaverLowLevel;
  private saverInstance: DataToExportSaverBase | null = null;
  private failure: WireError | null = null;

  constructor(private readonly setup: WorkerSetup) {
    this.h5 = new H5SaverLowLevel({ saveType: setup.saveType, ...(setup.backend === undefined ? {} : { backend: setup.backend }) });
  }

  /** The wrapped saver, made on first use (after `initFile`, as a script makes it). */
  private get saver(): DataToExportSaverBase {
    this.saverInstance ??= makeSaver(this.h5, this.setup.saver);
    return this.saverInstance;
  }

  /**
   * Runs one request, its packed arrays viewed in `arena` (its batch's); never throws.
   */
  handle(request: Request, arena: SharedArrayBuffer | null): Reply {
    const { id, op } = request;
    if (this.failure !== null && op !== "close") return { id, ok: false, error: this.failure, skipped: true };
    try {
      if (!OPERATIONS.includes(op)) throw new InvalidTypeError(`unknown background saver operation ${JSON.stringify(op)}`);
      if (request.packed !== undefined) {
        if (arena === null) throw new InvalidTypeError(`${op}: packed arrays without an arena`);
        unpack(request.args, request.packed, arena);
      }
      const result = this.run(op, decodeValue(request.args) as Args);
      return { id, ok: true, result };
    } catch (e) {
      const error = wireError(e);
      this.failure ??= error;
      return { id, ok: false, error, skipped: false };
    }
  }

  private run(op: Request["op"], a: Args): string | boolean | null {
    const h5 = this.h5;
    const s = (i: number) => a[i] as string;
    const meta = (i: number) => a[i] as MetadataArg;
    switch (op) {
      case "initFile": return h5.initFile(s(0), a[1] as InitFileOptions | undefined);
      case "addLog": h5.addLog(s(0)); return null;
      case "addScanGroup": return h5.addScanGroup(a[0] as string | null, s(1), s(2), meta(3)).path;
      case "addDetGroup": return h5.addDetGroup(s(0), s(1), s(2), meta(3)).path;
      case "addActGroup": return h5.addActGroup(s(0), s(1), s(2), meta(3)).path;
      case "getSetGroup": return h5.getSetGroup(s(0), s(1), s(2)).path;
      case "addNavAxes": this.extended().addNavAxes(s(0), a[1] as Axis[]); return null;
      case "addData": this.addData(a); return null;
      case "addBkg": this.saver.addBkg(s(0), a[1] as DataToExport); return null;
      case "addError": this.saver.addError(s(0), a[1] as DataToExport); return null;
      case "flush": h5.flush(); return null;
      case "close": h5.closeFile(); return null;
    }
  }

  /** The wrapped saver's `addData(where, data, ...rest)`: its own further arguments, as the caller gave them. */
  private addData(a: Args): void {
    const saver = this.saver as DataToExportSaverBase & { addData(where: string, data: DataToExport, ...rest: unknown[]): void };
    saver.addData(a[0] as string, a[1] as DataToExport, ...a.slice(2));
  }

  private extended(): DataToExportExtendedSaver {
    const saver = this.saver;
    if (!(saver instanceof DataToExportExtendedSaver)) throw new InvalidTypeError(`addNavAxes needs an extended saver, this one is '${this.setup.saver.kind}'`);
    return saver;
  }
}
