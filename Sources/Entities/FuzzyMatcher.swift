/// Bounded edit distance between folded name words, for misspellings and transliterations
/// (`Anthony` → `Antony`). A `?` in the text (a run of another script inside a Latin word)
/// matches any one letter at no cost.
enum FuzzyMatcher {
    /// The largest distance accepted for a word of this length.
    static func bound(_ length: Int) -> Int {
        length >= 8 ? 2 : (length >= 4 ? 1 : 0)
    }

    /// Levenshtein distance, or nil when it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit + (x.contains(Fold.wildcard) ? 2 : 0) { return nil }
        var prev = Array(0...y.count)
        var cur = Array(repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                let same = x[i - 1] == y[j - 1] || x[i - 1] == Fold.wildcard
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return nil }
            swap(&prev, &cur)
        }
        let d = x.isEmpty ? y.count : prev[y.count]
        return d <= limit ? d : nil
    }

    /// Total distance between two names of the same length, each word within its bound; nil otherwise.
    static func nameDistance(_ text: [String], _ known: [String]) -> Int? {
        guard text.count == known.count, !text.isEmpty else { return nil }
        var total = 0
        for (a, b) in zip(text, known) {
            if a == b { continue }
            let limit = bound(b.utf8.count)
            guard let d = distance(a, b, limit: limit) else { return nil }
            // A wildcard alone is not a spelling difference, but still a doubt.
            total += max(d, a.utf8.contains(Fold.wildcard) ? 1 : 0)
        }
        return total
    }
}
