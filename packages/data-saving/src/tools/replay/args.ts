/**
 * The parameters of one recorded step (`args` ∪ `defaults`), rebuilt and read by name with the
 * type the TypeScript API needs. Every parameter must be consumed: a recorded parameter the
 * replay does not know is an error, so nothing is silently dropped.
 */
import {
  Axis, DataToExport, DataWithAxes, NDArray, PyDict, PyTuple, pyNumber, type PyValue,
} from "@pymodaq-ts/data-model";
import { ScenarioValueError } from "./errors.js";
import { decodeValue, InstanceRef, type ReplayValue } from "./values.js";

export class StepArgs {
  private readonly values = new Map<string, ReplayValue>();
  private readonly used = new Set<string>();

  /**
   * @param raw `args` then `defaults` of the step (args win)
   * @param where location for error messages
   * @throws ScenarioValueError for a value that cannot be rebuilt
   */
  constructor(raw: readonly Readonly<Record<string, unknown>>[], private readonly where: string) {
    for (const record of [...raw].reverse()) {
      for (const [k, v] of Object.entries(record)) this.values.set(k, decodeValue(v, `${where}.${k}`));
    }
  }

  private take(name: string): ReplayValue | undefined {
    this.used.add(name);
    return this.values.get(name);
  }

  private fail(name: string, expected: string): never {
    throw new ScenarioValueError(`${this.where}.${name}: expected ${expected}`);
  }

  /** True when the parameter was recorded (consumes nothing). */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Marks a parameter as handled without reading it (e.g. ignored by the original too). */
  ignore(name: string): void {
    this.used.add(name);
  }

  str(name: string, fallback?: string): string {
    const v = this.take(name);
    if (v === undefined && fallback !== undefined) return fallback;
    return typeof v === "string" ? v : this.fail(name, "a string");
  }

  bool(name: string, fallback?: boolean): boolean {
    const v = this.take(name);
    if (v === undefined && fallback !== undefined) return fallback;
    return typeof v === "boolean" ? v : this.fail(name, "a bool");
  }

  int(name: string): number {
    const n = pyNumber(this.take(name) as PyValue);
    return n !== undefined && Number.isInteger(n) ? n : this.fail(name, "an int");
  }

  /** A list or tuple of ints (indexes, shapes). */
  ints(name: string): number[] {
    const items = this.sequence(name);
    return items.map((x) => {
      const n = pyNumber(x as PyValue);
      return n !== undefined && Number.isInteger(n) ? n : this.fail(name, "a sequence of ints");
    });
  }

  /** A list or tuple of strings, or null. */
  strsOrNull(name: string): string[] | null {
    if (this.values.get(name) === null) return this.take(name) as null;
    return this.sequence(name).map((x) => (typeof x === "string" ? x : this.fail(name, "a sequence of strings")));
  }

  private sequence(name: string): ReplayValue[] {
    const v = this.take(name);
    if (v instanceof PyTuple) return [...v.items];
    return Array.isArray(v) ? v : this.fail(name, "a list or tuple");
  }

  /** A dict of attribute values (metadata), or null. */
  dictOrNull(name: string): PyDict | null {
    const v = this.take(name);
    if (v === null || v === undefined) return null;
    return v instanceof PyDict ? v : this.fail(name, "a dict or None");
  }

  /** Any plain Python value. */
  py(name: string): PyValue {
    const v = this.take(name);
    if (v === undefined) this.fail(name, "a value");
    return v as PyValue;
  }

  /** An enum member name (`{"t": "enum"}` values are decoded to their name). */
  enumName(name: string): string {
    return this.str(name);
  }

  dwa(name: string): DataWithAxes {
    const v = this.take(name);
    return v instanceof DataWithAxes ? v : this.fail(name, "a DataWithAxes");
  }

  dte(name: string): DataToExport {
    const v = this.take(name);
    return v instanceof DataToExport ? v : this.fail(name, "a DataToExport");
  }

  axis(name: string): Axis {
    const v = this.take(name);
    return v instanceof Axis ? v : this.fail(name, "an Axis");
  }

  axes(name: string): Axis[] {
    return this.sequence(name).map((x) => (x instanceof Axis ? x : this.fail(name, "a list of Axis")));
  }

  /** Enlargeable-axis values: numbers or arrays, or null. */
  axisValuesOrNull(name: string): (number | bigint | NDArray)[] | null {
    const v = this.values.get(name);
    if (v === null || v === undefined) {
      this.take(name);
      return null;
    }
    return this.sequence(name).map((x) => this.axisValue(name, x));
  }

  /** One enlargeable-axis value, or null. */
  axisValueOrNull(name: string): number | bigint | NDArray | null {
    const v = this.take(name);
    return v === null || v === undefined ? null : this.axisValue(name, v);
  }

  private axisValue(name: string, x: ReplayValue): number | bigint | NDArray {
    if (x instanceof NDArray || typeof x === "number" || typeof x === "bigint") return x;
    const n = pyNumber(x as PyValue);
    return n !== undefined ? n : this.fail(name, "numbers or arrays");
  }

  /** The instance id of an `h5saver` argument. */
  ref(name: string): string {
    const v = this.take(name);
    return v instanceof InstanceRef ? v.id : this.fail(name, "a reference to an earlier instance");
  }

  /**
   * Checks that every recorded parameter was consumed.
   * @throws ScenarioValueError naming the parameters the replay does not handle
   */
  done(): void {
    const left = [...this.values.keys()].filter((k) => !this.used.has(k));
    if (left.length > 0) throw new ScenarioValueError(`${this.where}: unhandled parameter(s) ${left.join(", ")}`);
  }
}
