#!/usr/bin/env python3
"""Generate a synthetic Almanac corpus of a given size, deterministically from a seed.

    bench_corpus.py --size 100M --seed 42 --out DIR

Writes one UTF-8 article per file, DIR/YYYY/NNNNNNN.txt, in the house format: the first line is
" date YYYY-MM-DD " followed straight on by the text. Articles are 2-6 KB of sentences and
paragraphs, ~93% English-like and the rest Russian (whole Russian articles and Russian sentences
inside English ones), years 2000-2025 (more articles in later years).

The vocabulary is not a fixed list: word types are pseudo-words made of syllables, one per rank
(rank -> word is a fixed function), and ranks are drawn from an unbounded Zipf-Mandelbrot-like
(Pareto) law, so new types keep appearing as the corpus grows (Heaps' law) while the frequent
words stay frequent. Function words come from a weighted list. On top of that: numbers in
several forms, possessives with ’ and ', hyphenated words, commas, ? ! … sentence ends,
quotes and dashes, organization mentions under their aliases (EAEU, EEU, ЕАЭС, CSTO, ОДКБ, UN,
United Nations, ...), in-text definitions ("Collective Security Treaty Organization (CSTO)") and
capitalised discovered-style names ("Information Policy Department", "Ministry of Foreign
Affairs", "Ministry of <Name>").

Same --seed and numpy version -> same bytes; a smaller corpus is a prefix of a larger one with
the same seed (same chunks, generation stops once the size is reached). A file `.complete` (hidden,
so Almanac skips it) is written last; it holds the parameters and the totals.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

BENCH_CORPUS_VERSION = 1  # bump when the output for a given seed changes

# ---------------------------------------------------------------------------------------------
# Word shapes

EN_SYLLABLES = (
    "ka ter mon dra vel sin or an bel cor den fa gri hal is jo ken lu mar ne "
    "op pra qui ro sta tun ul ver wis zen bro cla dun em fro gan hen il ly "
    "mo nor pe ri sol tra un vo wal yor ba ce di ga ho ja le mi nu pol "
    "re si to va zo ar en ion ment ous ing est ary al ic ow er th sh"
).split()
RU_STEMS = (
    "ка ро ви ну ле мо за пре ди ст ра то ми ве ло ко ба ре ны го "
    "да ту си че жи ша щу цо фе хи пра сло вне кри дру мир рос гос "
    "тор про мен зна вод ёл лю бе ча тя"
).split()
RU_ENDINGS = "_ а ы ов ой ого ая ие ий ть ет ия ию ем ами ых ное ную ения ости".split()
RU_ENDINGS = ["" if e == "_" else e for e in RU_ENDINGS]
S_EN = len(EN_SYLLABLES)
S_RU = len(RU_STEMS)


def _blocks(s: int, first_len: int) -> list[tuple[int, int, int, int]]:
    """(last rank of the block, ranks before it, syllables, s**syllables) per word length."""
    out, base, k = [], 0, first_len
    while base <= 10**11:
        out.append((base + s**k, base, k, s**k))
        base += s**k
        k += 1
    return out


_BLOCKS: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}


def _digits(r: int, s: int, first_len: int) -> list[int]:
    """Rank r >= 1 -> syllable indices: a block of s**k words for each length k >= first_len,
    shuffled inside the block by a multiplier coprime with s (bijective, so no collisions)."""
    blocks = _BLOCKS.get((s, first_len)) or _BLOCKS.setdefault((s, first_len), _blocks(s, first_len))
    for last, base, k, mod in blocks:
        if r <= last:
            break
    i = ((r - base - 1) * 1_000_003) % mod
    out = []
    for _ in range(k):
        i, d = divmod(i, s)
        out.append(d)
    return out


def en_word(r: int) -> str:
    syl = [EN_SYLLABLES[d] for d in _digits(r, S_EN, 2)]
    if len(syl) >= 3 and r % 23 == 5:
        w = syl[0] + syl[1] + "-" + "".join(syl[2:])  # hyphenated: "kater-monvel"
    else:
        w = "".join(syl)
    if r % 17 == 3:  # proper nouns: always capitalised
        w = w[0].upper() + w[1:]
    return w


def ru_word(r: int) -> str:
    d = _digits(r, S_RU, 2)
    w = "".join(RU_STEMS[x] for x in d) + RU_ENDINGS[r % len(RU_ENDINGS)]
    if r % 19 == 4:
        w = w[0].upper() + w[1:]
    return w


# Function words: (word, relative weight). They make up FUNC_SHARE of the tokens.
EN_FUNCTION = [
    ("the", 60), ("of", 30), ("and", 28), ("to", 26), ("a", 22), ("in", 20), ("that", 10),
    ("is", 9), ("for", 9), ("on", 7), ("with", 6), ("was", 6), ("as", 5), ("by", 5), ("it", 5),
    ("at", 4.5), ("from", 4.5), ("he", 4), ("his", 3), ("be", 3), ("are", 3), ("has", 3),
    ("have", 3), ("which", 2.5), ("said", 3), ("will", 2.5), ("its", 2.5), ("an", 2.5),
    ("not", 2), ("they", 2), ("were", 2), ("this", 2), ("who", 1.8), ("also", 1.5), ("had", 1.5),
    ("been", 1.5), ("their", 1.5), ("more", 1.2), ("after", 1), ("but", 2.5), ("or", 1.5),
    ("would", 1), ("she", 0.8), ("we", 1), ("about", 1), ("new", 0.9), ("than", 0.7),
    ("other", 0.7), ("two", 0.7), ("one", 1), ("year", 0.8), ("president", 0.6),
    ("government", 0.6), ("country", 0.5), ("minister", 0.5), ("state", 0.5),
    ("international", 0.4), ("economic", 0.4), ("cooperation", 0.4), ("development", 0.4),
    ("it’s", 0.2), ("it's", 0.1), ("don’t", 0.08), ("don't", 0.05), ("well-known", 0.05),
    ("covid-19", 0.05), ("long-term", 0.06), ("Russia’s", 0.1), ("Kazakhstan's", 0.05),
    ("bilateral", 0.2), ("trade", 0.3), ("security", 0.3), ("meeting", 0.3), ("talks", 0.2),
]
RU_FUNCTION = [
    ("и", 35), ("в", 33), ("не", 15), ("на", 14), ("что", 10), ("с", 9), ("по", 8), ("о", 4),
    ("к", 4), ("из", 4), ("за", 3), ("от", 3), ("для", 3), ("это", 3), ("как", 3), ("а", 3),
    ("также", 2), ("который", 1.5), ("году", 1.5), ("президент", 1), ("отметил", 0.8),
    ("страны", 1), ("сотрудничества", 0.8), ("развития", 0.7), ("её", 0.5), ("ещё", 0.5),
    ("всё", 0.4), ("по-прежнему", 0.2), ("безопасности", 0.6), ("встречи", 0.5),
]
FUNC_SHARE = 0.45

# Organization mentions: (text, weight). Aliases of registered organizations and
# discovered-style names (capitalised phrases headed by Department, Ministry, Union, ...).
EN_ORGS = [
    ("EAEU", 8), ("EEU", 3), ("Eurasian Economic Union", 5), ("CSTO", 5),
    ("Collective Security Treaty Organization", 1), ("SCO", 4),
    ("Shanghai Cooperation Organisation", 1.5), ("UN", 6), ("United Nations", 4), ("OSCE", 3),
    ("NATO", 4), ("World Bank", 3), ("IMF", 3), ("International Monetary Fund", 1),
    ("European Union", 3), ("EU", 6), ("CIS", 3), ("Commonwealth of Independent States", 1),
    ("Eurasian Economic Commission", 1.5), ("Eurasian Development Bank", 1), ("WHO", 1),
    ("UN Security Council", 1), ("Asian Development Bank", 1),
    ("Information Policy Department", 2), ("Ministry of Foreign Affairs", 3),
    ("Ministry of Economy and Commerce", 1), ("State Committee for National Security", 1),
    ("National Statistical Committee", 0.8), ("Central Election Commission", 0.8),
    ("Security Council", 1), ("Customs Service", 0.5),
]
RU_ORGS = [
    ("ЕАЭС", 8), ("Евразийского экономического союза", 3), ("Евразийский экономический союз", 1),
    ("ОДКБ", 5), ("ШОС", 4), ("ООН", 6), ("ОБСЕ", 3), ("НАТО", 3), ("СНГ", 3), ("ЕС", 2),
    ("Евросоюза", 2), ("Всемирного банка", 1.5), ("МВФ", 1.5), ("ЕЭК", 1.5),
    ("Организации Объединённых Наций", 1), ("Министерство иностранных дел", 1.5),
]
# In-text definitions that tie an acronym to its long form.
EN_DEFINITIONS = [
    "Collective Security Treaty Organization (CSTO)",
    "Eurasian Economic Union (EAEU)",
    "Shanghai Cooperation Organisation (SCO)",
    "Organization for Security and Co-operation in Europe (OSCE)",
]
DISCOVERED_HEADS = ["Ministry of", "Department of", "Agency for", "Commission on", "Council of"]

YEARS = np.arange(2000, 2026)
DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


# Token codes. A base code names a word, a number, an organization mention or an article's date
# header; the low DECO_BITS bits of a token code say how it is dressed (comma, possessive,
# capital, sentence end, quotes, what follows it: a space, a paragraph break or the end of the
# file). Each distinct code becomes its UTF-8 bytes once (Words); a chunk of articles is then
# numpy work plus one b"".join.
EN_BASE = 1_000  # English function words are 0..len(EN_FUNCTION)-1
RU_FUNC_BASE = 1 << 36
RU_BASE = 1 << 37
NUM_BASE = 1 << 38  # + kind * 1000 + bucket
ORG_BASE = 1 << 39  # + index into ORG_TEXTS, or + DISC_OFFSET + rank for discovered names
DATE_BASE = (1 << 39) + (1 << 38)  # + days since 2000-01-01 (the " date YYYY-MM-DD " header)
DISC_OFFSET = 1_000
MAX_RANK = 10**10

DECO_BITS = 13
SUFFIXES = ["", ",", "’s", "'s", " —"]  # bits 0-2
CAP = 1 << 3
OPEN_QUOTES = ["", "“", "«"]  # bits 4-5
ENDS = ["", ".", "?", "!", "…"]  # bits 6-8
CLOSE_QUOTES = ["", "”", "»"]  # bits 9-10
PARA = 1 << 11  # followed by a blank line instead of a space
LAST = 1 << 12  # last token of the file: followed by a newline

ORG_TEXTS = [t for t, _ in EN_ORGS] + [t for t, _ in RU_ORGS] + EN_DEFINITIONS
RU_ORG0 = len(EN_ORGS)
DEF0 = RU_ORG0 + len(RU_ORGS)
EPOCH = np.datetime64("2000-01-01", "D")


def base_text(base: int) -> str:
    if base >= DATE_BASE:
        return f" date {EPOCH + np.timedelta64(base - DATE_BASE, 'D')}"
    if base >= ORG_BASE:
        i = base - ORG_BASE
        if i >= DISC_OFFSET:  # "Ministry of Kaloren": a proper-noun rank, so capitalised
            r = i - DISC_OFFSET
            return f"{DISCOVERED_HEADS[r % len(DISCOVERED_HEADS)]} {en_word(r * 17 + 3)}"
        return ORG_TEXTS[i]
    if base >= NUM_BASE:
        kind, bucket = divmod(base - NUM_BASE, 1000)
        v = (bucket * 7919 % 1000 + 0.5) / 1000
        if kind == 0:
            return str(int(v * 999) + 1)
        if kind == 1:
            return str(1990 + int(v * 36))
        if kind == 2:
            return f"{v * 100:.1f}"
        if kind == 3:
            return f"{int(v * 900_000) + 1000:,}"
        if kind == 4:
            return f"{int(v * 100)}%"
        return f"${v * 50:.1f}"
    if base >= RU_BASE:
        return ru_word(base - RU_BASE)
    if base >= RU_FUNC_BASE:
        return RU_FUNCTION[base - RU_FUNC_BASE][0]
    if base >= EN_BASE:
        return en_word(base - EN_BASE)
    return EN_FUNCTION[base][0]


class Words(dict):
    """token code -> its UTF-8 bytes, with what follows it, made on first use."""

    def __init__(self):
        super().__init__()
        self.bases: dict[int, str] = {}

    def __missing__(self, code: int) -> bytes:
        base, d = code >> DECO_BITS, code & ((1 << DECO_BITS) - 1)
        w = self.bases.get(base)
        if w is None:
            w = self.bases[base] = base_text(base)
        if d & CAP:
            w = w[0].upper() + w[1:]
        after = "\n" if d & LAST else ("\n\n" if d & PARA else " ")
        b = (
            OPEN_QUOTES[(d >> 4) & 3] + w + SUFFIXES[d & 7] + ENDS[(d >> 6) & 7]
            + CLOSE_QUOTES[(d >> 9) & 3] + after
        ).encode("utf-8")
        self[code] = b
        return b


def _cum(weights) -> np.ndarray:
    c = np.cumsum(np.array([w for _, w in weights], dtype=np.float64))
    return c / c[-1]


def _pick(cum: np.ndarray, u: np.ndarray) -> np.ndarray:
    return np.minimum(np.searchsorted(cum, u, side="right"), len(cum) - 1)


def _zipf_ranks(rng: np.random.Generator, n: int, a: float, q: float) -> np.ndarray:
    """Unbounded ranks >= 1 with P(r) ~ (r + q)^-a (continuous Pareto, floored), capped at
    MAX_RANK."""
    u = rng.random(n)
    x = (q + 1.0) * np.power(1.0 - u, -1.0 / (a - 1.0))
    r = np.floor(np.minimum(x, float(MAX_RANK))) - q
    return np.maximum(r, 1).astype(np.int64)


EN_FUNC_CUM = _cum(EN_FUNCTION)
RU_FUNC_CUM = _cum(RU_FUNCTION)
EN_ORG_CUM = _cum(EN_ORGS)
RU_ORG_CUM = _cum(RU_ORGS)
_YW = np.linspace(1.0, 3.0, len(YEARS))  # more articles in later years
YEAR_CUM = np.cumsum(_YW) / _YW.sum()
ARTICLES_PER_CHUNK = 2000

_WORDS = Words()  # per process


def make_chunk(seed: int, index: int) -> tuple[bytes, list[int], list[int]]:
    """Chunk `index` of the corpus: ARTICLES_PER_CHUNK articles as one buffer, the byte offset
    where each article ends, and each article's year. Depends only on (seed, index), so chunks
    can be made in any order by any number of processes."""
    rng = np.random.default_rng([seed, index])
    na = ARTICLES_PER_CHUNK
    art_ns = rng.integers(18, 58, na)  # sentences per article
    art_ru = rng.random(na) < 0.07  # whole Russian articles
    years = YEARS[_pick(YEAR_CUM, rng.random(na))]
    months = rng.integers(1, 13, na)
    dim = DAYS_IN_MONTH[months - 1] + ((months == 2) & (years % 4 == 0))
    days = (rng.random(na) * dim).astype(np.int64) + 1
    dates = (
        np.array([f"{y:04d}-{m:02d}" for y, m in zip(years.tolist(), months.tolist())], dtype="datetime64[M]")
        .astype("datetime64[D]") + (days - 1)
    )
    date_codes = DATE_BASE + (dates - EPOCH).astype(np.int64)

    ns = int(art_ns.sum())
    sent_len = rng.integers(5, 32, ns)
    sent_ru = np.repeat(art_ru, art_ns) | (rng.random(ns) < 0.035)  # + Russian quotes
    sent_end = np.cumsum(sent_len)  # exclusive token index
    sent_start = sent_end - sent_len
    n = int(sent_end[-1])
    tok_ru = np.repeat(sent_ru, sent_len)

    # Base codes: function words or Zipf-ranked content words, per language; numbers.
    is_func = rng.random(n) < FUNC_SHARE
    fu = rng.random(n)
    ranks = _zipf_ranks(rng, n, 1.45, 25.0)
    base = np.where(is_func, _pick(EN_FUNC_CUM, fu), np.where(tok_ru, RU_BASE, EN_BASE) + ranks)
    ru_func = np.flatnonzero(is_func & tok_ru)
    base[ru_func] = RU_FUNC_BASE + _pick(RU_FUNC_CUM, fu[ru_func])
    u = rng.random(n)
    is_num = u > 0.985
    num = NUM_BASE + rng.integers(0, 6, n) * 1000 + rng.integers(0, 1000, n)
    base = np.where(is_num, num, base)

    # Organization mentions: ~20% of sentences, one at a random place.
    su = rng.random(ns)
    pos = sent_start + (rng.random(ns) * sent_len).astype(np.int64)
    ou = rng.random(ns)
    ov = rng.random(ns)
    disc = _zipf_ranks(rng, ns, 1.6, 2.0)
    org = np.where(
        sent_ru,
        RU_ORG0 + _pick(RU_ORG_CUM, ou),
        np.where(
            ov < 0.03,
            DEF0 + (ou * len(EN_DEFINITIONS)).astype(np.int64),
            np.where(ov < 0.10, DISC_OFFSET + disc, _pick(EN_ORG_CUM, ou)),
        ),
    )
    has_org = su < 0.20
    base[pos[has_org]] = ORG_BASE + org[has_org]

    # Dress: commas, dashes, possessives inside sentences; capitals, ends, quotes and
    # paragraph breaks at their edges; a newline after the last token of an article.
    last = np.zeros(n, dtype=bool)
    last[sent_end - 1] = True
    content = (base >= EN_BASE) & (base < RU_FUNC_BASE)  # English content words
    suffix = np.zeros(n, dtype=np.int64)
    suffix[(u > 0.5) & (u < 0.57) & ~last] = 1
    suffix[(u > 0.6) & (u < 0.603) & ~last] = 4
    poss = (u < 0.012) & content
    suffix[poss] = np.where(np.flatnonzero(poss) & 1, 2, 3)
    code = (base << DECO_BITS) | suffix

    e = rng.random(ns)
    end = np.where(e < 0.93, 1, np.where(e < 0.96, 2, np.where(e < 0.98, 3, 4)))
    quoted = rng.random(ns) < 0.04
    qkind = np.where(sent_ru, 2, 1) * quoted
    para = (rng.random(ns) < 0.3).astype(np.int64)
    art_end = np.cumsum(art_ns)  # exclusive sentence index
    art_start = art_end - art_ns
    para[art_end - 1] = 0
    code[sent_start] |= CAP | (qkind << 4)
    code[sent_end - 1] |= (end << 6) | (qkind << 9) | (para * PARA)
    code[sent_end[art_end - 1] - 1] |= LAST

    # The date header goes in front of each article's first token.
    first_tok = sent_start[art_start]
    code = np.insert(code, first_tok, date_codes << DECO_BITS)

    # Each distinct code is looked up once; numpy puts the bytes back in place.
    # (sort + searchsorted: several times faster than np.unique(return_inverse=True) here)
    srt = np.sort(code)
    keep = np.empty(len(srt), dtype=bool)
    keep[0] = True
    np.not_equal(srt[1:], srt[:-1], out=keep[1:])
    uniq = srt[keep]
    inverse = np.searchsorted(uniq, code)
    texts = np.array(list(map(_WORDS.__getitem__, uniq.tolist())), dtype=object)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    buf = b"".join(texts[inverse].tolist())
    tok_end_bytes = np.cumsum(lens[inverse])
    last_tok = sent_end[art_end - 1] - 1 + np.arange(1, na + 1)  # shifted by the headers
    return buf, tok_end_bytes[last_tok].tolist(), years.tolist()


def parse_size(s: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", s.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {s!r} (e.g. 20M, 1G)")
    mult = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[m.group(2)]
    return int(float(m.group(1)) * mult)


def generate(size: int, seed: int, out: str, quiet: bool, jobs: int) -> dict:
    """Chunks are made by `jobs` processes, in order; this process writes the files."""
    t0 = time.monotonic()
    total = files = 0
    for year in YEARS.tolist():
        os.makedirs(os.path.join(out, str(year)), exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    pending: list = []
    index = 0
    done = False
    while not done:
        while len(pending) < max(jobs, 1) + 1:  # keep the workers busy, a chunk ahead
            pending.append(pool.submit(make_chunk, seed, index) if pool else (seed, index))
            index += 1
        job = pending.pop(0)
        buf, ends, years = job.result() if pool else make_chunk(*job)
        view = memoryview(buf)
        start = 0
        for end, year in zip(ends, years):
            fd = os.open(f"{out}/{year}/{files:07d}.txt", flags, 0o644)
            try:
                chunk = view[start:end]
                while chunk:
                    chunk = chunk[os.write(fd, chunk):]
            finally:
                os.close(fd)
            total += end - start
            start = end
            files += 1
            if total >= size:
                done = True
                break
        if not quiet:
            el = time.monotonic() - t0
            print(
                f"\r  {total / 1e6:8.1f} MB  {files:7d} files  {total / 1e6 / el:5.1f} MB/s",
                end="", file=sys.stderr, flush=True,
            )
    if pool:
        for f in pending:
            f.cancel()
        pool.shutdown(cancel_futures=True)
    el = time.monotonic() - t0
    if not quiet:
        print(file=sys.stderr)
    return {
        "version": BENCH_CORPUS_VERSION,
        "numpy": np.__version__,
        "seed": seed,
        "size": size,
        "bytes": total,
        "files": files,
        "seconds": round(el, 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=parse_size, required=True, help="e.g. 20M, 500M, 1G (10^6, 10^9 bytes)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="corpus folder (created; reused when complete)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="generator processes")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    marker = os.path.join(args.out, ".complete")
    if os.path.exists(marker):
        try:
            with open(marker) as f:
                info = json.load(f)
        except (OSError, ValueError):
            info = {}
        if (info.get("version"), info.get("seed"), info.get("size"), info.get("numpy")) == (
            BENCH_CORPUS_VERSION, args.seed, args.size, np.__version__,
        ):
            if not args.quiet:
                print(f"  reusing {args.out} ({info['files']} files, {info['bytes']} bytes)", file=sys.stderr)
            return 0
    # Build in a sibling folder and rename, so a killed run never leaves a half corpus under the
    # final name.
    tmp = args.out.rstrip("/") + ".partial"
    for d in (tmp, args.out):
        if os.path.exists(d):
            shutil.rmtree(d)
    os.makedirs(tmp)
    info = generate(args.size, args.seed, tmp, args.quiet, args.jobs)
    with open(os.path.join(tmp, ".complete"), "w") as f:
        json.dump(info, f)
        f.write("\n")
    os.rename(tmp, args.out)
    if not args.quiet:
        print(
            f"  generated {args.out}: {info['files']} files, {info['bytes']} bytes, "
            f"{info['seconds']} s ({info['bytes'] / 1e6 / max(info['seconds'], 1e-9):.1f} MB/s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
