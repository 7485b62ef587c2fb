/** Validation of options objects: unknown (often misspelled) keys are rejected. */
import { BenchError } from "./errors.js";

/**
 * @param options the object received (undefined is accepted as empty)
 * @param allowed the keys it may have
 * @param where the function name for the message
 * @throws BenchError `bad-option` naming the first unknown key
 */
export function checkOptionKeys(options: object | undefined, allowed: readonly string[], where: string): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null) throw new BenchError("bad-option", `${where}: options must be an object`);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new BenchError("bad-option", `${where}: unknown option "${key}" (allowed: ${allowed.join(", ")})`);
  }
}
