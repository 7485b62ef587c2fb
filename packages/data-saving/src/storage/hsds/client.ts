/**
 * The REST client of one HSDS domain: builds requests (the domain as a query parameter, HTTP
 * Basic auth, JSON or `application/octet-stream` bodies), sends them through the HTTP bridge
 * (blocking, or for the GETs of value reads and of the domain's description also without
 * blocking), retries idempotent ones with exponential backoff when the service is unreachable or
 * answers 502/503/504, and turns every failure into an HsdsError. Counts what it sends.
 */
import { setTimeout as delay } from "node:timers/promises";
import { abortError } from "../../abort-error.js";
import type { HsdsConnection } from "./endpoint.js";
import { HsdsError } from "./errors.js";
import { HttpBridge, sleepSync, type HttpRequest, type HttpResponse } from "./http-bridge.js";

/** Retry policy of idempotent requests. */
export interface RetryPolicy {
  /** Attempts after the first one. */
  readonly retries: number;
  /** Delay before the first retry; doubled at each next one. */
  readonly backoffMs: number;
}

/** What a client has sent so far. */
export interface RequestStats {
  requests: number;
  /** Of those, requests during which the calling thread was blocked (all but `openAsync`'s and the arrays' `readAsync`'s). */
  blockingRequests: number;
  /** Requests that appended rows (`append=N`). */
  appendRequests: number;
  /** Rows carried by those requests. */
  appendedRows: number;
  /** Reads of a dataset's values (binary GETs of its `/value`, a whole array or a part; a retry is not counted again). */
  valueReads: number;
  /** Requests for a whole domain's description (`openAsync`'s, and a walk's: DESCRIBE_ALL_AFTER in domain.ts). */
  domainDescriptions: number;
  retries: number;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Method = HttpRequest["method"];

/** Idempotent: the same request again leaves the service as once (appends are not). */
const RETRIABLE_STATUS = new Set([0, 502, 503, 504]);

export class HsdsClient {
  private readonly http: HttpBridge;
  private readonly auth: string | null;

  constructor(
    readonly connection: HsdsConnection,
    readonly domain: string,
    private readonly retry: RetryPolicy,
    timeoutMs: number,
    /** Counts, shared with the storage that made the client. */
    readonly stats: RequestStats = { requests: 0, blockingRequests: 0, appendRequests: 0, appendedRows: 0, valueReads: 0, domainDescriptions: 0, retries: 0 },
  ) {
    this.http = new HttpBridge(connection.address, timeoutMs);
    this.auth = connection.username === null ? null : `Basic ${Buffer.from(`${connection.username}:${connection.password ?? ""}`).toString("base64")}`;
  }

  /** `?domain=...` plus `params` (values encoded; `select` keeps its brackets readable). */
  private target(path: string, params: Record<string, string | number>): string {
    const q = [`domain=${encodeURIComponent(this.domain)}`, ...Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)];
    return `${path}?${q.join("&")}`;
  }

  private request(method: Method, path: string, params: Record<string, string | number>, body: Uint8Array | null, contentType: string | null, accept: string): HttpRequest {
    const headers: Record<string, string> = { Accept: accept };
    if (this.auth !== null) headers["Authorization"] = this.auth;
    if (contentType !== null) headers["Content-Type"] = contentType;
    return { method, path: this.target(path, params), headers, body };
  }

  /**
   * What follows answer `res` to attempt `attempt` (0 for the first) of the request `what`
   * ("GET /datasets/..."): null when it succeeded, else the delay before the next attempt.
   * @throws HsdsError when it failed and is not retried
   */
  private retryDelay(res: HttpResponse, what: string, idempotent: boolean, attempt: number, nodePath: string | undefined): number | null {
    if (res.status >= 200 && res.status < 300) return null;
    if (idempotent && RETRIABLE_STATUS.has(res.status) && attempt < this.retry.retries) {
      this.stats.retries++;
      return this.retry.backoffMs * 2 ** attempt;
    }
    const message = res.error ?? (res.body === undefined ? "" : Buffer.from(res.body).toString("utf8").trim());
    throw new HsdsError(res.status, message, what, this.domain, nodePath === undefined ? undefined : { path: nodePath });
  }

  private send(method: Method, path: string, params: Record<string, string | number>, body: Uint8Array | null, contentType: string | null, accept: string, idempotent: boolean, nodePath?: string): HttpResponse {
    const req = this.request(method, path, params, body, contentType, accept);
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      this.stats.blockingRequests++;
      const res = this.http.request(req);
      const wait = this.retryDelay(res, `${method} ${path}`, idempotent, attempt, nodePath);
      if (wait === null) return res;
      sleepSync(wait);
    }
  }

  /**
   * The JSON object of answer `res` to `what` (`{}` for an empty body).
   * @throws HsdsError when the body is not a JSON object (a proxy's error page, a truncated answer)
   */
  private jsonOf(res: HttpResponse, what: string, nodePath: string | undefined): Record<string, Json> {
    if (res.body === undefined || res.body.byteLength === 0) return {};
    const text = Buffer.from(res.body).toString("utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new HsdsError(res.status, `the answer is not a JSON object: ${JSON.stringify(text.slice(0, 80))}`, what, this.domain, nodePath === undefined ? undefined : { path: nodePath });
    }
    return parsed as Record<string, Json>;
  }

  /** A JSON request; returns the parsed answer (`{}` for an empty body). */
  json(method: Method, path: string, options: { params?: Record<string, string | number>; body?: Json; nodePath?: string; idempotent?: boolean } = {}): Record<string, Json> {
    const body = options.body === undefined ? null : new Uint8Array(Buffer.from(JSON.stringify(options.body)));
    const res = this.send(method, path, options.params ?? {}, body, body === null ? null : "application/json", "application/json",
      options.idempotent ?? method !== "POST", options.nodePath);
    return this.jsonOf(res, `${method} ${path}`, options.nodePath);
  }

  /** A binary value read (`Accept: application/octet-stream`). */
  readBinary(path: string, params: Record<string, string | number>, nodePath?: string): Uint8Array {
    this.stats.valueReads++;
    return this.send("GET", path, params, null, null, "application/octet-stream", true, nodePath).body ?? new Uint8Array(0);
  }

  /**
   * `send` of a GET without blocking the calling thread (retries wait on timers).
   * @param signal cancels the request while no attempt of it is under way (it rejects with an AbortError)
   */
  private async getAsync(path: string, params: Record<string, string | number>, accept: string, nodePath: string | undefined, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const req = this.request("GET", path, params, null, null, accept);
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError(signal, `hsds:${this.domain}${nodePath ?? ""}: the request was aborted before it was sent`);
      this.stats.requests++;
      const res = await this.http.requestAsync(req);
      const wait = this.retryDelay(res, `GET ${path}`, true, attempt, nodePath);
      if (wait === null) return res;
      await delay(wait);
    }
  }

  /** `json("GET", path)` without blocking the calling thread; `signal` as `readBinaryAsync`'s. */
  async getJsonAsync(path: string, params: Record<string, string | number> = {}, signal?: AbortSignal): Promise<Record<string, Json>> {
    return this.jsonOf(await this.getAsync(path, params, "application/json", undefined, signal), `GET ${path}`, undefined);
  }

  /**
   * `readBinary` without blocking the calling thread (retries wait on timers).
   * @param signal cancels the read while no attempt of it is under way (it rejects with an AbortError)
   */
  async readBinaryAsync(path: string, params: Record<string, string | number>, nodePath?: string, signal?: AbortSignal): Promise<Uint8Array> {
    this.stats.valueReads++;
    return (await this.getAsync(path, params, "application/octet-stream", nodePath, signal)).body ?? new Uint8Array(0);
  }

  /** A binary value write; `append` requests are not retried (a repeat would append twice). */
  writeBinary(path: string, params: Record<string, string | number>, body: Uint8Array, nodePath?: string): void {
    const append = "append" in params;
    this.send("PUT", path, params, body, "application/octet-stream", "application/json", !append, nodePath);
    if (append) this.countAppend(Number(params["append"]));
  }

  /** Records an append request of `rows` rows (binary or JSON). */
  countAppend(rows: number): void {
    this.stats.appendRequests++;
    this.stats.appendedRows += rows;
  }

  close(): void {
    this.http.close();
  }
}
