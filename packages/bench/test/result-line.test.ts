// Parsing the one JSON line of a run.
import { describe, expect, it } from "vitest";
import { isBenchError } from "../src/errors.js";
import { parseResultLine } from "../src/result-line.js";
import { runC } from "./helpers.js";

const LINE = {
  impl: "x",
  workload: "w2",
  wall_s: 0.5,
  payload_bytes: 10,
  file_bytes: 20,
  op_med_s: 1e-5,
  op_mean_s: 2e-5,
  op_p95_s: 3e-5,
  op_max_s: 1e-3,
  op_first_s: 1e-3,
  n_ops: 3,
  build_s: 0.1,
};

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isBenchError(e) ? e.code : "other";
  }
  return undefined;
}

describe("result-line.parseResultLine", () => {
  it("parses the line among log lines and keeps extra fields", () => {
    const r = parseResultLine(`starting\n${JSON.stringify({ ...LINE, variant: "v" })}\ndone\n`);
    expect(r).toEqual({ ...LINE, variant: "v" });
  });

  it("parses the C program's output", () => {
    const r = runC(["w2", "--n", "3", "--m", "2"]);
    expect(r).toMatchObject({ impl: "c", workload: "w2", n_ops: 3, payload_bytes: 3 * (16 + 16 + 8), variant: "default", fsync: false });
    expect(r.op_first_s).toBeGreaterThanOrEqual(r.op_med_s);
    expect(r.file_bytes).toBeGreaterThan(0);
  });

  it("rejects no line, two lines, bad JSON and missing or negative fields", () => {
    expect(code(() => parseResultLine("nothing"))).toBe("bad-result-line");
    expect(code(() => parseResultLine(`${JSON.stringify(LINE)}\n${JSON.stringify(LINE)}`))).toBe("bad-result-line");
    expect(code(() => parseResultLine("{not json"))).toBe("bad-result-line");
    expect(code(() => parseResultLine(JSON.stringify({ ...LINE, wall_s: undefined })))).toBe("bad-result-line");
    expect(code(() => parseResultLine(JSON.stringify({ ...LINE, n_ops: -1 })))).toBe("bad-result-line");
    expect(code(() => parseResultLine(JSON.stringify({ ...LINE, impl: 3 })))).toBe("bad-result-line");
  });
});
