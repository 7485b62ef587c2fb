/**
 * `load`: opens any PyMoDAQ file read-only (ours, or one PyMoDAQ wrote), prints its tree and a
 * summary of each data node as DataLoader loads it; `--plot NODE` draws one node.
 */
import path from "node:path";
import { DataLoader, pythonErrorText } from "@pymodaq-ts/data-saving";
import type { ExampleCommand, ExampleContext, ParsedArgs } from "../cli/command.js";
import { prepareOutDir } from "../cli/out-dir.js";
import { renderDataPlot } from "../plot/data-plot.js";
import { writePicture } from "../plot/render.js";
import { describeData } from "../report/describe.js";
import { dataNodePaths, treeLines } from "../report/tree.js";

export const load: ExampleCommand = {
  name: "load",
  summary: "print a PyMoDAQ file's tree and data summaries (read-only); optionally plot one node",
  details:
    "Works on files written here and on files written by PyMoDAQ (e.g. fixtures/pymodaq/*.h5 of this repository).\n" +
    "--plot draws a node with one long dimension as lines, with two as a heatmap, into --out.",
  positionals: [{ name: "FILE", description: "the .h5 file to open (read-only)", required: true }],
  writesFiles: false,
  flags: {
    plot: { type: "string", valueName: "NODE", description: "path of a data node to plot, e.g. /RawData/Detector000/Data1D/CH00/Data00" },
    out: { type: "string", valueName: "DIR", description: "where --plot writes its picture (default: <repo>/out/load/)" },
  },
  run: runLoad,
};

async function runLoad(args: ParsedArgs, ctx: ExampleContext): Promise<void> {
  const file = path.resolve(ctx.baseDir, args.positionals[0] ?? "");
  const out = (line: string): void => void ctx.stdout.write(`${line}\n`);
  using loader = new DataLoader(file);
  out(`${file}`);
  for (const line of treeLines(loader)) out(`  ${line}`);
  const nodes = dataNodePaths(loader);
  out("");
  out(`data nodes (${nodes.length}):`);
  for (const node of nodes) {
    out(`  ${node}`);
    try {
      for (const line of describeData(loader.loadData(node), "    ")) out(line);
    } catch (e) {
      out(`    cannot load: ${pythonErrorText(e)}`);
    }
  }
  const plotPath = args.string("plot");
  if (plotPath === undefined) return;
  let dwa;
  try {
    dwa = loader.loadData(plotPath);
  } catch (e) {
    throw args.error(`--plot ${plotPath}: ${pythonErrorText(e)}`);
  }
  const picture = await renderDataPlot(dwa, `${path.basename(file)}: ${plotPath}`);
  const dir = prepareOutDir("load", args.string("out"), ctx.baseDir);
  const base = path.join(dir, `${path.basename(file, ".h5")}${plotPath.replace(/[^A-Za-z0-9_.-]+/g, "_")}`);
  const written = await writePicture(picture, base);
  out("");
  out(`plot of ${plotPath}:`);
  out(`  ${written.svg}`);
  out(`  ${written.png}`);
}
