import Markdown
import ParleyTestSupport
import Render
import Testing

/// The escaped text of a paragraph, rendered by cmark, reads back as the same text.
@Suite struct EscaperRoundTripTests {
    /// What cmark shows for one escaped paragraph.
    static func roundTrip(_ text: String) -> String {
        HTMLText.rendered(MarkdownEscaper.escape(text))
    }

    @Test(arguments: [
        "*not emphasis* and _not either_ and **nor this**",
        "[not a link](https://example.org) and ![no image](x.png)",
        "<script>alert(1)</script> <b>bold</b> <!-- comment -->",
        "# not a heading",
        "1. not a list",
        "2022) not a list either",
        "- not a bullet",
        "+ not a bullet",
        "> not a quote",
        "---",
        "***",
        "___",
        "=====",
        "`not code` and ``neither``",
        "back\\slash at the end\\",
        "&amp; &copy; &#32; stay literal",
        "    four spaces do not make code",
        "\tnor does a tab",
        "trailing spaces stay  ",
        "a | table | row",
        "~~not struck~~",
        "<https://example.org> is not an autolink",
        "[ref]: /url \"title\"",
        "Putin’s “quoted” words – with dashes — and …",
        "Mevlুতt Cavusoglu",
    ])
    func knownTricks(_ text: String) {
        #expect(Self.roundTrip(text) == text)
    }

    @Test func generatedStringsFullOfMetacharacters() {
        var rng = SplitMix64(seed: 0x5EED)
        let alphabet = Array("\\`*_{}[]()<>#+-.!|~&;:=\"'/ \t0123456789aZ é“”’–—…\u{00A0}") + ["Kyiv", "1.", "2)", "&amp;", "&#x41;", "http://x.y", "<a href=\"javascript:alert(1)\">", "-->"]
            .flatMap { Array($0) }
        var failures: [String] = []
        for _ in 0..<3000 {
            let length = Int(rng.next() % 40) + 1
            var text = ""
            for _ in 0..<length { text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if Self.roundTrip(text) != text { failures.append(text) }
        }
        #expect(failures.isEmpty, "not preserved: \(failures.prefix(5).map { $0.debugDescription })")
    }

    @Test func linesStayLines() {
        let text = "first line\n# second\n1. third"
        #expect(Self.roundTrip(text) == text)
    }
}
