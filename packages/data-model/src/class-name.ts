/**
 * The name of a value's class as the source spells it, for messages and reprs. The published
 * build renames a class whose body refers to the class itself (esbuild, under tsup, writes
 * `var NDArray = class _NDArray`), and `constructor.name` then gives `_NDArray`; a leading
 * underscore before a capital is therefore dropped (`<DataWithAxes: ...>`, as PyMoDAQ prints it).
 */
export function className(value: object): string {
  const name: unknown = (value.constructor as { name?: unknown } | undefined)?.name;
  if (typeof name !== "string" || name === "") return "object";
  return name.replace(/^_(?=[A-Z])/, "");
}
