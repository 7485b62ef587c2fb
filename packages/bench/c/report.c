/* Clocks, per-op timings and the result JSON line of the C workloads. */
#include "bench.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double epoch_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void *xmalloc(size_t bytes) {
    void *p = malloc(bytes ? bytes : 1);
    if (!p) {
        fprintf(stderr, "out of memory (%zu bytes)\n", bytes);
        exit(3);
    }
    return p;
}

void ops_push(op_times *ops, double seconds) {
    if (ops->n == ops->cap) {
        ops->cap = ops->cap ? ops->cap * 2 : 1024;
        double *t = realloc(ops->t, ops->cap * sizeof *t);
        if (!t) { fprintf(stderr, "out of memory\n"); exit(3); }
        ops->t = t;
    }
    ops->t[ops->n++] = seconds;
}

void ops_free(op_times *ops) {
    free(ops->t);
    ops->t = NULL;
    ops->n = ops->cap = 0;
}

void fsync_path(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        perror(path);
        exit(3);
    }
    close(fd);
}
