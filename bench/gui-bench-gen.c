/* gui-bench-gen RATE SECONDS: prints RATE lines a second for SECONDS seconds to stdout,
 * paced in batches of 1/100 s, for the panel's streaming benchmark (bench/gui.sh). When
 * the reader is slower the pipe blocks and the achieved rate drops: the benchmark checks
 * the rate from the stored line count, not from this program. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gui-bench-gen RATE SECONDS\n");
        return 2;
    }
    const long rate = atol(argv[1]);
    const double seconds = atof(argv[2]);
    const long total = (long)(rate * seconds);
    const long batch = rate / 100 > 0 ? rate / 100 : 1;
    static char buffer[1 << 16];
    setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < total; ++i) {
        printf("line %ld lorem ipsum dolor sit amet consectetur%s\n", i,
               i % 1000 == 0 ? " needle" : "");
        if ((i + 1) % batch == 0) {
            fflush(stdout);
            const double due = (double)(i + 1) / (double)rate;
            const long long ns = start.tv_nsec + (long long)(due * 1e9);
            struct timespec until = {start.tv_sec + (time_t)(ns / 1000000000LL),
                                     (long)(ns % 1000000000LL)};
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
        }
    }
    fflush(stdout);
    return 0;
}
