// Property: whatever the sequence of appends (single rows, blocks of rows, flushes in between),
// the EARRAY holds the concatenation and its `shape` attribute equals the dataset shape after
// every flush and after close.
import { PyTuple } from "@pymodaq-ts/data-model";
import fc from "fast-check";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@pymodaq-ts/test-support";
import { H5Backend } from "../src/conventions/h5-backend.js";
import type { EARRAY } from "../src/conventions/nodes/arrays.js";

let dir: string;
beforeAll(() => {
  dir = tempDir("ds-append-prop");
});

type Step = { rows: number; asRow: boolean; flush: boolean };
const step = fc.record({ rows: fc.integer({ min: 1, max: 5 }), asRow: fc.boolean(), flush: fc.boolean() });

describe("EARRAY append property", () => {
  it("content and shape attribute follow the appends", () => {
    let run = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { minLength: 1, maxLength: 12 }), (width, steps: Step[]) => {
        const path = join(dir, `p${run++}.h5`);
        const h5 = new H5Backend();
        h5.openFile(path, "w");
        const e = h5.createEarray("/", "e", "float64", [width]);
        const expected: number[] = [];
        let next = 0;
        for (const s of steps) {
          const rows = s.asRow ? 1 : s.rows;
          const values = Array.from({ length: rows * width }, () => next++);
          const shape = s.asRow ? [width] : [rows, width];
          e.append({ dtype: "float64", shape, data: Float64Array.from(values) });
          expected.push(...values);
          if (s.flush) {
            h5.flush();
            expect(e.attrs.getStored("shape").value).toBe(
              `{"module": "builtins", "type": "tuple", "data": "(${expected.length / width}, ${width})"}`,
            );
          }
        }
        h5.closeFile();
        h5.openFile(path, "r");
        const r = h5.getNode("/e") as EARRAY;
        expect(r.shape).toEqual([expected.length / width, width]);
        expect(r.attrs.get("shape")).toEqual(new PyTuple([BigInt(expected.length / width), BigInt(width)]));
        expect(Array.from(r.read().data as Float64Array)).toEqual(expected);
        h5.closeFile();
      }),
      { numRuns: 30 },
    );
  });
});
