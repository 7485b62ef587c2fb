import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureDir, fixtureNames, fixturePath, repoRoot } from "../src/fixtures.js";
import { tempDir, tempPath } from "../src/temp.js";

describe("fixtures", () => {
  it("are found inside the repository, each with its expectation and scenario", () => {
    expect(fixtureDir.startsWith(repoRoot)).toBe(true);
    const names = fixtureNames();
    expect(names.length).toBe(25);
    expect(fixtureNames(".expected.json")).toEqual(names);
    expect(fixtureNames(".scenario.json")).toEqual(names);
    for (const name of names) expect(statSync(fixturePath(name, ".h5")).size).toBeGreaterThan(0);
  });

  it("a missing fixture file is an error naming it", () => {
    expect(() => fixturePath("no_such_fixture", ".h5")).toThrow(/no fixture file no_such_fixture\.h5/);
  });
});

describe("temporary directories", () => {
  const fileScoped = tempDir("test-support-file");
  let fromTest = "";

  it("a directory made in a test exists during it", () => {
    fromTest = tempDir("test-support");
    writeFileSync(join(fromTest, "x"), "x");
    expect(existsSync(fromTest)).toBe(true);
    expect(tempPath("a.h5")).toMatch(/pymodaq-ts-[^/\\]+[/\\]a\.h5$/);
  });

  it("is removed after that test, while one made outside a test lives until the file ends", () => {
    expect(existsSync(fromTest)).toBe(false);
    expect(existsSync(fileScoped)).toBe(true);
  });

  it("rejects a prefix that is not a plain name", () => {
    expect(() => tempDir("../x")).toThrow(/invalid prefix/);
  });
});
