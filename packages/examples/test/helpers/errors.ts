/** Assertion helpers for the package's typed errors. */
import { expect } from "vitest";
import { isInvalidOptionsError } from "../../src/errors.js";

/** Asserts that every call throws an InvalidOptionsError (a label per call makes failures readable). */
export function expectInvalidOptions(calls: ReadonlyArray<() => unknown>): void {
  calls.forEach((call, i) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(isInvalidOptionsError(error), `call #${i} should throw InvalidOptionsError, got ${String(error)}`).toBe(true);
  });
}
