/**
 * Warnings of the data model (data-model.md §2), delivered through ONE channel: the handler set
 * with `setWarningHandler`. Nothing is printed by default, as in the original where
 * these warnings only show at DEBUG log level.
 *
 * @example
 * setWarningHandler((w) => console.warn(`${w.name}: ${w.message}`));
 * const { result, warnings } = captureWarnings(() => new DataRaw("x", { data: [arr] }));
 */

/** Every warning name this package emits. */
export type DataModelWarningName =
  | "DataDimWarning" | "DataSizeWarning" | "DataIndexWarning" | "DataTypeWarning" | "DataErrorsWarning";

/** A warning: not thrown, handed to the warning handler. Subclassed per kind below. */
export abstract class DataModelWarning {
  abstract readonly name: DataModelWarningName;
  constructor(readonly message: string) {}

  toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** The `dim` argument disagrees with the data shape; the inferred dim is used. */
export class DataDimWarning extends DataModelWarning {
  readonly name = "DataDimWarning" as const;
}
/** (uniform) An axis size disagrees with the data shape along its index; the axis is "fixed" (§6.2). */
export class DataSizeWarning extends DataModelWarning {
  readonly name = "DataSizeWarning" as const;
}
/** An axis was requested for an index that has none. */
export class DataIndexWarning extends DataModelWarning {
  readonly name = "DataIndexWarning" as const;
}
/** `data` was a single array or a bare number and has been wrapped in a list. */
export class DataTypeWarning extends DataModelWarning {
  readonly name = "DataTypeWarning" as const;
}
/** `errors` did not match the data (Python logs this) and has been set to null (§6.6). */
export class DataErrorsWarning extends DataModelWarning {
  readonly name = "DataErrorsWarning" as const;
}

export type AnyDataModelWarning =
  | DataDimWarning | DataSizeWarning | DataIndexWarning | DataTypeWarning | DataErrorsWarning;

function warningGuard<N extends DataModelWarningName>(name: N) {
  return (w: unknown): w is Extract<AnyDataModelWarning, { name: N }> =>
    w instanceof DataModelWarning && w.name === name;
}
export const isDataDimWarning = warningGuard("DataDimWarning");
export const isDataSizeWarning = warningGuard("DataSizeWarning");
export const isDataIndexWarning = warningGuard("DataIndexWarning");
export const isDataTypeWarning = warningGuard("DataTypeWarning");
export const isDataErrorsWarning = warningGuard("DataErrorsWarning");

/** Receives every warning the model emits. */
export type WarningHandler = (warning: DataModelWarning) => void;

let handler: WarningHandler | null = null;

/**
 * Sets the function that receives the model's warnings; `null` silences them (the default).
 * @returns the previous handler, so callers can restore it.
 */
export function setWarningHandler(next: WarningHandler | null): WarningHandler | null {
  if (next !== null && typeof next !== "function") {
    throw new TypeError("setWarningHandler expects a function or null");
  }
  const previous = handler;
  handler = next;
  return previous;
}

/** Hands a warning to the current handler, if any. */
export function emitWarning(warning: DataModelWarning): void {
  handler?.(warning);
}

/**
 * Runs `fn` and collects the warnings it emits (the previous handler is restored after,
 * even when `fn` throws; it does not see the captured warnings).
 */
export function captureWarnings<T>(fn: () => T): { result: T; warnings: DataModelWarning[] } {
  const warnings: DataModelWarning[] = [];
  const previous = setWarningHandler((w) => warnings.push(w));
  try {
    return { result: fn(), warnings };
  } finally {
    setWarningHandler(previous);
  }
}
