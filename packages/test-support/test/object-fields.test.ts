import { describe, expect, it } from "vitest";
import { ownFields } from "../src/index.js";

class Point {
  constructor(readonly x: number, readonly tags: Map<string, Float64Array>) {}
}

describe("ownFields", () => {
  it("shows every own field with class names, TypedArrays by class and values, Maps by entries", () => {
    const p = new Point(1, new Map([["a", Float64Array.of(1, 2)]]));
    expect(ownFields([p, null, "s"])).toEqual([
      { cls: "Point", x: 1, tags: { cls: "Map", entries: [["a", { cls: "Float64Array", items: [1, 2] }]] } }, null, "s",
    ]);
  });

  it("tells apart what a plain deep equality would not: the class, and the TypedArray type", () => {
    const made = Object.assign(Object.create(Point.prototype) as Point, { x: 1, tags: new Map() });
    expect(ownFields(made)).toEqual(ownFields(new Point(1, new Map())));
    expect(ownFields({ x: 1, tags: new Map() })).not.toEqual(ownFields(new Point(1, new Map())));
    expect(ownFields(Float32Array.of(1))).not.toEqual(ownFields(Float64Array.of(1)));
  });
});
