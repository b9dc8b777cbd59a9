#!/usr/bin/env python3
"""Every internal link and anchor of a built site leads somewhere: an independent check.

Parley checks links itself while it builds (`parley check`); this script checks the written
folder again with Python's own HTML parser, so a bug in one checker cannot hide a broken link.
It reads every HTML page under the folder and follows the addresses in `href`, `src`, `srcset`,
`poster` and form `action` attributes:

- a relative address, or a root-absolute one under the site's base path, must name a file of
  the folder (a folder address its `index.html`);
- an absolute `http(s)` address under the site's base URL (canonical links, feed links) too;
- a `#fragment` must be the `id` of an element of the target page (or `name` of an `<a>`).

Other addresses (other sites, `mailto:`) are not fetched. The base URL is read from the
canonical link of the home page. Exits 1 when anything is broken.

    python3 scripts/check_links.py public
"""
import html.parser
import os
import sys
import urllib.parse

LINK_ATTRIBUTES = {"href", "src", "poster", "action"}


class Page(html.parser.HTMLParser):
    """The ids and the outgoing addresses of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []
        self.canonical = None
        self.noindex = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        if tag == "link" and attributes.get("rel") == "canonical":
            self.canonical = attributes.get("href")
        if tag == "meta" and (attributes.get("name") or "").lower() == "robots" and "noindex" in (attributes.get("content") or "").lower():
            self.noindex = True
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRIBUTES:
                self.links.append(value.strip())
            elif name == "srcset":
                self.links += [part.split()[0] for part in value.split(",") if part.strip()]

    handle_startendtag = handle_starttag


def read_pages(root):
    """{path relative to root: Page} for every .html file."""
    pages = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".html"):
                full = os.path.join(folder, name)
                page = Page()
                with open(full, encoding="utf-8") as f:
                    page.feed(f.read())
                pages[os.path.relpath(full, root).replace(os.sep, "/")] = page
    return pages


def base_url(pages):
    """The site's base URL: the canonical address of the home page (empty when there is none)."""
    home = pages.get("index.html")
    return home.canonical if home and home.canonical else ""


def target_file(root, page_path, address, base):
    """The file an address leads to, relative to root; None when it is not internal.

    Raises ValueError with a reason when the address is internal but leaves the site."""
    parts = urllib.parse.urlsplit(address)
    if parts.scheme or parts.netloc:
        if not base or not address.startswith(base):
            return None
        path = urllib.parse.unquote(parts.path)[len(urllib.parse.urlsplit(base).path):]
    elif parts.path.startswith("/"):
        base_path = urllib.parse.urlsplit(base).path or "/"
        path = urllib.parse.unquote(parts.path)
        if not path.startswith(base_path):
            raise ValueError(f"outside the site's base path {base_path}")
        path = path[len(base_path):]
    else:
        path = urllib.parse.unquote(parts.path)
        if not path:
            return page_path
        path = os.path.normpath(os.path.join(os.path.dirname(page_path), path)).replace(os.sep, "/")
        if path == "." or address.endswith("/"):
            path = "" if path == "." else path + "/"
        if path.startswith("../") or path == "..":
            raise ValueError("leads out of the site")
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif os.path.isdir(os.path.join(root, path)):
        path += "/index.html"
    return path


def check(root):
    """(number of links checked, [(page, address, reason)])."""
    pages = read_pages(root)
    base = base_url(pages)
    broken, checked = [], 0
    for page_path in sorted(pages):
        for address in pages[page_path].links:
            try:
                target = target_file(root, page_path, address, base)
            except ValueError as problem:
                broken.append((page_path, address, str(problem)))
                continue
            if target is None:
                continue
            checked += 1
            if not os.path.isfile(os.path.join(root, target)):
                broken.append((page_path, address, f"no file {target}"))
                continue
            fragment = urllib.parse.unquote(urllib.parse.urlsplit(address).fragment)
            if fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append((page_path, address, f"no element with id '{fragment}' in {target}"))
    return len(pages), checked, broken


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "public"
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"check_links: no site in {root} (no index.html)", file=sys.stderr)
        return 2
    page_count, checked, broken = check(root)
    for page, address, reason in broken:
        print(f"{page}: broken link to {address} ({reason})")
    print(f"links: {page_count} pages, {checked} internal links checked, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
