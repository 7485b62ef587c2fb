/* Shared types of the C workloads: parsed options, per-op timings and the result line.
 * The CLI and the JSON line are those of packages/bench/WORKLOADS.md ("Common rules"). */
#ifndef PMD_BENCH_H
#define PMD_BENCH_H

#include <stddef.h>

typedef struct {
    const char *workload;   /* w1, w2, w3, w3all, w4 (lower case) */
    const char *out_dir;    /* --out: directory for the file (default: a new temporary one) */
    const char *file;       /* --file: the file to write, or W3's input */
    int keep, fsync, fill_value, direct_chunks;
    long repeat;            /* --repeat: runs in this process, the last one reported (default 1) */
    long nx, ny, L;         /* W1 */
    long n, m;              /* W2 */
    long frames, rows, cols; /* W4 */
} bench_opts;

typedef struct {
    double *t;
    size_t n, cap;
} op_times;

typedef struct {
    double wall_s, build_s;
    unsigned long long payload_bytes;
    op_times ops;
} bench_result;

/* Monotonic clock in seconds (CLOCK_MONOTONIC). */
double now_s(void);
/* Wall clock in seconds since the epoch, for the pymodaq `timestamp` attributes. */
double epoch_s(void);
void ops_push(op_times *ops, double seconds);
void ops_free(op_times *ops);
/* malloc that aborts: a benchmark cannot go on without its buffers. */
void *xmalloc(size_t bytes);

/* Each workload: builds its payload (untimed, build_s), then the timed region, which starts just
 * before the file is created or opened and stops after it is closed (and fsynced with --fsync). */
void run_w1(const bench_opts *o, const char *path, bench_result *r);
void run_w2(const bench_opts *o, const char *path, bench_result *r);
void run_w3(const bench_opts *o, const char *path, int all, bench_result *r);
void run_w4(const bench_opts *o, const char *path, bench_result *r);

/* open + fsync + close of the file, the end of the timed region with --fsync. */
void fsync_path(const char *path);

#endif
