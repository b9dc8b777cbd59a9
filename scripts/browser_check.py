#!/usr/bin/env python3
"""A real browser over the built site: headless Chromium loads the home page, an article, a
person and an event, narrow (420 px) and wide (1280 px), saves screenshots, and checks that
each page rendered as it should; then it searches.

The pages are chosen from the site itself: the first article the home page lists, the person
of that article named in the fewest articles, and the event named in the fewest articles.
On each page and width:
  - the page's `<h1>` in the browser's DOM is the one in the file (and is visible);
  - the style sheet is applied, and nothing is wider than the window (no sideways scrolling);
  - the landmarks are there (header, nav, main, footer) and the page has a `lang`;
  - body text has a contrast of at least 4.5:1 against the page, as the browser computes it.
Then: Tab reaches the skip link first and shows a focus ring; dark mode (prefers-color-scheme)
gives a dark page with readable text; with JavaScript off the pages still render and the search
page says what to do; and searching — by a word only that article has, by the person's name
(typed into the header's search box of the article page) and by the event's name — lists the
expected article.

The site is served from a local web server on 127.0.0.1 (Pagefind needs http, not file://).
Prints one line per check and `N passed, N failed`; exits 1 when any check fails.

    python3 scripts/browser_check.py public --screenshots docs/screenshots
"""
import argparse
import collections
import functools
import html.parser
import json
import http.server
import os
import re
import sys
import threading
import urllib.parse

from browser import Browser, BrowserError
from check_links import read_pages, target_file

NARROW, WIDE, HEIGHT = 420, 1280, 900
ARTICLE = re.compile(r"^articles/[^/]+/index\.html$")
PERSON = re.compile(r"^people/[^/]+/index\.html$")
EVENT = re.compile(r"^events/[^/]+/index\.html$")
WORD = re.compile(r"[^\W\d_]{6,}")
# Articles besides the first looked for by a word of theirs, in every part of the search index.
MORE_ARTICLES = 6


class Text(html.parser.HTMLParser):
    """The text of a page's `<h1>` and of its `<main>`, without scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1, self.main = "", []
        self.in_h1 = self.in_main = self.skipping = 0

    def handle_starttag(self, tag, attrs):
        self.in_h1 += tag == "h1"
        self.in_main += tag == "main"
        self.skipping += tag in ("script", "style", "noscript")

    def handle_endtag(self, tag):
        self.in_h1 -= tag == "h1" and self.in_h1 > 0
        self.in_main -= tag == "main" and self.in_main > 0
        self.skipping -= tag in ("script", "style", "noscript") and self.skipping > 0

    def handle_data(self, data):
        if self.skipping:
            return
        if self.in_h1:
            self.h1 += data
        if self.in_main:
            self.main.append(data)


def text_of(root, path):
    parser = Text()
    with open(os.path.join(root, path), encoding="utf-8") as f:
        parser.feed(f.read())
    parser.h1 = " ".join(parser.h1.split())
    return parser


class Site:
    """The built site as files: which pages link where, and what they say."""

    def __init__(self, root):
        self.root = root
        self.pages = read_pages(root)

    def links(self, path, pattern):
        """The pages matching `pattern` that `path` links to, in order, each once."""
        found = []
        for address in self.pages[path].links:
            try:
                target = target_file(self.root, path, address, "")
            except ValueError:
                continue
            if target and pattern.match(target) and target not in found:
                found.append(target)
        return found

    def choose(self):
        """(article, person, event, articles naming the event) to look at; event may be None."""
        articles = self.links("index.html", ARTICLE)
        if not articles:
            raise SystemExit("browser_check: the home page lists no article")
        naming = collections.defaultdict(list)  # person or event page → articles that link to it
        for article in sorted(p for p in self.pages if ARTICLE.match(p)):
            for target in self.links(article, PERSON) + self.links(article, EVENT):
                naming[target].append(article)
        article = articles[0]
        people = self.links(article, PERSON)
        if not people:
            raise SystemExit(f"browser_check: {article} names no person")
        person = min(people, key=lambda p: len(naming[p]))
        events = [e for a in articles for e in self.links(a, EVENT)]
        event = min(events, key=lambda e: len(naming[e])) if events else None
        return article, person, event, naming

    def search_parts(self):
        """The folders of the search index's parts after the first (none for an index made whole)."""
        try:
            with open(os.path.join(self.root, "pagefind", "parts.json"), encoding="utf-8") as f:
                return json.load(f).get("parts", [])
        except FileNotFoundError:
            return []

    def rarest_word(self, article):
        """A word of the article that the fewest other articles have (ties: the first)."""
        frequency = collections.Counter()
        for path in self.pages:
            if ARTICLE.match(path):
                frequency.update({w.lower() for w in WORD.findall(" ".join(text_of(self.root, path).main))})
        words = WORD.findall(" ".join(text_of(self.root, article).main))
        return min(words, key=lambda w: frequency[w.lower()])


def serve(root):
    """A web server for the folder on 127.0.0.1, on a free port, in a thread."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# JavaScript run in the page: what the checks need, as one value.
PROBE = """(() => {
  const h1 = document.querySelector('main h1');
  const box = h1 ? h1.getBoundingClientRect() : null;
  const rgb = c => (c.match(/\\d+(\\.\\d+)?/g) || []).slice(0, 3).map(Number);
  const paragraph = document.querySelector('main p') || document.body;
  return {
    h1: h1 ? h1.textContent.replace(/\\s+/g, ' ').trim() : null,
    h1Visible: !!box && box.width > 0 && box.height > 0 && getComputedStyle(h1).visibility !== 'hidden',
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    styled: [...document.styleSheets].some(s => s.href && s.href.endsWith('/style.css') && s.cssRules.length > 10),
    landmarks: ['header', 'nav', 'main', 'footer'].filter(t => !document.querySelector(t)),
    lang: document.documentElement.lang,
    searchBox: !!document.querySelector('form[role=search] input[name=q]'),
    background: rgb(getComputedStyle(document.body).backgroundColor),
    text: rgb(getComputedStyle(paragraph).color),
  };
})()"""

SEARCH_RESULTS = """new Promise(resolve => {
  const start = Date.now();
  const poll = () => {
    const links = [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.getAttribute('href'));
    const message = document.querySelector('.pagefind-ui__message');
    const status = document.getElementById('search-status');
    // Done: as many results shown as Pagefind says it found (at most its first page of five;
    // each appears once its own data has loaded), Pagefind's "no results", or the search page's
    // own word (search is off), but not while it says it is loading.
    const said = status ? status.textContent : '';
    const counted = message ? message.textContent.match(/^([\d,]+) results? for/) : null;
    const found = counted ? parseInt(counted[1].replace(/,/g, ''), 10) : 0;
    const done = (counted && links.length >= Math.min(found, 5)) || (message && /no results/i.test(message.textContent))
      || (said && !/^Loading/.test(said));
    if (done || Date.now() - start > 20000)
      resolve({links, message: message ? message.textContent : '', status: status ? status.textContent : ''});
    else setTimeout(poll, 100);
  };
  poll();
})"""


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def expect(self, condition, what):
        if condition:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
        return condition


def check_page(browser, checks, url, expected_h1, name, width, screenshots, dark=False):
    browser.open(url, width=width, height=HEIGHT, dark=dark)
    probe = browser.evaluate(PROBE)
    where = f"{name} {width}px{' dark' if dark else ''}"
    checks.expect(probe["h1"] == expected_h1 and probe["h1Visible"], f"{where}: shows its title “{expected_h1}” (DOM: “{probe['h1']}”)")
    checks.expect(probe["styled"], f"{where}: style.css is applied")
    checks.expect(probe["overflow"] <= 0, f"{where}: nothing wider than the window (overflow {probe['overflow']} px)")
    checks.expect(not probe["landmarks"] and probe["lang"], f"{where}: landmarks and lang (missing: {probe['landmarks'] or 'none'}, lang “{probe['lang']}”)")
    checks.expect(probe["searchBox"], f"{where}: a search box in the header")
    ratio = contrast(probe["text"], probe["background"]) if len(probe["text"]) == 3 and len(probe["background"]) == 3 else 0
    checks.expect(ratio >= 4.5, f"{where}: text contrast {ratio:.2f}:1 (rgb{tuple(probe['text'])} on rgb{tuple(probe['background'])})")
    if screenshots:
        browser.screenshot(os.path.join(screenshots, f"{name}-{'dark-' if dark else ''}{'narrow' if width == NARROW else 'wide'}.png"))
    return probe


def check_search(browser, checks, what, query, expected, screenshot=None):
    results = browser.evaluate(SEARCH_RESULTS)
    found = "/" + expected in results["links"]
    checks.expect(found, f"search by {what} “{query}” lists /{expected} "
                         f"({len(results['links'])} results{': ' + results['status'] if results['status'] else ''})")
    if screenshot:
        browser.screenshot(screenshot)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="public")
    parser.add_argument("--screenshots", help="folder for the PNG screenshots (none are saved without it)")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        print(f"browser_check: no site in {args.site} (no index.html)", file=sys.stderr)
        return 2
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    site = Site(args.site)
    article, person, event, naming = site.choose()
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    checks = Checks()
    try:
        with Browser() as browser:
            shown = [("home", "index.html"), ("article", article), ("person", person)] + ([("event", event)] if event else [])
            for name, path in shown:
                for width in (NARROW, WIDE):
                    check_page(browser, checks, base + path, text_of(args.site, path).h1, name, width, args.screenshots)
            if not event:
                print("note the site has no event page to check")

            # Keyboard: the first Tab stop is the skip link, visible, with a focus ring.
            browser.open(base + article, width=WIDE, height=HEIGHT)
            browser.press_tab()
            focus = browser.evaluate("""(() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
              return {href: e.getAttribute('href'), left: r.left, top: r.top, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; })()""")
            checks.expect(focus["href"] == "#main" and focus["left"] >= 0 and focus["top"] >= 0,
                          f"keyboard: Tab first reaches the skip link, on screen ({focus})")
            checks.expect(focus["outline"] not in ("none", "") and focus["width"] >= 2, "keyboard: the focused link shows a focus ring")

            # Dark mode.
            probe = check_page(browser, checks, base + article, text_of(args.site, article).h1, "article", WIDE, args.screenshots, dark=True)
            checks.expect(luminance(probe["background"]) < 0.05, f"dark mode: the page is dark (rgb{tuple(probe['background'])})")

            # Without JavaScript.
            browser.open(base + article, width=NARROW, height=HEIGHT, javascript=False)
            checks.expect(browser.evaluate("document.querySelector('main h1').textContent.trim()") == text_of(args.site, article).h1,
                          "without JavaScript: the article renders")
            browser.open(base + "search/index.html", width=NARROW, height=HEIGHT, javascript=False)
            checks.expect(browser.evaluate("document.querySelector('main').innerText.includes('needs JavaScript')"),
                          "without JavaScript: the search page says search needs it and links elsewhere")

            # Search: from the header's box on the article page, and by address.
            if not checks.expect(os.path.isdir(os.path.join(args.site, "pagefind")), "the site has a search index (pagefind/)"):
                raise SystemExit(1)
            name = text_of(args.site, person).h1
            browser.open(base + article, width=WIDE, height=HEIGHT)
            browser.events.clear()
            browser.evaluate(f"""(() => {{ const f = document.querySelector('form[role=search]');
              f.querySelector('input[name=q]').value = {name!r}; f.requestSubmit(); return true; }})()""")
            browser.wait_for_event("Page.loadEventFired")
            check_search(browser, checks, "a person's name from the header's box", name, article,
                         os.path.join(args.screenshots, "search-wide.png") if args.screenshots else None)
            word = site.rarest_word(article)
            browser.open(base + "search/index.html?q=" + urllib.parse.quote(word), width=NARROW, height=HEIGHT)
            check_search(browser, checks, "a word", word, article)
            if event:
                event_name = text_of(args.site, event).h1
                browser.open(base + "search/index.html?q=" + urllib.parse.quote(event_name), width=WIDE, height=HEIGHT)
                check_search(browser, checks, "an event's name", event_name, naming[event][0])
            # A large site's index is made in parts (pagefind/parts.json lists those after the
            # first), searched as one: each article, whatever part holds it, is found by its
            # rarest word.
            parts = site.search_parts()
            others = [a for a in sorted(p for p in site.pages if ARTICLE.match(p)) if a != article][:MORE_ARTICLES]
            for other in others:
                word = site.rarest_word(other)
                browser.open(base + "search/index.html?q=" + urllib.parse.quote(word), width=WIDE, height=HEIGHT)
                check_search(browser, checks, f"a word (index in {len(parts) + 1} part{'s' if parts else ''})", word, other)
    except BrowserError as error:
        checks.expect(False, f"the browser: {error}")
    finally:
        server.shutdown()
    print(f"browser: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
