/**
 * Child process of the mutant test: runs `runMutant` on each file listed (one path a line in the
 * file named by argv[2], from the index in argv[3]), printing `start I` before each and
 * `done I OUTCOMES` after it (its steps' errors, as JSON), so that the parent can tell which file
 * a crash of libhdf5 (a signal) or a hang ended on, and what every other file gave.
 */
import { readFileSync } from "node:fs";
import { runMutant } from "./mutants.js";

const paths = readFileSync(process.argv[2]!, "utf8").split("\n").filter((p) => p !== "");
for (let i = Number(process.argv[3] ?? 0); i < paths.length; i++) {
  process.stdout.write(`start ${i}\n`);
  const outcomes = runMutant(paths[i]!);
  process.stdout.write(`done ${i} ${JSON.stringify(outcomes)}\n`);
}
