/* W1 scan2d: what DataToExportExtendedSaver does for a NX x NY scan of a detector giving a
 * 2-channel spectrum of L points and a 0-D power, as raw HDF5 calls (WORKLOADS.md, W1). */
#include "bench.h"
#include "pmdnodes.h"

#include <stdlib.h>

typedef struct {
    hsize_t nx, ny, L, points;
    double *ch0, *ch1, *power; /* per point p: ch0[p*L..], ch1[p*L..], power[p] */
    double timestamp;          /* the first DataWithAxes' creation time */
} scan_payload;

static void build(const bench_opts *o, scan_payload *s) {
    s->nx = (hsize_t)o->nx;
    s->ny = (hsize_t)o->ny;
    s->L = (hsize_t)o->L;
    s->points = s->nx * s->ny;
    s->ch0 = xmalloc(s->points * s->L * sizeof(double));
    s->ch1 = xmalloc(s->points * s->L * sizeof(double));
    s->power = xmalloc(s->points * sizeof(double));
    for (hsize_t p = 0; p < s->points; p++) {
        for (hsize_t k = 0; k < s->L; k++) {
            double v = (double)p + (double)k / (double)s->L;
            s->ch0[p * s->L + k] = v;
            s->ch1[p * s->L + k] = -v;
        }
        s->power[p] = 0.5 * (double)p;
    }
    s->timestamp = epoch_s();
}

/* A CARRAY of an extended scan, written in full with zeros unless a fill value stands for them
 * (--fill-value: the default fill value is 0, so the file content is the same). */
static hid_t extended_array(hid_t ch, const char *name, const char *title, const hsize_t *dims, int rank,
                            const char *dim_name, const char *label, const scan_payload *s,
                            const double *zeros, int fill_value) {
    static const hsize_t nav[2] = {0, 1};
    hid_t d = pmd_carray(ch, name, title, dims, rank, "data", dim_name);
    if (!fill_value) H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, zeros));
    pmd_data_attrs(d, s->timestamp, label, "uniform", "spectro", NULL, nav, 2);
    return d;
}

/* One point's hyperslab write at [ix, iy] (rank 2) or [ix, iy, 0:count] (rank 3): the selection
 * uses as many of start/cnt as the file space has dimensions. */
static void write_point(hid_t d, hid_t fspace, hid_t mspace, hsize_t ix, hsize_t iy, hsize_t count,
                        const double *values) {
    hsize_t start[3] = {ix, iy, 0}, cnt[3] = {1, 1, count};
    H5OK(H5Sselect_hyperslab(fspace, H5S_SELECT_SET, start, NULL, cnt, NULL));
    H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, mspace, fspace, H5P_DEFAULT, values));
}

void run_w1(const bench_opts *o, const char *path, bench_result *r) {
    scan_payload s;
    double b0 = now_s();
    build(o, &s);
    r->build_s = now_s() - b0;
    r->payload_bytes = s.points * (2 * s.L * 8 + 8);

    double t0 = now_s();
    hid_t fapl = pmd_fapl();
    hid_t f = pmd_init_file(path, "scan", fapl);
    hid_t raw = H5OK(H5Gopen2(f, "/RawData", H5P_DEFAULT));
    hid_t scan = pmd_incremental_group(raw, "Scan000", "scan2d", "scan");
    hid_t det = pmd_incremental_group(scan, "Detector000", "spectro", "detector");
    hid_t nav = pmd_group(scan, "NavAxes", "");
    pmd_linear_axis(nav, "Axis00", "x", "mm", 0, 0.0, 0.1, s.nx);
    pmd_linear_axis(nav, "Axis01", "y", "mm", 1, 0.0, 0.2, s.ny);
    H5OK(H5Gclose(nav));

    hid_t pw = -1, d0 = -1, d1 = -1, pw_space = -1, d_space = -1, one = -1, row = -1;
    for (hsize_t ix = 0; ix < s.nx; ix++) {
        for (hsize_t iy = 0; iy < s.ny; iy++) {
            hsize_t p = ix * s.ny + iy;
            double op0 = now_s();
            if (p == 0) {
                double *zeros = o->fill_value ? NULL : calloc(s.points * s.L, sizeof(double));
                if (!o->fill_value && !zeros) { perror("calloc"); exit(3); }
                hsize_t dims0[2] = {s.nx, s.ny}, dims1[3] = {s.nx, s.ny, s.L};
                hid_t g0 = pmd_group(det, "Data0D", ""), c0 = pmd_group(g0, "CH00", "power");
                pw = extended_array(c0, "Data00", "power", dims0, 2, "Data0D", "P", &s, zeros, o->fill_value);
                hid_t g1 = pmd_group(det, "Data1D", ""), c1 = pmd_group(g1, "CH00", "spectrum");
                d0 = extended_array(c1, "Data00", "spectrum", dims1, 3, "Data1D", "ch0", &s, zeros, o->fill_value);
                d1 = extended_array(c1, "Data01", "spectrum", dims1, 3, "Data1D", "ch1", &s, zeros, o->fill_value);
                pmd_linear_axis(c1, "Axis00", "wavelength", "nm", 2, 400.0, 0.5, s.L);
                free(zeros);
                H5OK(H5Gclose(c0)); H5OK(H5Gclose(g0)); H5OK(H5Gclose(c1)); H5OK(H5Gclose(g1));
                pw_space = H5OK(H5Dget_space(pw));
                d_space = H5OK(H5Dget_space(d0));
                hsize_t n1 = 1;
                one = H5OK(H5Screate_simple(1, &n1, NULL));
                row = H5OK(H5Screate_simple(1, &s.L, NULL));
            }
            write_point(pw, pw_space, one, ix, iy, 1, &s.power[p]);
            write_point(d0, d_space, row, ix, iy, s.L, &s.ch0[p * s.L]);
            write_point(d1, d_space, row, ix, iy, s.L, &s.ch1[p * s.L]);
            ops_push(&r->ops, now_s() - op0);
        }
    }
    H5OK(H5Sclose(one)); H5OK(H5Sclose(row));
    H5OK(H5Sclose(pw_space)); H5OK(H5Sclose(d_space));
    H5OK(H5Dclose(pw)); H5OK(H5Dclose(d0)); H5OK(H5Dclose(d1));
    H5OK(H5Gclose(det)); H5OK(H5Gclose(scan)); H5OK(H5Gclose(raw));
    H5OK(H5Fclose(f));
    H5OK(H5Pclose(fapl));
    if (o->fsync) fsync_path(path);
    r->wall_s = now_s() - t0;
    free(s.ch0); free(s.ch1); free(s.power);
}
