/**
 * Where a command reads or writes: a local file path, or an HSDS domain written
 * `hsds:/home/USER/NAME.h5` whose service and user come from HS_ENDPOINT, HS_USERNAME and
 * HS_PASSWORD (as h5pyd has them).
 */
import { existsSync } from "node:fs";
import { libhdf5Storage } from "../storage/libhdf5.js";
import type { Storage } from "../storage/types.js";
import { domainOf } from "../storage/hsds/endpoint.js";
import { hsdsStorage } from "../storage/hsds/storage.js";

export interface Target {
  /** What the storage is given: the file path, or the domain path. */
  readonly path: string;
  readonly storage: Storage;
  /** How the user wrote it (for messages). */
  readonly label: string;
  /** True when it exists (for inputs). */
  exists(): boolean;
}

/**
 * The target named by a command-line argument.
 * @throws InvalidValueError for a malformed domain or a missing/malformed HS_ENDPOINT.
 */
export function targetOf(arg: string, env: NodeJS.ProcessEnv = process.env): Target {
  const domain = domainOf(arg);
  if (domain === null) return { path: arg, storage: libhdf5Storage, label: arg, exists: () => existsSync(arg) };
  const storage = hsdsStorage({
    ...(env["HS_ENDPOINT"] === undefined ? {} : { endpoint: env["HS_ENDPOINT"] }),
    ...(env["HS_USERNAME"] === undefined ? {} : { username: env["HS_USERNAME"] }),
    ...(env["HS_PASSWORD"] === undefined ? {} : { password: env["HS_PASSWORD"] }),
  });
  return { path: domain, storage, label: arg, exists: () => storage.exists(domain) };
}
