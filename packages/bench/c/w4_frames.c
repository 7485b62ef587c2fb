/* W4 frames: what DataToExportSaver does for F detector groups holding one R x C float64 frame
 * each, with its two axes, as raw HDF5 calls (WORKLOADS.md, W4). */
#include "bench.h"
#include "pmdnodes.h"

#include <stdio.h>
#include <stdlib.h>

/* --direct-chunks: the frame's whole chunks with H5Dwrite_chunk when they span whole rows (so
 * are contiguous in the frame), the rows left over with H5Dwrite. */
static void write_chunks(hid_t d, const double *frame, hsize_t R, hsize_t C) {
    hid_t dcpl = H5OK(H5Dget_create_plist(d));
    hsize_t chunk[2];
    H5OK(H5Pget_chunk(dcpl, 2, chunk));
    H5OK(H5Pclose(dcpl));
    hsize_t k = chunk[0], whole = chunk[1] == C ? R / k * k : 0;
    for (hsize_t r = 0; r < whole; r += k) {
        hsize_t offset[2] = {r, 0};
        H5OK(H5Dwrite_chunk(d, H5P_DEFAULT, 0, offset, k * C * sizeof(double), frame + r * C));
    }
    if (whole == R) return;
    hsize_t start[2] = {whole, 0}, count[2] = {R - whole, C};
    hid_t fspace = H5OK(H5Dget_space(d)), mspace = H5OK(H5Screate_simple(2, count, NULL));
    H5OK(H5Sselect_hyperslab(fspace, H5S_SELECT_SET, start, NULL, count, NULL));
    H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, mspace, fspace, H5P_DEFAULT, frame + whole * C));
    H5OK(H5Sclose(mspace));
    H5OK(H5Sclose(fspace));
}

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
        const double *frame = &frames[i * R * C];
        if (o->direct_chunks) write_chunks(d, frame, R, C);
        else H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, frame));
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
