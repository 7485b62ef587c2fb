/**
 * Checks of what the binding reads from a PyMoDAQ fixture (found through @pymodaq-ts/test-support)
 * against the `tree` section of its `.expected.json` (format in fixtures/pymodaq/README.md):
 * walking a file's tree, values, raw attribute encodings, storage settings, Logger rows.
 */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { H5Dataset, H5File, H5Group, RawAttr } from "../src/index.js";
import { unpickleString } from "./pickle.js";

export interface ArraySummary {
  dtype: string;
  shape: number[];
  size: number;
  values?: unknown[];
  sha256?: string;
  sum?: number;
  sum_abs?: number;
  nan_count?: number;
  posinf_count?: number;
  neginf_count?: number;
  first?: unknown[];
  last?: unknown[];
}

export interface TreeEntry {
  kind: string;
  shape?: number[];
  dtype?: string;
  value?: ArraySummary;
  strings?: string[];
  vlen_lengths?: number[];
  raw_attrs?: Record<string, { h5type: string; space: string; value: unknown }>;
  storage?: { layout: string; chunks: number[] | null; maxshape: (number | null)[]; filters: { filter: string; params: number[] }[] };
}

/** Every path below `group` (itself included) with its kind, depth first in name order. */
export function walk(group: H5Group, out = new Map<string, string>()): Map<string, string> {
  out.set(group.path, "group");
  for (const child of group.children()) {
    const path = group.path === "/" ? `/${child.name}` : `${group.path}/${child.name}`;
    if (child.kind === "group") {
      const sub = group.openGroup(child.name);
      walk(sub, out);
      sub.close();
    } else {
      out.set(path, child.kind);
    }
  }
  return out;
}

/** JSON encoding of an element, as the corpus writes it ("NaN", "Infinity", [re, im]). */
function encodeNumber(x: number | bigint): number | string {
  if (typeof x === "bigint") return Number(x);
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return x;
}

function elements(data: ArrayLike<number | bigint>, dtype: string): unknown[] {
  const out: unknown[] = [];
  if (dtype.startsWith("complex")) {
    for (let i = 0; i < data.length; i += 2) out.push([encodeNumber(data[i] as number), encodeNumber(data[i + 1] as number)]);
  } else if (dtype === "bool") {
    for (let i = 0; i < data.length; i++) out.push(data[i] !== 0);
  } else {
    for (let i = 0; i < data.length; i++) out.push(encodeNumber(data[i] as number | bigint));
  }
  return out;
}

/** sha256 of the data as little-endian float64 with canonical NaNs (the corpus digest). */
function digest(data: ArrayLike<number | bigint>): string {
  const f = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) f[i] = Number(data[i]);
  const bytes = new Uint8Array(f.buffer);
  const view = new DataView(f.buffer);
  for (let i = 0; i < f.length; i++) if (Number.isNaN(f[i])) view.setBigUint64(i * 8, 0x7ff8000000000000n, true);
  return createHash("sha256").update(bytes).digest("hex");
}

export function checkValue(ds: H5Dataset, expected: ArraySummary): void {
  const data = ds.read() as ArrayLike<number | bigint>;
  expect(ds.dtype).toBe(expected.dtype);
  expect(ds.shape()).toEqual(expected.shape);
  if (expected.values !== undefined) {
    expect(elements(data, expected.dtype)).toEqual(expected.values);
    return;
  }
  const flat = elements(data, expected.dtype);
  expect(flat.slice(0, 8)).toEqual(expected.first);
  expect(flat.slice(-8)).toEqual(expected.last);
  expect(digest(data)).toBe(expected.sha256);
  const finite = Array.from(data, Number).filter(Number.isFinite);
  const sum = finite.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - (expected.sum as number))).toBeLessThanOrEqual(1e-9 * (expected.sum_abs as number));
  expect(Array.from(data, Number).filter(Number.isNaN).length).toBe(expected.nan_count);
}

/** The corpus' text for a dataspace. */
function spaceText(space: RawAttr["space"]): string {
  return typeof space === "string" ? space : `simple[${space.simple.join(", ")}]`;
}

export function checkRawAttrs(node: { attrs: { names(): string[]; getRaw(n: string): RawAttr } }, expected: NonNullable<TreeEntry["raw_attrs"]>): void {
  expect(node.attrs.names().sort()).toEqual(Object.keys(expected).sort());
  for (const [name, want] of Object.entries(expected)) {
    const raw = node.attrs.getRaw(name);
    const value = typeof raw.value === "bigint" ? Number(raw.value) : raw.value;
    expect({ name, h5type: raw.h5type, space: spaceText(raw.space), value }).toEqual({ name, ...want });
  }
}

export function checkStorage(ds: H5Dataset, expected: NonNullable<TreeEntry["storage"]>): void {
  expect(ds.layout()).toBe(expected.layout);
  expect(ds.chunks()).toEqual(expected.chunks);
  expect(ds.maxshape()).toEqual(expected.maxshape);
  expect(ds.filters().map((f) => ({ filter: f.name, params: f.params }))).toEqual(expected.filters);
}

export function checkVlenRows(file: H5File, path: string, entry: TreeEntry): void {
  const vlen = file.root.openVlen(path);
  const rows = vlen.read();
  expect(rows.map((r) => r.length)).toEqual(entry.vlen_lengths);
  expect(rows.map(unpickleString)).toEqual(entry.strings);
  vlen.close();
}
