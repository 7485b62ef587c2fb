/**
 * The C++ side re-checks every argument: junk handed straight to the addon's methods (bypassing
 * the TypeScript checks) raises H5ArgumentError or H5Error, never crashes the process.
 */
import { describe, expect, it } from "vitest";
import { H5ArgumentError, H5Error, H5File } from "../src/index.js";
import type { NativeNode } from "../src/native.js";
import { tempPath } from "@pymodaq-ts/test-support";

const JUNK: unknown[] = [
  undefined, null, true, -1, 1.5, NaN, Infinity, 2 ** 64, -(2 ** 60), "", "x\0y", "/no/such", {}, [],
  [-1], [1.5], [NaN], new Array(40).fill(1), [2 ** 53], new Float32Array(3), new BigInt64Array(2), Symbol("s"),
  Float64Array.of(-1, 0), Float64Array.of(1.5, 0), Float64Array.of(NaN, 0), new Float64Array(40), Float64Array.of(2 ** 53, 0),
];

/** The native handle behind a node (private in the typed API). */
const handleOf = (node: object) => (node as unknown as { handle: NativeNode }).handle;

function callAll(fn: (...args: unknown[]) => unknown, arity: number, base: unknown[]): number {
  let rejected = 0;
  for (let pos = 0; pos < arity; pos++) {
    for (const junk of JUNK) {
      const args = [...base];
      args[pos] = junk;
      try {
        fn(...args);
      } catch (e) {
        if (!(e instanceof H5ArgumentError || e instanceof H5Error || e instanceof TypeError)) throw e;
        rejected++;
      }
    }
  }
  return rejected;
}

describe("native argument re-checks", () => {
  it("survive junk arguments on every dataset and group method", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [4, 4], maxshape: [null, 4], chunks: [2, 4] });
    const vl = file.root.createVlenUint8("v", { chunks: [4] });
    const g = handleOf(file.root);
    const d = handleOf(ds);
    const v = handleOf(vl);
    const buf = new Float64Array(16);
    let rejected = 0;
    rejected += callAll((a, b, c, e) => d.read(a as Float64Array, b as number[], c as number[], e as number[]), 4, [buf, [0, 0], [4, 4], [1, 1]]);
    rejected += callAll((a, b, c, e) => d.write(a as Float64Array, b as number[], c as number[], e as number[]), 4, [buf, [0, 0], [4, 4], [1, 1]]);
    rejected += callAll((a, b) => d.append(a as Float64Array, b as number), 2, [new Float64Array(4), 1]);
    rejected += callAll((a) => d.resize(a as number[]), 1, [[4, 4]]);
    rejected += callAll((a) => v.vlenAppend(a as Uint8Array[]), 1, [[new Uint8Array(1)]]);
    rejected += callAll((a, b) => v.vlenRead(a as number, b as number), 2, [0, 0]);
    rejected += callAll((a, b) => g.createGroup(a as string, b as boolean), 2, ["g1", false]);
    rejected += callAll((a, b) => g.openObject(a as string, b as never), 2, ["d", [521, 0, 0]]);
    rejected += callAll((a) => g.kindOf(a as string), 1, ["d"]);
    rejected += callAll((a, b) => g.moveLink(a as string, b as string), 2, ["nope", "nope2"]);
    rejected += callAll((a, b) => g.createDataset(a as string, b as never), 2, ["n", { dtype: "int8", shape: [1], maxshape: [1] }]);
    rejected += callAll((a, b, c, e) => g.createVlen(a as string, b as number[], c as number, e as boolean), 4, ["w", [4], null, false]);
    rejected += callAll((a, b, c, e, f) => g.attrWriteNumeric(a as string, b as string, c as never, e as boolean, f as boolean), 5, ["a", "int32", new Int32Array(1), true, true]);
    rejected += callAll((a, b, c, e, f) => g.attrWriteString(a as string, b as string, c as boolean, e as boolean, f as boolean), 5, ["s", "x", false, true, true]);
    rejected += callAll((a, b, c, e, f) => g.attrWriteStrings(a as string[], b as string[], c as boolean, e as boolean, f as boolean), 5, [["s"], ["x"], false, true, true]);
    rejected += callAll((a) => g.attrRead(a as string), 1, ["a"]);
    expect(rejected).toBeGreaterThan(200);
    // The file is intact and still usable after all that.
    ds.write(Float64Array.from({ length: ds.shape()[0]! * 4 }, (_, i) => i));
    expect((ds.read() as Float64Array)[5]).toBe(5);
  });

  it("take selections as Float64Arrays (the block writer's form) with the same checks as arrays", () => {
    using file = H5File.create(tempPath());
    const ds = file.root.createDataset("d", { dtype: "float64", shape: [3, 4] });
    const d = handleOf(ds);
    d.write(Float64Array.of(7, 8), Float64Array.of(1, 2), Float64Array.of(1, 2));
    expect(Array.from(ds.read() as Float64Array)).toEqual([0, 0, 0, 0, 0, 0, 7, 8, 0, 0, 0, 0]);
    const target = new Float64Array(2);
    d.read(target, Float64Array.of(1, 2), Float64Array.of(1, 2));
    expect(Array.from(target)).toEqual([7, 8]);
    expect(() => d.write(target, Float64Array.of(1, 2.5), Float64Array.of(1, 2))).toThrow(/selection\.start\[1\] must be a non-negative safe integer/);
    expect(() => d.write(target, Float64Array.of(1), Float64Array.of(1, 2))).toThrow(/selection\.start has 1 dimensions, expected 2/);
    expect(() => d.write(target, Float64Array.of(2, 3), Float64Array.of(1, 2))).toThrow(/selection\[1\] \(start 3, count 2, stride 1\) is out of range for extent 4/);
  });
});
