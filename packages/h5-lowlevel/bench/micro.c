/*
 * Baseline of the h5-lowlevel micro-benchmark: the same operations as micro.mjs, calling
 * libhdf5 directly. Usage: micro <append|hyperslab> <file> [batch]. Prints one JSON line.
 * Same settings as the binding run: default creation properties, chunk cache 521 slots /
 * 2 MiB / w0 0, no filters.
 */
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROWS 100000
#define COLS 256
#define SLABS 64
#define SLAB_ROWS 1024
#define SLAB_COLS 1024

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static hid_t create_file(const char* path) {
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_cache(fapl, 0, 521, 2 * 1024 * 1024, 0.0);
  hid_t f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  H5Pclose(fapl);
  return f;
}

/* Writes `buf` (count[0] x count[1] doubles) to the hyperslab at `start`, as the binding's write
 * does: the whole CHUNK_ROWS x count[1] chunks the rows cover with H5Dwrite_chunk (both datasets
 * have chunks as wide as the dataset), the rest with H5Dwrite and a memory space of the
 * selection's own shape. */
#define CHUNK_ROWS 32
static int write_slab(hid_t ds, const hsize_t start[2], const hsize_t count[2], const double* buf) {
  hsize_t whole = start[0] % CHUNK_ROWS == 0 ? count[0] / CHUNK_ROWS * CHUNK_ROWS : 0;
  for (hsize_t r = 0; r < whole; r += CHUNK_ROWS) {
    hsize_t offset[2] = {start[0] + r, 0};
    if (H5Dwrite_chunk(ds, H5P_DEFAULT, 0, offset, CHUNK_ROWS * count[1] * sizeof(double), buf + r * count[1]) < 0)
      return 1;
  }
  if (whole == count[0]) return 0;
  hsize_t rest_start[2] = {start[0] + whole, 0}, rest[2] = {count[0] - whole, count[1]};
  hid_t fspace = H5Dget_space(ds);
  H5Sselect_hyperslab(fspace, H5S_SELECT_SET, rest_start, NULL, rest, NULL);
  hid_t mspace = H5Screate_simple(2, rest, NULL);
  herr_t status = H5Dwrite(ds, H5T_NATIVE_DOUBLE, mspace, fspace, H5P_DEFAULT, buf + whole * count[1]);
  H5Sclose(mspace);
  H5Sclose(fspace);
  return status < 0;
}

/* Appends ROWS rows of COLS float64 in batches: extend, select, write, as the binding's append. */
static int run_append(const char* path, hsize_t batch, double* seconds, long* calls) {
  double* buf = malloc(sizeof(double) * COLS * batch);
  for (hsize_t i = 0; i < COLS * batch; i++) buf[i] = (double)i;
  double t0 = now();
  hid_t f = create_file(path);
  hsize_t dims[2] = {0, COLS}, maxdims[2] = {H5S_UNLIMITED, COLS}, chunks[2] = {CHUNK_ROWS, COLS};
  hid_t space = H5Screate_simple(2, dims, maxdims);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, 2, chunks);
  hid_t ds = H5Dcreate2(f, "d", H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  H5Sclose(space);
  H5Pclose(dcpl);
  hsize_t done = 0;
  long n = 0;
  while (done < ROWS) {
    hsize_t rows = ROWS - done < batch ? ROWS - done : batch;
    hsize_t start[2] = {done, 0}, count[2] = {rows, COLS};
    dims[0] = done + rows;
    if (H5Dset_extent(ds, dims) < 0 || write_slab(ds, start, count, buf)) return 1;
    done += rows;
    n++;
  }
  H5Dclose(ds);
  H5Fclose(f);
  *seconds = now() - t0;
  *calls = n;
  free(buf);
  return 0;
}

/* Writes SLABS hyperslabs of SLAB_ROWS x SLAB_COLS float64 (8 MiB) into a chunked dataset. */
static int run_hyperslab(const char* path, double* seconds, long* calls) {
  hsize_t total = (hsize_t)SLAB_ROWS * SLAB_COLS;
  double* buf = malloc(sizeof(double) * total);
  for (hsize_t i = 0; i < total; i++) buf[i] = (double)i;
  double t0 = now();
  hid_t f = create_file(path);
  hsize_t dims[2] = {(hsize_t)SLABS * SLAB_ROWS, SLAB_COLS}, chunks[2] = {CHUNK_ROWS, SLAB_COLS};
  hid_t space = H5Screate_simple(2, dims, NULL);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_chunk(dcpl, 2, chunks);
  hid_t ds = H5Dcreate2(f, "d", H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  H5Pclose(dcpl);
  for (int s = 0; s < SLABS; s++) {
    hsize_t start[2] = {(hsize_t)s * SLAB_ROWS, 0}, count[2] = {SLAB_ROWS, SLAB_COLS};
    if (write_slab(ds, start, count, buf)) return 1;
  }
  H5Sclose(space);
  H5Dclose(ds);
  H5Fclose(f);
  *seconds = now() - t0;
  *calls = SLABS;
  free(buf);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: micro <append|hyperslab> <file> [batch]\n");
    return 2;
  }
  double seconds = 0;
  long calls = 0;
  double bytes;
  int rc;
  if (strcmp(argv[1], "append") == 0) {
    hsize_t batch = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
    rc = run_append(argv[2], batch, &seconds, &calls);
    bytes = (double)ROWS * COLS * 8;
  } else {
    rc = run_hyperslab(argv[2], &seconds, &calls);
    bytes = (double)SLABS * SLAB_ROWS * SLAB_COLS * 8;
  }
  if (rc != 0) return rc;
  printf("{\"seconds\": %.9f, \"bytes\": %.0f, \"calls\": %ld}\n", seconds, bytes, calls);
  return 0;
}
