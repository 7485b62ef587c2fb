/** The runnable examples, in the order `--help` lists them. */
import type { ExampleCommand } from "../cli/command.js";

export const EXAMPLES: readonly ExampleCommand[] = [];
