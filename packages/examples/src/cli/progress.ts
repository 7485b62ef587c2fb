/**
 * A progress bar with rate and ETA on stderr (cli-progress), silent when the stream is not a terminal
 * so logs and CI output stay clean.
 */
import cliProgress from "cli-progress";

/** A running progress bar. */
export interface Progress {
  /** Sets the number of items done so far. */
  update(done: number): void;
  /** Draws the final state and releases the terminal line; idempotent. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Total number of items (the bar's 100 %). */
  total: number;
  /** Text before the bar, e.g. the example name. */
  label: string;
  /** Name of one item, for the rate (default "pts"). */
  unit?: string;
  /** Where the bar is drawn (default process.stderr); nothing is drawn unless `isTTY` is true. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * Starts a progress bar showing percentage, count, rate (items/s) and ETA.
 * @param options see {@link ProgressOptions}
 * @returns a bar, or a silent one when the stream is not a terminal
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true) return SILENT;
  const unit = options.unit ?? "pts";
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `${options.label} {bar} {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(options.total, 0, { rate: "-" });
  let stopped = false;
  return {
    update(done: number): void {
      if (stopped) return;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? formatRate(done / seconds) : "-" });
    },
    stop(): void {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate.toPrecision(3);
}
