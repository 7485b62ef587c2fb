/**
 * Where an HSDS service node listens and who we are to it, spelled as h5pyd spells it:
 * `HS_ENDPOINT` (`http://host:port`, `https://host`, or `http+unix://` followed by the
 * URL-encoded path of the service node's unix socket), `HS_USERNAME`, `HS_PASSWORD`.
 */
import { InvalidValueError } from "../../errors.js";

/** A parsed endpoint: a TCP address or a unix socket (HTTP over it). */
export interface HsdsAddress {
  /** The endpoint as given. */
  readonly endpoint: string;
  readonly protocol: "http:" | "https:";
  /** Host name sent in the request (and connected to when there is no socket). */
  readonly host: string;
  readonly port: number;
  /** Path of the unix socket (`http+unix://`), or null for TCP. */
  readonly socketPath: string | null;
}

/** Credentials and endpoint of one HSDS service. */
export interface HsdsConnection {
  readonly address: HsdsAddress;
  /** HTTP Basic user, or null for anonymous requests. */
  readonly username: string | null;
  readonly password: string | null;
}

/**
 * Parses `http://host:port`, `https://host[:port]` or `http+unix://%2Fpath%2Fto%2Fsn.sock`.
 * @throws InvalidValueError for any other form.
 */
export function parseEndpoint(endpoint: string): HsdsAddress {
  const unix = /^http\+unix:\/\/([^/]+)\/?$/.exec(endpoint);
  if (unix !== null) {
    const socketPath = decodeURIComponent(unix[1]!);
    if (!socketPath.startsWith("/")) throw new InvalidValueError(`HSDS endpoint ${endpoint}: the socket path must be absolute and URL-encoded (%2F for /)`);
    return { endpoint, protocol: "http:", host: "localhost", port: 80, socketPath };
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (e) {
    throw new InvalidValueError(`HSDS endpoint ${endpoint}: not a URL (expected http://host:port or http+unix://SOCKET)`, { cause: e });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidValueError(`HSDS endpoint ${endpoint}: protocol ${url.protocol} is not http, https or http+unix`);
  }
  if (url.pathname !== "/" && url.pathname !== "") throw new InvalidValueError(`HSDS endpoint ${endpoint}: a path is not supported`);
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  return { endpoint, protocol: url.protocol, host: url.hostname, port, socketPath: null };
}

/** What `hsdsStorage` and the CLI accept for the service and the user. */
export interface HsdsConnectionOptions {
  /** `HS_ENDPOINT` form; default: the `HS_ENDPOINT` environment variable. */
  endpoint?: string;
  /** Default: `HS_USERNAME`. */
  username?: string;
  /** Default: `HS_PASSWORD`. */
  password?: string;
}

/**
 * The connection from explicit options, each missing one taken from the environment as h5pyd does.
 * @throws InvalidValueError when there is no endpoint at all, or it is malformed.
 */
export function resolveConnection(options: HsdsConnectionOptions, env: NodeJS.ProcessEnv = process.env): HsdsConnection {
  const endpoint = options.endpoint ?? env["HS_ENDPOINT"];
  if (endpoint === undefined || endpoint === "") throw new InvalidValueError("HSDS: no endpoint given (option endpoint or HS_ENDPOINT)");
  return {
    address: parseEndpoint(endpoint),
    username: options.username ?? env["HS_USERNAME"] ?? null,
    password: options.password ?? env["HS_PASSWORD"] ?? null,
  };
}

/** The prefix that names a domain where a file path is accepted (`hsds:/home/USER/NAME.h5`). */
export const DOMAIN_PREFIX = "hsds:";

/** The domain path of `hsds:/home/USER/NAME.h5`, or null when `target` is a local path. */
export function domainOf(target: string): string | null {
  if (!target.startsWith(DOMAIN_PREFIX)) return null;
  const domain = target.slice(DOMAIN_PREFIX.length);
  if (!domain.startsWith("/") || domain.endsWith("/")) throw new InvalidValueError(`${target}: a domain is written hsds:/FOLDER/.../NAME.h5`);
  return domain;
}
