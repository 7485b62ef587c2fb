/**
 * Creation of groups and array nodes in the session's file profile (file-format.md §4, §8):
 * storage settings from layout.ts's FileProfile, then the system attributes, then the
 * attributes every array carries (`shape`, `dtype`, `subdtype`, `backend`), in the original's
 * order.
 */
import { PyTuple } from "@pymodaq-ts/data-model";
import type { Dtype } from "../../storage/types.js";
import { InvalidValueError, NodeError } from "../../errors.js";
import { ATTR, type BackendName, type Compression } from "../layout.js";
import { CARRAY, EARRAY } from "./arrays.js";
import { isArrayData, type ArrayData } from "./arraydata.js";
import { GROUP } from "./group.js";
import { joinPath, type Node } from "./node.js";
import { StringARRAY, VLARRAY } from "./vlarray.js";

/** What array creation needs besides the arguments: the `backend` value and the filters. */
export interface CreateContext {
  readonly backend: BackendName;
  readonly compression: Compression | null;
}

/** Checks that `name` can name a new child of `parent` on a writable file; returns its path. */
function assertCreatable(parent: GROUP, name: string): string {
  const path = joinPath(parent.path, name);
  parent.session.assertWritable(path);
  if (name === "" || name.includes("/")) throw new NodeError(path, "a valid node name (no '/', not empty)");
  return path;
}

/** `assertCreatable`, and no child `name` exists yet. */
function assertFree(parent: GROUP, name: string): string {
  const path = assertCreatable(parent, name);
  if (parent.hasChild(name)) throw new NodeError(path, "no existing node of that name");
  return path;
}

function writeArrayAttrs(node: Node, shape: readonly number[], dtype: string, subdtype: string, ctx: CreateContext): void {
  node.attrs.setMany([
    [ATTR.shape, PyTuple.ofInts(shape)],
    [ATTR.dtype, dtype],
    [ATTR.subdtype, subdtype],
    [ATTR.backend, ctx.backend],
  ]);
}

/**
 * Creates the group `name` under `parent` with raw CLASS/VERSION/TITLE. The caller has just
 * found no child `name` (getSetGroup looks first), so the name is not looked up again.
 * @throws NodeError for an invalid name; FileStateError on a read-only file.
 */
export function createGroupNode(parent: GROUP, name: string, title: string): GROUP {
  const path = assertCreatable(parent, name);
  const group = parent.session.adopt(new GROUP(parent.session, path, parent.storage.createGroup(name)));
  group.attrs.writeSystem(parent.session.profile.systemAttributes("GROUP", title));
  return group;
}

/** Contents of a new CARRAY: data to write, or a shape/dtype left at the fill value 0. */
export type CarrayInit = { readonly data: ArrayData } | { readonly dtype: Dtype; readonly shape: readonly number[] };

/**
 * Creates a CARRAY (storage of the file profile) and writes its data if given.
 * @throws InvalidValueError when no data is given (Python: "cannot be None") or the shape is empty.
 */
export function createCarrayNode(parent: GROUP, name: string, init: CarrayInit | null | undefined, title: string, ctx: CreateContext): CARRAY {
  const path = joinPath(parent.path, name);
  if (init === null || init === undefined) throw new InvalidValueError(`${path}: data to be saved as a CARRAY cannot be null`, { path });
  const data = "data" in init ? init.data : null;
  if (data !== null && !isArrayData(data)) throw new InvalidValueError(`${path}: expected an array ({dtype, shape, data})`, { path });
  const dtype = data !== null ? data.dtype : (init as { dtype: Dtype }).dtype;
  const shape = data !== null ? [...data.shape] : [...(init as { shape: readonly number[] }).shape];
  if (shape.length === 0) throw new InvalidValueError(`${path}: a CARRAY needs at least one dimension`, { path });
  assertFree(parent, name);
  const profile = parent.session.profile;
  const storage = parent.storage.createArray(name, profile.carraySpec(dtype, shape, ctx.compression));
  const node = parent.session.adopt(new CARRAY(parent.session, path, storage, shape));
  node.attrs.writeSystem(profile.systemAttributes("CARRAY", title));
  if (data !== null) node.write(data);
  writeArrayAttrs(node, shape, dtype, "", ctx);
  return node;
}

/**
 * Creates an EARRAY of shape `(0, *dataShape)` (or `(0,)`), enlargeable along dimension 0.
 * @throws NodeError when the name is taken.
 */
export function createEarrayNode(
  parent: GROUP,
  name: string,
  dtype: Dtype,
  dataShape: readonly number[] | null | undefined,
  title: string,
  ctx: CreateContext,
): EARRAY {
  const path = assertFree(parent, name);
  const row = dataShape ? [...dataShape] : [];
  const profile = parent.session.profile;
  const storage = parent.storage.createArray(name, profile.earraySpec(dtype, row, ctx.compression));
  const node = parent.session.adopt(new EARRAY(parent.session, path, storage, [0, ...row]));
  node.attrs.writeSystem(profile.systemAttributes("EARRAY", title));
  writeArrayAttrs(node, [0, ...row], dtype, "", ctx);
  return node;
}

/**
 * Creates a VLARRAY of uint8 rows; `"string"` makes a StringARRAY (subdtype `'string'`).
 * @throws InvalidValueError for another element type (the seam stores uint8 rows only).
 */
export function createVlarrayNode(
  parent: GROUP,
  name: string,
  dtype: "string" | "uint8",
  title: string,
  ctx: CreateContext,
): VLARRAY {
  const path = joinPath(parent.path, name);
  if (dtype !== "string" && dtype !== "uint8") {
    throw new InvalidValueError(`${path}: VLARRAY element type '${String(dtype)}' is not supported: expected 'string' or 'uint8'`, { path });
  }
  assertFree(parent, name);
  const profile = parent.session.profile;
  const storage = parent.storage.createVlen(name, profile.vlarraySpec(ctx.compression));
  const Cls = dtype === "string" ? StringARRAY : VLARRAY;
  const node = parent.session.adopt(new Cls(parent.session, path, storage));
  node.attrs.writeSystem(profile.systemAttributes("VLARRAY", title));
  writeArrayAttrs(node, [0], "uint8", dtype === "string" ? "string" : "", ctx);
  return node;
}
