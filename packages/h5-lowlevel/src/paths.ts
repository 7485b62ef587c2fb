/** HDF5 path helpers: joining a group path with a relative or absolute name. */

/** Absolute, normalised path of `name` seen from the group at `base` ("/" separators, no "." parts). */
export function resolvePath(base: string, name: string): string {
  // A plain child name, the usual case, needs no splitting.
  if (name !== "" && name !== "." && !name.includes("/")) return base === "/" ? `/${name}` : `${base}/${name}`;
  const parts = name.startsWith("/") ? [] : base.split("/").filter((p) => p !== "");
  for (const part of name.split("/")) {
    if (part === "" || part === ".") continue;
    parts.push(part);
  }
  return "/" + parts.join("/");
}

/** Last component of an absolute path ("/" for the root). */
export function baseName(path: string): string {
  if (path === "/") return "/";
  return path.slice(path.lastIndexOf("/") + 1);
}
