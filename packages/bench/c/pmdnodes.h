/* Nodes and attributes as PyTables 3.7 writes them for pymodaq_data (the "tables" backend):
 * fixed-length string attributes, JSON envelopes, PyTables chunk shapes and dataset properties.
 * Specification: packages/bench/WORKLOADS.md ("HDF5 settings", "PyTables layout rules") and
 * docs/file-format.md sections 1, 4, 5, 6. */
#ifndef PMD_NODES_H
#define PMD_NODES_H

#include <hdf5.h>

/* Abort with the HDF5 error stack when an HDF5 call fails: a benchmark must not go on silently. */
#define H5OK(expr) h5check((long long)(expr), #expr, __FILE__, __LINE__)
long long h5check(long long status, const char *what, const char *file, int line);

/* File access properties of PyTables: chunk cache of 2 MiB, 521 slots, w0 = 0. */
hid_t pmd_fapl(void);

/* Attributes. Every writer deletes an existing attribute of that name first (PyTables' rewrite). */
void attr_raw_str(hid_t obj, const char *name, const char *text, H5T_cset_t cset);
void attr_env_str(hid_t obj, const char *name, const char *value);
void attr_env_int(hid_t obj, const char *name, long long value);
void attr_env_bool(hid_t obj, const char *name, int value);
void attr_env_float(hid_t obj, const char *name, double value);   /* builtins float */
void attr_env_np_float64(hid_t obj, const char *name, double value); /* numpy float64 */
void attr_env_tuple(hid_t obj, const char *name, const hsize_t *v, int n);

/* Root attributes, /RawData with its Logger and its type, root file/date/time (init_file). */
hid_t pmd_init_file(const char *path, const char *save_type, hid_t fapl);

/* A group with the PyTables system attributes (CLASS, TITLE, VERSION). */
hid_t pmd_group(hid_t parent, const char *name, const char *title);
/* An incremental group (Scan000, Detector000): TITLE, settings='', type; scan groups add
 * description='' and scan_done=False. */
hid_t pmd_incremental_group(hid_t parent, const char *name, const char *title, const char *type);

/* PyTables' chunk shape for a float64 array of that shape and expected rows. */
void pmd_chunkshape(const hsize_t *shape, int rank, hsize_t expectedrows, hsize_t *chunk);

/* A float64 CARRAY (chunked, maxdims = max(dims, chunk)) or EARRAY (dims[0] must be 0) with its
 * system attributes and the pymodaq attributes common to every array (shape ... data_dimension). */
hid_t pmd_carray(hid_t parent, const char *name, const char *title, const hsize_t *dims, int rank,
                 const char *data_type, const char *data_dim);
hid_t pmd_earray(hid_t parent, const char *name, const char *title, const hsize_t *dims, int rank,
                 const char *data_type, const char *data_dim);

/* The attributes of a data array after the common ones. units == NULL leaves them out
 * (extended and enlargeable savers). */
void pmd_data_attrs(hid_t d, double timestamp, const char *label, const char *distribution,
                    const char *origin, const char *units, const hsize_t *nav, int nnav);
/* The attributes of an axis array after the common ones. */
void pmd_axis_attrs(hid_t d, long long size, const char *label, const char *units, long long index,
                    double offset, double scaling, long long spread_order);

/* The axis CARRAY that AxisSaverLoader writes for Axis(label, units, data=base + step * arange(size),
 * index): offset, scaling (NumPy's mean of the differences) and get_data(), with all attributes. */
void pmd_linear_axis(hid_t parent, const char *name, const char *label, const char *units,
                     long long index, double base, double step, hsize_t size);

#endif
