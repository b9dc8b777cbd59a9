#!/usr/bin/env python3
"""Tests of the site checkers on small sites made here: each must pass a good site and catch
each kind of fault.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import check_contrast  # noqa: E402
import check_feeds  # noqa: E402
import check_links  # noqa: E402

BASE = "https://example.org/digest/"


def page(title, body="", path_to_root="", canonical=""):
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title}</title>
<link rel="canonical" href="{canonical}"><link rel="stylesheet" href="{path_to_root}style.css"></head>
<body><a href="#main">Skip</a><main id="main"><h1>{title}</h1>{body}</main></body></html>"""


def atom(entries, title="Digest"):
    items = "".join(
        f"<entry><title>{t}</title><link href=\"{BASE}{p}\"/><id>{BASE}{p}</id><updated>2022-03-10T00:00:00Z</updated></entry>"
        for t, p in entries)
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>
<id>{BASE}</id><updated>2022-03-10T00:00:00Z</updated><link href="{BASE}"/>{items}</feed>"""


def sitemap(paths):
    urls = "".join(f"<url><loc>{BASE}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


class Site:
    """A small built site in a temporary folder: a home page, two articles, a person."""

    def __init__(self):
        self.folder = tempfile.TemporaryDirectory()
        self.root = self.folder.name
        self.write("style.css", "body{}")
        self.write("index.html", page("Home", '<a href="articles/a/index.html">A</a> <a href="articles/b/">B</a>'
                                      ' <a href="people/p/index.html#quotes">P</a> <a href="https://other.example/">out</a>',
                                      canonical=BASE))
        self.write("articles/a/index.html", page("A", '<p id="p1">x</p><a href="../../people/p/index.html">P</a>', "../../", BASE + "articles/a/"))
        self.write("articles/b/index.html", page("B", '<a href="#p1">self</a><p id="p1">y</p>', "../../", BASE + "articles/b/"))
        self.write("people/p/index.html", page("P", '<h2 id="quotes">Quotes</h2><a href="../../articles/a/index.html">A</a>', "../../", BASE + "people/p/"))
        self.write("404.html", page("Not found", '<a href="/digest/index.html">home</a>'))

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)

    def close(self):
        self.folder.cleanup()


class LinkTests(unittest.TestCase):
    def setUp(self):
        self.site = Site()
        self.addCleanup(self.site.close)

    def broken(self):
        return check_links.check(self.site.root)[2]

    def test_good_site_passes(self):
        pages, checked, broken = check_links.check(self.site.root)
        self.assertEqual(broken, [])
        self.assertEqual(pages, 5)
        self.assertGreater(checked, 10)

    def test_missing_file(self):
        self.site.write("articles/b/index.html", page("B", '<a href="../c/index.html">C</a>', "../../", BASE + "articles/b/"))
        self.assertEqual([(p, a) for p, a, _ in self.broken()], [("articles/b/index.html", "../c/index.html")])

    def test_missing_anchor(self):
        self.site.write("articles/b/index.html", page("B", '<a href="../a/index.html#p9">A</a>', "../../", BASE + "articles/b/"))
        self.assertIn("no element with id 'p9'", self.broken()[0][2])

    def test_missing_stylesheet_and_form_action(self):
        os.remove(os.path.join(self.site.root, "style.css"))
        self.site.write("people/p/index.html", page("P", '<h2 id="quotes">Q</h2><form action="../../search/index.html"></form>', "../../", BASE + "people/p/"))
        targets = {a for _, a, _ in self.broken()}
        self.assertIn("../../search/index.html", targets)
        self.assertIn("style.css", targets)

    def test_root_absolute_outside_base_and_canonical_to_nowhere(self):
        self.site.write("404.html", page("Not found", '<a href="/elsewhere/index.html">x</a>', canonical=BASE + "gone/"))
        reasons = sorted(r for _, _, r in self.broken())
        self.assertEqual(len(reasons), 2)
        self.assertTrue(any("outside the site's base path /digest/" in r for r in reasons))
        self.assertTrue(any("no file gone/index.html" in r for r in reasons))

    def test_link_out_of_the_site(self):
        self.site.write("articles/b/index.html", page("B", '<a href="../../../x.html">x</a>', "../../", BASE + "articles/b/"))
        self.assertEqual(self.broken()[0][2], "leads out of the site")


class FeedTests(unittest.TestCase):
    def setUp(self):
        self.site = Site()
        self.addCleanup(self.site.close)

    def problems(self):
        checker = check_feeds.Checker(self.site.root)
        checker.run()
        return checker.problems

    def test_site_without_feeds_passes(self):
        self.assertEqual(self.problems(), [])

    def test_good_feeds_sitemap_and_robots_pass(self):
        self.site.write("feed.xml", atom([("A", "articles/a/"), ("B", "articles/b/index.html")]))
        self.site.write("people/p/feed.xml", atom([("A", "articles/a/")], "P"))
        self.site.write("feed.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "D", "items": ['
                        f'{{"id": "a", "url": "{BASE}articles/a/", "content_html": "<p>x</p>"}},'
                        f'{{"id": "b", "url": "{BASE}articles/b/", "content_text": "y"}}]}}')
        self.site.write("sitemap.xml", sitemap(["", "articles/a/", "articles/b/", "people/p/"]))
        self.site.write("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n")
        self.assertEqual(self.problems(), [])

    def test_feed_missing_an_article(self):
        self.site.write("feed.xml", atom([("A", "articles/a/")]))
        problems = self.problems()
        self.assertTrue(any("1 entries for 2 articles" in p for p in problems), problems)

    def test_atom_entry_without_a_date(self):
        self.site.write("feed.xml", atom([("A", "articles/a/"), ("B", "articles/b/")]).replace("<updated>2022-03-10T00:00:00Z</updated></entry>", "</entry>", 1))
        self.assertEqual(self.problems(), ["feed.xml: entry 1 (A) has no <updated> date"])

    def test_feed_that_does_not_parse(self):
        self.site.write("rss.xml", "<rss version=\"2.0\"><channel><title>x</title><item><title>A</item></channel></rss>")
        self.assertTrue(any("does not parse" in p for p in self.problems()))

    def test_feed_entry_to_a_missing_page(self):
        self.site.write("feed.xml", atom([("A", "articles/a/"), ("B", "articles/b/"), ("C", "articles/c/")]))
        self.assertTrue(any("leads to no page" in p for p in self.problems()))

    def test_person_feed_must_match_the_page(self):
        self.site.write("people/p/feed.xml", atom([("A", "articles/a/"), ("B", "articles/b/")], "P"))
        self.assertTrue(any(p.startswith("people/p/feed.xml: lists 2 articles") for p in self.problems()))

    def test_json_feed_of_the_wrong_version(self):
        self.site.write("feed.json", '{"version": "https://jsonfeed.org/version/1", "title": "D", "items": []}')
        problems = self.problems()
        self.assertTrue(any("expected https://jsonfeed.org/version/1.1" in p for p in problems))
        self.assertTrue(any("0 entries for 2 articles" in p for p in problems))

    def test_sitemap_missing_a_page_or_listing_404(self):
        self.site.write("sitemap.xml", sitemap(["", "articles/a/", "404.html"]))
        problems = self.problems()
        self.assertTrue(any("does not list 2 pages" in p for p in problems), problems)
        self.assertTrue(any("lists 404.html, which is the 404 page or marked noindex" in p for p in problems), problems)

    def test_sitemap_leaves_out_pages_marked_noindex(self):
        self.site.write("people/p/index.html", page("P", '<meta name="robots" content="noindex"><a href="../../articles/a/index.html">A</a>', "../../", BASE + "people/p/"))
        self.site.write("sitemap.xml", sitemap(["", "articles/a/", "articles/b/"]))
        self.assertEqual(self.problems(), [])
        self.site.write("sitemap.xml", sitemap(["", "articles/a/", "articles/b/", "people/p/"]))
        self.assertEqual(self.problems(), ["sitemap.xml: lists people/p/index.html, which is the 404 page or marked noindex"])

    def test_sitemap_not_well_formed(self):
        self.site.write("sitemap.xml", "<urlset><url><loc>x</url></urlset>")
        self.assertTrue(any("not well-formed" in p for p in self.problems()))

    def test_robots_without_the_sitemap(self):
        self.site.write("sitemap.xml", sitemap(["", "articles/a/", "articles/b/", "people/p/"]))
        self.site.write("robots.txt", "User-agent: *\nAllow: /\n")
        self.assertEqual(self.problems(), [f"robots.txt: does not name the sitemap (Sitemap: {BASE}sitemap.xml)"])


class ContrastTests(unittest.TestCase):
    CSS = """:root { --fg: #111111; --bg: #ffffff; --card: #ffffff; --muted: #555555; --accent: #0b5cad;
      --accent-visited: #6a3d9a; --tag: #eef3fa; --mark: #fff0a8; --focus: #b35c00; --control-border: #767680; --button-fg: #ffffff; }
    @media (prefers-color-scheme: dark) { :root { --fg: #eeeeee; --bg: #111111; --card: #1c1f23; --muted: #aaaaaa;
      --accent: #7cb7ff; --accent-visited: #c3a6f0; --tag: #223041; --mark: #5c4a00; --focus: #f0b400; --control-border: #8a8d93; --button-fg: #111111; } }"""

    def test_ratio_of_black_on_white_is_21(self):
        self.assertAlmostEqual(check_contrast.ratio("#000", "#ffffff"), 21.0, places=3)

    def test_good_palette_passes(self):
        self.assertEqual(check_contrast.check(self.CSS)[1], 0)

    def test_grey_text_in_dark_mode_fails(self):
        css = self.CSS.replace("--muted: #aaaaaa", "--muted: #555555")
        lines, failures = check_contrast.check(css)
        self.assertEqual(failures, 2)
        self.assertTrue(all("dark" in line and "--muted" in line for line in lines if line.startswith("FAIL")))

    def test_the_theme_passes(self):
        path = os.path.join(os.path.dirname(__file__), "..", "templates", "static", "style.css")
        with open(path, encoding="utf-8") as f:
            lines, failures = check_contrast.check(f.read())
        self.assertEqual(failures, 0, "\n".join(line for line in lines if line.startswith("FAIL")))


if __name__ == "__main__":
    unittest.main()
