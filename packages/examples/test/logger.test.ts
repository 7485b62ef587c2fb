import { existsSync } from "node:fs";
import path from "node:path";
import { tempDir } from "@pymodaq-ts/test-support";
import { DataLoader } from "@pymodaq-ts/data-saving";
import { beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../src/cli.js";
import { LOGGER_FILE, LOGGER_NODES, pointsInFile } from "../src/examples/logger.js";
import { loggerMessages } from "../src/report/logger-messages.js";
import { startExample } from "./helpers/child.js";
import { runExample } from "./helpers/run-example.js";

let tmp: string;
beforeEach(() => {
  tmp = tempDir("examples-logger");
});

/** Starts a logger that would run a minute, stops it with `signal` once it has logged a few points. */
async function stopWith(signal: "SIGINT" | "SIGTERM") {
  const run = startExample(["logger", "--duration", "60", "--interval", "20", "--pixels", "32", "--out", tmp]);
  try {
    await run.waitFor(/^logging to /m, 45_000);
    // Let it log some points, then stop it as Ctrl-C or a service manager would.
    await new Promise((resolve) => setTimeout(resolve, 600));
    run.child.kill(signal);
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGKILL");
  }
}

describe("logger", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`stops cleanly on ${signal}: exit 0, file closed, holding the count it reports`, async () => {
      const r = await stopWith(signal);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`stopped by ${signal}`);
      const file = path.join(tmp, LOGGER_FILE);
      const m = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} holds (\\d+) points`).exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      const held = Number(m?.[1]);
      expect(held).toBeGreaterThan(0);
      expect(pointsInFile(file)).toBe(held);
      using loader = new DataLoader(file);
      expect(loader.loadData(LOGGER_NODES.power).shape).toEqual([held]);
      expect(loader.loadData(LOGGER_NODES.spectrum, { loadAll: true }).shape).toEqual([held, 32]);
      const time = loader.getNode(LOGGER_NODES.time);
      expect(time.attrs.get("size")).toBe(BigInt(held));
      const messages = loggerMessages(loader);
      expect(messages.at(-1)).toBe(`logger stopped (${signal}) after ${held} points`);
    }, 90_000);
  }

  it("logs --count points then stops by itself", async () => {
    const r = await runExample(["logger", "--count", "7", "--interval", "0", "--pixels", "16", "--out", tmp], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(r.stdout).toContain("stopped by the count: 7 points logged");
    expect(pointsInFile(path.join(tmp, LOGGER_FILE))).toBe(7);
    using loader = new DataLoader(path.join(tmp, LOGGER_FILE));
    const times = loader.loadData(LOGGER_NODES.power).getAxisFromLabel("time")?.getData().data as Float64Array;
    expect(times).toHaveLength(7);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
  });

  it("stops after --duration seconds", async () => {
    const started = performance.now();
    const r = await runExample(["logger", "--duration", "0.3", "--interval", "50", "--pixels", "16", "--out", tmp], tmp);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(r.stdout).toMatch(/stopped by the duration: \d+ points logged/);
    const held = Number(/holds (\d+) points/.exec(r.stdout)?.[1]);
    expect(held).toBeGreaterThanOrEqual(2);
    expect(pointsInFile(path.join(tmp, LOGGER_FILE))).toBe(held);
  });

  it("rejects a bad interval with a usage error and creates no file", async () => {
    const r = await runExample(["logger", "--interval=-5", "--out", tmp], tmp);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain("--interval must be >= 0");
    const dash = await runExample(["logger", "--interval", "-5", "--out", tmp], tmp);
    expect(dash.code).toBe(EXIT.usage);
    expect(dash.stderr).toContain("option '--interval' needs a value; write --interval=VALUE for a value starting with '-'");
    expect(existsSync(path.join(tmp, LOGGER_FILE))).toBe(false);
  });
});
