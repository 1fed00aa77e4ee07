#ifndef ALMANAC_CPREFETCH_H
#define ALMANAC_CPREFETCH_H

// Cache hints for the counting loops, which Swift cannot express: a large hash table probed at
// random keys misses the cache on almost every probe, and asking for the lines of the next few
// probes ahead of time lets those misses overlap instead of waiting for each in turn.

/// Asks for the cache line holding `address` to be loaded, for reading and writing; a hint only,
/// with no effect on the program's meaning (any address is allowed, even one not mapped).
static inline void almanac_prefetch(const void *address) {
  __builtin_prefetch(address, 1, 3);
}

#endif
