/* W3 load: what DataLoader.load_data / load_all read from a W1 file, as raw HDF5 calls on a file
 * opened read-only (WORKLOADS.md, W3). One op is the whole load, between open and close. */
#include "bench.h"
#include "pmdnodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a load keeps: the arrays read, alive until the file is closed (as a DataWithAxes holds
 * them), and the payload counted on data arrays only. */
typedef struct {
    double **arrays;
    size_t n, cap;
    unsigned long long payload;
} loaded;

static void keep(loaded *l, double *a) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        double **p = realloc(l->arrays, l->cap * sizeof *p);
        if (!p) { perror("realloc"); exit(3); }
        l->arrays = p;
    }
    l->arrays[l->n++] = a;
}

static herr_t read_one_attr(hid_t obj, const char *name, const H5A_info_t *info, void *op_data) {
    (void)info; (void)op_data;
    hid_t a = H5OK(H5Aopen(obj, name, H5P_DEFAULT));
    hid_t space = H5OK(H5Aget_space(a));
    if (H5OK(H5Sget_simple_extent_type(space)) != H5S_NULL) {
        hid_t type = H5OK(H5Aget_type(a));
        size_t bytes = H5Tget_size(type) * (size_t)H5OK(H5Sget_simple_extent_npoints(space));
        char *buf = xmalloc(bytes + 1);
        H5OK(H5Aread(a, type, buf));
        if (H5OK(H5Tis_variable_str(type)) > 0) H5OK(H5Dvlen_reclaim(type, space, H5P_DEFAULT, buf));
        free(buf);
        H5OK(H5Tclose(type));
    }
    H5OK(H5Sclose(space));
    H5OK(H5Aclose(a));
    return 0;
}

/* Every attribute of a node, as pymodaq reads (and decodes) them. */
static void read_attrs(hid_t obj) {
    hsize_t idx = 0;
    H5OK(H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, &idx, read_one_attr, NULL));
}

/* The decoded `data_type` of a dataset ("" when absent): the text inside the envelope's
 * str repr, e.g. {"module": "builtins", "type": "str", "data": "'axis'"} gives axis. */
static void data_type_of(hid_t d, char *out, size_t cap) {
    out[0] = '\0';
    if (H5OK(H5Aexists(d, "data_type")) <= 0) return;
    hid_t a = H5OK(H5Aopen(d, "data_type", H5P_DEFAULT));
    hid_t type = H5OK(H5Aget_type(a));
    size_t n = H5Tget_size(type);
    char *buf = xmalloc(n + 1);
    H5OK(H5Aread(a, type, buf));
    buf[n] = '\0';
    const char *v = strstr(buf, "\"data\": \"'");
    if (v) {
        v += strlen("\"data\": \"'");
        size_t k = 0;
        while (v[k] && v[k] != '\'' && k + 1 < cap) { out[k] = v[k]; k++; }
        out[k] = '\0';
    }
    free(buf);
    H5OK(H5Tclose(type));
    H5OK(H5Aclose(a));
}

/* Attributes and full content of one dataset. */
static void load_node(hid_t loc, const char *name, int is_data, loaded *l) {
    hid_t d = H5OK(H5Dopen2(loc, name, H5P_DEFAULT));
    read_attrs(d);
    hid_t space = H5OK(H5Dget_space(d));
    hssize_t n = H5OK(H5Sget_simple_extent_npoints(space));
    double *buf = xmalloc((size_t)n * sizeof(double));
    H5OK(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf));
    keep(l, buf);
    if (is_data) l->payload += (unsigned long long)n * sizeof(double);
    H5OK(H5Sclose(space));
    H5OK(H5Dclose(d));
}

typedef struct {
    char names[256][64];
    int is_group[256];
    int n;
} children;

static herr_t collect(hid_t g, const char *name, const H5L_info_t *info, void *op_data) {
    (void)info;
    children *c = op_data;
    if (c->n >= 256) return 1;
    H5O_info_t oi;
    H5OK(H5Oget_info_by_name2(g, name, &oi, H5O_INFO_BASIC, H5P_DEFAULT));
    snprintf(c->names[c->n], sizeof c->names[0], "%s", name);
    c->is_group[c->n++] = oi.type == H5O_TYPE_GROUP;
    return 0;
}

/* Children in name order (the HDF5 name index, as PyTables lists a reopened file). */
static void list_children(hid_t g, children *c) {
    c->n = 0;
    hsize_t idx = 0;
    H5OK(H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, &idx, collect, c));
}

/* Every axis dataset of a group (attributes and data). */
static void load_axes_of(hid_t g, loaded *l) {
    children c;
    list_children(g, &c);
    char dt[64];
    for (int i = 0; i < c.n; i++) {
        if (c.is_group[i]) continue;
        hid_t d = H5OK(H5Dopen2(g, c.names[i], H5P_DEFAULT));
        data_type_of(d, dt, sizeof dt);
        H5OK(H5Dclose(d));
        if (strcmp(dt, "axis") == 0) load_node(g, c.names[i], 0, l);
    }
}

/* Walk up from a group path to the root; the first group with a NavAxes child gives the
 * navigation axes (pymodaq's get_nav_group). */
static void load_nav_axes(hid_t f, const char *group_path, loaded *l) {
    char p[512];
    snprintf(p, sizeof p, "%s", group_path);
    for (;;) {
        hid_t g = H5OK(H5Gopen2(f, p[0] ? p : "/", H5P_DEFAULT));
        int found = H5OK(H5Lexists(g, "NavAxes", H5P_DEFAULT)) > 0;
        if (found) {
            hid_t nav = H5OK(H5Gopen2(g, "NavAxes", H5P_DEFAULT));
            load_axes_of(nav, l);
            H5OK(H5Gclose(nav));
        }
        H5OK(H5Gclose(g));
        if (found || p[0] == '\0' || strcmp(p, "/") == 0) return;
        char *slash = strrchr(p, '/');
        *slash = '\0';
    }
}

/* load_data(path): the node, the axes of its group, the navigation axes. */
static void load_data(hid_t f, const char *path, loaded *l) {
    char parent[512];
    snprintf(parent, sizeof parent, "%s", path);
    *strrchr(parent, '/') = '\0';
    load_node(f, path, 1, l);
    hid_t g = H5OK(H5Gopen2(f, parent, H5P_DEFAULT));
    load_axes_of(g, l);
    H5OK(H5Gclose(g));
    load_nav_axes(f, parent, l);
}

/* load_all: sub-groups first (recursively), then the first data-like dataset of the group loads
 * every dataset of its data_type, the group's axes and the navigation axes; then leave the group. */
static void load_all(hid_t f, const char *path, loaded *l) {
    hid_t g = H5OK(H5Gopen2(f, path[0] ? path : "/", H5P_DEFAULT));
    children c;
    list_children(g, &c);
    char sub[512], dt[64], other[64];
    for (int i = 0; i < c.n; i++) {
        if (!c.is_group[i]) continue;
        snprintf(sub, sizeof sub, "%s/%s", path, c.names[i]);
        load_all(f, sub, l);
    }
    for (int i = 0; i < c.n; i++) {
        if (c.is_group[i]) continue;
        hid_t d = H5OK(H5Dopen2(g, c.names[i], H5P_DEFAULT));
        data_type_of(d, dt, sizeof dt);
        H5OK(H5Dclose(d));
        if (!strstr(dt, "data")) continue;
        for (int j = 0; j < c.n; j++) {
            if (c.is_group[j]) continue;
            hid_t dj = H5OK(H5Dopen2(g, c.names[j], H5P_DEFAULT));
            data_type_of(dj, other, sizeof other);
            H5OK(H5Dclose(dj));
            if (strcmp(other, dt) == 0) load_node(g, c.names[j], 1, l);
        }
        load_axes_of(g, l);
        load_nav_axes(f, path, l);
        break;
    }
    H5OK(H5Gclose(g));
}

void run_w3(const bench_opts *o, const char *path, int all, bench_result *r) {
    (void)o;
    loaded l = {0};
    r->build_s = 0;
    double t0 = now_s();
    hid_t fapl = pmd_fapl();
    hid_t f = H5OK(H5Fopen(path, H5F_ACC_RDONLY, fapl));
    double op0 = now_s();
    if (all) load_all(f, "", &l);
    else load_data(f, "/RawData/Scan000/Detector000/Data1D/CH00/Data00", &l);
    ops_push(&r->ops, now_s() - op0);
    H5OK(H5Fclose(f));
    H5OK(H5Pclose(fapl));
    r->wall_s = now_s() - t0;
    r->payload_bytes = l.payload;
    for (size_t i = 0; i < l.n; i++) free(l.arrays[i]);
    free(l.arrays);
}
