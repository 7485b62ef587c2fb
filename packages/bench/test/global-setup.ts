// Compile the C program once before the tests (quick; keeps build/workloads in step with c/).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  execFileSync("bash", [fileURLToPath(new URL("../scripts/build-c.sh", import.meta.url))], { stdio: "inherit" });
}
