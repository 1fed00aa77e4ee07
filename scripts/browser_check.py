#!/usr/bin/env python3
"""Render an Almanac HTML report in headless Chromium and check it the way a reader sees it.

Standard library only. Chromium is driven through the DevTools protocol over
--remote-debugging-pipe (NUL-terminated JSON on descriptors 3 and 4), so no port is opened and
nothing needs to be installed from PyPI. Runtime.evaluate runs in the page regardless of the
page's Content-Security-Policy, which blocks every script of the page itself.

Checks, at 1280 px wide (screen), at 768 and 390 px (a tablet and a phone held upright) and at
A4 print width (print media, 210 mm less the 15 mm margins of the page's @page rule, i.e. 680
CSS px at 96 dpi), and again at 1280 and 390 px with every disclosure (<details>) opened, as a
reader who shows every evidence line:
  - every <svg> has a non-zero width and height;
  - nothing overflows the page: document scrollWidth <= clientWidth, and no element's box ends
    right of the viewport (only the outermost offender of a subtree is listed; a box inside a
    frame that scrolls or clips, as a wide table in its frame, is left alone);
  - no two labels of a chart overlap or touch (less than a pixel apart across);
  - nothing spills out of its own box sideways, as a figure too wide for its card (only the
    innermost offender is listed; boxes that scroll or clip, and SVG drawings, are left alone);
  - at 1280 px and on paper, no frame scrolls or clips sideways: a table too wide for its
    place, which a tablet or a phone may scroll in its frame, has its last columns cut off on a
    wide screen (as a pooled comparison's long column heading once did) and on paper;
  - the summary's cards never leave one card alone on a last row under rows of several;
  - the text of each column of a table starts at one place in every row;
  - no passage of 120 characters or more is set in a data cell narrower than 12 em;
  - no script ran: no <script> element, no JavaScript dialog (alert/confirm/prompt) opened, and
    the sentinel window.__almanacPwned that a hostile corpus would try to set is undefined.
Saves full-page PNG screenshots (<out>/<name>-1280.png, -1280-open, -768, -390, -390-open,
-print) and exits 1 with a
list of offenders when a check fails, 2 when Chromium cannot be driven.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

SCREEN_WIDTH = 1280
TABLET_WIDTH = 768  # a tablet held upright
PHONE_WIDTH = 390  # a phone held upright
PRINT_WIDTH = round((210 - 2 * 15) / 25.4 * 96)  # 680 px: A4 less the @page margins
MAX_SHOT_HEIGHT = 16384  # Chromium's limit for one capture

PROBE = r"""
(() => {
  const vw = document.documentElement.clientWidth;
  const describe = (el) => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += '#' + el.id;
    const cls = el.getAttribute('class');
    if (cls) d += '.' + cls.trim().split(/\s+/).join('.');
    const section = el.closest('section');
    if (section && section.id) d = 'section#' + section.id + ' ' + d;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return text ? d + ' "' + text + '"' : d;
  };
  const svgs = [];
  for (const svg of document.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) svgs.push(describe(svg) + ' is ' + r.width + 'x' + r.height);
  }
  const wide = [];
  const all = Array.from(document.body.querySelectorAll('*'));
  // A box inside a frame that scrolls or clips (a wide table in its .table-wrap on a phone)
  // scrolls there: the page itself does not.
  const framed = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const over = new Set(all.filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > vw + 0.5 && !framed(el);
  }));
  for (const el of over) {
    if (el.parentElement && over.has(el.parentElement)) continue;
    const r = el.getBoundingClientRect();
    wide.push(describe(el) + ' ends at ' + Math.round(r.right) + ' px');
  }
  // Boxes whose content spills out of them sideways, as a figure too wide for its card: the
  // innermost such box is listed; boxes made to scroll or clip are left alone.
  const spill = [];
  const spilling = all.filter((el) => {
    if (el instanceof SVGElement) return false;  // drawn to fit its chart, rotated labels too
    if (!(el.clientWidth > 0) || el.scrollWidth <= el.clientWidth + 1) return false;
    const style = getComputedStyle(el);
    return style.display !== 'inline' && style.overflowX === 'visible';
  });
  const spillingSet = new Set(spilling);
  for (const el of spilling) {
    if (Array.from(el.querySelectorAll('*')).some((inner) => spillingSet.has(inner))) continue;
    spill.push(describe(el) + ' holds ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
  }
  // Frames that scroll or clip sideways, holding more than they show (a wide table in its
  // .table-wrap): allowed on a tablet or a phone, not on a wide screen or on paper.
  const scrolled = [];
  for (const el of all) {
    if (!(el.clientWidth > 0) || el.scrollWidth <= el.clientWidth + 1) continue;
    if (getComputedStyle(el).overflowX === 'visible') continue;
    scrolled.push(describe(el) + ' holds ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
  }
  // Labels of a chart drawn over or against each other, as counts too wide for their cells or
  // tick labels running into the axis label: boxes less than a pixel apart across, overlapping
  // by more than a pixel down.
  const overlap = [];
  for (const svg of document.querySelectorAll('svg')) {
    const texts = Array.from(svg.querySelectorAll('text'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter((t) => t.r.width > 0 && t.r.height > 0);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r, b = texts[j].r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > -1 && y > 1) {
          overlap.push(describe(texts[i].el) + ' and "' + texts[j].el.textContent.trim()
            + '" overlap by ' + x.toFixed(1) + ' x ' + Math.round(y) + ' px');
        }
      }
    }
  }
  // The summary's cards in rows: a last row of one card, stretched across the page under
  // rows of several, reads as a figure apart from the others.
  const lone = [];
  for (const list of document.querySelectorAll('.figures')) {
    const rows = new Map();
    for (const card of list.children) {
      const r = card.getBoundingClientRect();
      if (!(r.width > 0)) continue;
      const top = Math.round(r.top);
      rows.set(top, (rows.get(top) || 0) + 1);
    }
    const counts = Array.from(rows.keys()).sort((a, b) => a - b).map((top) => rows.get(top));
    if (counts.length > 1 && counts[counts.length - 1] === 1 && Math.max(...counts) > 1) {
      lone.push(describe(list) + ' in rows of ' + counts.join(' + '));
    }
  }
  // Text of one column of a table starting at different places, as when a cell spanning rows
  // makes a later row's first cell the row's first child, styled as the table's edge.
  const ragged = [];
  for (const table of document.querySelectorAll('table')) {
    const starts = new Map();
    for (const cell of table.querySelectorAll('td')) {
      const r = cell.getBoundingClientRect();
      if (!(r.width > 0)) continue;
      const column = Math.round(r.left);
      const text = r.left + parseFloat(getComputedStyle(cell).paddingLeft);
      const seen = starts.get(column);
      if (seen === undefined) { starts.set(column, text); continue; }
      if (Math.abs(seen - text) > 1) {
        ragged.push(describe(table) + ': text at ' + Math.round(seen) + ' and ' + Math.round(text)
          + ' px in the column at ' + column + ' px');
        break;
      }
    }
  }
  // A passage of text in a data cell a few words wide (a line of evidence beside two fixed
  // columns on a phone): each table is named once.
  const squeezed = [];
  for (const table of document.querySelectorAll('table')) {
    for (const cell of table.querySelectorAll('td')) {
      const r = cell.getBoundingClientRect();
      const text = (cell.textContent || '').trim();
      if (!(r.width > 0) || text.length < 120) continue;
      const em = parseFloat(getComputedStyle(cell).fontSize);
      if (r.width < 12 * em) {
        squeezed.push(describe(table) + ': ' + text.length + ' characters in ' + Math.round(r.width)
          + ' px');
        break;
      }
    }
  }
  return {
    viewport: vw,
    scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    svgCount: document.querySelectorAll('svg').length,
    tables: document.querySelectorAll('table').length,
    rows: Array.from(document.querySelectorAll('tbody tr'))
      .filter((row) => row.getClientRects().length > 0).length,
    scripts: document.querySelectorAll('script').length,
    sentinel: typeof window.__almanacPwned,
    svgs, wide, spill, scrolled, overlap, lone, ragged, squeezed,
  };
})()
"""


class Browser:
    """Headless Chromium with its DevTools protocol on a pair of pipes."""

    def __init__(self, binary, timeout=60):
        self.profile = tempfile.mkdtemp(prefix="almanac-browser-check-")
        to_browser = os.pipe()
        from_browser = os.pipe()
        # Copies above 4, so that dup2 onto 3 and 4 never meets itself.
        keep = (os.dup(to_browser[0]), os.dup(from_browser[1]))

        def connect():
            os.dup2(keep[0], 3)
            os.dup2(keep[1], 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=connect, close_fds=False)
        for fd in (to_browser[0], from_browser[1]) + keep:
            os.close(fd)
        self.commands, self.replies = to_browser[1], from_browser[0]
        self.buffer = b""
        self.next_id = 0
        self.deadline = time.monotonic() + timeout
        self.events = []
        self.dialogs = []
        self.dialog_id = 1_000_000
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime"):
            self.page(domain + ".enable")

    def _receive(self):
        while b"\0" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise RuntimeError("Chromium did not answer in time")
            import select
            ready, _, _ = select.select([self.replies], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium exited")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        message = json.loads(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            # A script ran and opened a dialog, which blocks the page: note it, dismiss it.
            self.dialogs.append(message["params"].get("message", ""))
            self.dialog_id += 1
            os.write(self.commands, json.dumps({
                "id": self.dialog_id, "method": "Page.handleJavaScriptDialog",
                "params": {"accept": False}, "sessionId": message.get("sessionId")}).encode() + b"\0")
        return message

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(method + ": " + reply["error"].get("message", "error"))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def page(self, method, params=None):
        return self.call(method, params, self.session)

    def wait_for(self, method):
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[index]
                return event
        while True:
            event = self._receive()
            if event.get("method") == method:
                return event
            if "method" in event:
                self.events.append(event)

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        for fd in (self.commands, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# What a reader does who opens every disclosure of the page (an evidence group's other lines).
OPEN_ALL = "for (const d of document.querySelectorAll('details')) d.open = true;"


def render(browser, url, width, media, open_all=False):
    """Loads `url` at `width` CSS px with the given media type, every <details> opened with
    `open_all`; returns the probe's result."""
    browser.page("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    browser.page("Emulation.setEmulatedMedia", {"media": media})
    browser.events = [e for e in browser.events if e.get("method") != "Page.loadEventFired"]
    browser.page("Page.navigate", {"url": url})
    browser.wait_for("Page.loadEventFired")
    if open_all:
        browser.page("Runtime.evaluate", {"expression": OPEN_ALL})
    result = browser.page("Runtime.evaluate", {"expression": PROBE, "returnByValue": True})
    return result["result"]["value"]


def screenshot(browser, width, height, path, clip_height=None, scale=1.0):
    """A PNG of the page from the top: the whole page, or its first `clip_height` px."""
    height = min(clip_height or height, MAX_SHOT_HEIGHT)
    browser.page("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    shot = browser.page("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}})
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", nargs="?", default="Reports/almanac.html",
                        help="the report page (default: Reports/almanac.html)")
    parser.add_argument("--out", default="Reports/screenshots",
                        help="folder for the screenshots (default: Reports/screenshots)")
    parser.add_argument("--name", help="screenshot name prefix (default: the page's file name)")
    parser.add_argument("--readme-shot", metavar="PNG",
                        help="instead of checking, save the top of the page at 1280 px here")
    parser.add_argument("--readme-height", type=int, default=1600,
                        help="CSS px of the page's top in --readme-shot (default 1600)")
    parser.add_argument("--readme-scale", type=float, default=1.0,
                        help="scale of --readme-shot (default 1.0)")
    args = parser.parse_args()

    if not os.path.isfile(args.html):
        print(f"browser-check: no such page: {args.html}", file=sys.stderr)
        return 2
    binary = find_chromium()
    if not binary:
        print("browser-check: Chromium is not installed (Debian package 'chromium')",
              file=sys.stderr)
        return 2
    url = "file://" + urllib.parse.quote(os.path.abspath(args.html))
    name = args.name or os.path.splitext(os.path.basename(args.html))[0]

    browser = Browser(binary)
    try:
        if args.readme_shot:
            render(browser, url, SCREEN_WIDTH, "screen")
            screenshot(browser, SCREEN_WIDTH, args.readme_height, args.readme_shot,
                       clip_height=args.readme_height, scale=args.readme_scale)
            print(f"browser-check: saved {args.readme_shot}")
            return 0

        problems = []
        for label, width, media, open_all in (("1280", SCREEN_WIDTH, "screen", False),
                                              ("1280 open", SCREEN_WIDTH, "screen", True),
                                              ("768", TABLET_WIDTH, "screen", False),
                                              ("390", PHONE_WIDTH, "screen", False),
                                              ("390 open", PHONE_WIDTH, "screen", True),
                                              ("print", PRINT_WIDTH, "print", False)):
            probe = render(browser, url, width, media, open_all)
            path = os.path.join(args.out, f"{name}-{label.replace(' ', '-')}.png")
            screenshot(browser, width, probe["height"], path)
            print(f"{label:>5} ({width} px, {media}): {probe['height']} px tall, "
                  f"{probe['svgCount']} svg, {probe['tables']} tables, {probe['rows']} rows; "
                  f"scrollWidth {probe['scrollWidth']} of {probe['viewport']}; saved {path}"
                  + (" (cut at 16384 px)" if probe["height"] > MAX_SHOT_HEIGHT else ""))
            where = f"at {label}"
            if probe["scrollWidth"] > probe["viewport"]:
                problems.append(f"{where}: the page scrolls sideways "
                                f"(scrollWidth {probe['scrollWidth']} > {probe['viewport']})")
            problems += [f"{where}: empty svg: {s}" for s in probe["svgs"]]
            problems += [f"{where}: overflows the page: {w}" for w in probe["wide"]]
            problems += [f"{where}: spills out of its box: {w}" for w in probe["spill"]]
            if width in (SCREEN_WIDTH, PRINT_WIDTH):
                problems += [f"{where}: a frame scrolls sideways: {w}" for w in probe["scrolled"]]
            problems += [f"{where}: a card alone on its last row: {w}" for w in probe["lone"]]
            problems += [f"{where}: a column's text is ragged: {w}" for w in probe["ragged"]]
            problems += [f"{where}: a passage squeezed into a narrow cell: {w}"
                         for w in probe["squeezed"]]
            overlaps = probe["overlap"]
            problems += [f"{where}: chart labels overlap: {w}" for w in overlaps[:20]]
            if len(overlaps) > 20:
                problems.append(f"{where}: chart labels overlap: {len(overlaps) - 20} more pairs")
            if probe["scripts"]:
                problems.append(f"{where}: the page has {probe['scripts']} <script> element(s)")
            if probe["sentinel"] != "undefined":
                problems.append(f"{where}: a script ran (window.__almanacPwned is set)")
        if browser.dialogs:
            problems.append(f"a script ran: {len(browser.dialogs)} JavaScript dialog(s) opened: "
                            + ", ".join(repr(d) for d in browser.dialogs[:5]))
    except RuntimeError as error:
        print(f"browser-check: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()

    if problems:
        print(f"browser-check: {len(problems)} problem(s) in {args.html}:")
        for problem in problems:
            print("  - " + problem)
        return 1
    print(f"browser-check: {args.html}: no overflow, no overlap, every svg drawn, no script ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
