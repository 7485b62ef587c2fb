/**
 * An object graph as plain data, for deep comparisons of objects rebuilt field for field (a copy
 * made on another thread, an object made without its constructor): every own enumerable field
 * with the class name of each object, TypedArrays as their class and values, Maps as entries.
 *
 * @example
 * expect(ownFields(rebuilt)).toEqual(ownFields(original));
 */
export function ownFields(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) return { cls: value.constructor.name, items: Array.from(value as unknown as ArrayLike<unknown>) };
  if (value instanceof Map) return { cls: "Map", entries: [...value].map(([k, v]) => [ownFields(k), ownFields(v)]) };
  if (Array.isArray(value)) return value.map(ownFields);
  const out: Record<string, unknown> = { cls: value.constructor.name };
  for (const [k, v] of Object.entries(value)) out[k] = ownFields(v);
  return out;
}
