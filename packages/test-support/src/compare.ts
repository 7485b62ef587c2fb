/**
 * Comparison of two canonical load JSON documents (format `pymodaq-canonical-load`, described in
 * `fixtures/pymodaq/README.md`): the expectation written by the real pymodaq_data and the
 * document our inspector produced. Both are read with {@link parsePyJson}, so Python ints and
 * floats stay apart.
 *
 * The rules, per "unit" (every HDF5 path of `tree` or `nodes`, each root load, and `<file>`):
 * - numbers match within `|e - a| <= rtol * max(|e|, |a|) + rtol * scale`: rtol 1e-12 for
 *   float64 / complex128 arrays and every scalar, 1e-6 for float32 / complex64 arrays, exact for
 *   integer and bool arrays; `scale` is the largest finite |value| of the expected array (0 for
 *   scalars), so a long linear axis may give 1e-17 where 0 is expected; "NaN", "Infinity",
 *   "-Infinity" match only themselves;
 * - digested arrays (more than 4096 elements) match on equal sha256, or, for floats only, on
 *   equal NaN / inf counts, `sum`/`wsum` within 1e-9 of `sum_abs`/`wsum_abs`, and `first`/`last`
 *   within the array tolerance (reported as a note);
 * - an expected `{"error": ...}` load matches any actual error (messages are not compared);
 * - `generator`, `corpus`, `file` and `loader_backend` are never compared; `diagnostics`,
 *   `raw_attrs`, `storage`, `vlen_lengths` and `file_errors` only with `strict`;
 * - `ignoreVolatile` drops the attributes that depend on when and by what a file was written
 *   ({@link VOLATILE_ATTRS}) and the loaded DataWithAxes timestamps; `ignoreAttrs` drops more
 *   attributes; `loadsOnly` skips `tree`.
 *
 * @example
 * const result = compareLoads(parsePyJson(expectedText), parsePyJson(actualText), { ignoreVolatile: true });
 * expect(result.differences).toEqual([]);
 */
import { compareCodePoints, isPyNumber, isPyObject, pyEquals, pyTypeName, type PyJson, type PyJsonObject } from "./py-json.js";

const RTOL64 = 1e-12;
const RTOL32 = 1e-6;
const SUM_RTOL = 1e-9;
const SPECIAL = new Set(["NaN", "Infinity", "-Infinity"]);

/** Attributes whose value depends on when, where or by which library version a file was written. */
export const VOLATILE_ATTRS: readonly string[] = ["date", "time", "file", "pymodaq_version", "pymodaq_data_version", "backend", "timestamp"];

/** One difference: where (`PATH [tree].attrs.units`, `load_all_root.data[0]`) and what. */
export interface Difference {
  loc: string;
  message: string;
}

/** The outcome of a comparison. */
export interface Comparison {
  /** True when no unit differs. */
  ok: boolean;
  /** Every difference, unit by unit, as `loc: message` lines. */
  differences: string[];
  /** The same, structured. */
  details: Difference[];
  /** The units (paths, `<file>`, `<load_all_root>`, ...) with at least one difference. */
  failingUnits: string[];
  /** How many units were compared. */
  unitCount: number;
  /** Digests accepted on their sums although their sha256 differs. */
  notes: string[];
  /** `OK n/n ...` or `FAIL k/n ...`. */
  summary: string;
}

/** Options of {@link compareLoads}. */
export interface CompareOptions {
  /** Also compare diagnostics, raw attribute encodings, storage, VLEN lengths and file errors. */
  strict?: boolean;
  /** Ignore {@link VOLATILE_ATTRS} and the DataWithAxes timestamps. */
  ignoreVolatile?: boolean;
  /** More attribute names to ignore in `attrs` / `raw_attrs`. */
  ignoreAttrs?: readonly string[];
  /** Skip the `tree` section. */
  loadsOnly?: boolean;
}

/** Rejects keys an options object does not have (a misspelled option would silently do nothing). */
export function checkKeys(options: object, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`${what}: unknown option ${JSON.stringify(key)}`);
  }
}

type Context = "attrs" | "attrval" | null;

function sortedKeys(...objects: PyJsonObject[]): string[] {
  return [...new Set(objects.flatMap((o) => Object.keys(o)))].sort(compareCodePoints);
}

function get(o: PyJson | undefined, key: string): PyJson | undefined {
  return isPyObject(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A short readable form of a value for messages (ints bare, floats always with a `.` or exponent). */
export function shortText(x: PyJson | undefined, max = 120): string {
  const text = (v: PyJson | undefined): string => {
    if (v === undefined || v === null) return "null";
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return String(v);
      const s = String(v);
      return /[.e]/.test(s) ? s : `${s}.0`;
    }
    if (typeof v === "string" || typeof v === "boolean") return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(text).join(", ")}]`;
    return `{${Object.entries(v).map(([k, w]) => `${JSON.stringify(k)}: ${text(w)}`).join(", ")}}`;
  };
  const s = text(x);
  return s.length <= max ? s : `${s.slice(0, max)}...`;
}

function isArraySummary(x: PyJson | undefined): x is PyJsonObject {
  return isPyObject(x) && Object.hasOwn(x, "dtype") && Object.hasOwn(x, "shape") && (Object.hasOwn(x, "values") || Object.hasOwn(x, "sha256"));
}

function isErrorLoad(x: PyJson | undefined): x is PyJsonObject {
  return isPyObject(x) && Object.hasOwn(x, "error") && Object.keys(x).every((k) => k === "error" || k === "diagnostics");
}

function rtolFor(dtype: PyJson | undefined): number {
  if (dtype === "float32" || dtype === "complex64" || dtype === "float16") return RTOL32;
  if (dtype === "float64" || dtype === "complex128" || dtype === "float128" || dtype === "complex256") return RTOL64;
  return 0;
}

function numClose(e: number, a: number, rtol: number, scale = 0): boolean {
  return e === a || Math.abs(e - a) <= rtol * Math.max(Math.abs(e), Math.abs(a)) + rtol * scale;
}

function asList(x: PyJson | undefined): (PyJson | undefined)[] {
  return Array.isArray(x) ? x : [x];
}

/** The walker of both documents; `typedAttrs` makes an int attribute differ from a float one. */
export class DocumentComparer {
  readonly details: Difference[] = [];
  readonly notes: string[] = [];
  private readonly ignoreAttrs: Set<string>;

  constructor(
    readonly options: { strict: boolean; ignoreVolatile: boolean; ignoreAttrs: readonly string[]; typedAttrs: boolean },
  ) {
    this.ignoreAttrs = new Set([...options.ignoreAttrs, ...(options.ignoreVolatile ? VOLATILE_ATTRS : [])]);
  }

  diff(loc: string, message: string): void {
    this.details.push({ loc, message });
  }

  private scalar(loc: string, e: PyJson | undefined, a: PyJson | undefined): void {
    if ((typeof e === "string" && SPECIAL.has(e)) || (typeof a === "string" && SPECIAL.has(a))) {
      if (!pyEquals(e, a)) this.diff(loc, `expected ${shortText(e)}, got ${shortText(a)}`);
      return;
    }
    if (isPyNumber(e) && isPyNumber(a)) {
      if (!numClose(Number(e), Number(a), RTOL64)) this.diff(loc, `expected ${shortText(e)}, got ${shortText(a)}`);
      return;
    }
    if (pyTypeName(e) !== pyTypeName(a) || !pyEquals(e, a)) this.diff(loc, `expected ${shortText(e)}, got ${shortText(a)}`);
  }

  private elementOk(x: PyJson | undefined, y: PyJson | undefined, rtol: number, scale: number): boolean {
    if (typeof x === "string" || typeof y === "string") return pyEquals(x, y);
    if (isPyNumber(x) && isPyNumber(y)) return rtol === 0 ? pyEquals(x, y) : numClose(Number(x), Number(y), rtol, scale);
    return pyEquals(x, y);
  }

  private elementOkAny(x: PyJson | undefined, y: PyJson | undefined, rtol: number): boolean {
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((p, i) => this.elementOk(p, y[i], rtol, 0));
    return this.elementOk(x, y, rtol, 0);
  }

  private array(loc: string, e: PyJsonObject, a: PyJson | undefined): void {
    if (!isArraySummary(a)) {
      this.diff(loc, `expected an array summary, got ${shortText(a)}`);
      return;
    }
    let same = true;
    for (const k of ["dtype", "shape", "size"]) {
      if (!pyEquals(get(e, k), get(a, k))) {
        this.diff(`${loc}.${k}`, `expected ${shortText(get(e, k))}, got ${shortText(get(a, k))}`);
        same = false;
      }
    }
    if (!same) return;
    const rtol = rtolFor(e.dtype);
    if (Object.hasOwn(e, "values")) {
      if (!Object.hasOwn(a, "values")) {
        this.diff(loc, "expected full values, got a digest");
        return;
      }
      this.values(loc, e.values, a.values, rtol);
      return;
    }
    this.digest(loc, e, a, rtol);
  }

  private values(loc: string, ev: PyJson | undefined, av: PyJson | undefined, rtol: number): void {
    if (!Array.isArray(ev) || !Array.isArray(av)) {
      if (!pyEquals(ev, av)) this.diff(loc, `values: expected ${shortText(ev)}, got ${shortText(av)}`);
      return;
    }
    if (ev.length !== av.length) {
      this.diff(loc, `values length: expected ${ev.length}, got ${av.length}`);
      return;
    }
    let scale = 0;
    for (const x of ev) for (const y of asList(x)) if (isPyNumber(y) && Number.isFinite(Number(y))) scale = Math.max(scale, Math.abs(Number(y)));
    const bad: number[] = [];
    ev.forEach((x, i) => {
      const y = av[i];
      const pairs: [PyJson | undefined, PyJson | undefined][] =
        Array.isArray(x) && Array.isArray(y) && x.length === y.length ? x.map((p, j) => [p, y[j]]) : [[x, y]];
      if (pairs.some(([p, q]) => !this.elementOk(p, q, rtol, scale))) bad.push(i);
    });
    if (bad.length > 0) {
      const detail = bad.slice(0, 5).map((i) => `[${i}] exp ${shortText(ev[i], 40)} got ${shortText(av[i], 40)}`).join(", ");
      this.diff(loc, `${bad.length}/${ev.length} values differ (rtol=${rtol}): ${detail}`);
    }
  }

  private digest(loc: string, e: PyJsonObject, a: PyJsonObject, rtol: number): void {
    if (!Object.hasOwn(a, "sha256")) {
      this.diff(loc, "expected a digest, got full values");
      return;
    }
    if (pyEquals(e.sha256, a.sha256)) return;
    if (rtol === 0) {
      this.diff(loc, "sha256 differs (integer data must match exactly)");
      return;
    }
    const problems: string[] = [];
    for (const k of ["nan_count", "posinf_count", "neginf_count"]) {
      if (!pyEquals(get(e, k), get(a, k))) problems.push(`${k} ${shortText(get(e, k))} vs ${shortText(get(a, k))}`);
    }
    for (const [k, kAbs] of [["sum", "sum_abs"], ["wsum", "wsum_abs"]] as const) {
      const [xs, ys, ss] = [asList(get(e, k)), asList(get(a, k)), asList(get(e, kAbs))];
      for (let i = 0; i < Math.min(xs.length, ys.length, ss.length); i++) {
        const [x, y, s] = [xs[i], ys[i], ss[i]];
        if (!(isPyNumber(x) && isPyNumber(y))) {
          if (!pyEquals(x, y)) problems.push(`${k} ${shortText(x)} vs ${shortText(y)}`);
        } else if (!(Math.abs(Number(x) - Number(y)) <= SUM_RTOL * Math.abs(Number(isPyNumber(s) ? s : x)) + 1e-300)) {
          problems.push(`${k} ${shortText(x)} vs ${shortText(y)}`);
        }
      }
    }
    for (const k of ["first", "last"]) {
      // Python's `x or []`: a missing or falsy entry counts as an empty list.
      const truthy = (v: PyJson | undefined): boolean => !(v === undefined || v === null || v === false || v === 0 || v === 0n || v === "" || (Array.isArray(v) && v.length === 0) || (isPyObject(v) && Object.keys(v).length === 0));
      const [ev, av] = [get(e, k), get(a, k)].map((v) => (truthy(v) ? asList(v) : [])) as [(PyJson | undefined)[], (PyJson | undefined)[]];
      if (ev.length !== av.length || !ev.every((x, i) => this.elementOkAny(x, av[i], rtol))) problems.push(`${k} differs`);
    }
    if (problems.length > 0) this.diff(loc, `digest differs: ${problems.join("; ")}`);
    else this.notes.push(`${loc}: sha256 differs but sum/first/last agree within tolerance`);
  }

  /** Compares `a` with `e` under `loc`; `ctx` tells whether we are in an `attrs` object or one of its values. */
  value(loc: string, e: PyJson | undefined, a: PyJson | undefined, ctx: Context = null): void {
    if (this.options.typedAttrs && ctx === "attrval" && isPyNumber(e) && isPyNumber(a) && typeof e !== typeof a) {
      this.diff(loc, `expected ${pyTypeName(e)} ${shortText(e)}, got ${pyTypeName(a)} ${shortText(a)}`);
      return;
    }
    if (isErrorLoad(e)) {
      if (!(isPyObject(a) && Object.hasOwn(a, "error"))) this.diff(loc, `expected an error (${shortText(e.error, 80)}), got a result`);
      if (this.options.strict && isPyObject(a)) this.value(`${loc}.diagnostics`, get(e, "diagnostics"), get(a, "diagnostics"));
      return;
    }
    if (isErrorLoad(a)) {
      this.diff(loc, `unexpected error: ${shortText(a.error, 160)}`);
      return;
    }
    if (isArraySummary(e)) {
      this.array(loc, e, a);
      return;
    }
    if (isPyObject(e)) {
      if (!isPyObject(a)) {
        this.diff(loc, `expected an object, got ${shortText(a)}`);
        return;
      }
      for (const k of sortedKeys(e, a)) {
        if (this.skipKey(k, ctx)) continue;
        const sub = `${loc}.${k}`;
        if (!Object.hasOwn(a, k)) this.diff(sub, "missing in actual");
        else if (!Object.hasOwn(e, k)) this.diff(sub, `unexpected in actual: ${shortText(a[k])}`);
        else this.value(sub, e[k], a[k], k === "attrs" || k === "raw_attrs" ? "attrs" : ctx === "attrs" ? "attrval" : null);
      }
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) {
        this.diff(loc, `expected a list, got ${shortText(a)}`);
        return;
      }
      if (e.length !== a.length) {
        this.diff(loc, `list length: expected ${e.length}, got ${a.length} (expected ${shortText(e, 80)}, got ${shortText(a, 80)})`);
        return;
      }
      e.forEach((x, i) => this.value(`${loc}[${i}]`, x, a[i], ctx));
      return;
    }
    this.scalar(loc, e, a);
  }

  private skipKey(k: string, ctx: Context): boolean {
    const { strict, ignoreVolatile } = this.options;
    if (k === "diagnostics" && !strict) return true;
    if (ctx === null && (k === "raw_attrs" || k === "storage" || k === "vlen_lengths") && !strict) return true;
    if (ctx === "attrs" && this.ignoreAttrs.has(k)) return true;
    return ctx === null && k === "timestamp" && ignoreVolatile;
  }
}

/** Runs `compare` once per unit and gathers the outcome; `noun` ends the summary line. */
export function collectUnits(comparer: DocumentComparer, units: [string, () => void][], noun: string): Comparison {
  const failingUnits: string[] = [];
  for (const [unit, compare] of units) {
    const before = comparer.details.length;
    compare();
    if (comparer.details.length > before) failingUnits.push(unit);
  }
  const n = units.length;
  const tail = noun ? ` ${noun}` : "";
  return {
    ok: failingUnits.length === 0,
    details: comparer.details,
    differences: comparer.details.map((d) => `${d.loc}: ${d.message}`),
    failingUnits,
    unitCount: n,
    notes: comparer.notes,
    summary: failingUnits.length === 0 ? `OK ${n}/${n}${tail}` : `FAIL ${failingUnits.length}/${n}${tail}`,
  };
}

/**
 * Compares two canonical load documents: file-level keys, the tree entry and every load of each
 * path, and the root loads (rules in the module comment).
 * @param expected the reference document (an `.expected.json`, parsed with parsePyJson)
 * @param actual the document to check
 * @throws TypeError on an unknown option
 */
export function compareLoads(expected: PyJson, actual: PyJson, options: CompareOptions = {}): Comparison {
  checkKeys(options, ["strict", "ignoreVolatile", "ignoreAttrs", "loadsOnly"], "compareLoads");
  const strict = options.strict ?? false;
  const loadsOnly = options.loadsOnly ?? false;
  const c = new DocumentComparer({ strict, ignoreVolatile: options.ignoreVolatile ?? false, ignoreAttrs: options.ignoreAttrs ?? [], typedAttrs: false });
  const section = (doc: PyJson, key: string): PyJsonObject => {
    const v = get(doc, key);
    return isPyObject(v) ? v : {};
  };
  const [et, at, en, an] = [section(expected, "tree"), section(actual, "tree"), section(expected, "nodes"), section(actual, "nodes")];

  const units: [string, () => void][] = [
    [
      "<file>",
      () => {
        for (const k of ["format", "format_version"]) {
          if (!pyEquals(get(expected, k), get(actual, k))) c.diff(`<file>.${k}`, `expected ${shortText(get(expected, k))}, got ${shortText(get(actual, k))}`);
        }
        if ((get(expected, "fatal_error") === undefined) !== (get(actual, "fatal_error") === undefined)) {
          c.diff("<file>.fatal_error", `expected ${shortText(get(expected, "fatal_error"))}, got ${shortText(get(actual, "fatal_error"))}`);
        }
        if (strict && !pyEquals(get(expected, "file_errors"), get(actual, "file_errors"))) {
          c.diff("<file>.file_errors", `expected ${shortText(get(expected, "file_errors"))}, got ${shortText(get(actual, "file_errors"))}`);
        }
      },
    ],
  ];
  const paths = loadsOnly ? sortedKeys(en, an) : sortedKeys(en, an, et, at);
  for (const p of paths) {
    units.push([
      p,
      () => {
        if (!loadsOnly && (Object.hasOwn(et, p) || Object.hasOwn(at, p))) {
          if (!Object.hasOwn(at, p)) c.diff(`${p} [tree]`, "missing in actual");
          else if (!Object.hasOwn(et, p)) c.diff(`${p} [tree]`, "unexpected in actual");
          else c.value(`${p} [tree]`, et[p], at[p]);
        }
        if (Object.hasOwn(en, p) || Object.hasOwn(an, p)) {
          if (!Object.hasOwn(an, p)) c.diff(`${p} [loads]`, "node not loaded in actual");
          else if (!Object.hasOwn(en, p)) c.diff(`${p} [loads]`, "node loaded in actual but not expected");
          else c.value(`${p} [loads]`, en[p], an[p]);
        }
      },
    ]);
  }
  for (const key of ["load_all_root", "load_all_root_bkg"]) {
    const [e, a] = [get(expected, key), get(actual, key)];
    if (e === undefined && a === undefined) continue;
    units.push([
      `<${key}>`,
      () => {
        if (a === undefined) c.diff(key, "missing in actual");
        else if (e === undefined) c.diff(key, "unexpected in actual");
        else c.value(key, e, a);
      },
    ]);
  }
  return collectUnits(c, units, "nodes");
}
