#!/usr/bin/env python3
"""Searches two builds of the same site in headless Chromium and compares what each finds.

    python3 bench/compare_search.py SITE_A SITE_B [TERM ...]

Made to compare a site whose search index is one Pagefind index with the same site indexed in
parts (PARLEY_SEARCH_PART_PAGES), for example at 10,000 articles:

    PARLEY_SEARCH_PART_PAGES=100000 parley build --content C --output one --no-cache
    parley build --content C --output parts --no-cache
    python3 bench/compare_search.py one parts

For each term it opens `search/index.html?q=TERM` on each site (served on 127.0.0.1) and prints
the number of results Pagefind's interface reports and how many of the first five results the two
sites share. The default terms suit the benchmark corpus of ../shared/bench/gen_corpus.py. Needs
Chromium (make validate-deps installs it).
"""
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from browser import Browser  # noqa: E402
from browser_check import SEARCH_RESULTS, serve  # noqa: E402

TERMS = ["Olena Zinchenko", "second", "Talks in Astana", "Anatoly", "ceasefire", "prisoners exchange", "Lavrov",
         "humanitarian corridors"]


def main():
    if len(sys.argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    sites = sys.argv[1:3]
    terms = sys.argv[3:] or TERMS
    servers = [serve(site) for site in sites]
    differing = 0
    try:
        with Browser() as browser:
            for term in terms:
                found = []
                for server in servers:
                    browser.open(f"http://127.0.0.1:{server.server_address[1]}/search/index.html?q=" + urllib.parse.quote(term))
                    found.append(browser.evaluate(SEARCH_RESULTS))
                counts = [f["message"].strip() or f["status"].strip() or "nothing" for f in found]
                shared = len(set(found[0]["links"][:5]) & set(found[1]["links"][:5]))
                if counts[0] != counts[1]:
                    differing += 1
                print(f"{term!r}: {counts[0]!r} / {counts[1]!r}; first five: {shared} of 5 the same")
    finally:
        for server in servers:
            server.shutdown()
    print(f"{len(terms) - differing} of {len(terms)} terms found as many pages on both sites")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
