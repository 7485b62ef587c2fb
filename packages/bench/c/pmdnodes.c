/* PyTables-profile nodes and attributes for pymodaq_data files (see pmdnodes.h). */
#include "pmdnodes.h"
#include "pyrepr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

long long h5check(long long status, const char *what, const char *file, int line) {
    if (status < 0) {
        fprintf(stderr, "%s:%d: HDF5 call failed: %s\n", file, line, what);
        H5Eprint2(H5E_DEFAULT, stderr);
        exit(3);
    }
    return status;
}

hid_t pmd_fapl(void) {
    hid_t fapl = H5OK(H5Pcreate(H5P_FILE_ACCESS));
    H5OK(H5Pset_cache(fapl, 0, 521, 2 * 1024 * 1024, 0.0));
    return fapl;
}

/* ---- attributes ---------------------------------------------------------------------------- */

static void drop_existing(hid_t obj, const char *name) {
    if (H5OK(H5Aexists(obj, name)) > 0) H5OK(H5Adelete(obj, name));
}

void attr_raw_str(hid_t obj, const char *name, const char *text, H5T_cset_t cset) {
    drop_existing(obj, name);
    size_t len = strlen(text);
    hid_t type = H5OK(H5Tcopy(H5T_C_S1));
    H5OK(H5Tset_size(type, len ? len : 1));
    H5OK(H5Tset_strpad(type, H5T_STR_NULLTERM));
    H5OK(H5Tset_cset(type, cset));
    /* PyTables stores an empty string as a NULL dataspace of a 1-byte string */
    hid_t space = H5OK(H5Screate(len ? H5S_SCALAR : H5S_NULL));
    hid_t attr = H5OK(H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT));
    if (len) H5OK(H5Awrite(attr, type, text));
    H5OK(H5Aclose(attr));
    H5OK(H5Sclose(space));
    H5OK(H5Tclose(type));
}

static void attr_env(hid_t obj, const char *name, const char *module, const char *type, const char *repr) {
    char text[1280];
    if (py_envelope(module, type, repr, text, sizeof text) < 0) {
        fprintf(stderr, "attribute %s: value too long\n", name);
        exit(3);
    }
    attr_raw_str(obj, name, text, H5T_CSET_UTF8);
}

void attr_env_str(hid_t obj, const char *name, const char *value) {
    char repr[1024];
    if (py_str_repr(value, repr, sizeof repr) < 0) {
        fprintf(stderr, "attribute %s: only short ASCII strings are supported\n", name);
        exit(3);
    }
    attr_env(obj, name, "builtins", "str", repr);
}

void attr_env_int(hid_t obj, const char *name, long long value) {
    char repr[32];
    snprintf(repr, sizeof repr, "%lld", value);
    attr_env(obj, name, "builtins", "int", repr);
}

void attr_env_bool(hid_t obj, const char *name, int value) {
    attr_env(obj, name, "builtins", "bool", value ? "True" : "False");
}

void attr_env_float(hid_t obj, const char *name, double value) {
    char repr[40];
    py_float_repr(value, repr, sizeof repr);
    attr_env(obj, name, "builtins", "float", repr);
}

void attr_env_np_float64(hid_t obj, const char *name, double value) {
    char repr[40];
    py_float_repr(value, repr, sizeof repr);
    attr_env(obj, name, "numpy", "float64", repr);
}

void attr_env_tuple(hid_t obj, const char *name, const hsize_t *v, int n) {
    char repr[256];
    py_tuple_repr(v, n, repr, sizeof repr);
    attr_env(obj, name, "builtins", "tuple", repr);
}

/* ---- groups and the file --------------------------------------------------------------------- */

hid_t pmd_group(hid_t parent, const char *name, const char *title) {
    hid_t g = H5OK(H5Gcreate2(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    attr_raw_str(g, "CLASS", "GROUP", H5T_CSET_UTF8);
    attr_raw_str(g, "TITLE", title, H5T_CSET_UTF8);
    attr_raw_str(g, "VERSION", "1.0", H5T_CSET_UTF8);
    return g;
}

hid_t pmd_incremental_group(hid_t parent, const char *name, const char *title, const char *type) {
    hid_t g = pmd_group(parent, name, title);
    attr_env_str(g, "settings", "");
    attr_env_str(g, "type", type);
    if (strcmp(type, "scan") == 0) {
        attr_env_str(g, "description", "");
        attr_env_bool(g, "scan_done", 0);
    }
    return g;
}

/* Chunked-dataset creation properties as PyTables sets them. */
static hid_t pmd_dcpl(const hsize_t *chunk, int rank) {
    hid_t dcpl = H5OK(H5Pcreate(H5P_DATASET_CREATE));
    H5OK(H5Pset_chunk(dcpl, rank, chunk));
    H5OK(H5Pset_fill_time(dcpl, H5D_FILL_TIME_ALLOC));
    H5OK(H5Pset_alloc_time(dcpl, H5D_ALLOC_TIME_INCR));
    H5OK(H5Pset_obj_track_times(dcpl, 1));
    return dcpl;
}

static void logger(hid_t raw) {
    hsize_t dims[1] = {0}, maxdims[1] = {H5S_UNLIMITED}, chunk[1] = {65536};
    hid_t type = H5OK(H5Tvlen_create(H5T_STD_U8LE));
    hid_t space = H5OK(H5Screate_simple(1, dims, maxdims));
    hid_t dcpl = pmd_dcpl(chunk, 1);
    hid_t d = H5OK(H5Dcreate2(raw, "Logger", type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT));
    attr_raw_str(d, "CLASS", "VLARRAY", H5T_CSET_UTF8);
    attr_raw_str(d, "VERSION", "1.4", H5T_CSET_UTF8);
    attr_raw_str(d, "TITLE", "", H5T_CSET_UTF8);
    attr_env_tuple(d, "shape", dims, 1);
    attr_env_str(d, "dtype", "uint8");
    attr_env_str(d, "subdtype", "string");
    attr_env_str(d, "backend", "tables");
    attr_env_tuple(d, "shape", dims, 1); /* pymodaq writes it twice */
    attr_env_str(d, "data_type", "strings");
    attr_env_str(d, "type", "log");
    H5OK(H5Dclose(d));
    H5OK(H5Pclose(dcpl));
    H5OK(H5Sclose(space));
    H5OK(H5Tclose(type));
}

/* Local date and time as Python's date.isoformat() and time.isoformat(). */
static void clock_strings(char *date, size_t dcap, char *tod, size_t tcap) {
    struct timeval tv;
    struct tm tm;
    gettimeofday(&tv, NULL);
    localtime_r(&tv.tv_sec, &tm);
    strftime(date, dcap, "%Y-%m-%d", &tm);
    char hms[16];
    strftime(hms, sizeof hms, "%H:%M:%S", &tm);
    if (tv.tv_usec) snprintf(tod, tcap, "%s.%06ld", hms, (long)tv.tv_usec);
    else snprintf(tod, tcap, "%s", hms);
}

hid_t pmd_init_file(const char *path, const char *save_type, hid_t fapl) {
    hid_t f = H5OK(H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, fapl));
    hid_t root = H5OK(H5Gopen2(f, "/", H5P_DEFAULT));
    attr_raw_str(root, "CLASS", "GROUP", H5T_CSET_UTF8);
    attr_raw_str(root, "PYTABLES_FORMAT_VERSION", "2.1", H5T_CSET_UTF8);
    attr_raw_str(root, "TITLE", "PyMoDAQ file", H5T_CSET_UTF8);
    attr_raw_str(root, "VERSION", "1.0", H5T_CSET_UTF8);
    attr_env_str(root, "pymodaq_version", "0.0.0");
    attr_env_str(root, "pymodaq_data_version", "5.0.0");
    hid_t raw = pmd_group(f, "RawData", "Data from PyMoDAQ modules");
    logger(raw);
    attr_env_str(raw, "type", save_type);
    const char *base = strrchr(path, '/');
    char date[32], tod[32];
    clock_strings(date, sizeof date, tod, sizeof tod);
    attr_env_str(root, "file", base ? base + 1 : path);
    attr_env_str(root, "date", date);
    attr_env_str(root, "time", tod);
    H5OK(H5Gclose(raw));
    H5OK(H5Gclose(root));
    return f;
}

/* ---- arrays ---------------------------------------------------------------------------------- */

void pmd_chunkshape(const hsize_t *shape, int rank, hsize_t expectedrows, hsize_t *chunk) {
    const double itemsize = 8.0;
    double rowsize = itemsize;
    for (int i = 1; i < rank; i++) rowsize *= (double)shape[i];
    double mb = floor((double)expectedrows * rowsize / 1048576.0);
    if (mb < 1) mb = 1;
    if (mb > 1e7) mb = 1e7;
    double chunksize = 8192.0 * pow(2.0, floor(log10(mb))) * 8.0;
    hsize_t nitems = (hsize_t)(chunksize / itemsize);
    if (nitems < 1) nitems = 1;
    hsize_t prod = 1;
    for (int i = 0; i < rank; i++) chunk[i] = shape[i];
    chunk[0] = 1;
    for (int i = 0; i < rank; i++) prod *= chunk[i];
    if (prod <= nitems) {
        chunk[0] = nitems / prod;
        return;
    }
    for (int j = 0; j < rank; j++) {
        chunk[j] = 1;
        prod = 1;
        for (int i = 0; i < rank; i++) prod *= chunk[i];
        if (prod <= nitems) {
            chunk[j] = nitems / prod;
            return;
        }
    }
    chunk[rank - 1] = nitems;
}

static void common_attrs(hid_t d, const hsize_t *dims, int rank, const char *data_type, const char *data_dim) {
    attr_env_tuple(d, "shape", dims, rank);
    attr_env_str(d, "dtype", "float64");
    attr_env_str(d, "subdtype", "");
    attr_env_str(d, "backend", "tables");
    attr_env_str(d, "data_type", data_type);
    attr_env_str(d, "data_dimension", data_dim);
}

static hid_t create_array(hid_t parent, const char *name, const char *title, const hsize_t *dims,
                          int rank, int enlargeable) {
    hsize_t chunk[H5S_MAX_RANK], maxdims[H5S_MAX_RANK];
    pmd_chunkshape(dims, rank, enlargeable ? 1000 : dims[0], chunk);
    for (int i = 0; i < rank; i++) maxdims[i] = dims[i] > chunk[i] ? dims[i] : chunk[i];
    if (enlargeable) {
        maxdims[0] = H5S_UNLIMITED;
        for (int i = 1; i < rank; i++) maxdims[i] = dims[i];
    }
    hid_t space = H5OK(H5Screate_simple(rank, dims, maxdims));
    hid_t dcpl = pmd_dcpl(chunk, rank);
    hid_t d = H5OK(H5Dcreate2(parent, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT));
    H5OK(H5Pclose(dcpl));
    H5OK(H5Sclose(space));
    attr_raw_str(d, "CLASS", enlargeable ? "EARRAY" : "CARRAY", H5T_CSET_ASCII);
    if (enlargeable) {
        int zero = 0;
        hid_t s = H5OK(H5Screate(H5S_SCALAR));
        hid_t a = H5OK(H5Acreate2(d, "EXTDIM", H5T_STD_I32LE, s, H5P_DEFAULT, H5P_DEFAULT));
        H5OK(H5Awrite(a, H5T_NATIVE_INT, &zero));
        H5OK(H5Aclose(a));
        H5OK(H5Sclose(s));
    }
    attr_raw_str(d, "VERSION", "1.1", H5T_CSET_ASCII);
    attr_raw_str(d, "TITLE", title, H5T_CSET_ASCII);
    return d;
}

hid_t pmd_carray(hid_t parent, const char *name, const char *title, const hsize_t *dims, int rank,
                 const char *data_type, const char *data_dim) {
    hid_t d = create_array(parent, name, title, dims, rank, 0);
    common_attrs(d, dims, rank, data_type, data_dim);
    return d;
}

hid_t pmd_earray(hid_t parent, const char *name, const char *title, const hsize_t *dims, int rank,
                 const char *data_type, const char *data_dim) {
    hid_t d = create_array(parent, name, title, dims, rank, 1);
    common_attrs(d, dims, rank, data_type, data_dim);
    return d;
}

void pmd_data_attrs(hid_t d, double timestamp, const char *label, const char *distribution,
                    const char *origin, const char *units, const hsize_t *nav, int nnav) {
    attr_env_float(d, "timestamp", timestamp);
    attr_env_str(d, "label", label);
    attr_env_str(d, "source", "raw");
    attr_env_str(d, "distribution", distribution);
    attr_env_str(d, "origin", origin);
    if (units) attr_env_str(d, "units", units);
    attr_env_tuple(d, "nav_indexes", nav, nnav);
}

void pmd_axis_attrs(hid_t d, long long size, const char *label, const char *units, long long index,
                    double offset, double scaling, long long spread_order) {
    attr_env_int(d, "size", size);
    attr_env_str(d, "label", label);
    attr_env_str(d, "units", units);
    attr_env_int(d, "index", index);
    attr_env_np_float64(d, "offset", offset);
    attr_env_np_float64(d, "scaling", scaling);
    attr_env_str(d, "distribution", "uniform");
    attr_env_int(d, "spread_order", spread_order);
}

/* NumPy's pairwise summation, as np.add.reduce does it on a contiguous float64 array: the mean
 * of the axis differences must match pymodaq's `scaling` to the last bit. */
static double np_pairwise_sum(const double *a, size_t n) {
    if (n < 8) {
        double res = 0.0;
        for (size_t i = 0; i < n; i++) res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        size_t i;
        for (int j = 0; j < 8; j++) r[j] = a[j];
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++) r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += a[i];
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return np_pairwise_sum(a, n2) + np_pairwise_sum(a + n2, n - n2);
}

void pmd_linear_axis(hid_t parent, const char *name, const char *label, const char *units,
                     long long index, double base, double step, hsize_t size) {
    /* Axis(data=base + step * arange(size)) keeps offset = data[0] and scaling = mean(diff);
     * the saver writes get_data() = offset + scaling * linspace(0, size - 1, size). */
    double *v = malloc(size * sizeof *v);
    if (!v) { perror("malloc"); exit(3); }
    for (hsize_t i = 0; i < size; i++) v[i] = base + step * (double)i;
    double offset = base, scaling = 1.0; /* data[0] = base + step * 0 */
    if (size > 1) {
        for (hsize_t i = 0; i + 1 < size; i++) v[i] = v[i + 1] - v[i];
        scaling = np_pairwise_sum(v, size - 1) / (double)(size - 1);
    }
    for (hsize_t i = 0; i < size; i++) v[i] = offset + scaling * (double)i;
    hid_t d = pmd_carray(parent, name, label, &size, 1, "axis", "Data1D");
    H5OK(H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v));
    pmd_axis_attrs(d, (long long)size, label, units, index, offset, scaling, 0);
    if (size == 1) attr_env_int(d, "scaling", 1); /* a one-point axis has the Python int 1 */
    H5OK(H5Dclose(d));
    free(v);
}
