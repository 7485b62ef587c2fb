import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findCycles, runtimeImportGraph, runtimeSpecifiers } from "../src/import-graph.js";
import { tempDir } from "../src/temp.js";

/** A temporary source folder holding `files` (path -> content). */
function sources(files: Record<string, string>): string {
  const dir = tempDir("import-graph");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("runtimeSpecifiers", () => {
  it("keeps value imports, re-exports and bare imports; drops import type and export type", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "./b.js";',
      "import {",
      "  c,",
      "  type C,",
      '} from "./c.js";',
      'export { d } from "./d.js";',
      'export type { E } from "./e.js";',
      'export * from "./f.js";',
      'import "./g.js";',
      'import { type H } from "./h.js";',
      'import Qty from "js-quantities";',
      ' * import { doc } from "./in-a-comment.js";',
    ].join("\n");
    expect(runtimeSpecifiers(source)).toEqual(["./a.js", "./c.js", "./d.js", "./f.js", "./g.js", "./h.js"]);
  });
});

describe("findCycles", () => {
  it("finds each cycle once, through type-free imports only, and none in a tree", () => {
    const dir = sources({
      "a.ts": 'import { b } from "./b.js";\nexport const a = 1;',
      "b.ts": 'import { c } from "./sub/c.js";\nexport const b = 1;',
      "sub/c.ts": 'import { a } from "../a.js";\nexport const c = 1;',
      "d.ts": 'import type { e } from "./e.js";\nexport const d = 1;',
      "e.ts": 'import { d } from "./d.js";\nexport const e = 1;',
      "f.ts": 'import { f2 } from "./f.js";\nexport const f2 = 1;',
      "types.d.ts": 'import { a } from "./a.js";',
    });
    const graph = runtimeImportGraph(dir);
    expect(graph.get("sub/c.ts")).toEqual(["a.ts"]);
    expect(graph.get("d.ts")).toEqual([]);
    expect(graph.has("types.d.ts")).toBe(false);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "sub/c.ts", "a.ts"], ["f.ts", "f.ts"]]);
    expect(findCycles(runtimeImportGraph(sources({ "x.ts": 'import "./y.js";', "y.ts": "" })))).toEqual([]);
  });

  it("reports an import of a missing module", () => {
    const dir = sources({ "a.ts": 'import { b } from "./nowhere.js";' });
    expect(() => runtimeImportGraph(dir)).toThrow("a.ts imports './nowhere.js', which is no source file");
  });
});

describe("the sources of every package", () => {
  for (const pkg of ["h5-lowlevel", "data-model", "data-saving", "examples", "bench", "reliability", "quickstart", "test-support"]) {
    it(`${pkg} has no runtime import cycle`, () => {
      const graph = runtimeImportGraph(fileURLToPath(new URL(`../../${pkg}/src`, import.meta.url)));
      expect(graph.size).toBeGreaterThan(0);
      expect(findCycles(graph)).toEqual([]);
    });
  }
});
