/**
 * A storage that counts what its user asks of it: a proxy around another storage counts every
 * method call by `kind.method` and, under `kind.method.items`, the items of every list returned
 * (children listed, rows read), so that a test can assert how work grows without timing it.
 */
import type { Storage } from "../../src/storage/types.js";

export type Counts = Record<string, number>;

/** Wraps every object the storage returns in a proxy that counts method calls by name. */
export function countingBackend(inner: Storage, counts: Counts): Storage {
  const wrap = <T extends object>(target: T, kind: string): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== "function") {
          return value !== null && typeof value === "object" && (prop === "root" || prop === "attrs") ? wrap(value, String(prop)) : value;
        }
        return (...args: unknown[]) => {
          const key = `${kind}.${String(prop)}`;
          counts[key] = (counts[key] ?? 0) + 1;
          const out = (value as (...a: unknown[]) => unknown).apply(t, args);
          if (Array.isArray(out)) counts[`${key}.items`] = (counts[`${key}.items`] ?? 0) + out.length;
          return out !== null && typeof out === "object" && !ArrayBuffer.isView(out) && !Array.isArray(out) ? wrap(out, String(prop)) : out;
        };
      },
    });
  return {
    name: "counting",
    create: (path, settings) => wrap(inner.create(path, settings), "file"),
    open: (path, mode, settings) => wrap(inner.open(path, mode, settings), "file"),
  };
}

/** The sum of every count. */
export function totalWork(counts: Counts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
