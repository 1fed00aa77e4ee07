#!/usr/bin/env python3
"""Generate a corpus of many short articles over an even vocabulary, deterministically.

The shape that the Zipf corpus of scripts/bench_corpus.py never has: no word is frequent, so
nearly every bigram is as frequent as any other, and the articles are short, so there are many
files for their bytes. Used by scripts/bench-even.

    even_corpus.py --articles 1000000 --out DIR [--seed 1] [--words 20000] [--years 20]
                   [--long-names]

--long-names names each file as an archive would (NNNNNNN-eurasian-economic-union-summit-
news.txt, 46 bytes) rather than NNNNNNN.txt (11 bytes, which Swift keeps inline in a string).
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--long-names", action="store_true")
    args = parser.parse_args()
    done = os.path.join(args.out, ".complete")
    if os.path.exists(done):
        return
    rng = random.Random(args.seed)
    words = ["w%d" % i for i in range(args.words)]
    for year in range(2000, 2000 + args.years):
        os.makedirs(os.path.join(args.out, str(year)), exist_ok=True)
    for i in range(args.articles):
        year = 2000 + i % args.years
        text = " ".join(rng.choice(words) for _ in range(40))
        name = "%07d-eurasian-economic-union-summit-news.txt" if args.long_names else "%07d.txt"
        path = os.path.join(args.out, str(year), name % i)
        with open(path, "w", encoding="utf-8") as f:
            # One organization under two aliases, in every article.
            f.write(" date %d-%02d-%02d %s. The EAEU and the EEU met.\n"
                    % (year, 1 + i % 12, 1 + i % 28, text))
    open(done, "w").close()


if __name__ == "__main__":
    main()
