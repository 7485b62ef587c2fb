/**
 * `pymodaq-h5` with HSDS domains (a real HSDS from ../shared/services/hsds, started here): the
 * service and the user come from HS_ENDPOINT / HS_USERNAME / HS_PASSWORD; `replay` writes a
 * domain, `inspect` reads one (each array once), `export` and `import` copy between a domain and
 * a local file, and the copies load as the originals do. Failures exit 1 with HSDS's status.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCommand } from "./cli.helpers.js";
import { DataLoader } from "../src/loader/data-loader.js";
import { hsdsStorage } from "../src/storage/hsds/storage.js";
import type { Storage } from "../src/storage/types.js";
import { inspectFile, inspectLoader } from "../src/tools/canonical/inspect.js";
import { stringifyCanonical } from "../src/tools/canonical/json.js";
import { FIXTURES, hsdsUnavailable, startHsds, type RunningHsds } from "./hsds.helpers.js";

if (hsdsUnavailable !== null) console.log(hsdsUnavailable);

const packageRoot = fileURLToPath(new URL("../", import.meta.url));
const tsx = resolve(packageRoot, "../../node_modules/.bin/tsx");

const run = runCommand;

/** The canonical JSON printed by `inspect --json`, without the file name. */
const withoutFile = (json: string): unknown => ({ ...(JSON.parse(json) as object), file: "" });

describe.runIf(hsdsUnavailable === null)("pymodaq-h5 with hsds:/ domains", () => {
  let hsds: RunningHsds;
  let dir: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    hsds = await startHsds();
    dir = mkdtempSync(join(tmpdir(), "pymodaq-cli-hsds-"));
    Object.assign(process.env, { HS_ENDPOINT: hsds.endpoint, HS_USERNAME: "test_user1", HS_PASSWORD: "test" });
  }, 900_000);
  // The storage blocks its thread during each request; a turn of the event loop between tests lets
  // the test worker answer vitest's messages in time.
  beforeEach(() => new Promise<void>((r) => setImmediate(r)));
  afterAll(async () => {
    for (const k of ["HS_ENDPOINT", "HS_USERNAME", "HS_PASSWORD"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await hsds?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("replay writes a domain that inspect reads as the local replay; export gives the same file", async () => {
    const scenario = join(FIXTURES, "dte_enl3_tables_zlib.scenario.json");
    const local = join(dir, "enl3.h5");
    expect((await run("replay", scenario, local)).code).toBe(0);
    const r = await run("replay", scenario, "hsds:/home/test_user1/enl3.h5");
    expect(r).toEqual({ code: 0, out: "wrote hsds:/home/test_user1/enl3.h5 (8 steps)\n", err: "" });
    const expected = { ...inspectFile(local), file: "" };
    const onHsds = await run("inspect", "hsds:/home/test_user1/enl3.h5", "--json");
    expect(onHsds.code).toBe(0);
    expect(withoutFile(onHsds.out)).toEqual(JSON.parse(stringifyCanonical(expected)));

    const exported = join(dir, "enl3.exported.h5");
    const e = await run("export", "hsds:/home/test_user1/enl3.h5", exported);
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/^copied hsds:\/home\/test_user1\/enl3\.h5 to .*: \d+ groups, \d+ arrays, 1 VLARRAYs, \d+ attributes\n$/);
    expect(stringifyCanonical({ ...inspectFile(exported), file: "" })).toBe(stringifyCanonical(expected));
  }, 120_000);

  it("import copies a PyMoDAQ file into a domain that loads as the file (the built command, in its own process)", () => {
    const original = join(FIXTURES, "dte_mixed_h5py_gzip.h5");
    const imported = spawnSync(tsx, [join(packageRoot, "src/cli.ts"), "import", original, "hsds:/home/test_user1/mixed.h5"], { encoding: "utf8" });
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    const inspected = spawnSync(tsx, [join(packageRoot, "src/cli.ts"), "inspect", "hsds:/home/test_user1/mixed.h5", "--json"], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(inspected.status).toBe(0);
    expect(withoutFile(inspected.stdout)).toEqual(JSON.parse(stringifyCanonical({ ...inspectFile(original), file: "" })));
    const text = spawnSync(tsx, [join(packageRoot, "src/cli.ts"), "inspect", "hsds:/home/test_user1/mixed.h5"], { encoding: "utf8" });
    expect(text.stdout).toMatch(/^mixed\.h5\n\/ \[group\]/);
  }, 120_000);

  it("inspect reads each array of a domain once (one request for its values), and its document is the file's", async () => {
    const original = join(FIXTURES, "dte_bkg_tables.h5");
    expect((await run("import", original, "hsds:/home/test_user1/bkg.h5")).code).toBe(0);
    const storage = hsdsStorage({ endpoint: hsds.endpoint, username: "test_user1", password: "test" });
    /** The document and the value reads of an inspect through `through`. */
    const inspect = (through: Storage): { doc: unknown; valueReads: number } => {
      const loader = new DataLoader("/home/test_user1/bkg.h5", { storage: through });
      try {
        const before = storage.stats.valueReads;
        const doc = stringifyCanonical({ ...inspectLoader(loader, "bkg.h5"), file: "" });
        return { doc, valueReads: storage.stats.valueReads - before };
      } finally {
        loader.closeFile();
      }
    };
    const shared = inspect(storage);
    // The same service, without what tells the inspector that a read is a request: every load reads.
    const unshared = inspect({ ...storage, remote: false });
    const expected = stringifyCanonical({ ...inspectFile(original), file: "" });
    expect(shared.doc).toBe(expected);
    expect(unshared.doc).toBe(expected);
    // One read per dataset holding values: every array, and the VLARRAYs with rows.
    const tree = (JSON.parse(expected) as { tree: Record<string, { kind: string; dtype?: string; shape?: number[] }> }).tree;
    const withValues = Object.values(tree).filter((e) => e.kind === "dataset" && e.dtype !== "other" && e.shape![0] !== 0).length;
    expect(shared.valueReads).toBe(withValues);
    expect(unshared.valueReads).toBeGreaterThan(2 * withValues);
  }, 120_000);

  it("exits 1 with the reason for a missing domain, bad credentials or another user's folder; 2 for misplaced arguments", async () => {
    expect(await run("inspect", "hsds:/home/test_user1/none.h5")).toEqual({ code: 1, out: "", err: "pymodaq-h5: no such domain: hsds:/home/test_user1/none.h5\n" });
    process.env["HS_PASSWORD"] = "wrong";
    try {
      const r = await run("inspect", "hsds:/home/test_user1/enl3.h5");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/401 authentication failed/);
    } finally {
      process.env["HS_PASSWORD"] = "test";
    }
    const forbidden = await run("import", join(FIXTURES, "logger_h5py.h5"), "hsds:/home/test_user2/x.h5");
    expect(forbidden.code).toBe(1);
    expect(forbidden.err).toMatch(/403 permission denied/);
    expect((await run("export", join(dir, "a.h5"), "b.h5")).code).toBe(2);
    expect((await run("import", "hsds:/home/test_user1/a.h5", "b.h5")).code).toBe(2);
  }, 60_000);
});
