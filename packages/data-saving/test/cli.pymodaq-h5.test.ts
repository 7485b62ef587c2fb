/**
 * The `pymodaq-h5` command: help and usage errors, `inspect` (text and --json) on a fixture
 * written by pymodaq_data, `replay` of a fixture scenario, and the executable entry itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureDir, repoRoot, tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { USAGE } from "../src/cli/run.js";
import { runCommand } from "./cli.helpers.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));
const fixtures = fixtureDir;

const run = runCommand;

let dir: string;
beforeEach(() => {
  dir = tempDir("pymodaq-cli");
});

describe("pymodaq-h5 help and usage", () => {
  it("prints the usage with --help and exits 0", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(USAGE);
    expect(r.out).toMatch(/inspect FILE\.h5 \[--json\]/);
    expect(r.out).toMatch(/replay SCENARIO\.json OUT\.h5/);
  });

  it("exits 2 with the usage on stderr for no command, an unknown command or option", async () => {
    expect((await run()).code).toBe(2);
    const unknown = await run("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command frobnicate/);
    const option = await run("inspect", join(fixtures, "logger_h5py.h5"), "--yaml");
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/unknown option --yaml/);
    expect((await run("inspect")).code).toBe(2);
    expect((await run("replay", "only-one.json")).code).toBe(2);
  });
});

describe("pymodaq-h5 inspect", () => {
  it("prints the canonical load JSON with --json", async () => {
    const file = join(fixtures, "dsl_nested_h5py.h5");
    const r = await run("inspect", file, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(doc["format"]).toBe("pymodaq-canonical-load");
    expect(doc).toEqual(JSON.parse(stringifyCanonical(inspectFile(file))));
  });

  it("prints a readable tree with kinds, shapes, attributes and load summaries", async () => {
    const r = await run("inspect", join(fixtures, "dte_bkg_tables.h5"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^dte_bkg_tables\.h5$/m);
    expect(r.out).toMatch(/^ {2}RawData \[group\] {2}"Data from PyMoDAQ modules"/m);
    expect(r.out).toMatch(/Data00 \[CARRAY\] {2}"line" {2}float32 \(6,\) {2}data_type="data"/);
    expect(r.out).toMatch(/load_bkg: Data1D uniform \(6,\) x1 float32/);
    expect(r.out).toMatch(/Logger \[VLARRAY\].*vlen-uint8 \(0,\)/);
    expect(r.out).toMatch(/^load_all_root: "line", "frame"$/m);
  });

  it("shows failing loads as errors", async () => {
    const r = await run("inspect", join(fixtures, "edge_loaderror_h5py.h5"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/load: error: IndexError/);
    expect(r.out).toMatch(/^load_all_root: error: IndexError/m);
  });

  it("exits 1 for a missing file or a file that is not HDF5", async () => {
    const missing = await run("inspect", join(dir, "nope.h5"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);
    const notHdf5 = await run("inspect", join(fixtures, "README.md"), "--json");
    expect(notHdf5.code).toBe(1);
    expect(JSON.parse(notHdf5.out).fatal_error).toMatch(/./);
  });
});

describe("pymodaq-h5 replay", () => {
  it("writes the file of a fixture scenario, which then inspects like the fixture's loads", async () => {
    const out = join(dir, "replayed.h5");
    const r = await run("replay", join(fixtures, "dsl_nested_h5py.scenario.json"), out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*replayed\.h5 \(\d+ steps\)$/m);
    expect(existsSync(out)).toBe(true);
    const dte = inspectFile(out).load_all_root as { names: string[] };
    expect(dte.names).toEqual(["first", "last", "rootdata"]);
  });

  it("exits 1 for a missing scenario or one that is not a scenario", async () => {
    const r = await run("replay", join(dir, "none.json"), join(dir, "x.h5"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no such scenario/);
    const wrong = await run("replay", join(fixtures, "dsl_nested_h5py.expected.json"), join(dir, "y.h5"));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/replay of .*dsl_nested_h5py\.expected\.json failed/);
  });
});

describe("the executable entry", () => {
  it("runs src/cli.ts and sets the exit status", () => {
    const tsx = resolve(repoRoot, "node_modules/.bin/tsx");
    const help = spawnSync(tsx, [join(packageRoot, "src/cli.ts"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(USAGE);
    const bad = spawnSync(tsx, [join(packageRoot, "src/cli.ts"), "inspect"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});
