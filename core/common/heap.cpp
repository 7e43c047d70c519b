#include "common/heap.h"

#include <cstdlib> // defines __GLIBC__ with glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace DeployDesk {

void keepFreedHeapForReuse()
{
#if defined(__GLIBC__)
    // Free space at the heap's top (or a thread arena's) up to this stays in the process.
    // glibc's own threshold moves there by itself, up to 64 MiB, once a large block has been
    // freed; here it is so from the start.
    constexpr int kTrimThreshold = 32 << 20;
    // Blocks below this come from the heap, so they are reused too (setting a threshold
    // turns off glibc's moving ones); larger ones are mapped and unmapped as before.
    constexpr int kMmapThreshold = 4 << 20;
    mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
    mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
#endif
}

} // namespace DeployDesk
