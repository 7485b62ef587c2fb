/**
 * Class names in messages and reprs are the source's, also in the published build, where the
 * bundler renames a class that refers to itself (`var NDArray = class _NDArray`).
 */
import { describe, expect, it } from "vitest";
import { className } from "../src/class-name.js";

describe("className", () => {
  it("gives the class name, without the underscore a bundler puts before it", () => {
    const Renamed = class _Thing {};
    expect(Renamed.name).toBe("_Thing");
    expect(className(new Renamed())).toBe("Thing");
    expect(className(new Map())).toBe("Map");
    expect(className(new (class _lower {})())).toBe("_lower");
    expect(className(Object.create(null) as object)).toBe("object");
  });

  it("the published build names its classes as the source does in reprs and messages", async () => {
    // By URL: the build is made before the tests run, not before the type check.
    const built = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof import("../src/index.js");
    const data = [new built.NDArray("float64", [2], new Float64Array(2))];
    expect(String(new built.DataWithAxes("x", { source: "raw", data }))).toBe("<DataWithAxes: x <u: > <len:1> (|2)>");
    expect(() => new built.DataWithAxes("x", { source: "raw", data, bogus: 1 } as never)).toThrow(/^DataWithAxes: unknown option 'bogus'/);
    expect(built.className(data[0]!)).toBe("NDArray");
  });
});
