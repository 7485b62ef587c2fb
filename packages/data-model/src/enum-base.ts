/**
 * `PyEnum`: PyMoDAQ's `BaseEnum` semantics (data-model.md §1.1) for TypeScript enum classes.
 * Every member has a `name` and a `value`; a member equals a string when the string is
 * its name exactly (`member.is("axis")`, or `enumEquals`, since JS `==` cannot be
 * overloaded). `enumChecker` turns user input into a member (data-model.md §1.2).
 *
 * @example
 * DataType.axis.name;                      // "axis"
 * DataType.axis.value;                     // "Axis"
 * DataType.axis.is("axis");                // true
 * enumChecker(DataSource, "RAW");          // DataSource.raw
 * DataSource.fromValue(1);                 // DataSource.calculated
 */
import { describe } from "./dtype.js";
import { ModelValueError } from "./errors.js";

const REGISTRY = new WeakMap<object, PyEnum[]>();

/** What the static helpers need from an enum class: its prototype (for typing) and its members. */
export interface EnumClass<T extends PyEnum = PyEnum> {
  readonly prototype: T;
  readonly enumName: string;
}

export abstract class PyEnum<N extends string = string, V extends string | number = string | number> {
  readonly name: N;
  readonly value: V;

  protected constructor(name: N, value: V) {
    this.name = name;
    this.value = value;
    const list = REGISTRY.get(new.target) ?? [];
    list.push(this);
    REGISTRY.set(new.target, list);
    Object.freeze(this);
  }

  /** The enum class name, for messages (overridden by each enum). */
  static readonly enumName: string = "PyEnum";

  /** The members, in declaration order. */
  static members<T extends PyEnum>(this: EnumClass<T>): readonly T[] {
    return (REGISTRY.get(this) ?? []) as T[];
  }

  /** The member names, in declaration order. */
  static names<T extends PyEnum>(this: EnumClass<T>): T["name"][] {
    return membersOf(this).map((m) => m.name);
  }

  /** The member values, in declaration order. */
  static values<T extends PyEnum>(this: EnumClass<T>): T["value"][] {
    return membersOf(this).map((m) => m.value);
  }

  /** `{name: value}`, in declaration order. */
  static toDict<T extends PyEnum>(this: EnumClass<T>): Record<string, T["value"]> {
    return Object.fromEntries(membersOf(this).map((m) => [m.name, m.value]));
  }

  /** `{value: name}`, in declaration order. */
  static toDictValue<T extends PyEnum>(this: EnumClass<T>): Record<string, T["name"]> {
    return Object.fromEntries(membersOf(this).map((m) => [String(m.value), m.name]));
  }

  /**
   * The member with exactly this name.
   * @throws ModelValueError when no member has it.
   */
  static fromName<T extends PyEnum, K extends T["name"]>(this: EnumClass<T>, name: K): T & { readonly name: K } {
    const found = membersOf(this).find((m) => m.name === name);
    if (found === undefined) throw new ModelValueError(`${String(name)} is not a valid ${this.enumName} name`);
    return found as T & { readonly name: K };
  }

  /**
   * The member with this value (Python's `DataSource(0)`).
   * @throws ModelValueError when no member has it.
   */
  static fromValue<T extends PyEnum>(this: EnumClass<T>, value: T["value"]): T {
    const found = membersOf(this).find((m) => m.value === value);
    if (found === undefined) throw new ModelValueError(`${String(value)} is not a valid ${this.enumName} value`);
    return found;
  }

  /** True for a member of this enum. */
  static isMember<T extends PyEnum>(this: EnumClass<T>, item: unknown): item is T {
    return item instanceof PyEnum && membersOf(this).includes(item as T);
  }

  /** Name-string equality (`member.is("axis")`), identity otherwise. */
  is(other: unknown): boolean {
    return typeof other === "string" ? other === this.name : other === this;
  }

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `<${(this.constructor as unknown as EnumClass).enumName}.${this.name}: ${JSON.stringify(this.value)}>`;
  }
}

function membersOf<T extends PyEnum>(cls: EnumClass<T>): readonly T[] {
  return (REGISTRY.get(cls) ?? []) as T[];
}

/** True when `item` is a member of any PyEnum. */
export function isPyEnum(item: unknown): item is PyEnum {
  return item instanceof PyEnum;
}

/**
 * PyMoDAQ's `enum_checker` (data-model.md §1.2): a member of `enumClass` is returned as is; a
 * string is matched case-insensitively against the member names (never the values).
 * @param enumClass the enum class, e.g. `DataSource`.
 * @param item a member, or a member name in any case.
 * @throws ModelValueError for anything else: an unknown name, a value, a number, null,
 *   a member of another enum.
 */
export function enumChecker<T extends PyEnum>(enumClass: EnumClass<T>, item: unknown): T {
  const members = membersOf(enumClass);
  if (item instanceof PyEnum && members.includes(item as T)) return item as T;
  if (typeof item === "string") {
    const lower = item.toLowerCase();
    const found = members.find((m) => m.name.toLowerCase() === lower);
    if (found !== undefined) return found;
  }
  const shown = item instanceof PyEnum ? `${(item.constructor as unknown as EnumClass).enumName}.${item.name}` : describe(item);
  throw new ModelValueError(`${shown} is not a valid ${enumClass.enumName}: expected one of ${members.map((m) => m.name).join(", ")}`);
}

/** BaseEnum equality: a member equals a string equal to its name (both ways); otherwise identity. */
export function enumEquals(a: unknown, b: unknown): boolean {
  if (a instanceof PyEnum) return a.is(b);
  if (b instanceof PyEnum) return b.is(a);
  return a === b;
}
