#!/usr/bin/env python3
"""The feeds, the sitemap and robots.txt of a built site parse and list what they should.

Checks whichever of these the site has (a site without feeds passes, and says so):

- `feed.xml` (Atom) and `rss.xml` (RSS 2.0): parsed by feedparser without error (`bozo` false),
  of the expected version, one entry per article page, each with a title and a link to an
  article page of the site, no link twice, and in Atom an `<updated>` date;
- `feed.json` (JSON Feed 1.1): the same, read by the json module against the specification's
  required fields (feedparser does not read JSON Feed);
- `people/<id>/feed.xml`, `events/<id>/feed.xml`: parse, and list exactly the articles the
  person's or event's page links to;
- `sitemap.xml`: well-formed XML in the sitemaps.org namespace, every `<loc>` an existing page
  under the base URL, and every HTML page listed except 404.html and pages marked
  `<meta name="robots" content="noindex">`;
- `robots.txt`: names the sitemap when there is one.

The base URL is the canonical address of the home page. Exits 1 on any problem.

    python3 scripts/check_feeds.py public
"""
import json
import os
import sys
import xml.etree.ElementTree as ElementTree

import feedparser

from check_links import base_url, read_pages, target_file

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Parley's feeds hold the newest FEED_LIMIT articles (Feeds.limit in Sources/Site/Feeds/Feeds.swift).
FEED_LIMIT = 50
ENTITY_FOLDERS = ("people", "events")


class Checker:
    def __init__(self, root):
        self.root = root
        self.pages = read_pages(root)
        self.base = base_url(self.pages)
        self.problems = []
        self.report = []
        self.articles = {p for p in self.pages if p.startswith("articles/") and p.endswith("/index.html")}

    def problem(self, where, text):
        self.problems.append(f"{where}: {text}")

    def page_of(self, where, address):
        """The page of the site an absolute address leads to, or None (with a problem noted)."""
        if not address:
            self.problem(where, "an entry without a link")
            return None
        if not self.base or not address.startswith(self.base):
            self.problem(where, f"link {address} is not under the site's base URL {self.base}")
            return None
        try:
            path = target_file(self.root, "index.html", address, self.base)
        except ValueError as reason:
            self.problem(where, f"link {address}: {reason}")
            return None
        if path not in self.pages:
            self.problem(where, f"link {address} leads to no page of the site ({path})")
            return None
        return path

    def entry_pages(self, where, links):
        """The pages entries link to; every one must be an article, none twice."""
        pages = [self.page_of(where, link) for link in links]
        for page in pages:
            if page is not None and page not in self.articles:
                self.problem(where, f"entry links to {page}, which is not an article page")
        found = [p for p in pages if p is not None]
        if len(set(found)) != len(found):
            self.problem(where, "an article is listed twice")
        return set(found)

    def parse_xml_feed(self, path, version):
        """Entries' links of an Atom or RSS feed, or None when it does not parse."""
        feed = feedparser.parse(os.path.join(self.root, path))
        if feed.bozo:
            self.problem(path, f"does not parse: {feed.bozo_exception}")
            return None
        if feed.version != version:
            self.problem(path, f"is {feed.version or 'not a known feed format'}, expected {version}")
        if not feed.feed.get("title"):
            self.problem(path, "the feed has no title")
        for index, entry in enumerate(feed.entries):
            if not entry.get("title"):
                self.problem(path, f"entry {index + 1} has no title")
            # Atom requires <updated> on every entry; RSS 2.0's pubDate is optional (an undated article has none).
            if version == "atom10" and not entry.get("updated_parsed"):
                self.problem(path, f"entry {index + 1} ({entry.get('title', '')}) has no <updated> date")
        return [entry.get("link", "") for entry in feed.entries]

    def parse_json_feed(self, path):
        """Items' links of a JSON Feed 1.1, or None when it does not parse."""
        try:
            with open(os.path.join(self.root, path), encoding="utf-8") as f:
                feed = json.load(f)
        except (OSError, ValueError) as error:
            self.problem(path, f"does not parse: {error}")
            return None
        if feed.get("version") != "https://jsonfeed.org/version/1.1":
            self.problem(path, f"version is {feed.get('version')!r}, expected https://jsonfeed.org/version/1.1")
        if not isinstance(feed.get("title"), str) or not feed["title"]:
            self.problem(path, "the feed has no title")
        items = feed.get("items")
        if not isinstance(items, list):
            self.problem(path, "no items array")
            return None
        for index, item in enumerate(items):
            if not isinstance(item.get("id"), str) or not item["id"]:
                self.problem(path, f"item {index + 1} has no string id")
            if not any(isinstance(item.get(key), str) for key in ("content_html", "content_text")):
                self.problem(path, f"item {index + 1} has neither content_html nor content_text")
        return [item.get("url", "") for item in items]

    def check_site_feeds(self):
        for path, kind in (("feed.xml", "atom10"), ("rss.xml", "rss20"), ("feed.json", "json")):
            if not os.path.isfile(os.path.join(self.root, path)):
                continue
            links = self.parse_json_feed(path) if kind == "json" else self.parse_xml_feed(path, kind)
            if links is None:
                continue
            listed = self.entry_pages(path, links)
            expected = min(len(self.articles), FEED_LIMIT)
            if len(links) != expected:
                self.problem(path, f"{len(links)} entries for {len(self.articles)} articles (expected {expected})")
            missing = sorted(self.articles - listed)
            if missing and len(self.articles) <= FEED_LIMIT:
                self.problem(path, f"does not list {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
            self.report.append(f"{path}: {len(links)} entries")

    def check_entity_feeds(self):
        count = 0
        for folder in ENTITY_FOLDERS:
            base = os.path.join(self.root, folder)
            if not os.path.isdir(base):
                continue
            for name in sorted(os.listdir(base)):
                path = f"{folder}/{name}/feed.xml"
                if not os.path.isfile(os.path.join(self.root, path)):
                    continue
                count += 1
                links = self.parse_xml_feed(path, "atom10")
                if links is None:
                    continue
                listed = self.entry_pages(path, links)
                page = f"{folder}/{name}/index.html"
                if page not in self.pages:
                    self.problem(path, f"no page {page} beside the feed")
                    continue
                # The page and its numbered continuations (page/2/, page/3/, …) list the articles.
                prefix = f"{folder}/{name}/page/"
                list_pages = [page] + sorted(p for p in self.pages if p.startswith(prefix))
                linked = set()
                for list_page in list_pages:
                    for address in self.pages[list_page].links:
                        try:
                            target = target_file(self.root, list_page, address, self.base)
                        except ValueError:
                            continue
                        if target in self.articles:
                            linked.add(target)
                if not listed <= linked or len(listed) != min(len(linked), FEED_LIMIT):
                    self.problem(path, f"lists {len(listed)} articles, its page {page} links to {len(linked)}: "
                                       f"{', '.join(sorted(listed ^ linked)[:3])} differ")
        if count:
            self.report.append(f"people/events feeds: {count}")

    def check_sitemap(self):
        path = "sitemap.xml"
        if not os.path.isfile(os.path.join(self.root, path)):
            return False
        try:
            tree = ElementTree.parse(os.path.join(self.root, path))
        except ElementTree.ParseError as error:
            self.problem(path, f"is not well-formed XML: {error}")
            return True
        urlset = tree.getroot()
        if urlset.tag != SITEMAP_NS + "urlset":
            self.problem(path, f"the root element is {urlset.tag}, expected {SITEMAP_NS}urlset")
            return True
        listed = []
        for url in urlset.findall(SITEMAP_NS + "url"):
            loc = url.find(SITEMAP_NS + "loc")
            if loc is None or not (loc.text or "").strip():
                self.problem(path, "a <url> without <loc>")
                continue
            page = self.page_of(path, loc.text.strip())
            if page:
                listed.append(page)
        if len(set(listed)) != len(listed):
            self.problem(path, "a page is listed twice")
        expected = {p for p, page in self.pages.items() if p != "404.html" and not page.noindex}
        missing = sorted(expected - set(listed))
        if missing:
            self.problem(path, f"does not list {len(missing)} pages: {', '.join(missing[:5])}")
        for page in sorted(set(listed) - expected):
            self.problem(path, f"lists {page}, which is the 404 page or marked noindex")
        self.report.append(f"{path}: {len(listed)} pages of {len(expected)}")
        return True

    def check_robots(self, has_sitemap):
        path = "robots.txt"
        full = os.path.join(self.root, path)
        if not os.path.isfile(full):
            return
        with open(full, encoding="utf-8") as f:
            lines = [line.strip() for line in f]
        if not any(line.lower().startswith("user-agent:") for line in lines):
            self.problem(path, "no User-agent line")
        if has_sitemap and f"Sitemap: {self.base}sitemap.xml" not in lines:
            self.problem(path, f"does not name the sitemap (Sitemap: {self.base}sitemap.xml)")
        self.report.append(f"{path}: ok")

    def run(self):
        if not self.base:
            self.problem("index.html", "no canonical link, so no base URL to resolve feed links against")
            return
        self.check_site_feeds()
        self.check_entity_feeds()
        self.check_robots(self.check_sitemap())


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "public"
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"check_feeds: no site in {root} (no index.html)", file=sys.stderr)
        return 2
    checker = Checker(root)
    checker.run()
    for line in checker.report:
        print(line)
    for line in checker.problems:
        print(line)
    if not checker.report and not checker.problems:
        print("feeds: the site has no feeds, sitemap or robots.txt yet; nothing to check")
    print(f"feeds: {len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
