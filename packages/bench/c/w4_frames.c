/* W4 frames: what DataToExportSaver does for F detector groups holding one R x C float64 frame
 * each, with its two axes, as raw HDF5 calls (WORKLOADS.md, W4). */
#include "bench.h"
#include "pmdnodes.h"

#include <stdio.h>
#include <stdlib.h>

void run_w4(const bench_opts *o, const char *path, bench_result *r) {
    hsize_t F = (hsize_t)o->frames, R = (hsize_t)o->rows, C = (hsize_t)o->cols;
    double b0 = now_s();
    double *frames = xmalloc(F * R * C * sizeof(double));
    for (hsize_t i = 0; i < F; i++)
        for (hsize_t k = 0; k < R * C; k++) frames[i * R * C + k] = (double)k + (double)i * 1e6;
    double timestamp = epoch_s();
    r->build_s = now_s() - b0;
    r->payload_bytes = F * R * C * 8;

    double t0 = now_s();
    hid_t fapl = pmd_fapl();
    hid_t f = pmd_init_file(path, "detector", fapl);
    hid_t raw = H5OK(H5Gopen2(f, "/RawData", H5P_DEFAULT));
    for (hsize_t i = 0; i < F; i++) {
        char name[32], title[32];
        snprintf(name, sizeof name, "Detector%03llu", (unsigned long long)i);
        snprintf(title, sizeof title, "camera%02llu", (unsigned long long)i);
        hid_t det = pmd_incremental_group(raw, name, title, "detector");
        /* one op = what add_data does: the detector group comes before it, as in pymodaq's loop */
        double op0 = now_s();
        hid_t g = pmd_group(det, "Data2D", ""), ch = pmd_group(g, "CH00", "frame");
        hsize_t dims[2] = {R, C};
        hid_t d = pmd_carray(ch, "Data00", "frame", dims, 2, "data", "Data2D");
        H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &frames[i * R * C]));
        pmd_data_attrs(d, timestamp, "img", "uniform", title, "", NULL, 0);
        pmd_linear_axis(ch, "Axis00", "y", "um", 0, 0.0, 0.5, R);
        pmd_linear_axis(ch, "Axis01", "x", "um", 1, 0.0, 0.5, C);
        H5OK(H5Dclose(d)); H5OK(H5Gclose(ch)); H5OK(H5Gclose(g));
        ops_push(&r->ops, now_s() - op0);
        H5OK(H5Gclose(det));
    }
    H5OK(H5Gclose(raw));
    H5OK(H5Fclose(f));
    H5OK(H5Pclose(fapl));
    if (o->fsync) fsync_path(path);
    r->wall_s = now_s() - t0;
    free(frames);
}
