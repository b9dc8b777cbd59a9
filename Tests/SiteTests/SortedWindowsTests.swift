@testable import Site
import Testing

/// The merge behind related articles: every article of the windows once, ascending, with the
/// sum of the weights of every place it holds in them, whatever the windows' number and overlap.
@Suite struct SortedWindowsTests {
    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func merged(_ windows: [(articles: [Int], weight: Int)]) -> [(article: Int, weight: Int)] {
        var sorted = Library.SortedWindows()
        for window in windows { sorted.add(window.articles[...], weight: window.weight) }
        var out: [(article: Int, weight: Int)] = []
        sorted.merge { out.append(($0, $1)) }
        return out
    }

    @Test(arguments: 1...200)
    func mergeSumsTheWeightsOfEveryArticleInOrder(seed: Int) {
        var numbers = Numbers(state: UInt64(seed))
        var windows: [(articles: [Int], weight: Int)] = []
        for _ in 0..<numbers.next(8) {
            // An ascending window of distinct articles, as in a person's or an event's list;
            // some empty, some sharing articles with others.
            let articles = Set((0..<numbers.next(12)).map { _ in numbers.next(40) }).sorted()
            windows.append((articles, numbers.next(4)))
        }
        var expected: [Int: Int] = [:]
        for window in windows { for article in window.articles { expected[article, default: 0] += window.weight } }
        let result = merged(windows)
        #expect(result.map(\.article) == expected.keys.sorted(), "seed \(seed)")
        #expect(result.map(\.weight) == expected.keys.sorted().map { expected[$0]! }, "seed \(seed)")
    }

    @Test func noWindowsOrOnlyEmptyOnesGiveNothing() {
        #expect(merged([]).isEmpty)
        #expect(merged([([], 3), ([], 1)]).isEmpty)
    }

    @Test func oneArticleInEveryWindowIsMetOnce() {
        let result = merged([([1, 5, 9], 3), ([5], 1), ([2, 5], 1), ([5, 9], 0)])
        #expect(result.map(\.article) == [1, 2, 5, 9])
        #expect(result.map(\.weight) == [3, 1, 5, 3])
    }
}
