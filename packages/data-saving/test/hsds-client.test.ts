/**
 * The HSDS storage against something that is not HSDS (a proxy's error page, a truncated answer):
 * a 2xx answer whose body is not a JSON object is a typed HsdsError naming the domain and the
 * request, from the blocking and the asynchronous open alike. The stand-in runs in another process
 * (a blocking request holds this thread, so an in-process server could not answer).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_SETTINGS } from "../src/conventions/layout.js";
import { HsdsError } from "../src/storage/hsds/errors.js";
import { hsdsStorage, type HsdsStorage } from "../src/storage/hsds/storage.js";

/** Answers `GET /?domain=/home/me/BODY.h5` with 200 and the body named by BODY. */
const SERVER = `
  const bodies = { html: "<html><body>502 Bad Gateway</body></html>", array: "[1, 2]", truncated: '{"root": "g-1' };
  require("node:http").createServer((req, res) => {
    const name = /domain=%2Fhome%2Fme%2F(\\w+)\\.h5/.exec(req.url)?.[1] ?? "html";
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(bodies[name]);
  }).listen(process.argv[1]);`;

describe("HSDS answers that are not JSON objects", () => {
  let work: string;
  let server: ChildProcess;
  let storage: HsdsStorage;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "hsds-answers-"));
    const socket = join(work, "fake.sock");
    server = spawn(process.execPath, ["-e", SERVER, socket], { stdio: ["ignore", "ignore", "inherit"] });
    for (let i = 0; i < 400 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 25));
    storage = hsdsStorage({ endpoint: `http+unix://${encodeURIComponent(socket)}`, username: "me", password: "pw", retries: 0 });
  });
  afterAll(() => {
    server?.kill("SIGKILL");
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it.each(["html", "array", "truncated"])("a %s body fails the open with an HsdsError", async (body) => {
    const domain = `/home/me/${body}.h5`;
    let thrown: unknown;
    try {
      storage.open(domain, "r", FILE_SETTINGS);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HsdsError);
    expect(thrown).toMatchObject({ status: 200, domain, request: "GET /" });
    expect((thrown as HsdsError).message).toContain("the answer is not a JSON object");
    const rejected = storage.openAsync!(domain, "r", FILE_SETTINGS);
    await expect(rejected).rejects.toBeInstanceOf(HsdsError);
    await expect(rejected).rejects.toMatchObject({ status: 200, domain, request: "GET /" });
  });
});
