/* W2 logger: what DataToExportTimedSaver does for N appends of a 2-channel 0-D `temps` and a
 * 1-D `trace` of M points, as raw HDF5 calls (WORKLOADS.md, W2): per append, 4 extents, 4 row
 * writes and 5 attribute rewrites (delete + create, as PyTables). */
#include "bench.h"
#include "pmdnodes.h"

#include <stdlib.h>

typedef struct {
    hsize_t n, m;
    double *t0, *t1, *trace, *stamp; /* per append i: t0[i], t1[i], trace[i*m..], stamp[i] */
    double timestamp;
} logger_payload;

static void build(const bench_opts *o, logger_payload *s) {
    s->n = (hsize_t)o->n;
    s->m = (hsize_t)o->m;
    s->t0 = xmalloc(s->n * sizeof(double));
    s->t1 = xmalloc(s->n * sizeof(double));
    s->stamp = xmalloc(s->n * sizeof(double));
    s->trace = xmalloc(s->n * s->m * sizeof(double));
    for (hsize_t i = 0; i < s->n; i++) {
        s->t0[i] = 1.0 * (double)i;
        s->t1[i] = -1.0 * (double)i;
        s->stamp[i] = 1000.0 + 0.1 * (double)i;
        for (hsize_t k = 0; k < s->m; k++) s->trace[i * s->m + k] = (double)i + (double)k / (double)s->m;
    }
    s->timestamp = epoch_s();
}

typedef struct {
    hid_t d;
    int rank;
    hsize_t cols; /* row length: 1 for the 0-D channels and the time axis, M for the trace */
} enl_array;

static enl_array enl_data(hid_t ch, const char *name, const char *title, hsize_t cols, const char *dim,
                          const char *label, double timestamp) {
    static const hsize_t nav[1] = {0};
    hsize_t dims[2] = {0, cols};
    enl_array a = {pmd_earray(ch, name, title, dims, 2, "data_enlargeable", dim), 2, cols};
    pmd_data_attrs(a.d, timestamp, label, "spread", "logger", NULL, nav, 1);
    return a;
}

/* Grow by one row, write it, rewrite `shape` (PyTables' EArray.append plus pymodaq's attribute). */
static void append_row(const enl_array *a, hsize_t n, const double *row) {
    hsize_t dims[2] = {n + 1, a->cols}, start[2] = {n, 0}, count[2] = {1, a->cols};
    H5OK(H5Dset_extent(a->d, dims));
    hid_t fspace = H5OK(H5Dget_space(a->d));
    H5OK(H5Sselect_hyperslab(fspace, H5S_SELECT_SET, start, NULL, count, NULL));
    hid_t mspace = H5OK(H5Screate_simple(a->rank, count, NULL));
    H5OK(H5Dwrite(a->d, H5T_NATIVE_DOUBLE, mspace, fspace, H5P_DEFAULT, row));
    H5OK(H5Sclose(mspace));
    H5OK(H5Sclose(fspace));
    attr_env_tuple(a->d, "shape", dims, a->rank);
}

void run_w2(const bench_opts *o, const char *path, bench_result *r) {
    logger_payload s;
    double b0 = now_s();
    build(o, &s);
    r->build_s = now_s() - b0;
    r->payload_bytes = s.n * (2 * 8 + s.m * 8 + 8);

    double t0 = now_s();
    hid_t fapl = pmd_fapl();
    hid_t f = pmd_init_file(path, "logger", fapl);
    hid_t raw = H5OK(H5Gopen2(f, "/RawData", H5P_DEFAULT));
    hid_t det = pmd_incremental_group(raw, "Detector000", "logger", "detector");
    enl_array arr[4];
    for (hsize_t i = 0; i < s.n; i++) {
        double op0 = now_s();
        if (i == 0) {
            hid_t g0 = pmd_group(det, "Data0D", ""), c0 = pmd_group(g0, "CH00", "temps");
            arr[0] = enl_data(c0, "EnlData00", "temps", 1, "Data0D", "T0", s.timestamp);
            arr[1] = enl_data(c0, "EnlData01", "temps", 1, "Data0D", "T1", s.timestamp);
            hid_t g1 = pmd_group(det, "Data1D", ""), c1 = pmd_group(g1, "CH00", "trace");
            arr[2] = enl_data(c1, "EnlData00", "trace", s.m, "Data1D", "trace", s.timestamp);
            pmd_linear_axis(c1, "Axis00", "t", "s", 1, 0.0, 0.001, s.m);
            hid_t nav = pmd_group(det, "NavAxes", "");
            hsize_t dims[1] = {0};
            arr[3] = (enl_array){pmd_earray(nav, "Axis00", "time", dims, 1, "axis", "Data1D"), 1, 1};
            pmd_axis_attrs(arr[3].d, 2, "time", "s", 0, 0.0, 1.0, 0);
            attr_env_int(arr[3].d, "size", 0);
            H5OK(H5Gclose(c0)); H5OK(H5Gclose(g0)); H5OK(H5Gclose(c1)); H5OK(H5Gclose(g1));
            H5OK(H5Gclose(nav));
        }
        append_row(&arr[0], i, &s.t0[i]);
        append_row(&arr[1], i, &s.t1[i]);
        append_row(&arr[2], i, &s.trace[i * s.m]);
        append_row(&arr[3], i, &s.stamp[i]);
        attr_env_int(arr[3].d, "size", (long long)i + 1);
        ops_push(&r->ops, now_s() - op0);
    }
    if (s.n) for (int k = 0; k < 4; k++) H5OK(H5Dclose(arr[k].d));
    H5OK(H5Gclose(det)); H5OK(H5Gclose(raw));
    H5OK(H5Fclose(f));
    H5OK(H5Pclose(fapl));
    if (o->fsync) fsync_path(path);
    r->wall_s = now_s() - t0;
    free(s.t0); free(s.t1); free(s.trace); free(s.stamp);
}
