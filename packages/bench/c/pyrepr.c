/* Python repr() and JSON envelopes for PyMoDAQ attributes (see pyrepr.h). */
#include "pyrepr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shortest decimal digits that read back as x (x > 0, finite); *point is the decimal point
 * position p such that x = 0.DIGITS x 10^p. */
static void shortest_digits(double x, char *digits, size_t cap, int *point) {
    char buf[48];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x || prec == 17) break;
    }
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    size_t n = 0;
    for (const char *c = buf; c < e && n + 1 < cap; c++)
        if (*c >= '0' && *c <= '9') digits[n++] = *c;
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = '\0';
    *point = exp10 + 1;
}

void py_float_repr(double x, char *out, size_t cap) {
    if (isnan(x)) { snprintf(out, cap, "nan"); return; }
    if (isinf(x)) { snprintf(out, cap, x > 0 ? "inf" : "-inf"); return; }
    if (x == 0.0) { snprintf(out, cap, signbit(x) ? "-0.0" : "0.0"); return; }
    char d[32];
    int p;
    shortest_digits(fabs(x), d, sizeof d, &p);
    const char *sign = x < 0 ? "-" : "";
    int len = (int)strlen(d);
    if (p > -4 && p <= 16) {
        /* positional: 0.000DDD, DDD000.0 or DD.DDD */
        char buf[64];
        size_t k = 0;
        if (p <= 0) {
            buf[k++] = '0'; buf[k++] = '.';
            for (int i = 0; i < -p; i++) buf[k++] = '0';
            for (int i = 0; i < len; i++) buf[k++] = d[i];
        } else if (p >= len) {
            for (int i = 0; i < len; i++) buf[k++] = d[i];
            for (int i = len; i < p; i++) buf[k++] = '0';
            buf[k++] = '.'; buf[k++] = '0';
        } else {
            for (int i = 0; i < len; i++) { if (i == p) buf[k++] = '.'; buf[k++] = d[i]; }
        }
        buf[k] = '\0';
        snprintf(out, cap, "%s%s", sign, buf);
    } else {
        int e = p - 1;
        if (len > 1)
            snprintf(out, cap, "%s%c.%se%c%02d", sign, d[0], d + 1, e < 0 ? '-' : '+', abs(e));
        else
            snprintf(out, cap, "%s%ce%c%02d", sign, d[0], e < 0 ? '-' : '+', abs(e));
    }
}

void py_tuple_repr(const hsize_t *v, int n, char *out, size_t cap) {
    size_t k = (size_t)snprintf(out, cap, "(");
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(out + k, cap - k, i ? ", %llu" : "%llu", (unsigned long long)v[i]);
    if (k < cap) snprintf(out + k, cap - k, n == 1 ? ",)" : ")");
}

int py_str_repr(const char *s, char *out, size_t cap) {
    int has_single = strchr(s, '\'') != NULL, has_double = strchr(s, '"') != NULL;
    char q = (has_single && !has_double) ? '"' : '\'';
    size_t k = 0;
    if (k + 1 >= cap) return -1;
    out[k++] = q;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        char esc[8];
        if (*c >= 0x80) return -1;
        if (*c == '\\' || *c == (unsigned char)q) snprintf(esc, sizeof esc, "\\%c", *c);
        else if (*c == '\t') snprintf(esc, sizeof esc, "\\t");
        else if (*c == '\n') snprintf(esc, sizeof esc, "\\n");
        else if (*c == '\r') snprintf(esc, sizeof esc, "\\r");
        else if (*c < 0x20 || *c == 0x7f) snprintf(esc, sizeof esc, "\\x%02x", *c);
        else { esc[0] = (char)*c; esc[1] = '\0'; }
        size_t m = strlen(esc);
        if (k + m + 2 > cap) return -1;
        memcpy(out + k, esc, m);
        k += m;
    }
    out[k++] = q;
    out[k] = '\0';
    return 0;
}

/* json.dumps string escaping of ASCII text (the repr is ASCII by construction). */
static int json_escape(const char *s, char *out, size_t cap) {
    size_t k = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        char esc[8];
        if (*c == '"' || *c == '\\') snprintf(esc, sizeof esc, "\\%c", *c);
        else if (*c < 0x20 || *c >= 0x7f) snprintf(esc, sizeof esc, "\\u%04x", *c);
        else { esc[0] = (char)*c; esc[1] = '\0'; }
        size_t m = strlen(esc);
        if (k + m + 1 > cap) return -1;
        memcpy(out + k, esc, m);
        k += m;
    }
    out[k] = '\0';
    return 0;
}

int py_envelope(const char *module, const char *type, const char *data_repr, char *out, size_t cap) {
    char data[1024];
    if (json_escape(data_repr, data, sizeof data) < 0) return -1;
    int n = snprintf(out, cap, "{\"module\": \"%s\", \"type\": \"%s\", \"data\": \"%s\"}", module, type, data);
    return (n < 0 || (size_t)n >= cap) ? -1 : 0;
}
