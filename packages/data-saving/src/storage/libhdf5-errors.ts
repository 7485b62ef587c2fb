/**
 * The error boundary of the libhdf5 storage: errors of `@pymodaq-ts/h5-lowlevel` become
 * data-saving errors naming the file, the node and the operation, with the binding's error (and
 * libhdf5's error stack) kept as `cause`. A closed handle is a `FileStateError`, a rejected
 * argument an `InvalidValueError`, anything libhdf5 reports a `StorageError`.
 */
import { isH5ArgumentError, isH5ClosedError } from "@pymodaq-ts/h5-lowlevel";
import { FileStateError, InvalidValueError, isDataSavingError, StorageError, type DataSavingError } from "../errors.js";

/** The data-saving error for `e`, thrown by `operation` on the object at `where` ("file.h5:/a/b"). */
export function fromBindingError(operation: string, where: string, e: unknown): DataSavingError {
  if (isDataSavingError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (isH5ClosedError(e)) return new FileStateError(`${where}: ${operation}: ${message}`, { path: where, cause: e });
  if (isH5ArgumentError(e)) return new InvalidValueError(`${where}: ${operation}: ${message}`, { path: where, cause: e });
  return new StorageError(operation, where, e);
}

/**
 * Wraps the listed methods of a class so that every error they throw goes through
 * `fromBindingError`. One wrapper per method, applied once to the prototype: the calls that
 * succeed pay a function call, not a closure.
 */
export function translateBindingErrors<T extends { where(): string }>(cls: { prototype: T }, methods: readonly (keyof T & string)[]): void {
  const proto = cls.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of methods) {
    const method = proto[name]!;
    proto[name] = function (this: T, ...args: unknown[]): unknown {
      try {
        return method.apply(this, args);
      } catch (e) {
        throw fromBindingError(name, this.where(), e);
      }
    };
  }
}
