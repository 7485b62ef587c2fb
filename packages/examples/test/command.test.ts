import { describe, expect, it } from "vitest";
import { formatHelp, parseExampleArgs, type ExampleCommand } from "../src/cli/command.js";
import { isUsageError } from "../src/errors.js";

const demo: ExampleCommand = {
  name: "demo",
  summary: "a test example",
  flags: {
    nx: { type: "string", default: "64", valueName: "N", description: "points along x" },
    rate: { type: "string", valueName: "HZ", description: "acquisition rate" },
    plot: { type: "boolean", description: "draw a picture" },
  },
  positionals: [{ name: "FILE", description: "file to open", required: false }],
  run: async () => undefined,
};

function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isUsageError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("parseExampleArgs", () => {
  it("applies defaults and reads typed values", () => {
    const a = parseExampleArgs(demo, ["--rate", "2.5", "--plot", "f.h5"]);
    expect(a.number("nx", { integer: true, min: 1 })).toBe(64);
    expect(a.number("rate")).toBe(2.5);
    expect(a.flag("plot")).toBe(true);
    expect(a.flag("help")).toBe(false);
    expect(a.positionals).toEqual(["f.h5"]);
    expect(a.string("out")).toBeUndefined();
    expect(parseExampleArgs(demo, ["--nx=8", "--out", "/tmp/x"]).string("out")).toBe("/tmp/x");
  });

  it("rejects unknown flags with the flag's name", () => {
    expect(usageError(() => parseExampleArgs(demo, ["--nz", "3"]))).toBe("demo: unknown option '--nz'");
    expect(usageError(() => parseExampleArgs(demo, ["-q"]))).toBe("demo: unknown option '-q'");
  });

  it("rejects a missing value, a value given to a boolean, and extra arguments", () => {
    expect(usageError(() => parseExampleArgs(demo, ["--nx"]))).toBe("demo: option '--nx' needs a value");
    expect(usageError(() => parseExampleArgs(demo, ["--plot=yes"]))).toBe("demo: option '--plot' takes no value");
    expect(usageError(() => parseExampleArgs(demo, ["a.h5", "b.h5"]))).toBe("demo: unexpected argument 'b.h5'");
  });

  it("reports a required positional that is missing", () => {
    const strict: ExampleCommand = { ...demo, positionals: [{ name: "FILE", description: "f", required: true }] };
    expect(usageError(() => parseExampleArgs(strict, []))).toBe("demo: missing FILE");
    expect(parseExampleArgs(strict, ["--help"]).flag("help")).toBe(true);
  });

  it("checks numeric values", () => {
    const a = parseExampleArgs(demo, ["--nx", "4.5", "--rate", "abc"]);
    expect(usageError(() => a.number("nx", { integer: true }))).toBe("demo: --nx must be an integer, got '4.5'");
    expect(usageError(() => a.number("rate"))).toBe("demo: --rate must be a number, got 'abc'");
    const b = parseExampleArgs(demo, ["--nx", "0", "--rate", ""]);
    expect(usageError(() => b.number("nx", { min: 1 }))).toBe("demo: --nx must be >= 1, got 0");
    expect(usageError(() => b.number("rate"))).toBe("demo: --rate must be a number, got ''");
    expect(parseExampleArgs(demo, []).optionalNumber("rate")).toBeUndefined();
    expect(usageError(() => parseExampleArgs(demo, []).number("rate"))).toBe("demo: --rate is required");
  });
});

describe("formatHelp", () => {
  it("lists every flag with its default, plus --out and --help", () => {
    const help = formatHelp(demo, "pnpm example");
    expect(help).toContain("Usage: pnpm example demo [FILE] [options]");
    expect(help).toContain("a test example");
    expect(help).toMatch(/--nx N\s+points along x \(default: 64\)/);
    expect(help).toMatch(/--plot\s+draw a picture/);
    expect(help).toMatch(/--out DIR\s+where files are written \(default: <repo>\/out\/demo\//);
    expect(help).toMatch(/-h, --help\s+show this help/);
  });

  it("leaves out --out for an example that writes nothing", () => {
    expect(formatHelp({ ...demo, writesFiles: false }, "x")).not.toContain("--out");
  });
});
