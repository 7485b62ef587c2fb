/* Python repr() of the few value kinds PyMoDAQ stores in attributes, and the JSON envelope
 * {"module": M, "type": T, "data": repr(value)} that json.dumps produces around them.
 * Specification: docs/file-format.md sections 2.1 to 2.3. */
#ifndef PMD_PYREPR_H
#define PMD_PYREPR_H

#include <stddef.h>
#include <hdf5.h>

/* Python repr of a float (shortest round-trip digits, Python's positional/exponent switch).
 * Writes at most 32 bytes into out. */
void py_float_repr(double x, char *out, size_t cap);

/* Python repr of a tuple of non-negative ints: "()", "(3,)", "(50, 40, 1024)". */
void py_tuple_repr(const hsize_t *v, int n, char *out, size_t cap);

/* Python repr of an ASCII str (quote choice and escapes as CPython). Returns -1 on non-ASCII. */
int py_str_repr(const char *s, char *out, size_t cap);

/* The json.dumps envelope around an already repr'd value. Returns -1 if it does not fit. */
int py_envelope(const char *module, const char *type, const char *data_repr, char *out, size_t cap);

#endif
