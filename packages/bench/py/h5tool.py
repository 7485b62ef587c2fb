#!/usr/bin/env python3
"""Describe and compare the HDF5 files of the benchmark workloads (h5py).

    h5tool.py describe FILE
        One JSON object: every node (path, kind), its attributes (decoded text and storage
        signature), and for datasets dtype, shape, maxshape, chunks, fill time, allocation time.
    h5tool.py read FILE PATH
        The content of one dataset as a JSON (nested) list.
    h5tool.py compare A B [--ignore-attr NAME]... [--values-only] [--max-diffs N]
        One JSON object {"equal", "nodes", "differences"}: node set, kinds, shapes, chunk shapes,
        maxshape, dtypes, dataset properties, array contents (exact, NaN equal to NaN) and
        attribute values; clock-dependent attributes (date, time, file, timestamp) are ignored.
        --values-only skips storage signatures of attributes and dataset properties.
Exit status: 0 (described, or equal), 1 (files differ), 2 (usage or unreadable file).
"""
import argparse
import json
import sys

import h5py
import numpy as np

CLOCK_ATTRS = ('date', 'time', 'file', 'timestamp')
CSETS = {h5py.h5t.CSET_ASCII: 'ascii', h5py.h5t.CSET_UTF8: 'utf8'}


def attr_signature(aid, name_cset):
    """Storage of one attribute: its name's cset, then type class, size, cset, variable or
    fixed, dataspace kind."""
    return f'name-{CSETS.get(name_cset, "?")}:{value_signature(aid)}'


def value_signature(aid):
    t = aid.get_type()
    space = aid.get_space().get_simple_extent_type()
    kind = {h5py.h5s.NULL: 'null', h5py.h5s.SCALAR: 'scalar'}.get(space, 'simple')
    if isinstance(t, h5py.h5t.TypeStringID):
        flavour = 'vlen' if t.is_variable_str() else f'fixed{t.get_size()}'
        return f'str:{flavour}:{CSETS.get(t.get_cset(), "?")}:{kind}'
    return f'{t.dtype.str}:{kind}'


def attr_value(obj, name):
    """Decoded value: text for strings ('' for a NULL dataspace), a number otherwise."""
    v = obj.attrs.get(name)
    if isinstance(v, h5py.Empty):
        return ''
    if isinstance(v, bytes):
        return v.decode('utf-8')
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    return v


def describe_node(path, obj, link_cset=None):
    """`link_cset`: the character set of the link naming the node (a UTF-8 one turns its group
    from a symbol table into link-message storage)."""
    node = {'kind': 'group' if isinstance(obj, h5py.Group) else 'dataset', 'attrs': {},
            'link_cset': CSETS.get(link_cset, link_cset)}
    for name in sorted(obj.attrs.keys()):
        cset = h5py.h5a.get_info(obj.id, name=name.encode()).cset
        node['attrs'][name] = {'value': attr_value(obj, name),
                               'storage': attr_signature(obj.attrs.get_id(name), cset)}
    if isinstance(obj, h5py.Dataset):
        dcpl = obj.id.get_create_plist()
        node.update({
            'dtype': obj.dtype.str if obj.dtype.kind != 'O' else str(obj.dtype),
            'vlen': h5py.check_vlen_dtype(obj.dtype) is not None,
            'shape': list(obj.shape),
            'maxshape': [('UNLIM' if m is None else m) for m in (obj.maxshape or ())],
            'chunks': list(obj.chunks) if obj.chunks else None,
            'fill_value': dcpl.fill_value_defined(),  # 1 = libhdf5's default, 2 = set by the writer
            'fill_time': dcpl.get_fill_time(),
            'alloc_time': dcpl.get_alloc_time(),
            'filters': dcpl.get_nfilters(),
        })
    return node


def describe(path):
    nodes = {}
    with h5py.File(path, 'r') as f:
        nodes['/'] = describe_node('/', f)
        def visit(name, obj):
            parent, _, base = ('/' + name).rpartition('/')
            group = f[parent or '/']  # held: a temporary's id may close before get_info runs
            link = group.id.links.get_info(base.encode()).cset
            nodes['/' + name] = describe_node(name, obj, link)
        f.visititems(visit)
    return {'file': path, 'nodes': nodes}


def same_content(a, b):
    if h5py.check_vlen_dtype(a.dtype) is not None:
        return [bytes(x) for x in a[()]] == [bytes(x) for x in b[()]]
    x, y = a[()], b[()]
    if x.shape != y.shape or x.dtype != y.dtype:
        return False
    return bool(np.array_equal(x, y, equal_nan=x.dtype.kind in 'fc'))


def compare(pa, pb, ignore, values_only):
    da, db = describe(pa), describe(pb)
    diffs = []
    na, nb = da['nodes'], db['nodes']
    props = ['kind', 'dtype', 'vlen', 'shape', 'maxshape', 'chunks']
    if not values_only:
        props += ['fill_value', 'fill_time', 'alloc_time', 'filters', 'link_cset']
    with h5py.File(pa, 'r') as fa, h5py.File(pb, 'r') as fb:
        for path in sorted(set(na) | set(nb)):
            if path not in nb:
                diffs.append(f'{path}: only in A')
                continue
            if path not in na:
                diffs.append(f'{path}: only in B')
                continue
            a, b = na[path], nb[path]
            for p in props:
                if a.get(p) != b.get(p):
                    diffs.append(f'{path}: {p} {a.get(p)!r} != {b.get(p)!r}')
            names = (set(a['attrs']) | set(b['attrs'])) - set(ignore)
            for name in sorted(names):
                if name not in b['attrs'] or name not in a['attrs']:
                    diffs.append(f'{path}@{name}: only in {"A" if name in a["attrs"] else "B"}')
                    continue
                x, y = a['attrs'][name], b['attrs'][name]
                if x['value'] != y['value']:
                    diffs.append(f'{path}@{name}: {x["value"]!r} != {y["value"]!r}')
                elif not values_only and x['storage'] != y['storage']:
                    diffs.append(f'{path}@{name}: storage {x["storage"]} != {y["storage"]}')
            if a['kind'] == 'dataset' and b['kind'] == 'dataset' and not same_content(fa[path], fb[path]):
                diffs.append(f'{path}: array contents differ')
    return {'equal': not diffs, 'nodes': len(set(na) | set(nb)), 'differences': diffs}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    d = sub.add_parser('describe')
    d.add_argument('file')
    r = sub.add_parser('read')
    r.add_argument('file')
    r.add_argument('path')
    c = sub.add_parser('compare')
    c.add_argument('a')
    c.add_argument('b')
    c.add_argument('--ignore-attr', action='append', default=[])
    c.add_argument('--values-only', action='store_true')
    c.add_argument('--max-diffs', type=int, default=200)
    args = ap.parse_args(argv)
    try:
        if args.cmd == 'describe':
            print(json.dumps(describe(args.file)))
            return 0
        if args.cmd == 'read':
            with h5py.File(args.file, 'r') as f:
                print(json.dumps(f[args.path][()].tolist()))
            return 0
        out = compare(args.a, args.b, list(CLOCK_ATTRS) + args.ignore_attr, args.values_only)
    except (OSError, KeyError) as e:
        print(json.dumps({'error': str(e)}))
        return 2
    out['differences'] = out['differences'][:args.max_diffs]
    print(json.dumps(out))
    return 0 if out['equal'] else 1


if __name__ == '__main__':
    sys.exit(main())
