import { describe, expect, it } from "vitest";
import type { ChildRun } from "../src/child.js";
import { classify, hasStackTrace } from "../src/outcome.js";

const run = (over: Partial<ChildRun>): ChildRun => ({
  status: 0, signal: null, stdout: "", stderr: "", timedOut: false, memoryExceeded: false, peakRssMb: 50, ms: 10, messages: [], ...over,
});
const typed = (stderr: string) => stderr.startsWith("pymodaq-h5: cannot read") && !hasStackTrace(stderr);

describe("classify", () => {
  it("sorts each way a child ends into one category", () => {
    expect(classify(run({}), typed)).toBe("load");
    expect(classify(run({ status: 1, stderr: "pymodaq-h5: cannot read f.h5: bad\n" }), typed)).toBe("typed-error");
    expect(classify(run({ status: 1, stderr: "pymodaq-h5: TypeError: x\n    at f (/a/b.js:1:2)\n" }), typed)).toBe("untyped-error");
    expect(classify(run({ status: null, signal: "SIGSEGV" }), typed)).toBe("crash");
    expect(classify(run({ status: null, signal: "SIGKILL", timedOut: true }), typed)).toBe("hang");
    expect(classify(run({ status: null, signal: "SIGKILL", memoryExceeded: true }), typed)).toBe("memory");
    expect(classify(run({ status: null, signal: "SIGABRT", stderr: "FATAL ERROR: Reached heap limit" }), typed)).toBe("memory");
  });
});
