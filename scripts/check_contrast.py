#!/usr/bin/env python3
"""Contrast of the theme's colours, light and dark, by WCAG 2.2's formula.

Reads the custom properties of `:root` in a style sheet (the light palette) and of `:root`
inside `@media (prefers-color-scheme: dark)` (the dark one), and checks every pair of colours
the theme puts text on: at least 4.5:1 for text, 3:1 for the focus ring and borders of
controls (WCAG 1.4.3 and 1.4.11). Prints every ratio; exits 1 if any pair falls short.

    python3 scripts/check_contrast.py [templates/static/style.css]
"""
import re
import sys

# (foreground, background, minimum, what): every place the theme draws one colour on another.
PAIRS = [
    ("--fg", "--bg", 4.5, "body text"),
    ("--fg", "--card", 4.5, "text on cards"),
    ("--muted", "--bg", 4.5, "secondary text"),
    ("--muted", "--card", 4.5, "secondary text on cards"),
    ("--accent", "--bg", 4.5, "links"),
    ("--accent", "--card", 4.5, "links on cards"),
    ("--accent", "--tag", 4.5, "person and event tags"),
    ("--accent-visited", "--bg", 4.5, "visited links"),
    ("--accent-visited", "--card", 4.5, "visited links on cards"),
    ("--accent-visited", "--tag", 4.5, "visited tags"),
    ("--fg", "--tag", 4.5, "highlighted paragraph"),
    ("--fg", "--mark", 4.5, "search words marked in results"),
    ("--bg", "--fg", 4.5, "skip link"),
    ("--button-fg", "--accent", 4.5, "search button"),
    ("--focus", "--bg", 3.0, "focus ring"),
    ("--focus", "--card", 3.0, "focus ring on cards"),
    ("--control-border", "--bg", 3.0, "search box border"),
]


def palettes(css):
    """The light and dark custom properties: {name: '#rrggbb'}."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    dark_match = re.search(r"@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.S)
    light_match = re.search(r"(?<![\w-]):root\s*\{(.*?)\}", css, re.S)
    if not light_match or not dark_match:
        sys.exit("check_contrast: no :root block or no dark :root block in the style sheet")
    read = lambda block: dict(re.findall(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\b", block))
    light = read(light_match.group(1))
    dark = dict(light)
    dark.update(read(dark_match.group(1)))
    return light, dark


def luminance(colour):
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    def channel(value):
        c = int(value, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(digits[i:i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check(css):
    """Lines of the report and the number of failures."""
    lines, failures = [], 0
    for mode, palette in zip(("light", "dark"), palettes(css)):
        for fg, bg, minimum, what in PAIRS:
            if fg not in palette or bg not in palette:
                lines.append(f"FAIL {mode:5} {what}: {fg} or {bg} is not defined")
                failures += 1
                continue
            r = ratio(palette[fg], palette[bg])
            ok = r >= minimum
            failures += not ok
            lines.append(f"{'ok  ' if ok else 'FAIL'} {mode:5} {r:5.2f}:1 (≥ {minimum}) {what}: {fg} {palette[fg]} on {bg} {palette[bg]}")
    return lines, failures


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "templates/static/style.css"
    with open(path, encoding="utf-8") as f:
        lines, failures = check(f.read())
    print("\n".join(lines))
    print(f"contrast: {len(lines) - failures} pairs pass, {failures} fail")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
