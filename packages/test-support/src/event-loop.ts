/**
 * One macrotask before each test of the importing file. vitest's worker talks to the main
 * process over an RPC whose calls time out after 60 s, and the replies are only read when the
 * event loop gets to I/O; awaiting between synchronous tests does not get there (promises are
 * microtasks). A file of long synchronous tests, such as one case per fixture, would then keep
 * the loop busy past the timeout under load ("Timeout calling onTaskUpdate") although every test
 * passes. A timer lets the loop read the pending replies between tests.
 */
import { beforeEach } from "vitest";

beforeEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
