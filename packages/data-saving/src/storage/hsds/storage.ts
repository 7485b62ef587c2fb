/**
 * `hsdsStorage`: the storage interface on an HSDS service, so that the savers and loaders write
 * and read domains (`/home/USER/NAME.h5`) as they do files. Synchronous like the interface: each
 * call that needs the service blocks on one HTTP request (http-bridge.ts), except `openAsync` and
 * the arrays' `readAsync`, which do not block; appends are batched (batching.ts).
 *
 * @example
 * const storage = hsdsStorage({ endpoint: "http://hsds:5101", username: "me", password: "..." });
 * using h5 = new H5SaverLowLevel({ storage });
 * h5.initFile("/home/me/scan.h5", { newFile: true });
 */
import { FileStateError, InvalidValueError } from "../../errors.js";
import { checkOptions } from "../../options.js";
import type { FileSettings, Storage, StorageAsyncOptions, StorageFile, StorageGroup } from "../types.js";
import { checkBatchPolicy, type BatchPolicy } from "./batching.js";
import { HsdsClient, type Json, type RequestStats, type RetryPolicy } from "./client.js";
import { describedObjects } from "./described.js";
import { DomainSession } from "./domain.js";
import { resolveConnection, type HsdsConnection, type HsdsConnectionOptions } from "./endpoint.js";
import { HsdsError } from "./errors.js";
import { HsdsGroup } from "./nodes.js";

export interface HsdsStorageOptions extends HsdsConnectionOptions {
  /** When buffered appends are sent (default 4096 rows, 4 MiB or 1000 ms, per array). */
  batch?: Partial<BatchPolicy>;
  /** Retries of idempotent requests after no answer or 502/503/504 (default 3). */
  retries?: number;
  /** Delay before the first retry, doubled each time (default 200 ms). */
  backoffMs?: number;
  /** A request without an answer fails after this (default 60 000 ms). */
  timeoutMs?: number;
}

/** The HSDS storage: a Storage plus what it has sent. */
export interface HsdsStorage extends Storage {
  readonly connection: HsdsConnection;
  /** Requests sent by every domain opened through this storage (appends: rows per request). */
  readonly stats: RequestStats;
  /** True when the domain exists (and is readable by the user). */
  exists(domain: string): boolean;
  /** Deletes a domain. @throws HsdsError (404 when absent, 403 when not permitted). */
  remove(domain: string): void;
}

class HsdsFile implements StorageFile {
  readonly root: StorageGroup;
  /** @param fresh a domain just created (its root has no links and no attributes yet) */
  constructor(
    private readonly s: DomainSession,
    rootId: string,
    fresh: boolean,
  ) {
    const root = new HsdsGroup(s, rootId, "/", fresh);
    s.objects.set(rootId, root);
    this.root = root;
  }
  get path(): string {
    return this.s.domain;
  }
  get writable(): boolean {
    return this.s.writable;
  }
  get isOpen(): boolean {
    return this.s.open;
  }
  /** Sends every buffered append, then asks the service to write its caches to storage. */
  flush(): void {
    this.s.check("/");
    this.s.flushAll();
    if (this.s.writable) this.s.client.json("PUT", "/", { body: { flush: true } });
  }
  close(): void {
    this.s.close();
  }
}

const OPTION_KEYS: readonly (keyof HsdsStorageOptions)[] = ["endpoint", "username", "password", "batch", "retries", "backoffMs", "timeoutMs"];

/**
 * A Storage whose files are HSDS domains. The endpoint and the user default to `HS_ENDPOINT`,
 * `HS_USERNAME` and `HS_PASSWORD`, as in h5pyd. Paths given to `create`/`open` are domain paths
 * (`/home/USER/NAME.h5`).
 * @throws InvalidValueError without an endpoint or with a malformed one, or for bad limits;
 *   InvalidTypeError for unknown options. Calls on files throw HsdsError (status, HSDS's
 *   message) and HsdsUnsavedRowsError (which buffered rows were lost).
 */
export function hsdsStorage(options: HsdsStorageOptions = {}): HsdsStorage {
  const o = checkOptions(options, OPTION_KEYS, "hsdsStorage");
  const connection = resolveConnection({
    ...(o.endpoint === undefined ? {} : { endpoint: o.endpoint }),
    ...(o.username === undefined ? {} : { username: o.username }),
    ...(o.password === undefined ? {} : { password: o.password }),
  });
  const batch = checkBatchPolicy(o.batch);
  const retry: RetryPolicy = { retries: o.retries ?? 3, backoffMs: o.backoffMs ?? 200 };
  const timeoutMs = o.timeoutMs ?? 60_000;
  for (const [k, v] of [["retries", retry.retries], ["backoffMs", retry.backoffMs], ["timeoutMs", timeoutMs]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new InvalidValueError(`hsdsStorage: ${k} must be a non-negative integer, got ${String(v)}`);
  }
  const stats: RequestStats = { requests: 0, blockingRequests: 0, appendRequests: 0, appendedRows: 0, valueReads: 0, domainDescriptions: 0, retries: 0 };

  const checkDomain = (domain: string): void => {
    if (!domain.startsWith("/") || domain.endsWith("/")) throw new InvalidValueError(`HSDS domain ${domain}: expected an absolute path such as /home/USER/NAME.h5`);
  };
  /** A client whose counts add to the storage's. */
  const client = (domain: string): HsdsClient => {
    checkDomain(domain);
    return new HsdsClient(connection, domain, retry, timeoutMs, stats);
  };
  /** One request on a short-lived client. */
  const once = <T>(domain: string, run: (c: HsdsClient) => T): T => {
    const c = client(domain);
    try {
      return run(c);
    } finally {
      c.close();
    }
  };
  const openSession = (domain: string, writable: boolean, fresh: boolean, make: (c: HsdsClient) => string): HsdsFile => {
    const c = client(domain);
    try {
      const root = make(c);
      return new HsdsFile(new DomainSession(c, writable, batch, root), root, fresh);
    } catch (e) {
      c.close();
      throw e;
    }
  };
  const checkMode = (mode: string): void => {
    if (mode !== "r" && mode !== "r+") throw new InvalidValueError(`hsdsStorage.open: mode must be "r" or "r+", got ${String(mode)}`);
  };
  /** The root group's id in the description of a domain (`GET /`). */
  const rootOf = (domain: string, description: Record<string, Json>): string => {
    if (typeof description["root"] !== "string") throw new FileStateError(`hsds:${domain} is a folder, not a domain holding a file`, { path: domain });
    return description["root"];
  };

  return {
    name: "hsds",
    remote: true,
    connection,
    stats,
    create(domain: string, _settings: FileSettings): StorageFile {
      return openSession(domain, true, true, (c) => {
        // Truncate, as creating a file does: the old domain goes first.
        try {
          c.json("DELETE", "/");
        } catch (e) {
          if (!(e instanceof HsdsError && e.status === 404)) throw e;
        }
        return String(c.json("PUT", "/", { idempotent: false })["root"]);
      });
    },
    open(domain: string, mode: "r" | "r+", _settings: FileSettings): StorageFile {
      checkMode(mode);
      return openSession(domain, mode === "r+", false, (c) => rootOf(domain, c.json("GET", "/")));
    },
    /**
     * `open` without blocking the calling thread while HSDS describes the domain. The description
     * covers every object of a domain of up to `domain_req_max_objects_limit` objects (500 by
     * default; described.ts), so that the planning of a load then needs no blocking request.
     */
    async openAsync(domain: string, mode: "r" | "r+", _settings: FileSettings, options: StorageAsyncOptions = {}): Promise<StorageFile> {
      checkMode(mode);
      const c = client(domain);
      try {
        const answer = await c.getJsonAsync("/", { getobjs: 1, include_attrs: 1 }, options.signal);
        stats.domainDescriptions++;
        const root = rootOf(domain, answer);
        return new HsdsFile(new DomainSession(c, mode === "r+", batch, root, describedObjects(answer)), root, false);
      } catch (e) {
        c.close();
        throw e;
      }
    },
    exists(domain: string): boolean {
      return once(domain, (c) => {
        try {
          return typeof c.json("GET", "/")["root"] === "string";
        } catch (e) {
          if (e instanceof HsdsError && (e.status === 404 || e.status === 410)) return false;
          throw e;
        }
      });
    },
    remove(domain: string): void {
      once(domain, (c) => c.json("DELETE", "/"));
    },
  };
}
