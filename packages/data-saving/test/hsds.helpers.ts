/**
 * A real HSDS for the tests: the service kit beside the repository (`../shared/services/hsds/`),
 * started in a fresh temporary WORKDIR and stopped at the end. Without the kit the HSDS tests
 * report themselves as not run and say why; CI has it. Also the one place that says where the
 * PyMoDAQ fixtures are read from.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { fixtureDir } from "@pymodaq-ts/test-support";

// Asynchronous, so that the test worker keeps answering vitest while the service starts.
const run = promisify(execFile);

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const kit = resolve(repoRoot, "../shared/services/hsds");

/** The PyMoDAQ fixtures (NAME.h5, NAME.scenario.json, NAME.expected.json), vendored in the repository. */
export const FIXTURES = fixtureDir;

/** Names of the fixture scenarios (`NAME.scenario.json`); none without the fixtures. */
export function scenarioNames(): string[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES).filter((f) => f.endsWith(".scenario.json")).map((f) => f.slice(0, -".scenario.json".length)).sort();
}

/** Why the HSDS tests cannot run here, or null when they can. */
export const hsdsUnavailable: string | null = existsSync(join(kit, "start.sh"))
  ? null
  : "HSDS tests not run: no service kit at ../shared/services/hsds beside the repository";

/**
 * The kit's start.sh waits for the service's "READY" line in its log, which Python prints to a
 * redirected, so block-buffered, stdout: unbuffered output is what lets the line reach the log
 * (turbo passes tasks a filtered environment, without the caller's PYTHONUNBUFFERED).
 */
export const KIT_ENV: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: "1" };

export interface RunningHsds {
  /** `http+unix://` endpoint of the service node. */
  readonly endpoint: string;
  readonly socketPath: string;
  stop(): Promise<void>;
}

/** The users of the kit (src/admin/config/passwd.default). */
export const USERS = { admin: "admin", test_user1: "test", test_user2: "test" } as const;

function put(socketPath: string, user: keyof typeof USERS, path: string, body: object): Promise<number> {
  return new Promise((ok, fail) => {
    const r = request({ socketPath, path, method: "PUT", auth: `${user}:${USERS[user]}`, headers: { "Content-Type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => ok(res.statusCode ?? 0));
    });
    r.on("error", fail);
    r.end(JSON.stringify(body));
  });
}

/**
 * Starts the service in a new WORKDIR and creates `/home`, `/home/test_user1` and
 * `/home/test_user2` (each owned by its user). HSDS gives up when its nodes are not up within
 * 10 s, which a loaded machine can exceed: the start is tried up to five times in the same WORKDIR
 * (its virtualenv, made once, is kept). Stops it again when the setup fails.
 */
export async function startHsds(): Promise<RunningHsds> {
  const work = mkdtempSync(join(tmpdir(), "hsds-test-"));
  const halt = (): Promise<unknown> => run(join(kit, "stop.sh"), [work]).catch(() => undefined);
  const stop = async (): Promise<void> => {
    await halt();
    rmSync(work, { recursive: true, force: true });
  };
  let socketPath: string | null = null;
  let last: unknown;
  for (let attempt = 0; attempt < 5 && socketPath === null; attempt++) {
    try {
      const started = await run(join(kit, "start.sh"), [work], { encoding: "utf8", timeout: 300_000, env: KIT_ENV });
      socketPath = started.stdout.trim().split("\n").pop()!;
    } catch (e) {
      last = e;
      await halt();
    }
  }
  if (socketPath === null) {
    await stop();
    throw new Error(`HSDS did not start: ${(last as { stderr?: string }).stderr ?? String(last)}`, { cause: last });
  }
  try {
    for (const [user, domain, body] of [
      ["admin", "/home", { folder: true }],
      ["admin", "/home/test_user1", { folder: true, owner: "test_user1" }],
      ["admin", "/home/test_user2", { folder: true, owner: "test_user2" }],
    ] as const) {
      const status = await put(socketPath, user, `/?domain=${encodeURIComponent(domain)}`, body);
      if (status !== 201 && status !== 200) throw new Error(`creating the folder ${domain} answered ${status}`);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { endpoint: `http+unix://${encodeURIComponent(socketPath)}`, socketPath, stop };
}
