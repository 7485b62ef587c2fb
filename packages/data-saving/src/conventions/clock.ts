/**
 * The root `date`/`time` attributes of a new file (file-format.md §1.1): local date `YYYY-MM-DD` and local
 * time as Python's `time.isoformat()` (`HH:MM:SS.ffffff`, or `HH:MM:SS` when the microseconds
 * are 0). JavaScript clocks have millisecond resolution, so the microseconds end in `000`.
 */
import { InvalidValueError } from "../errors.js";

export interface FileClock {
  readonly date: string;
  readonly time: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Local date and time of `now` in the form of Python's `isoformat()`. */
export function localClock(now: Date = new Date()): FileClock {
  const date = `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
  const micro = now.getMilliseconds() * 1000;
  const hms = `${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}:${pad(now.getSeconds(), 2)}`;
  return { date, time: micro === 0 ? hms : `${hms}.${pad(micro, 6)}` };
}

/**
 * Checks a pinned clock (replays): `date` as `YYYY-MM-DD`, `time` as `HH:MM:SS[.ffffff]`.
 * @throws InvalidValueError otherwise.
 */
export function checkClock(clock: FileClock): FileClock {
  if (typeof clock?.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(clock.date)) {
    throw new InvalidValueError(`clock.date must look like 2024-01-02, got ${String(clock?.date)}`);
  }
  if (typeof clock.time !== "string" || !/^\d{2}:\d{2}:\d{2}(\.\d{6})?$/.test(clock.time)) {
    throw new InvalidValueError(`clock.time must look like 03:04:05.678901, got ${String(clock.time)}`);
  }
  return { date: clock.date, time: clock.time };
}
