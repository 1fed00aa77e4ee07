#!/usr/bin/env python3
"""Print an Almanac HTML report to PDF with headless Chromium and check where its pages break.

Standard library only, plus Chromium and poppler-utils' pdftotext (scripts/setup-browser
installs both). The page is printed as `almanac run --pdf` prints it (A4, the page's own print
style), and each page's text is read back with pdftotext. Checks, page by page:
  - no page ends with a section heading (<h2>, <h3>): the heading goes with what follows it;
  - no table caption is cut across two pages;
  - no table that goes on to the next page leaves only its header row and fewer than
    MIN_ROWS rows at the foot of a page (the next page repeats the header, so a table that goes
    on is one whose header starts the next page, with no caption above it: a table with the
    same header and its own caption there is another table).
Exits 0 when every check passes, 1 with the offenders listed, 2 when Chromium or pdftotext
cannot be run.

    scripts/print_check.py PAGE.html [--keep PDF]
"""

import argparse
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from browser_check import find_chromium

MIN_ROWS = 2


def normalize(text):
    return re.sub(r"\s+", " ", text).strip()


class Outline(html.parser.HTMLParser):
    """The headings, captions and table header rows of a page, as their text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.captions, self.headers = [], [], []
        self.stack = []  # (tag, parts) of the elements whose text is gathered
        self.row = None  # the cells of a <thead> row being read
        self.in_thead = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3", "caption"):
            self.stack.append((tag, []))
        elif tag == "thead":
            self.in_thead = True
        elif tag == "tr" and self.in_thead:
            self.row = []
        elif tag == "th" and self.row is not None:
            self.stack.append(("th", []))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            name, parts = self.stack.pop()
            text = normalize("".join(parts))
            if name == "th":
                self.row.append(text)
            elif text:
                {"h2": self.headings, "h3": self.headings, "caption": self.captions}[name].append(text)
        elif tag == "tr" and self.row is not None:
            line = normalize(" ".join(self.row))
            if line:
                self.headers.append(line)
            self.row = None
        elif tag == "thead":
            self.in_thead = False

    def handle_data(self, data):
        for _, parts in self.stack:
            parts.append(data)


def page_texts(pdf, layout):
    """Each page's lines of text, whitespace collapsed and empty lines left out. In reading
    order (a table cell to a line), or with `layout` as laid out (a table row to a line, tables
    side by side sharing lines)."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = []
    for number in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number)] + (["-layout"] if layout else [])
            + [pdf, "-"],
            capture_output=True, text=True, check=True).stdout
        lines = [normalize(line) for line in out.splitlines()]
        texts.append([line for line in lines if line])
    return texts


def check(outline, pages, rows):
    """The bad breaks: `pages` in reading order, `rows` as laid out."""
    problems = []
    headings = set(outline.headings)
    joined = [" ".join(lines) for lines in pages]
    whole = " ".join(joined)
    for number, lines in enumerate(pages, 1):
        if lines and lines[-1] in headings:
            problems.append(f"page {number} ends with the heading \"{lines[-1]}\"")
    for caption in set(outline.captions):
        if caption in whole and not any(caption in text for text in joined):
            problems.append(f"the caption \"{caption[:60]}\" is cut across two pages")
    for number, lines in enumerate(rows[:-1], 1):
        following = rows[number][:3]
        for header in set(outline.headers):
            places = [i for i, line in enumerate(lines) if header in line]
            starts = [i for i, line in enumerate(following) if header in line]
            if not places or not starts:
                continue
            # A table with the same header that starts the next page with its caption is
            # another table: one that goes on starts it with its repeated header.
            if any(caption[:40] in line for line in following[:starts[0]]
                   for caption in outline.captions):
                continue
            left = len(lines) - places[-1] - 1
            if left < MIN_ROWS:
                problems.append(
                    f"page {number} ends with the header \"{header[:60]}\" and {left} row(s)"
                    " of a table that goes on")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page")
    parser.add_argument("--keep", help="also save the PDF here")
    args = parser.parse_args()
    browser = find_chromium()
    if browser is None or shutil.which("pdftotext") is None:
        print("print-check: needs chromium and pdftotext (scripts/setup-browser)", file=sys.stderr)
        return 2
    with open(args.page, encoding="utf-8") as page:
        outline = Outline()
        outline.feed(page.read())
    with tempfile.TemporaryDirectory(prefix="almanac-print-") as folder:
        pdf = os.path.join(folder, "page.pdf")
        url = "file://" + urllib.parse.quote(os.path.abspath(args.page))
        run = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             "--user-data-dir=" + os.path.join(folder, "profile"), "--print-to-pdf=" + pdf, url],
            capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or not os.path.exists(pdf):
            print(f"print-check: chromium could not print the page: {run.stderr[-500:]}",
                  file=sys.stderr)
            return 2
        if args.keep:
            shutil.copyfile(pdf, args.keep)
        pages = page_texts(pdf, layout=False)
        rows = page_texts(pdf, layout=True)
    problems = check(outline, pages, rows)
    for problem in problems:
        print(problem)
    print(f"print-check: {len(pages)} pages, {len(outline.headings)} headings,"
          f" {len(outline.captions)} captions, {len(outline.headers)} table headers:"
          + (f" {len(problems)} bad breaks" if problems else " every break is good"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
