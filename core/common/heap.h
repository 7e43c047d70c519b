#pragma once

namespace DeployDesk {

// Keeps freed heap memory for reuse instead of handing it back to the system at once.
// Called first thing in main() by the apps. A stage's output is read on one thread and
// written to the history on another: blocks of log lines made by one and freed by the
// other left free space at the heap's top that glibc returned to the system (above 128 KiB)
// and took back for the next blocks, each page faulted in anew and each shrink a TLB
// shoot-down on the other core. With freed heap kept (heap.cpp: up to 32 MiB), a fast
// producer's run took ~10 % less CPU (docs/benchmarks.md §1, 3 Dec 22:30). Without glibc it
// does nothing.
void keepFreedHeapForReuse();

} // namespace DeployDesk
