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
    constexpr int kTrimThreshold = 32 << 20;
    // Blocks below this come from the heap, so they are reused too; setting the trim
    // threshold turns off glibc's own moving threshold, which would otherwise stay at
    // 128 KiB until a larger block had been freed.
    constexpr int kMmapThreshold = 4 << 20;
    mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
    mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
#endif
}

} // namespace DeployDesk
