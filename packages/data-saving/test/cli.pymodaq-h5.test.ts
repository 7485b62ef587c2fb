/**
 * The `pymodaq-h5` command: help and usage errors, `inspect` (text and --json) on a fixture
 * written by pymodaq_data, `replay` of a fixture scenario, and the executable entry itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureDir, fixturePath, repoRoot, tempDir } from "@pymodaq-ts/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import { USAGE } from "../src/cli/run.js";
import { runCommand } from "./cli.helpers.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { inspectFile } from "../src/tools/canonical/inspect.js";
import { libhdf5Storage } from "../src/storage/libhdf5.js";
import { carraySpec, FILE_SETTINGS } from "../src/conventions/layout.js";

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

describe("pymodaq-h5 inspect on hostile inputs", () => {
  /** A one-line message naming the file, no stack trace. */
  function expectOneLineError(r: { code: number; err: string }, named: string): void {
    expect(r.code).toBe(1);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain(named);
    expect(r.err).not.toMatch(/\n\s+at /);
  }

  it("ends every unreadable input in one line naming the file and exit status 1", async () => {
    const truncated = join(dir, "truncated.h5");
    writeFileSync(truncated, readFileSync(fixturePath("dte_mixed_h5py", ".h5")).subarray(0, 3000));
    const random = join(dir, "random.h5");
    let x = 12345;
    writeFileSync(random, Uint8Array.from({ length: 5000 }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) & 0xff));
    const empty = join(dir, "empty.h5");
    writeFileSync(empty, "");
    for (const file of [truncated, random, empty]) expectOneLineError(await run("inspect", file), file);
    expectOneLineError(await run("inspect", dir), dir);
    expectOneLineError(await run("inspect", join(dir, "missing.h5")), "missing.h5");
    const nul = await run("inspect", join(dir, "run.h5\0x"));
    expectOneLineError(nul, "run.h5\\u0000x");
    expect(nul.err).toMatch(/NUL byte/);
  });

  it("reports an HDF5 file that is not a PyMoDAQ file, and prints integers beyond 2^53 in text mode", async () => {
    const file = join(dir, "plain.h5");
    const h5 = libhdf5Storage.create(file, FILE_SETTINGS);
    const array = h5.root.createArray("x", carraySpec("float64", [3], null));
    array.attrs.setInteger("index", 2 ** 60, "int64");
    h5.close();
    const text = await run("inspect", file);
    expect(text.err).toBe("");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/x \[dataset\] {2}float64 \(3,\) {2}index=1152921504606846976$/m);
    expect(text.out).toMatch(/^load_all_root: error: NodeError: \/RawData: expected a group$/m);
  });

  it("reports a dataset past the memory budget instead of reading it", async () => {
    const file = join(dir, "huge.h5");
    const h5 = libhdf5Storage.create(file, FILE_SETTINGS);
    // declared 2^27 float64 (1 GiB), never written: a few KB on disk
    h5.root.createArray("Data00", { ...carraySpec("float64", [2 ** 27], null), chunks: [2 ** 16], allocTime: "incr" });
    h5.close();
    const r = await run("inspect", file, "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { file_errors: string[] }).file_errors).toEqual([
      expect.stringMatching(/^\/Data00: \/Data00: reading it needs 1073741824 bytes, above the memory budget of 536870912 bytes/),
    ]);
  });
});

describe("the executable entry on hostile inputs", () => {
  const tsx = resolve(repoRoot, "node_modules/.bin/tsx");
  const cli = join(packageRoot, "src/cli.ts");

  it("ends quietly when its reader closes the pipe (inspect F | head)", () => {
    const file = fixturePath("dsl_channels_tables", ".h5");
    const r = spawnSync("bash", ["-c", `"$0" "$1" inspect "$2" --json | head -c 10; exit "\${PIPESTATUS[0]}"`, tsx, cli, file], { encoding: "utf8" });
    expect(r.stdout).toBe('{"format":');
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("reports a file that is not HDF5 in one line, without a stack trace", () => {
    const file = join(dir, "not.h5");
    writeFileSync(file, "not an HDF5 file\n".repeat(100));
    const r = spawnSync(tsx, [cli, "inspect", file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`cannot read ${file}: `)]);
  });
});
