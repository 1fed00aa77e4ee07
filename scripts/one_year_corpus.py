#!/usr/bin/env python3
"""Copy a corpus in the house format with every article dated in one year.

The bench's corpora (scripts/bench_corpus.py) spread their articles over 26 years, so no year
is large; an archive of one busy year is not. Used by scripts/bench-one-year.

    one_year_corpus.py SOURCE DEST [--year 2020]

Each article keeps its text, month and day; its header's year becomes YEAR, and it goes in
DEST/YEAR/ as <its old folder>-<its name>. DEST is made in a sibling folder and renamed once
complete, and reused when it is there already.
"""
import argparse
import os
import shutil


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("dest")
    parser.add_argument("--year", type=int, default=2020)
    args = parser.parse_args()
    if not 1000 <= args.year <= 9999:
        parser.error("--year takes a year of four digits")
    marker = os.path.join(args.dest, ".complete")
    if os.path.exists(marker):
        return
    partial = args.dest.rstrip("/") + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    folder = os.path.join(partial, str(args.year))
    os.makedirs(folder)
    count = 0
    for root, dirs, files in os.walk(args.source):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(root, name)
            with open(path, "rb") as source:
                text = source.read()
            if not (text.startswith(b" date ") and text[6:10].isdigit()):
                raise SystemExit(f"{path}: no ' date YYYY-' header to redate")
            relative = os.path.relpath(path, args.source).replace(os.sep, "-")
            with open(os.path.join(folder, relative), "wb") as dest:
                dest.write(b" date %d" % args.year + text[10:])
            count += 1
    with open(os.path.join(partial, ".complete"), "w") as done:
        done.write(f"{count} articles from {args.source}, dated {args.year}\n")
    shutil.rmtree(args.dest, ignore_errors=True)
    os.rename(partial, args.dest)


if __name__ == "__main__":
    main()
