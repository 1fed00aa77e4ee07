#!/usr/bin/env python3
"""Baseline for scripts/bench: unigram + bigram counts per year with scikit-learn.

    bench_sklearn.py CORPUS

Reads every *.txt below CORPUS (hidden files and folders skipped, like Almanac), parses the
" date YYYY-MM-DD " header, runs CountVectorizer(ngram_range=(1, 2)) over all article texts,
sums the document rows per year with a sparse year-by-document indicator matrix, and prints
the number of features (distinct unigrams + bigrams) and a few totals. Files without a valid
header are counted as rejected and left out.

This is the "obvious Python" way to get the same counts Almanac reports; it does not do
stopwords, sentence-bounded bigrams, organizations or statistics, so it is a lower bound on
the work, not the same work.
"""

from __future__ import annotations

import os
import re
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

HEADER = re.compile(r"\ufeff?\s*date\s+(\d{4})-(\d{2})-(\d{2})\s+")
# Unicode letters/digits, hyphens and apostrophes (’ and ') inside a word keep it whole.
TOKEN_PATTERN = r"(?u)\b\w+(?:[-'’]\w+)*\b"


def read_corpus(root: str):
    paths = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        paths.extend(os.path.join(d, f) for f in files if f.endswith(".txt") and not f.startswith("."))
    paths.sort()
    texts, years, rejected, nbytes = [], [], 0, 0
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        nbytes += len(data)
        s = data.decode("utf-8", errors="replace")
        m = HEADER.match(s)
        if not m or m.end() == len(s):
            rejected += 1
            continue
        years.append(int(m.group(1)))
        texts.append(s[m.end():])
    return texts, np.array(years, dtype=np.int64), rejected, nbytes


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 64
    t0 = time.monotonic()
    texts, years, rejected, nbytes = read_corpus(sys.argv[1])
    t1 = time.monotonic()
    if not texts:
        print("no articles", file=sys.stderr)
        return 1
    cv = CountVectorizer(ngram_range=(1, 2), token_pattern=TOKEN_PATTERN, lowercase=True)
    x = cv.fit_transform(texts)  # documents x features
    t2 = time.monotonic()
    year_ids, row = np.unique(years, return_inverse=True)
    ind = sp.csr_matrix(
        (np.ones(len(years), dtype=x.dtype), (row, np.arange(len(years)))),
        shape=(len(year_ids), len(years)),
    )
    per_year = (ind @ x).tocsr()  # years x features
    t3 = time.monotonic()
    print(
        f"features {x.shape[1]} documents {len(texts)} rejected {rejected} "
        f"years {len(year_ids)} ({year_ids[0]}-{year_ids[-1]}) "
        f"ngram_tokens {int(per_year.sum())} bytes {nbytes} "
        f"read {t1 - t0:.1f}s vectorize {t2 - t1:.1f}s per_year {t3 - t2:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
