/**
 * How each recorded Python constructor and method maps onto the TypeScript API: one table of
 * constructors and one of methods, keyed by Python class and method names. Inherited methods
 * are recorded under the concrete class (`BkgSaver.add_data`), so the tables list them there.
 */
import type { Storage } from "../../storage/types.js";
import { basename } from "node:path";
import { ATTR } from "../../conventions/layout.js";
import { H5SaverLowLevel } from "../../conventions/h5-saver-lowlevel.js";
import {
  AxisSaverLoader, BkgSaver, DataEnlargeableSaver, DataExtendedSaver, DataSaverLoader, DataToExportEnlargeableSaver,
  DataToExportExtendedSaver, DataToExportSaver, DataToExportTimedSaver, ErrorSaverLoader,
} from "../../savers/index.js";
import type { StepArgs } from "./args.js";
import { ScenarioValueError } from "./errors.js";
import type { ScenarioClock, ScenarioEnvironment } from "./scenario.js";

/** What a step may use besides its arguments. */
export interface StepContext {
  /** The instance an `h5saver` reference points to. */
  saver(id: string): H5SaverLowLevel;
  /** Where the replayed file is written. */
  readonly outPath: string;
  /** The file name recorded in the scenario (written as the root `file` attribute). */
  readonly recordedFileName: string;
  readonly environment: ScenarioEnvironment;
  /** The clock of an `init_file` step. */
  readonly clock: ScenarioClock | null;
  /** The recorded `where` path (null when the method has no `where`). */
  readonly where: string | null;
  /** Where the H5SaverLowLevel instances store the file (default: libhdf5). */
  readonly storage: Storage | undefined;
}

type Construct = (a: StepArgs, ctx: StepContext) => object;
type Call = (self: never, a: StepArgs, ctx: StepContext) => unknown;

/** The `where` of a call. @throws ScenarioValueError when the step has none although the method needs it. */
function where(ctx: StepContext): string {
  if (ctx.where === null) throw new ScenarioValueError("this method needs a 'where' path");
  return ctx.where;
}

const withSaver = <T>(make: (h5: H5SaverLowLevel) => T) => (a: StepArgs, ctx: StepContext): T => make(ctx.saver(a.ref("h5saver")));

export const CONSTRUCTORS: Readonly<Record<string, Construct>> = {
  H5SaverLowLevel: (a, ctx) => new H5SaverLowLevel({
    saveType: a.str("save_type", "scan"),
    backend: a.str("backend", "tables") as "tables" | "h5py",
    ...(ctx.storage === undefined ? {} : { storage: ctx.storage }),
  }),
  AxisSaverLoader: withSaver((h5) => new AxisSaverLoader(h5)),
  DataSaverLoader: withSaver((h5) => new DataSaverLoader(h5)),
  BkgSaver: withSaver((h5) => new BkgSaver(h5)),
  ErrorSaverLoader: withSaver((h5) => new ErrorSaverLoader(h5)),
  DataToExportTimedSaver: withSaver((h5) => new DataToExportTimedSaver(h5)),
  DataToExportSaver: (a, ctx) => {
    const h5 = ctx.saver(a.ref("h5saver"));
    return new DataToExportSaver(h5, a.has("save_type") ? { saveType: a.enumName("save_type") } : {});
  },
  DataEnlargeableSaver: (a, ctx) => new DataEnlargeableSaver(ctx.saver(a.ref("h5saver")), {
    enlAxisNames: a.strsOrNull("enl_axis_names") ?? ["nav axis"],
    enlAxisUnits: a.strsOrNull("enl_axis_units") ?? [""],
  }),
  DataExtendedSaver: (a, ctx) => new DataExtendedSaver(ctx.saver(a.ref("h5saver")), a.ints("extended_shape")),
  DataToExportExtendedSaver: (a, ctx) => new DataToExportExtendedSaver(ctx.saver(a.ref("h5saver")), a.ints("extended_shape")),
  DataToExportEnlargeableSaver: (a, ctx) => new DataToExportEnlargeableSaver(ctx.saver(a.ref("h5saver")), {
    enlAxisNames: a.strsOrNull("enl_axis_names"),
    enlAxisUnits: a.strsOrNull("enl_axis_units"),
    axisName: a.str("axis_name", "nav axis"),
    axisUnits: a.str("axis_units", ""),
  }),
};

function initFile(h5: H5SaverLowLevel, a: StepArgs, ctx: StepContext): unknown {
  a.ignore("file_name");
  const created = h5.initFile(ctx.outPath, {
    rawGroupName: a.str("raw_group_name", "RawData"),
    newFile: a.bool("new_file", false),
    metadata: a.dictOrNull("metadata"),
    pymodaqVersion: ctx.environment.pymodaqVersion,
    pymodaqDataVersion: ctx.environment.pymodaqDataVersion,
    ...(ctx.clock === null ? {} : { clock: { date: ctx.clock.date, time: ctx.clock.time } }),
  });
  // The root `file` attribute holds the recorded name, not the replay's output name.
  if (created) h5.root().attrs.set(ATTR.file, basename(ctx.recordedFileName));
  return null;
}

/** `(where, title, settings_as_xml, metadata)` of the incremental-group helpers. */
function groupArgs(a: StepArgs): [string, string, ReturnType<StepArgs["dictOrNull"]>] {
  return [a.str("title", ""), a.str("settings_as_xml", ""), a.dictOrNull("metadata")];
}

const H5_METHODS: Readonly<Record<string, Call>> = {
  define_compression: (h5: H5SaverLowLevel, a) => h5.defineCompression(a.str("compression"), a.int("compression_opts")),
  init_file: initFile,
  get_set_group: (h5: H5SaverLowLevel, a, ctx) => h5.getSetGroup(where(ctx), a.str("name"), a.str("title", "")),
  add_scan_group: (h5: H5SaverLowLevel, a, ctx) => h5.addScanGroup(ctx.where, ...groupArgs(a)),
  add_det_group: (h5: H5SaverLowLevel, a, ctx) => h5.addDetGroup(where(ctx), ...groupArgs(a)),
  add_act_group: (h5: H5SaverLowLevel, a, ctx) => h5.addActGroup(where(ctx), ...groupArgs(a)),
  add_move_group: (h5: H5SaverLowLevel, a, ctx) => h5.addMoveGroup(where(ctx), ...groupArgs(a)),
  add_ch_group: (h5: H5SaverLowLevel, a, ctx) => h5.addChGroup(where(ctx), ...groupArgs(a)),
  add_incremental_group: (h5: H5SaverLowLevel, a, ctx) => h5.addIncrementalGroup(a.enumName("group_type"), where(ctx), ...groupArgs(a)),
  add_log: (h5: H5SaverLowLevel, a) => h5.addLog(a.str("msg")),
  flush: (h5: H5SaverLowLevel) => h5.flush(),
  close_file: (h5: H5SaverLowLevel) => h5.closeFile(),
};

const CLOSE: Readonly<Record<string, Call>> = {
  close_file: (s: { closeFile(): void }) => s.closeFile(),
  close: (s: { close(): void }) => s.close(),
};

const DWA_SAVER_METHODS: Readonly<Record<string, Call>> = {
  ...CLOSE,
  add_data: (s: DataSaverLoader, a, ctx) => s.addData(where(ctx), a.dwa("data"), { saveAxes: a.bool("save_axes", true) }),
};

const DTE_BKG_METHODS: Readonly<Record<string, Call>> = {
  ...CLOSE,
  add_bkg: (s: DataToExportSaver, a, ctx) => s.addBkg(where(ctx), a.dte("data")),
  add_error: (s: DataToExportSaver, a, ctx) => s.addError(where(ctx), a.dte("data")),
};

/** Methods per concrete Python class. */
export const METHODS: Readonly<Record<string, Readonly<Record<string, Call>>>> = {
  H5SaverLowLevel: H5_METHODS,
  AxisSaverLoader: {
    ...CLOSE,
    add_axis: (s: AxisSaverLoader, a, ctx) => s.addAxis(where(ctx), a.axis("axis"), { enlargeable: a.bool("enlargeable", false) }),
  },
  DataSaverLoader: DWA_SAVER_METHODS,
  BkgSaver: DWA_SAVER_METHODS,
  ErrorSaverLoader: DWA_SAVER_METHODS,
  DataEnlargeableSaver: {
    ...CLOSE,
    add_data: (s: DataEnlargeableSaver, a, ctx) => s.addData(where(ctx), a.dwa("data"), { axisValues: a.axisValuesOrNull("axis_values") }),
  },
  DataExtendedSaver: {
    ...CLOSE,
    add_data: (s: DataExtendedSaver, a, ctx) =>
      s.addData(where(ctx), a.dwa("data"), a.ints("indexes"), { distribution: a.enumName("distribution") }),
  },
  DataToExportSaver: {
    ...DTE_BKG_METHODS,
    add_data: (s: DataToExportSaver, a, ctx) =>
      s.addData(where(ctx), a.dte("data"), { settingsAsXml: a.str("settings_as_xml", ""), metadata: a.dictOrNull("metadata") }),
  },
  DataToExportEnlargeableSaver: {
    ...DTE_BKG_METHODS,
    add_data: (s: DataToExportEnlargeableSaver, a, ctx) => s.addData(where(ctx), a.dte("data"), {
      axisValues: a.axisValuesOrNull("axis_values"),
      axisValue: a.axisValueOrNull("axis_value"),
      settingsAsXml: a.str("settings_as_xml", ""),
      metadata: a.dictOrNull("metadata"),
    }),
  },
  DataToExportTimedSaver: {
    ...DTE_BKG_METHODS,
    add_data: (s: DataToExportTimedSaver, a, ctx) =>
      s.addData(where(ctx), a.dte("data"), { settingsAsXml: a.str("settings_as_xml", ""), metadata: a.dictOrNull("metadata") }),
  },
  DataToExportExtendedSaver: {
    ...DTE_BKG_METHODS,
    add_nav_axes: (s: DataToExportExtendedSaver, a, ctx) => s.addNavAxes(where(ctx), a.axes("axes")),
    add_data: (s: DataToExportExtendedSaver, a, ctx) => s.addData(where(ctx), a.dte("data"), a.ints("indexes"), {
      distribution: a.enumName("distribution"),
      settingsAsXml: a.str("settings_as_xml", ""),
      metadata: a.dictOrNull("metadata"),
    }),
  },
};
