/* The C reference implementation of the PyMoDAQ benchmark workloads, straight on libhdf5.
 *
 *   workloads WORKLOAD [--out DIR] [--file F] [--keep] [--fsync] [--fill-value] [--direct-chunks]
 *             [--repeat N]
 *             [--nx 50 --ny 40 --L 1024] [--n 5000 --m 256] [--frames 20 --rows 1024 --cols 1024]
 *
 * WORKLOAD is w1, w2, w3, w3all or w4 (packages/bench/WORKLOADS.md). Prints one JSON line.
 * --fill-value (W1 only) skips the up-front write of zeros: the default fill value 0 stands for
 * them, so every element of the file reads the same. --direct-chunks (W4 only) writes each frame
 * chunk by chunk with H5Dwrite_chunk, as our binding does for writes of whole chunks, instead of
 * one H5Dwrite through the chunk cache: the same file. W3 reads --file, or, without it, a W1 file
 * that it writes first (untimed) at the W1 sizes. --repeat N runs the workload N times in this
 * process, each on a new file (the previous one deleted first), and reports the last run. */
#include "bench.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(const char *msg) {
    fprintf(stderr, "workloads: %s\nusage: workloads w1|w2|w3|w3all|w4 [--out DIR] [--file F] [--keep] "
                    "[--fsync] [--fill-value] [--direct-chunks] [--repeat N] [--nx N --ny N --L N] [--n N --m N] "
                    "[--frames N --rows N --cols N]\n", msg);
    exit(2);
}

static long parse_size(const char *flag, const char *v) {
    char *end;
    long x = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || x <= 0) {
        fprintf(stderr, "workloads: %s needs a positive integer\n", flag);
        exit(2);
    }
    return x;
}

static void parse(int argc, char **argv, bench_opts *o) {
    *o = (bench_opts){.nx = 50, .ny = 40, .L = 1024, .n = 5000, .m = 256, .frames = 20, .rows = 1024, .cols = 1024,
                      .repeat = 1};
    struct { const char *flag; long *dst; } sizes[] = {{"--repeat", &o->repeat},
        {"--nx", &o->nx}, {"--ny", &o->ny}, {"--L", &o->L}, {"--n", &o->n}, {"--m", &o->m},
        {"--frames", &o->frames}, {"--rows", &o->rows}, {"--cols", &o->cols}};
    const char *workload = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strncmp(a, "--", 2) != 0) {
            if (workload) usage("more than one WORKLOAD");
            workload = a;
        } else if (strcmp(a, "--keep") == 0) o->keep = 1;
        else if (strcmp(a, "--fsync") == 0) o->fsync = 1;
        else if (strcmp(a, "--fill-value") == 0) o->fill_value = 1;
        else if (strcmp(a, "--direct-chunks") == 0) o->direct_chunks = 1;
        else if (strcmp(a, "--out") == 0 && v) o->out_dir = argv[++i];
        else if (strcmp(a, "--file") == 0 && v) o->file = argv[++i];
        else {
            int hit = 0;
            for (size_t k = 0; k < sizeof sizes / sizeof *sizes && !hit; k++)
                if (strcmp(a, sizes[k].flag) == 0) { *sizes[k].dst = parse_size(a, v); i++; hit = 1; }
            if (!hit) {
                fprintf(stderr, "workloads: unknown or incomplete option %s\n", a);
                exit(2);
            }
        }
    }
    if (!workload) usage("missing WORKLOAD");
    static char wl[16];
    snprintf(wl, sizeof wl, "%s", workload);
    for (char *c = wl; *c; c++) *c = (char)tolower((unsigned char)*c);
    const char *known[] = {"w1", "w2", "w3", "w3all", "w4"};
    int ok = 0;
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) ok |= strcmp(wl, known[i]) == 0;
    if (!ok) usage("unknown WORKLOAD");
    o->workload = wl;
    if (o->fill_value && strcmp(wl, "w1") != 0) usage("--fill-value applies to w1 only");
    if (o->direct_chunks && strcmp(wl, "w4") != 0) usage("--direct-chunks applies to w4 only");
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median (mean of the two middle values for an even count), mean, p95 (nearest rank:
 * sorted[ceil(0.95 n) - 1]), max and first of the per-op times; the runner uses the same rules. */
static void print_result(const bench_opts *o, const bench_result *r, unsigned long long file_bytes) {
    size_t n = r->ops.n;
    double med = 0, mean = 0, p95 = 0, max = 0, first = n ? r->ops.t[0] : 0;
    if (n) {
        double *s = xmalloc(n * sizeof *s);
        memcpy(s, r->ops.t, n * sizeof *s);
        qsort(s, n, sizeof *s, cmp_double);
        med = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        for (size_t i = 0; i < n; i++) mean += s[i];
        mean /= (double)n;
        size_t rank = (size_t)((95 * n + 99) / 100);
        p95 = s[rank ? rank - 1 : 0];
        max = s[n - 1];
        free(s);
    }
    printf("{\"impl\": \"c\", \"workload\": \"%s\", \"variant\": \"%s\", \"fsync\": %s, \"wall_s\": %.9g, "
           "\"payload_bytes\": %llu, \"file_bytes\": %llu, \"op_med_s\": %.9g, \"op_mean_s\": %.9g, "
           "\"op_p95_s\": %.9g, \"op_max_s\": %.9g, \"op_first_s\": %.9g, \"n_ops\": %zu, \"build_s\": %.9g, "
           "\"repeat\": %ld}\n",
           o->workload, o->fill_value ? "fill-value" : o->direct_chunks ? "direct-chunks" : "default", o->fsync ? "true" : "false", r->wall_s,
           r->payload_bytes, file_bytes, med, mean, p95, max, first, n, r->build_s, o->repeat);
}

int main(int argc, char **argv) {
    bench_opts o;
    parse(argc, argv, &o);
    int is_w3 = strncmp(o.workload, "w3", 2) == 0;
    char tmpdir[512] = "", path[1024];
    if (o.file) snprintf(path, sizeof path, "%s", o.file);
    else {
        if (o.out_dir) snprintf(tmpdir, sizeof tmpdir, "%s", o.out_dir);
        else {
            const char *base = getenv("TMPDIR");
            snprintf(tmpdir, sizeof tmpdir, "%s/pmd-bench-XXXXXX", base && *base ? base : "/tmp");
            if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 3; }
        }
        snprintf(path, sizeof path, "%s/%s-c-%ld.h5", tmpdir, is_w3 ? "w1" : o.workload, (long)getpid());
    }
    if (is_w3 && !o.file) { /* no input given: write a W1 file first, outside any timing */
        bench_result w = {0};
        run_w1(&o, path, &w);
        ops_free(&w.ops);
    }
    bench_result r = {0};
    for (long k = 0; k < o.repeat; k++) {
        if (k > 0) {
            ops_free(&r.ops);
            r = (bench_result){0};
            if (!is_w3) unlink(path); /* a fresh file each time, as in the first run */
        }
        if (strcmp(o.workload, "w1") == 0) run_w1(&o, path, &r);
        else if (strcmp(o.workload, "w2") == 0) run_w2(&o, path, &r);
        else if (strcmp(o.workload, "w3") == 0) run_w3(&o, path, 0, &r);
        else if (strcmp(o.workload, "w3all") == 0) run_w3(&o, path, 1, &r);
        else run_w4(&o, path, &r);
    }
    struct stat st;
    unsigned long long file_bytes = stat(path, &st) == 0 ? (unsigned long long)st.st_size : 0;
    print_result(&o, &r, file_bytes);
    ops_free(&r.ops);
    /* W3 never deletes the input it was given; every other file goes unless --keep */
    if (!o.keep && !(is_w3 && o.file)) {
        unlink(path);
        if (!o.out_dir && !o.file) rmdir(tmpdir);
    }
    return 0;
}
