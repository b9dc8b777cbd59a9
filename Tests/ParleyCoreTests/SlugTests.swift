import ParleyCore
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Mevlüt Çavuşoğlu", "mevlut-cavusoglu"),
        ("Istanbul round of Russia–Ukraine talks", "istanbul-round-of-russia-ukraine-talks"),
        ("Putin’s speech", "putins-speech"),
        ("  Karine Jean-Pierre  ", "karine-jean-pierre"),
        ("../../etc/passwd", "etc-passwd"),
        ("Straße", "strasse"),
        ("日本語", "untitled"),
        ("", "untitled"),
    ])
    func makesSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func slugsAreSafeFileNames() {
        for input in ["a/b", "..", ".hidden", "a\u{0}b", "con:aux", "x?y#z", "<script>"] {
            let slug = Slug.make(input)
            #expect(!slug.isEmpty)
            #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
        }
    }

    @Test func longSlugsAreCutAtAWordBoundary() {
        let slug = Slug.make("The United States is still skeptical of peace talks with Russia demanding withdrawal from Kyiv")
        #expect(slug.count <= 64)
        #expect(slug == "the-united-states-is-still-skeptical-of-peace-talks-with-russia")
    }

    @Test func uniqueAppendsCounters() {
        var taken = Set<String>()
        #expect(Slug.unique("talks", in: &taken) == "talks")
        #expect(Slug.unique("talks", in: &taken) == "talks-2")
        #expect(Slug.unique("talks", in: &taken) == "talks-3")
    }
}
