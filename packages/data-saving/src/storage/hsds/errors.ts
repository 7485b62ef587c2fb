/**
 * Typed errors of the HSDS storage: every failed request becomes an HsdsError (a StorageError,
 * code `STORAGE`) carrying the HTTP status (0 when no response came) and HSDS's own message; a
 * failed send of buffered writes says which rows of which arrays were not persisted.
 */
import { isStorageError, StorageError } from "../../errors.js";

/** A request HSDS refused or that got no answer. */
export class HsdsError extends StorageError {
  /** HTTP status; 0 when the connection failed before a response. */
  readonly status: number;
  /** HSDS's message (its response body), or the network error's. */
  readonly hsdsMessage: string;
  /** `METHOD /path` of the request. */
  readonly request: string;
  /** The domain concerned. */
  readonly domain: string;

  /**
   * @param request `METHOD /path` of the failed request (the StorageError's `operation`)
   * @param options.path the node concerned (the error's `path` is `hsds:DOMAIN` without it)
   */
  constructor(status: number, hsdsMessage: string, request: string, domain: string, options?: { path?: string; cause?: unknown }) {
    super(request, options?.path ?? `hsds:${domain}`, options?.cause);
    this.message = `hsds:${domain}${options?.path === undefined ? "" : ` ${options.path}`}: ${describe(status)}: ${hsdsMessage} (${request})`;
    this.name = "HsdsError";
    this.status = status;
    this.hsdsMessage = hsdsMessage;
    this.request = request;
    this.domain = domain;
  }
}

function describe(status: number): string {
  switch (status) {
    case 0: return "no response from the service";
    case 401: return "401 authentication failed";
    case 403: return "403 permission denied";
    case 404: return "404 not found";
    case 409: return "409 conflict";
    case 410: return "410 gone";
    case 413: return "413 request too large";
    default: return status >= 500 ? `${status} service error` : `${status}`;
  }
}

/**
 * Rows of one array that were buffered and are not (known to be) in the service. For appends,
 * rows along dimension 0; for blocks written at leading indexes (extended saves, one per scan
 * point), consecutive blocks from `index`.
 */
export interface UnsavedRows {
  /** HDF5 path of the array. */
  readonly path: string;
  /** First row not persisted (for blocks: the last leading index of the first block). */
  readonly start: number;
  /** Number of rows (blocks) lost from `start`. */
  readonly count: number;
  /** For blocks: the leading indexes of the first lost block (the scan point). */
  readonly index?: readonly number[];
}

/**
 * Sending buffered appends failed: the rows listed in `unsaved` are not in the service (everything
 * flushed before is). The cause is the HsdsError of the failed request.
 */
export class HsdsUnsavedRowsError extends HsdsError {
  readonly unsaved: readonly UnsavedRows[];
  constructor(cause: HsdsError, unsaved: readonly UnsavedRows[]) {
    super(cause.status, cause.hsdsMessage, cause.request, cause.domain, { cause });
    this.name = "HsdsUnsavedRowsError";
    this.unsaved = unsaved;
    this.message += `; not persisted: ${unsaved.map((u) => u.index === undefined
      ? `${u.path} rows ${u.start}..${u.start + u.count - 1}`
      : `${u.path} ${u.count} block(s) from [${u.index.join(", ")}]`).join(", ")}`;
  }
}

/** True for an HsdsError (also one thrown by another copy of the package). */
export const isHsdsError = (e: unknown): e is HsdsError =>
  isStorageError(e) && typeof (e as Partial<HsdsError>).status === "number" && typeof (e as Partial<HsdsError>).hsdsMessage === "string";
/** True for an HsdsUnsavedRowsError. */
export const isHsdsUnsavedRowsError = (e: unknown): e is HsdsUnsavedRowsError => isHsdsError(e) && Array.isArray((e as Partial<HsdsUnsavedRowsError>).unsaved);
