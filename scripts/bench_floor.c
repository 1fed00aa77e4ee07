// A floor for Almanac's counting: the least work that reads a corpus on both cores and counts
// its words, written plainly in C, so that Almanac's figures can be set against what the
// suggested design costs at its barest on this machine (scripts/bench-floor runs it).
//
//   bench_floor LIST MODE
//
// LIST holds one file path per line. MODE is how far the work goes, each mode doing what the
// one before does and more:
//   read        read every file (open, one read into a reused buffer, close)
//   tokenize    split into words on bytes with a lookup table (ASCII letters and digits, every
//               byte from 0x80 up, apostrophes and hyphens), ASCII capitals folded: no flags,
//               no Unicode folding, no numbers told apart
//   unigrams    intern each word in an open-addressing table keyed by its bytes (one table per
//               core, for the whole corpus) and count it, one word after another
//   prefetched  the same, a document's words hashed first and their slots asked for eight words
//               ahead, as Almanac's vocabulary does
//   bigrams     prefetched, and each pair of consecutive words (not across a `.`) counted in an
//               open-addressing table of pairs of ids, one per core
// None of them counts documents per term, keeps years apart, finds organizations, stores or
// reports anything, all of which Almanac does.
//
// Prints one line: mode, wall s, user s, sys s, peak RSS MB, tokens, distinct words, distinct
// bigrams (each summed over the two cores' tables, so a word both saw counts twice).
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum Mode { READ, TOKENIZE, UNIGRAMS, PREFETCHED, BIGRAMS };
static const char *mode_names[] = {"read", "tokenize", "unigrams", "prefetched", "bigrams"};
static enum Mode mode;
static char **paths;
static long path_count;
static atomic_long next_path;
static uint8_t is_word_byte[256];

typedef struct {
  uint64_t hash;
  uint32_t start, length, id, unused;
} Slot;

typedef struct {
  Slot *slots;
  uint64_t mask, words;
  uint8_t *arena;
  uint64_t arena_length, arena_capacity;
  uint32_t *counts;
  uint64_t counts_capacity;
  uint64_t *pair_keys;
  uint32_t *pair_counts;
  uint64_t pair_mask, pairs, tokens;
} Tables;

static void *checked(void *memory) {
  if (!memory) {
    fprintf(stderr, "bench_floor: out of memory\n");
    exit(1);
  }
  return memory;
}

static inline uint64_t hash_bytes(const uint8_t *bytes, uint32_t length) {
  uint64_t hash = 0x9E3779B97F4A7C15ull ^ length;
  uint32_t index = 0;
  for (; index + 8 <= length; index += 8) {
    uint64_t word;
    memcpy(&word, bytes + index, 8);
    hash = (hash ^ word) * 0xBF58476D1CE4E5B9ull;
    hash ^= hash >> 31;
  }
  uint64_t rest = 0;
  for (uint32_t byte = 0; index + byte < length; byte++)
    rest |= (uint64_t)bytes[index + byte] << (8 * byte);
  hash = (hash ^ rest) * 0xBF58476D1CE4E5B9ull;
  hash ^= hash >> 32;
  hash *= 0xD6E8FEB86659FD93ull;
  return hash ^ (hash >> 32);
}

static void grow_words(Tables *t) {
  uint64_t size = (t->mask + 1) * 2;
  Slot *slots = checked(calloc(size, sizeof(Slot)));
  for (uint64_t old = 0; old <= t->mask; old++) {
    if (!t->slots[old].length) continue;
    uint64_t slot = t->slots[old].hash & (size - 1);
    while (slots[slot].length) slot = (slot + 1) & (size - 1);
    slots[slot] = t->slots[old];
  }
  free(t->slots);
  t->slots = slots;
  t->mask = size - 1;
}

static inline uint32_t intern(Tables *t, const uint8_t *word, uint32_t length, uint64_t hash) {
  uint64_t slot = hash & t->mask;
  for (;; slot = (slot + 1) & t->mask) {
    Slot *entry = &t->slots[slot];
    if (!entry->length) break;
    if (entry->hash == hash && entry->length == length &&
        memcmp(t->arena + entry->start, word, length) == 0)
      return entry->id;
  }
  if (t->arena_length + length > t->arena_capacity) {
    t->arena_capacity = 2 * t->arena_capacity + length;
    t->arena = checked(realloc(t->arena, t->arena_capacity));
  }
  memcpy(t->arena + t->arena_length, word, length);
  if (t->words == t->counts_capacity) {
    t->counts = checked(realloc(t->counts, 2 * t->counts_capacity * sizeof(uint32_t)));
    memset(t->counts + t->counts_capacity, 0, t->counts_capacity * sizeof(uint32_t));
    t->counts_capacity *= 2;
  }
  uint32_t id = (uint32_t)t->words++;
  t->slots[slot] = (Slot){hash, (uint32_t)t->arena_length, length, id, 0};
  t->arena_length += length;
  if (t->words * 2 > t->mask) grow_words(t);
  return id;
}

static inline uint64_t pair_slot(uint64_t key, uint64_t mask) {
  return ((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

static void grow_pairs(Tables *t) {
  uint64_t size = (t->pair_mask + 1) * 2;
  uint64_t *keys = checked(malloc(size * sizeof(uint64_t)));
  uint32_t *counts = checked(calloc(size, sizeof(uint32_t)));
  memset(keys, 0xFF, size * sizeof(uint64_t));
  for (uint64_t old = 0; old <= t->pair_mask; old++) {
    if (t->pair_keys[old] == UINT64_MAX) continue;
    uint64_t slot = pair_slot(t->pair_keys[old], size - 1);
    while (keys[slot] != UINT64_MAX) slot = (slot + 1) & (size - 1);
    keys[slot] = t->pair_keys[old];
    counts[slot] = t->pair_counts[old];
  }
  free(t->pair_keys);
  free(t->pair_counts);
  t->pair_keys = keys;
  t->pair_counts = counts;
  t->pair_mask = size - 1;
}

static inline void count_pair(Tables *t, uint64_t key) {
  for (uint64_t slot = pair_slot(key, t->pair_mask);; slot = (slot + 1) & t->pair_mask) {
    if (t->pair_keys[slot] == key) {
      t->pair_counts[slot]++;
      return;
    }
    if (t->pair_keys[slot] == UINT64_MAX) {
      t->pair_keys[slot] = key;
      t->pair_counts[slot] = 1;
      if (++t->pairs * 2 > t->pair_mask) grow_pairs(t);
      return;
    }
  }
}

// Reads the file at `path` whole into `*buffer` (grown as needed); its length, or -1.
static ssize_t read_file(const char *path, uint8_t **buffer, size_t *capacity) {
  int descriptor = open(path, O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return -1;
  size_t filled = 0;
  for (;;) {
    if (filled == *capacity) {
      *capacity *= 2;
      *buffer = checked(realloc(*buffer, *capacity));
    }
    ssize_t got = read(descriptor, *buffer + filled, *capacity - filled);
    if (got <= 0) break;
    filled += (size_t)got;
  }
  close(descriptor);
  return (ssize_t)filled;
}

// A document's words, as Almanac's counting loop takes them: start, length, hash, and whether
// a sentence ended before the word.
typedef struct {
  uint32_t *starts, *lengths;
  uint64_t *hashes;
  uint8_t *breaks;
  size_t capacity;
} Words;

static void count_document(Tables *t, Words *w, uint8_t *text, size_t length) {
  if (w->capacity < length / 2 + 1) {
    w->capacity = length / 2 + 1;
    w->starts = checked(realloc(w->starts, w->capacity * sizeof(uint32_t)));
    w->lengths = checked(realloc(w->lengths, w->capacity * sizeof(uint32_t)));
    w->hashes = checked(realloc(w->hashes, w->capacity * sizeof(uint64_t)));
    w->breaks = checked(realloc(w->breaks, w->capacity));
  }
  size_t count = 0, index = 0;
  uint8_t sentence_break = 1;
  while (index < length) {
    while (index < length && !is_word_byte[text[index]]) {
      if (text[index] == '.') sentence_break = 1;
      index++;
    }
    if (index == length) break;
    size_t start = index;
    for (; index < length && is_word_byte[text[index]]; index++) {
      uint8_t byte = text[index];
      if ((uint8_t)(byte - 'A') < 26) text[index] = byte | 0x20;
    }
    w->starts[count] = (uint32_t)start;
    w->lengths[count] = (uint32_t)(index - start);
    w->breaks[count] = sentence_break;
    sentence_break = 0;
    count++;
  }
  t->tokens += count;
  if (mode == TOKENIZE) return;
  for (size_t word = 0; word < count; word++)
    w->hashes[word] = hash_bytes(text + w->starts[word], w->lengths[word]);
  uint32_t previous = UINT32_MAX;
  for (size_t word = 0; word < count; word++) {
    if (mode >= PREFETCHED) {
      if (word + 8 < count) __builtin_prefetch(&t->slots[w->hashes[word + 8] & t->mask]);
      if (word + 4 < count) {
        const Slot *ahead = &t->slots[w->hashes[word + 4] & t->mask];
        if (ahead->length) {
          __builtin_prefetch(t->arena + ahead->start);
          __builtin_prefetch(&t->counts[ahead->id]);
        }
      }
    }
    uint32_t id = intern(t, text + w->starts[word], w->lengths[word], w->hashes[word]);
    t->counts[id]++;
    if (mode == BIGRAMS) {
      if (w->breaks[word]) previous = UINT32_MAX;
      if (previous != UINT32_MAX) count_pair(t, (uint64_t)previous << 32 | id);
      previous = id;
    }
  }
}

static void *worker(void *argument) {
  Tables *t = argument;
  t->mask = (1 << 20) - 1;
  t->slots = checked(calloc(t->mask + 1, sizeof(Slot)));
  t->arena_capacity = 1 << 24;
  t->arena = checked(malloc(t->arena_capacity));
  t->counts_capacity = 1 << 20;
  t->counts = checked(calloc(t->counts_capacity, sizeof(uint32_t)));
  if (mode == BIGRAMS) {
    t->pair_mask = (1 << 22) - 1;
    t->pair_keys = checked(malloc((t->pair_mask + 1) * sizeof(uint64_t)));
    memset(t->pair_keys, 0xFF, (t->pair_mask + 1) * sizeof(uint64_t));
    t->pair_counts = checked(calloc(t->pair_mask + 1, sizeof(uint32_t)));
  }
  size_t capacity = 1 << 20;
  uint8_t *buffer = checked(malloc(capacity));
  Words words = {0};
  for (;;) {
    long index = atomic_fetch_add(&next_path, 1);
    if (index >= path_count) break;
    ssize_t length = read_file(paths[index], &buffer, &capacity);
    if (length < 0) {
      fprintf(stderr, "bench_floor: cannot read %s\n", paths[index]);
      exit(1);
    }
    if (mode > READ) count_document(t, &words, buffer, (size_t)length);
  }
  return NULL;
}

static double seconds(struct timeval time) { return time.tv_sec + time.tv_usec / 1e6; }

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bench_floor LIST read|tokenize|unigrams|prefetched|bigrams\n");
    return 64;
  }
  int known = 0;
  for (int index = 0; index <= BIGRAMS; index++) {
    if (strcmp(argv[2], mode_names[index]) == 0) {
      mode = (enum Mode)index;
      known = 1;
    }
  }
  if (!known) {
    fprintf(stderr, "bench_floor: unknown mode %s\n", argv[2]);
    return 64;
  }
  FILE *list = fopen(argv[1], "r");
  if (!list) {
    fprintf(stderr, "bench_floor: cannot open %s\n", argv[1]);
    return 1;
  }
  size_t capacity = 1 << 16;
  paths = checked(malloc(capacity * sizeof(char *)));
  char *line = NULL;
  size_t line_capacity = 0;
  ssize_t got;
  while ((got = getline(&line, &line_capacity, list)) > 0) {
    if (line[got - 1] == '\n') line[got - 1] = 0;
    if (path_count == (long)capacity) {
      capacity *= 2;
      paths = checked(realloc(paths, capacity * sizeof(char *)));
    }
    paths[path_count++] = checked(strdup(line));
  }
  fclose(list);
  for (int byte = 0; byte < 256; byte++) {
    is_word_byte[byte] = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                         (byte >= '0' && byte <= '9') || byte >= 0x80 || byte == '\'' ||
                         byte == '-';
  }
  struct timespec begun, ended;
  clock_gettime(CLOCK_MONOTONIC, &begun);
  pthread_t threads[2];
  Tables tables[2];
  memset(tables, 0, sizeof tables);
  for (int core = 0; core < 2; core++) pthread_create(&threads[core], NULL, worker, &tables[core]);
  for (int core = 0; core < 2; core++) pthread_join(threads[core], NULL);
  clock_gettime(CLOCK_MONOTONIC, &ended);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  printf("%-10s %7.2f %7.2f %6.2f %7ld %10lu %9lu %9lu\n", mode_names[mode],
         (ended.tv_sec - begun.tv_sec) + (ended.tv_nsec - begun.tv_nsec) / 1e9,
         seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_maxrss / 1024,
         (unsigned long)(tables[0].tokens + tables[1].tokens),
         (unsigned long)(tables[0].words + tables[1].words),
         (unsigned long)(tables[0].pairs + tables[1].pairs));
  return 0;
}
