/** The runnable examples, in the order `--help` lists them. */
import type { ExampleCommand } from "../cli/command.js";
import { adaptive } from "./adaptive.js";
import { load } from "./load.js";
import { logger } from "./logger.js";
import { scan2d } from "./scan2d.js";

export const EXAMPLES: readonly ExampleCommand[] = [scan2d, logger, adaptive, load];
