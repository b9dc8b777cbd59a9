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
        var taken = SlugSet()
        #expect(Slug.unique("talks", in: &taken) == "talks")
        #expect(Slug.unique("talks", in: &taken) == "talks-2")
        #expect(Slug.unique("talks", in: &taken) == "talks-3")
        #expect(taken.contains("talks-3") && !taken.contains("talks-4"))
    }

    /// The number remembered per base gives what trying `-2`, `-3`, … from the start gives,
    /// also where a base is itself another base's numbered slug (`talks-2`).
    @Test(arguments: 1...50)
    func uniqueGivesTheLowestFreeNumber(seed: Int) {
        let bases = ["talks", "talks-2", "talks-3", "talks-2-2", "truce", "truce-10", "talks-4"]
        var state = UInt64(seed)
        var taken = SlugSet()
        var reference = Set<String>()
        for _ in 0..<60 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let base = bases[Int((state >> 33) % UInt64(bases.count))]
            var expected = base
            var n = 2
            while reference.contains(expected) {
                expected = "\(base)-\(n)"
                n += 1
            }
            reference.insert(expected)
            #expect(Slug.unique(base, in: &taken) == expected, "seed \(seed)")
        }
    }

    /// Hundreds of articles under one headline: each gets the next number straight away.
    @Test func manyArticlesUnderOneHeadline() {
        var taken = SlugSet()
        let slugs = (0..<2_000).map { _ in Slug.unique("us-russia-agree-to-continue-talks", in: &taken) }
        #expect(slugs.first == "us-russia-agree-to-continue-talks")
        #expect(slugs.last == "us-russia-agree-to-continue-talks-2000")
        #expect(Set(slugs).count == 2_000)
    }
}
