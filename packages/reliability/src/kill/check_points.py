"""Reads back the points a killed writer reported, with h5py and with PyTables.

Input (JSON on stdin): {"file": path, "pattern": regex of data node names, "points": [{"where",
"index" | null, "row" | null, "sum"}]}. Output (JSON on stdout): for each library, whether the file
opened (and the error if not) and, per point, whether its values read back with the reported sum.
A point is the sum of the data nodes under its `where` group, at its extended index or appended row.
"""
import json
import math
import re
import sys


def close_enough(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def read_at(node, index, row):
    """Sum of a node's values at an extended index or an appended row (h5py and PyTables index alike)."""
    if index is not None:
        return float(node[tuple(index)].sum())
    if row >= node.shape[0]:
        raise IndexError(row)
    return float(node[row].sum())


def check(nodes_of, spec):
    pattern = re.compile(spec["pattern"])
    nodes = {}
    kept = []
    for p in spec["points"]:
        where = p["where"]
        if where not in nodes:
            try:
                nodes[where] = nodes_of(where, pattern)
            except Exception:
                nodes[where] = None
        found = nodes[where]
        if not found:
            kept.append(False)
            continue
        try:
            total = sum(read_at(node, p["index"], p["row"]) for node in found)
            kept.append(close_enough(total, p["sum"]))
        except IndexError:
            kept.append(False)
    return kept


def with_h5py(spec):
    import h5py

    with h5py.File(spec["file"], "r") as f:
        def nodes_of(where, pattern):
            out = []
            f[where].visititems(lambda name, obj: out.append(obj) if isinstance(obj, h5py.Dataset) and pattern.match(name.split("/")[-1]) else None)
            return out

        return check(nodes_of, spec)


def with_tables(spec):
    import tables

    with tables.open_file(spec["file"], "r") as f:
        def nodes_of(where, pattern):
            return [n for n in f.walk_nodes(where, classname="Leaf") if pattern.match(n._v_name)]

        return check(nodes_of, spec)


def main():
    spec = json.load(sys.stdin)
    out = {}
    for name, fn in (("h5py", with_h5py), ("tables", with_tables)):
        try:
            out[name] = {"opened": True, "error": None, "kept": fn(spec)}
        except Exception as e:  # the file does not open, or its tree cannot be walked
            out[name] = {"opened": False, "error": f"{type(e).__name__}: {e}"[:300], "kept": []}
    json.dump(out, sys.stdout)


main()
