import { expect, it } from "vitest";

it("public export list", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toMatchSnapshot();
});
